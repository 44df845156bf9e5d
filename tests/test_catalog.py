"""catalog.py: viewer settings, language and printable links, added as the engine writes the PDF."""

from __future__ import annotations

import io

import pypdf
import weasyprint

from pressroom.catalog import catalog_finisher


def test_catalog_finisher_sets_title_display_outline_mode_and_language():
    pdf = weasyprint.HTML(string="<title>T</title><p>x</p>").write_pdf(finisher=catalog_finisher("fr"))
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/Lang"] == "fr"


def test_catalog_finisher_makes_every_link_printable():
    html = '<title>T</title><p><a href="https://example.org/">out</a> <a href="#x">in</a></p><p id="x">x</p>'
    pdf = weasyprint.HTML(string=html).write_pdf(finisher=catalog_finisher("fr"), pdf_variant="pdf/ua-1")
    annotations = [a.get_object() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages for a in page["/Annots"]]
    assert len(annotations) == 2 and all(int(a["/F"]) & 4 for a in annotations)
