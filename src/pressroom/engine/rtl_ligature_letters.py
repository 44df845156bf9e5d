"""Arabic ligatures read back with their letters swapped: "لا" (lam-alef) comes back as "ال".

Bug: WeasyPrint 70 maps a ligature glyph to all the letters of its cluster in logical order
(Noto Sans Arabic draws lam-alef "لا" as one glyph, ToUnicode "لا"). Poppler (pdftotext)
spreads a glyph's letters over its width from left to right (``TextPage::addChar``: ``w1 /=
uLen``, one character per slice) and then reverses every right-to-left run of the line
(``reorderText``), so the two letters come back swapped: "الاستغلال" reads "االستغالل".
Poppler does the same to an /ActualText string (``ActualText::end`` feeds the whole string to
``addChar`` as one glyph), so ActualText cannot mend it. pypdf, which reverses right-to-left
text glyph by glyph, reads such a ligature right; mutool, which keeps the drawing order, gives
it in logical order inside an otherwise visual-order line.

Reproduction: tests/engine/repros/rtl_lam_alef.html (pdftotext gives "باالستغالل").

Fix: a glyph whose letters are right-to-left keeps only its first letter; each further letter
is carried by that letter's own glyph, drawn invisibly (text rendering mode 3) just before
the ligature in the content stream and just left of it on the page, squeezed to 0.15 em so
that it ends where the ligature starts. Every glyph then stands for one character, drawn in
visual order like all the others, so any reader that reverses right-to-left text, by glyph
(pypdf) or by character (poppler), gets the letters in logical order, and the page looks the
same. More on what poppler does to right-to-left text: docs/extraction.md.
"""

from __future__ import annotations

import io
import re
import unicodedata
from itertools import islice
from typing import Any

import weasyprint.draw.text
from fontTools.ttLib import TTFont

from ._patching import Patch

# How wide (thousandths of an em) poppler sees each companion letter, which ends where the next
# glyph starts: more than the 0.1 em within which a character is a duplicate of the previous
# one (fake bold), less than the 0.2 em of overlap that starts a new word.
COMPANION_WIDTH = 150

GLYPHS = re.compile(r"<([0-9a-f]*)>|(-?[\d.]+)")


def _right_to_left(text: str) -> bool:
    return len(text) > 1 and all(unicodedata.bidirectional(c) in {"R", "AL", "NSM"} for c in text)


def _companion(font: Any, char: str) -> int | None:
    """A glyph of ``font`` that stands for ``char`` alone (its own nominal glyph)."""
    for glyph, text in font.to_unicode.items():
        if text == char:
            return glyph
    glyph = _font_file(font).get(ord(char))
    if glyph is None or font.to_unicode.get(glyph, char) != char:
        return None
    return glyph


def _font_file(font: Any) -> dict[int, int]:
    cached = getattr(font, "_pressroom_cmap", None)
    if cached is None:
        ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, lazy=True)
        order = ttfont.getGlyphOrder()
        ids = {name: i for i, name in enumerate(order)}
        cached = {code: ids[name] for code, name in (ttfont.getBestCmap() or {}).items()}
        font._pressroom_hmtx = {ids[name]: advance for name, (advance, _) in ttfont["hmtx"].metrics.items()}
        font._pressroom_cmap = cached
    return cached


def _width(font: Any, glyph: int) -> int:
    if glyph not in font.widths:
        _font_file(font)
        font.widths[glyph] = round(font._pressroom_hmtx.get(glyph, 0) * 1000 / font.upem)
    return font.widths[glyph]


def _companions(font: Any, glyph: int) -> list[int]:
    """The glyphs drawn before ``glyph`` for its letters after the first (none: it is not split)."""
    split = font.__dict__.setdefault("_pressroom_split", {})
    if glyph not in split:
        letters = font.to_unicode.get(glyph, "")
        companions = [_companion(font, c) for c in letters[1:]] if _right_to_left(letters) else []
        # A letter without a glyph of its own, or with an empty one, cannot be carried.
        split[glyph] = [] if None in companions or not all(_width(font, c) for c in companions) else companions
        if split[glyph]:
            font.to_unicode[glyph] = letters[0]
            for companion, letter in zip(companions, letters[1:]):
                font.to_unicode[companion] = letter
    return split[glyph]


