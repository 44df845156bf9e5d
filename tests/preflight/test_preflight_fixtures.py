"""End-to-end preflight of generated PDFs, one per kind of problem."""

from __future__ import annotations

import json

from PIL import Image
from pypdf.generic import DictionaryObject, NameObject

from pressroom.icc import rgb_to_cmyk_image
from pressroom.preflight import (
    PreflightOptions,
    format_json,
    format_table,
    preflight,
    write_pdf_report,
)

A4_TRIM = (0, 0, 595.28, 841.89)
A4_BLEED = (-8.5, -8.5, 603.78, 850.39)


def errors(report, check):
    return [f for f in report.findings if f.check == check and f.severity == "error"]


def severities(report, check):
    return {f.severity for f in report.findings if f.check == check}


def test_plain_weasyprint_rgb_pdf_fails(weasy_pdf):
    path = weasy_pdf("<h1>Report</h1><p>Plain text, default colours.</p>", css=None)
    report = preflight(path, PreflightOptions())
    assert not report.passed
    assert errors(report, "pdfx-version")
    assert any("no PDF/X output intent" in f.message for f in errors(report, "output-intent"))
    rgb = errors(report, "colour")
    assert rgb and rgb[0].page == 1 and "RGB" in rgb[0].message and "text" in rgb[0].message
    assert any("bleed" in f.message for f in errors(report, "boxes"))
    table = format_table(report)
    assert table.rstrip().splitlines()[-1].startswith("FAIL")


def test_conforming_cmyk_pdf_x4_passes(weasy_pdf, tmp_path):
    # A CMYK JPEG converted with our profile, 600 px placed at 2 in = 300 ppi.
    gradient = Image.linear_gradient("L").resize((600, 600))
    rgb = Image.merge("RGB", (gradient, Image.new("L", gradient.size, 90),
                              Image.new("L", gradient.size, 200)))
    rgb_to_cmyk_image(rgb).save(tmp_path / "photo.jpg", quality=90)
    path = weasy_pdf(
        """
        <style>
          h1 { color: device-cmyk(1 0.6 0 0.1); }
          .band { background: device-cmyk(0 0.9 0.8 0); height: 15mm;
                  border-bottom: 0.5pt solid device-cmyk(0 0 0 1); }
          .cover { background: device-cmyk(0.05 0 0.1 0); }
        </style>
        <div class=cover><h1>ECPAT report</h1></div>
        <div class=band></div>
        <p>Body text in 100% K.</p>
        <img src="photo.jpg" style="width: 2in">
        """,
        variant="pdf/x-4",
    )
    report = preflight(path, PreflightOptions(standard="x-4"))
    # The engine declares its Lab colour spaces on every page; pressroom's finisher drops them (test_finish).
    bad = [f for f in report.findings if f.severity != "info" and f.check != "unused-resources"]
    assert report.passed, format_table(report)
    assert bad == [], format_table(report)
    messages = {f.check: f.message for f in report.findings}
    assert "PDF/X-4" in messages["pdfx-version"]
    assert "3.0 mm" in messages["boxes"]
    assert messages["image-resolution"].startswith("1 image placement, lowest 300 ppi")
    assert format_table(report).rstrip().splitlines()[-1].startswith("PASS")


def test_unembedded_font_is_named(raw_pdf):
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    })
    path = raw_pdf(b"BT /F1 12 Tf 0 0 0 1 k 72 700 Td (Hello) Tj ET",
                   resources={"/Font": {"/F1": font}}, trim=A4_TRIM, media=A4_BLEED,
                   bleed=A4_BLEED)
    report = preflight(path, PreflightOptions())
    found = errors(report, "fonts")
    assert len(found) == 1 and found[0].page == 1
    assert found[0].message == ("Font 'Helvetica' is not embedded. Embed all fonts when "
                                "exporting the PDF.")
    assert not report.passed


def test_low_resolution_image_reports_ppi(weasy_pdf, tmp_path):
    rgb_to_cmyk_image(Image.new("RGB", (72, 72), (200, 30, 30))).save(tmp_path / "logo.jpg")
    path = weasy_pdf('<img src="logo.jpg" style="width: 1in; height: 1in">', variant="pdf/x-4")
    report = preflight(path, PreflightOptions())
    found = errors(report, "image-resolution")
    assert len(found) == 1 and found[0].page == 1
    assert "72 ppi" in found[0].message and "72 x 72 px" in found[0].message
    assert "1.00 x 1.00 in" in found[0].message and "300 ppi" in found[0].message
    # the CMYK image itself is fine colour-wise
    assert not errors(report, "colour")


