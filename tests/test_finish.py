"""Stage 7: pypdf finishing adds viewer settings and language, deterministically."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
import weasyprint

from pypdf.generic import ContentStream

from pressroom import finish as finish_module
from pressroom.finish import finish
from pressroom.profiles import PrintSheet

MM = 72 / 25.4

def test_print_finishing_is_deterministic_and_leaves_the_screen_file_alone():
    pdf = weasyprint.HTML(string="<style>@page { bleed: 3mm; marks: crop }</style><p>x</p>").write_pdf()
    assert finish(pdf, cmyk_only=True) == finish(pdf, cmyk_only=True) != pdf
    assert finish(pdf) is pdf


def test_print_finishing_turns_rgb_crop_marks_into_registration_colour():
    html = "<style>@page { size: A6; bleed: 3mm; marks: crop; }</style><p>x</p>"
    pdf = weasyprint.HTML(string=html).write_pdf()
    finished = pypdf.PdfReader(io.BytesIO(finish(pdf, cmyk_only=True)))
    forms = [
        xobject.get_object()
        for page in finished.pages
        for xobject in page["/Resources"].get("/XObject", {}).values()
    ]
    operators = b"".join(form.get_data() for form in forms)
    assert b" rg" not in operators and b" RG" not in operators
    assert b"1 1 1 1 K" in operators


def _marked_pages(count: int) -> bytes:
    pages = "".join(f"<p style='break-after: page'>page {number}</p>" for number in range(count))
    return weasyprint.HTML(string=f"<style>@page {{ size: A6; bleed: 3mm; marks: crop }}</style>{pages}").write_pdf()


def test_print_finishing_parses_each_form_once_not_once_per_page(monkeypatch):
    """Every page names all N page forms in one shared /Resources: a `seen` set per page
    parsed N x N content streams (101 s at 367 pages)."""
    pages = 24
    pdf = _marked_pages(pages)
    parsed = []
    monkeypatch.setattr(finish_module, "ContentStream", lambda *args: parsed.append(1) or ContentStream(*args))
    finish(pdf, cmyk_only=True)
    assert pages <= len(parsed) <= 2 * pages


def test_parsing_each_form_once_writes_the_same_bytes_as_parsing_per_page(monkeypatch):
    pdf = _marked_pages(6)
    once = finish(pdf, cmyk_only=True, identity="t")

    def per_page(writer):
        for page in writer.pages:
            finish_module._recolour_forms(page.get("/Resources"), writer, seen=set())

    monkeypatch.setattr(finish_module, "_recolour_pages", per_page)
    assert finish(pdf, cmyk_only=True, identity="t") == once


def test_each_print_page_names_only_the_forms_it_draws():
    """The engine names all N page forms on every page: N x N entries for the preflight,
    Ghostscript and the printer's RIP to read."""
    pages = 6
    finished = pypdf.PdfReader(io.BytesIO(finish(_marked_pages(pages), cmyk_only=True)))
    named = [set(page["/Resources"]["/XObject"]) for page in finished.pages]
    assert all(len(names) == 1 for names in named)
    assert len(set().union(*named)) == pages, "each page keeps its own marks form"
    operators = [page["/Resources"]["/XObject"][name].get_object().get_data() for page, names in zip(finished.pages, named) for name in names]
    assert all(b"1 1 1 1 K" in data for data in operators)


def test_print_finishing_removes_every_annotation_and_action_but_keeps_bookmarks():
    html = (
        "<style>@page { size: A6; bleed: 3mm; }</style>"
        '<h1>Heading</h1><p><a href="https://example.org/">out</a> and <a href="#n">in</a></p><p id="n">x</p>'
    )
    pdf = weasyprint.HTML(string=html).write_pdf()
    assert any("/Annots" in page for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    finished = finish(pdf, cmyk_only=True)
    reader = pypdf.PdfReader(io.BytesIO(finished))
    assert [page.get("/Annots") for page in reader.pages] == [None] * len(reader.pages)
    assert b"/URI" not in finished and b"/Annot" not in finished and b"/OpenAction" not in finished
    assert [item.title for item in reader.outline] == ["Heading"]


def test_print_finishing_draws_crop_marks_outside_the_bleed_and_grows_the_media_box():
    pdf = weasyprint.HTML(string="<style>@page { size: A6; bleed: 3mm; marks: none }</style><p>x</p>").write_pdf()
    sheet = PrintSheet(bleed_mm=3.0, marks=True, mark_offset_mm=3.0)
    page = pypdf.PdfReader(io.BytesIO(finish(pdf, cmyk_only=True, sheet=sheet))).pages[0]
    x0, y0, x1, y1 = (float(v) for v in page.trimbox)
    assert [float(v) for v in page.bleedbox] == pytest.approx([x0 - MM * 3, y0 - MM * 3, x1 + MM * 3, y1 + MM * 3])
    assert [float(v) for v in page.mediabox] == pytest.approx([x0 - MM * 8, y0 - MM * 8, x1 + MM * 8, y1 + MM * 8])
    content = page.get_contents().get_data()
    assert content.count(b" m ") == 8 and b"1 1 1 1 K" in content
    # Left of the trim, along its bottom edge: from 3 mm to 8 mm out.
    assert f"{x0 - MM * 3:.3f} {y0:.3f} m {x0 - MM * 8:.3f} {y0:.3f} l".encode() in content


def test_print_finishing_sets_the_whole_bleed_the_engine_caps_at_10_pt():
    pdf = weasyprint.HTML(string="<style>@page { size: A6; bleed: 5mm }</style><p>x</p>").write_pdf()
    sheet = PrintSheet(bleed_mm=5.0, marks=False, mark_offset_mm=5.0)
    page = pypdf.PdfReader(io.BytesIO(finish(pdf, cmyk_only=True, sheet=sheet))).pages[0]
    assert float(page.trimbox[0]) - float(page.bleedbox[0]) == pytest.approx(MM * 5)
    assert float(page.mediabox[0]) == pytest.approx(float(page.bleedbox[0]))


def test_print_finishing_keeps_only_the_resources_each_page_uses(tmp_path: Path):
    from pdf_rules import unused_resources

    html = "<style>@page { size: A6 }</style><p>serif</p><p style='break-before: page; font-family: sans-serif'><b>sans</b></p>"
    pdf = weasyprint.HTML(string=html).write_pdf()
    (tmp_path / "engine.pdf").write_bytes(pdf)
    (tmp_path / "finished.pdf").write_bytes(finish(pdf, cmyk_only=True))
    assert any("/ColorSpace/lab-d50" in found for found in unused_resources(tmp_path / "engine.pdf"))
    assert unused_resources(tmp_path / "finished.pdf") == []
