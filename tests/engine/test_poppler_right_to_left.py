"""What poppler (pdftotext) does to right-to-left text that no encoding of the PDF mends
without harming other readers (docs/extraction.md). Each test records poppler 22.12's
behaviour on a reproduction; one that fails means poppler changed: revisit the xfails of
tests/test_languages.py and the right-to-left exclusion of text_extraction_clusters."""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pydyf
import pypdf
import weasyprint.draw.text

from pressroom.engine._patching import Patch

from .conftest import REPROS, render_pdf, repro

EMBEDDINGS = dict.fromkeys(map(ord, "\u202a\u202b\u202c"))


def _pdftotext(pdf: bytes) -> str:
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return "\n".join(line for line in text.translate(EMBEDDINGS).splitlines() if line.strip())


def _pypdf(pdf: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text().strip()


def test_the_closing_bracket_of_a_latin_run_moves_before_it():
    """reorderText: a neutral character (bracket, space) between a Latin run and the Arabic
    after it joins the Latin run, whatever the bracket glyph maps to."""
    pdf = render_pdf(repro("rtl_brackets.html"), patched=True)
    assert _pdftotext(pdf) == "والاتصالات ( )ICTاليوم"
    assert _pypdf(pdf) == "اليوم)ICT( والاتصالات"  # pypdf: words and brackets in visual order


def test_raised_harakat_come_out_as_lines_of_their_own():
    """A mark drawn with a text rise is a word on another baseline, inside its base letter's
    word: the line stops there and the mark becomes a line of its own."""
    pdf = render_pdf(repro("rtl_harakat.html"), patched=True)
    assert _pdftotext(pdf) == "ً\nأساسيا\nعنصرا\nً"
    assert _pypdf(pdf) == "عنصرًا أساسيًا"


def _wrap_in_actual_text(draw_first_line: Any) -> Any:
    def _draw_first_line(stream: Any, textbox: Any, *args: Any, **kwargs: Any) -> Any:
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(textbox.text)}))
        try:
            return draw_first_line(stream, textbox, *args, **kwargs)
        finally:
            stream.end_marked_content()

    return _draw_first_line


def test_actual_text_of_a_right_to_left_line_reads_back_reversed():
    """ActualText::end gives the whole string to TextPage::addChar as one glyph, whose letters
    are spread left to right and then reversed with the line."""
    patch = Patch(weasyprint.draw.text, "draw_first_line", _wrap_in_actual_text)
    patch.apply()
    try:
        pdf = weasyprint.HTML(string=repro("rtl_harakat.html"), base_url=str(REPROS)).write_pdf()
    finally:
        patch.restore()
    assert _pdftotext(pdf) == "عنصرًا أساسيًا"[::-1]
