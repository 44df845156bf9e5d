"""Stage 7: pypdf finishing adds viewer settings and language, deterministically."""

from __future__ import annotations

import io

import pypdf
import weasyprint

from pressroom.finish import finish
from pressroom.model import ReportSettings

SETTINGS = ReportSettings(title="T", organisation="ecpat-international", date="2020-01-02", language="fr")


def test_finish_sets_title_display_outline_mode_and_language():
    pdf = weasyprint.HTML(string="<title>T</title><p>x</p>").write_pdf()
    root = pypdf.PdfReader(io.BytesIO(finish(pdf, SETTINGS))).trailer["/Root"]
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/PageMode"] == "/UseOutlines"
    assert root["/Lang"] == "fr"


def test_finish_is_deterministic():
    pdf = weasyprint.HTML(string="<title>T</title><p>x</p>").write_pdf()
    assert finish(pdf, SETTINGS) == finish(pdf, SETTINGS)
