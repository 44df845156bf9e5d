"""Stage 7: pypdf finishing adds viewer settings and language, deterministically."""

from __future__ import annotations

import io

import pypdf
import weasyprint

from pypdf.generic import ContentStream

from pressroom import finish as finish_module
from pressroom.finish import catalog_finisher, finish
from pressroom.model import ReportSettings

SETTINGS = ReportSettings(title="T", organisation="ecpat-international", date="2020-01-02", language="fr")


def test_catalog_finisher_sets_title_display_outline_mode_and_language():
    pdf = weasyprint.HTML(string="<title>T</title><p>x</p>").write_pdf(finisher=catalog_finisher(SETTINGS))
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/Lang"] == "fr"


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
