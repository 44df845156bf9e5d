"""Justified lines stretch their spaces without limit.

Bug: ``layout.inline.justify_line`` shares a line's whole free width among its spaces,
however much that is: a line before a long word that cannot break (a web address, TeX math,
HTML printed as typed) or a short line of few words gets gaps three or four times a word
space wide, "rivers" a reader trips over. CSS has no property to bound it.

Reproduction: tests/engine/repros/justify_long_word.html (a narrow justified column with a
long unbreakable word: the line before it spreads three words across the measure).

Fix: a line whose spaces would each grow by more than one word space (0.25 em: Charis
SIL's space is 0.29 em, Noto Sans's 0.26 em) is left unjustified, set from its start like
the last line of a paragraph, so no space is ever more than about twice its width.
"""

from __future__ import annotations

from typing import Any

from weasyprint.layout import inline

from ._patching import Patch

MAX_EXTRA_EM = 0.25  # one word space of extra width per space, at most


def _wrap(justify_line: Any) -> Any:
    def _justify_line(context: Any, line: Any, extra_width: float) -> None:
        spaces = inline.count_expandable_spaces(line)
        if spaces and extra_width / spaces > MAX_EXTRA_EM * line.style["font_size"]:
            return  # set from its start: a short line reads better than wide gaps
        justify_line(context, line, extra_width)
    return _justify_line


PATCHES = [Patch(inline, "justify_line", _wrap)]
