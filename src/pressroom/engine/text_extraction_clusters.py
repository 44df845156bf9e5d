"""Complex scripts extract wrongly: Thai SARA AM vanishes, Devanagari and Arabic come apart.

Bug: WeasyPrint 70 maps each glyph to Unicode once per font (``font.to_unicode``, first use
wins) from Pango's clusters. Where shaping turns one character into several glyphs, or several
characters into one, the map cannot be right: Thai ำ (SARA AM) is drawn as NIKHAHIT + SARA AA,
and SARA AA's glyph is already mapped to า, so "สำคัญ" extracts as "สาคัญ"; Devanagari
reordered vowel signs and conjuncts, Arabic ligatures (lam-alef) and Khmer/Burmese clusters
extract out of order or split. pdftotext, pypdf, mutool and screen readers all read that map.

Reproduction: tests/engine/repros/thai_sara_am.html (pdftotext gives "สาคัญ").

Fix: wrap each line of such text in a /Span marked-content sequence whose /ActualText is the
line's own text, which PDF readers use instead of the glyph map (PDF 32000-1, 14.9.4). Lines
only in scripts whose glyphs map one to one (Latin, Cyrillic, Greek, CJK) are left as they are,
and so are right-to-left lines: poppler lays an ActualText's characters out left to right and
then reverses the line, so a logical ActualText would read back reversed, while the glyph map
reads back in logical order there (ligatures: patch rtl_ligature_letters; raised harakat and
brackets: docs/extraction.md).
"""

from __future__ import annotations

import re
from typing import Any

import pydyf
import weasyprint.draw.text

from ._patching import Patch

# Hebrew, Arabic (with Syriac, Thaana, NKo...), the Indic scripts, Thai, Lao, Tibetan, Myanmar,
# Khmer, and the Arabic and Hebrew presentation forms.
SHAPED_SCRIPTS = re.compile(r"[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\ufb1d-\ufdff\ufe70-\ufeff]")

# Break controls (pressroom's conventions.py) are not text.
INVISIBLE = re.compile(r"[\u200b\u2060]")


def _wrap(draw_first_line: Any) -> Any:
    def _draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        text = INVISIBLE.sub("", textbox.text)
        if not SHAPED_SCRIPTS.search(text) or not text.strip() or textbox.style["direction"] == "rtl":
            return draw_first_line(stream, textbox, *args, **kwargs)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    return _draw_first_line


PATCHES = [Patch(weasyprint.draw.text, "draw_first_line", _wrap)]