def test_rgb_image_is_a_colour_error(weasy_pdf, tmp_path):
    Image.new("RGB", (600, 600), (20, 120, 200)).save(tmp_path / "rgb.png")
    path = weasy_pdf('<img src="rgb.png" style="width: 2in">', variant="pdf/x-4")
    found = errors(preflight(path, PreflightOptions()), "colour")
    assert len(found) == 1 and "image in DeviceRGB" in found[0].message


def test_x1a_with_transparency_fails(weasy_pdf):
    path = weasy_pdf('<p style="opacity: 0.5">Half-transparent text</p>', variant="pdf/x-1a")
    report = preflight(path, PreflightOptions(standard="x-1a"))
    found = errors(report, "transparency")
    assert found and found[0].page == 1 and "opacity 0.5" in found[0].message
    assert not errors(report, "pdfx-version")  # correctly labelled X-1a, just not conforming
    # The same file checked as PDF/X-4 is fine on transparency, but the id mismatches.
    as_x4 = preflight(path, PreflightOptions(standard="x-4"))
    assert severities(as_x4, "transparency") == {"info"}
    assert errors(as_x4, "pdfx-version")


def test_total_ink_over_limit_fails(weasy_pdf):
    path = weasy_pdf('<div style="background: device-cmyk(1 1 1 1); height: 5cm"></div>',
                     variant="pdf/x-4")
    report = preflight(path, PreflightOptions(max_tac=300))
    found = errors(report, "ink-coverage")
    assert len(found) == 1 and found[0].page == 1 and "400%" in found[0].message
    relaxed = preflight(path, PreflightOptions(max_tac=400))
    assert not errors(relaxed, "ink-coverage")


def test_saddle_stitch_needs_multiple_of_four(weasy_pdf):
    html = '<p style="break-after: page">1</p><p style="break-after: page">2</p><p>3</p>'
    path = weasy_pdf(html, variant="pdf/x-4")
    report = preflight(path, PreflightOptions(saddle_stitch=True))
    assert report.pages == 3
    found = errors(report, "page-count")
    assert len(found) == 1 and "3 pages" in found[0].message and "Add 1 page" in found[0].message
    assert not errors(preflight(path, PreflightOptions()), "page-count")


def test_reports_render(weasy_pdf, tmp_path):
    path = weasy_pdf("<p>RGB text</p>", css=None)
    report = preflight(path, PreflightOptions())
    data = json.loads(format_json(report))
    assert data["passed"] is False and data["pages"] == 1
    assert data["summary"]["error"] == len(report.errors)
    assert {"check", "severity", "message", "page"} <= set(data["findings"][0])
    table = format_table(report)
    for check in ("pdfx-version", "output-intent", "boxes", "fonts", "colour",
                  "image-resolution", "hairlines", "ink-coverage", "transparency", "page-count"):
        assert check in table
    summary = write_pdf_report(report, tmp_path / "report.pdf")
    assert summary.read_bytes().startswith(b"%PDF")


def test_unreadable_file_is_a_finding(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    report = preflight(bad, PreflightOptions())
    assert not report.passed and report.findings[0].check == "open"


def test_x1a_without_transparency_passes(weasy_pdf):
    path = weasy_pdf('<h1 style="color: device-cmyk(0 1 0.6 0.2)">Opaque</h1><p>Text</p>',
                     variant="pdf/x-1a")
    report = preflight(path, PreflightOptions(standard="x-1a"))
    assert report.passed, format_table(report)


def test_thin_css_borders_and_svg_lines_are_hairlines(weasy_pdf):
    path = weasy_pdf(
        '<div style="border: 0.1pt solid device-cmyk(0 0 0 1); height: 1cm"></div>'
        '<div style="border-bottom: 0.5pt solid device-cmyk(0 0 0 1); height: 1cm"></div>'
        '<svg width="100" height="20"><line x1="0" y1="10" x2="100" y2="10" fill="none" '
        'stroke-width="0.1" style="stroke: device-cmyk(0 0 0 1)"/></svg>',
        variant="pdf/x-4")
    report = preflight(path, PreflightOptions())
    warnings = [f.message for f in report.findings if f.check == "hairlines"
                and f.severity == "warning"]
    assert any("filled rule(s) or border(s)" in m and "0.10 pt" in m for m in warnings), warnings
    assert any("line(s) are thinner" in m and "0.07 pt" in m for m in warnings), warnings
    assert report.passed  # hairlines are warnings, not errors
