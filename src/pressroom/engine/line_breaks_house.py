"""House rules for line breaks that CSS cannot state: which words never hyphenate, and no
paragraph ending on a word alone where the line above can give it a companion.

Gap: WeasyPrint 70 hyphenates every word pyphen knows: acronyms and names ("EURO-POL",
"Euro-pol"), and the last word of a paragraph, leaving a fragment alone on the last line.
CSS has no property for either (``hyphenate-limit-last`` is not implemented), and it has
no ``text-wrap: pretty``, so a paragraph may end on a one-word line ("occurs.").

Reproduction: tests/engine/repros/line_breaks.html (a capitalised word and a paragraph
whose last word the engine hyphenates, a paragraph ending on a word alone).

Fix: a pyphen dictionary that offers no break in an acronym, a word in capitals, or a
capitalised word of up to nine letters (a name; longer ones are mostly common words that
open a title or a sentence, and keeping them whole would loosen too many lines), and a wrapper of the line splitter:
when a line would split the last word of its text, it is laid out again keeping the word
whole; when it would leave that text's last word alone on the next line at a sentence's
end, it is laid out again shorter, giving the last line the end of the word before
(hyphenated) or the whole word, provided the line's spaces grow by at most
:data:`MOST_ADDED_SPACE` em each.
"""

from __future__ import annotations

import contextvars
import re
from typing import Any

import pyphen
import weasyprint.layout.inline

from ._patching import Patch

#: How much wider (in em) each space of a line may grow to give the last line a second word.
MOST_ADDED_SPACE = 0.25
#: Text that ends a sentence, so probably its paragraph: a word alone after it is a widow.
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’»)\]]*\s*$")
_keep_whole = contextvars.ContextVar("keep_whole", default=False)


#: A capitalised word this long is a common word in a title ("Identification"); shorter, a name.
LONGEST_NAME = 9


def in_capitals(word: str) -> bool:
    """An acronym, a word in capitals or a name ("EUROPOL", "NCMEC's", "Europol"): never split."""
    capitals = sum(character.isupper() for character in word)
    return capitals > 1 or (capitals == 1 and sum(character.isalpha() for character in word) <= LONGEST_NAME)


def _wrap_dictionary(dictionary_class: Any) -> Any:
    class HouseDictionary(dictionary_class):
        def iterate(self, word: str) -> Any:
            if _keep_whole.get() or in_capitals(word):
                return iter(())
            return super().iterate(word)
    return HouseDictionary


def _wrap_split(split_first_line: Any) -> Any:
    def split(text: str, style: Any, context: Any, max_width: Any, justification_spacing: Any,
              is_line_start: bool = True, minimum: bool = False) -> Any:
        result = split_first_line(text, style, context, max_width, justification_spacing, is_line_start, minimum)
        resume = result[2]
        if resume is None or minimum or style['hyphens'] != 'auto':
            return result
        encoded = text.encode()
        line, rest = encoded[:resume].decode(errors="ignore"), encoded[resume:].decode(errors="ignore")
        if " " in rest.strip():
            return result
        if line[-1:].isalpha() and rest[:1].isalpha():  # the text's last word is split
            result = _again(split_first_line, text, style, context, max_width, justification_spacing, is_line_start)
            if result[2] is None:
                return result
            line, rest = encoded[:result[2]].decode(errors="ignore"), encoded[result[2]:].decode(errors="ignore")
        if is_line_start and _SENTENCE_END.search(rest) and line.strip().count(" ") >= 4:
            # Give the last line part of the word before (hyphenated), else the whole word.
            arguments = (text, style, context, result[3] - 0.01, justification_spacing, True)
            limit = _added_space(encoded, result, max_width) + MOST_ADDED_SPACE * style['font_size']
            for shorter in (split_first_line(*arguments), _again(split_first_line, *arguments)):
                if shorter[2] is not None and _added_space(encoded, shorter, max_width) <= limit:
                    return shorter
        return result
    return split


def _added_space(encoded: bytes, result: Any, max_width: float) -> float:
    """How much justifying widens each space of the line `result` holds."""
    spaces = encoded[:result[2]].decode(errors="ignore").strip().count(" ")
    return (max_width - result[3]) / spaces if spaces else float("inf")


def _again(split_first_line: Any, *arguments: Any) -> Any:
    token = _keep_whole.set(True)
    try:
        return split_first_line(*arguments)
    finally:
        _keep_whole.reset(token)


PATCHES = [
    Patch(pyphen, 'Pyphen', _wrap_dictionary),
    Patch(weasyprint.layout.inline, 'split_first_line', _wrap_split),
]