def _text_rendering(stream: Any) -> int:
    """The text rendering mode in force: the last one set in this text object (SVG text sets
    one for stroked letters), else the default, fill."""
    for chunk in reversed(stream.stream):
        chunk = bytes(chunk) if isinstance(chunk, (bytes, bytearray)) else b""
        if chunk.endswith(b" Tr"):
            return int(chunk.split()[0])
        if chunk == b"BT":
            break
    return 0


def _draw_companions(stream: Any, font: Any, companions: list[int], show_text: Any) -> None:
    """Draw ``companions`` invisibly, side by side, ending where they began (at the ligature).

    Each is squeezed (horizontal scaling) to COMPANION_WIDTH wide, whatever its own advance:
    invisible, its shape does not matter, and poppler then keeps it in the ligature's word."""
    mode = _text_rendering(stream)
    stream.set_text_rendering(3)
    show_text(f"{COMPANION_WIDTH * len(companions)}")
    for companion in reversed(companions):  # the last letter is the leftmost
        scale = COMPANION_WIDTH / _width(font, companion)
        stream.stream.append(f"{100 * scale:.4f} Tz".encode())  # pydyf has no operator for it
        show_text(f"<{companion:04x}>")
    stream.stream.append(b"100 Tz")
    stream.set_text_rendering(mode)


def _rewrite(stream: Any, font: Any, text: str, show_text: Any) -> None:
    """Show ``text`` (a TJ array's content), with companions before right-to-left ligatures."""
    pending: list[str] = []
    for match in GLYPHS.finditer(text):
        hexes, number = match.groups()
        if number is not None:
            pending.append(number)
            continue
        glyphs = [int(hexes[i:i + 4], 16) for i in range(0, len(hexes), 4)]
        run: list[int] = []
        for glyph in glyphs:
            companions = _companions(font, glyph)
            if not companions:
                run.append(glyph)
                continue
            pending.append("<" + "".join(f"{g:04x}" for g in run) + ">")
            run = []
            if "".join(pending).replace("<>", ""):
                show_text("".join(pending))
            pending = []
            _draw_companions(stream, font, companions, show_text)
            run.append(glyph)
        pending.append("<" + "".join(f"{g:04x}" for g in run) + ">")
    if pending:
        show_text("".join(pending))


def _has_ligatures(font: Any) -> bool:
    """Whether ``font`` has drawn a right-to-left ligature yet (most text needs no rewriting)."""
    seen = font.__dict__.get("_pressroom_seen", 0)
    if seen != len(font.to_unicode):
        new = islice(font.to_unicode.values(), seen, None)
        font._pressroom_ligatures = font.__dict__.get("_pressroom_ligatures", False) or any(map(_right_to_left, new))
        font._pressroom_seen = len(font.to_unicode)
    return font.__dict__.get("_pressroom_ligatures", False)


def _wrap(draw_first_line: Any) -> Any:
    def _draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        current: list[Any] = [None]
        set_font_size, show_text = stream.set_font_size, stream.show_text

        def _set_font_size(name: str, size: float) -> None:
            current[0] = next((font for font in stream._fonts.values() if font.hash == name), None)
            set_font_size(name, size)

        def _show_text(text: str) -> None:
            if current[0] is None or current[0].bitmap or not _has_ligatures(current[0]):
                return show_text(text)
            _rewrite(stream, current[0], text, show_text)

        stream.set_font_size, stream.show_text = _set_font_size, _show_text
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            del stream.set_font_size, stream.show_text

    return _draw_first_line


PATCHES = [Patch(weasyprint.draw.text, "draw_first_line", _wrap)]
