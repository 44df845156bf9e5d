"""The writer's typographic conventions, applied to the text between Markdown and layout.

Two hooks in markdown.py call this module:
- `before_parsing(text)` on the Markdown source, before markdown-it sees it;
- `after_rendering(html, language)` on the HTML of the body and of the background page.

Every change keeps the words: it only adds invisible break controls or exchanges a space for a
no-break space, so pdftotext still reads back the source words.
"""

from __future__ import annotations

import re
import threading

import icu

from pressroom.language import Language

WORD_JOINER = "\u2060"  # no line break here
ZERO_WIDTH_SPACE = "\u200b"  # a line may break here
NARROW_NO_BREAK_SPACE = "\u202f"

# Scripts written without spaces whose word boundaries Pango does not know (it has a Thai
# dictionary through libthai, none for these): ICU's dictionary-based line breaker finds them.
UNSPACED_RUN = re.compile(r"[\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff\u1000-\u109f\uaa60-\uaa7f]{2,}")
ICU_LOCALE_OF_RUN = (("\u0e80", "\u0eff", "lo"), ("\u1780", "\u19ff", "km"), ("\u1000", "\uaa7f", "my"))

# Text between tags of the rendered HTML (markdown-it escapes every < and > in the text).
TEXT_BETWEEN_TAGS = re.compile(r"(?<=>)[^<]+|^[^<]+")
# A note call right after a word: nothing may separate them at a line end. WeasyPrint does not
# break there by itself; a space typed before the call ("word [^1]") would let it, so that
# space becomes a no-break space.
NOTE_CALL_AFTER_WORD = re.compile(r'(?<=[^\s>])(<a class="note-call")')
NOTE_CALL_AFTER_SPACE = re.compile(r'[ \t]+(<a class="note-call")')
NO_BREAK_SPACE = "\u00a0"

# French, typed with ordinary spaces: the space before ; : ! ? » and after « becomes a narrow
# no-break space, and so does the space inside a digit group (50 000).
FRENCH_BEFORE = re.compile(r"[ \u00a0](?=[;:!?»])")
FRENCH_AFTER = re.compile(r"(?<=«)[ \u00a0]")
# Quotes the typographer made from straight ones ("mot" -> «mot») get the same spaces inside.
FRENCH_INSIDE_QUOTES = (re.compile(r"(?<=«)(?![\s\u202f])"), re.compile(r"(?<![\s\u202f])(?=»)"))
DIGIT_GROUP = re.compile(r"(?<=\d)[ \u00a0](?=\d{3}(?!\d))")

# CJK emphasis: CommonMark does not close `**引言：**正文` (a closing run after punctuation must
# be followed by a space or punctuation), nor open `文**「引言」**`. Moving the CJK punctuation
# just outside the delimiters keeps the words and lets the emphasis work.
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
CJK_LETTER = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)([^*\n]+?)(?<=\S)\1")
LEADING_PUNCTUATION = re.compile(rf"^[{CJK_PUNCTUATION}]+")
TRAILING_PUNCTUATION = re.compile(rf"[{CJK_PUNCTUATION}]+$")
CJK_LETTER_CHAR = re.compile(rf"[{CJK_LETTER}]")


def before_parsing(text: str) -> str:
    """Markdown source -> the same source with CJK emphasis that CommonMark will recognise."""

    def fix(match: re.Match) -> str:
        marker, inner = match[1], match[2]
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        lead = LEADING_PUNCTUATION.match(inner) if CJK_LETTER_CHAR.match(before) else None
        trail = TRAILING_PUNCTUATION.search(inner) if CJK_LETTER_CHAR.match(after) else None
        opening, closing = (lead[0] if lead else ""), (trail[0] if trail else "")
        core = inner[len(opening) : len(inner) - len(closing)]
        return f"{opening}{marker}{core}{marker}{closing}" if core.strip() else match[0]

    return EMPHASIS.sub(fix, text)


def after_rendering(html: str, language: Language) -> str:
    """Rendered HTML -> the same HTML with the language's spacing and line-break controls."""
    french = language.locale.language == "fr"

    def text(match: re.Match) -> str:
        piece = UNSPACED_RUN.sub(_mark_word_breaks, match[0])
        return _french_spacing(piece) if french else piece

    html = TEXT_BETWEEN_TAGS.sub(text, html)
    html = NOTE_CALL_AFTER_SPACE.sub(NO_BREAK_SPACE + r"\1", html)
    return NOTE_CALL_AFTER_WORD.sub(WORD_JOINER + r"\1", html)


def _french_spacing(text: str) -> str:
    for pattern in (FRENCH_BEFORE, FRENCH_AFTER, DIGIT_GROUP, *FRENCH_INSIDE_QUOTES):
        text = pattern.sub(NARROW_NO_BREAK_SPACE, text)
    return text


def _mark_word_breaks(match: re.Match) -> str:
    run = match[0]
    breaker = _line_breaker(next(locale for low, high, locale in ICU_LOCALE_OF_RUN if low <= run[0] <= high))
    breaker.setText(run)
    pieces, start = [], 0
    for end in breaker:
        pieces.append(run[start:end])
        start = end
    return ZERO_WIDTH_SPACE.join(pieces)


def _line_breaker(locale: str) -> icu.BreakIterator:
    """One per locale and thread: a break iterator holds the text it is given, so two reports
    built at once (a batch) must not share one."""
    breakers = _BREAKERS.__dict__.setdefault("by_locale", {})
    if locale not in breakers:
        breakers[locale] = icu.BreakIterator.createLineInstance(icu.Locale(locale))
    return breakers[locale]


_BREAKERS = threading.local()
