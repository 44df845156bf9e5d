"""rtl_lam_alef.html: a ligature of right-to-left letters (lam-alef, one glyph) reads back with
its letters in logical order from pdftotext, as it already does from pypdf and mutool, and the
page looks the same."""

import io
import subprocess
from types import SimpleNamespace

import pydyf
import pypdf

from pressroom.engine import rtl_ligature_letters

from .conftest import pdf_pages, render_pdf, repro

HTML = repro("rtl_lam_alef.html")
SOURCE = ["بالاستغلال للأطفال إلى الإنترنت", "لا الاستغلال"]
# pdftotext wraps right-to-left lines in bidi embeddings.
EMBEDDINGS = dict.fromkeys(map(ord, "\u202a\u202b\u202c"))


def _lines(pdf: bytes) -> list[str]:
    return [line.strip().translate(EMBEDDINGS) for line in pdf_pages(pdf)[0].splitlines() if line.strip()]


def test_unpatched_lam_alef_reads_back_swapped():
    lines = _lines(render_pdf(HTML))
    assert "باالستغالل لألطفال إىل اإلنترنت" in lines


def test_patched_ligatures_read_back_in_logical_order():
    assert _lines(render_pdf(HTML, patched=[rtl_ligature_letters])) == SOURCE


def test_pypdf_reads_the_same_text_as_before():
    def text(pdf: bytes) -> str:
        return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()

    assert text(render_pdf(HTML, patched=[rtl_ligature_letters])) == text(render_pdf(HTML)) == "\n".join(SOURCE)


def test_mutool_reads_each_line_in_visual_order_throughout(tmp_path):
    """mutool keeps the drawing order (right-to-left lines come out reversed); the ligature's
    letters used to come out in logical order inside that reversed line."""
    pdf = tmp_path / "lam_alef.pdf"
    pdf.write_bytes(render_pdf(HTML, patched=[rtl_ligature_letters]))
    text = subprocess.run(["mutool", "draw", "-F", "txt", "-o", "-", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert [line for line in text.splitlines() if line.strip()] == [line[::-1] for line in SOURCE]


def test_the_page_looks_the_same():
    def picture(pdf: bytes) -> bytes:
        return subprocess.run(["pdftoppm", "-r", "100", "-gray", "-"], input=pdf, capture_output=True, check=True).stdout

    assert picture(render_pdf(HTML, patched=[rtl_ligature_letters])) == picture(render_pdf(HTML))



def test_companions_give_back_the_rendering_mode_in_force():
    """Text drawn stroked (SVG sets mode 1 before the letters) stays stroked after the
    invisible companions."""
    stream = pydyf.Stream()
    stream.begin_text()
    stream.set_text_rendering(1)
    font = SimpleNamespace(widths={0x2E: 300}, upem=1000)
    rtl_ligature_letters._draw_companions(stream, font, [0x2E], stream.show_text)
    modes = [bytes(chunk) for chunk in stream.stream if bytes(chunk).endswith(b" Tr")]
    assert modes == [b"1 Tr", b"3 Tr", b"1 Tr"]
