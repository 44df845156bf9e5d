"""The pipeline's own wording: a print file that fails the printer's check is explained to the writer."""

from __future__ import annotations

from pathlib import Path

from pressroom import build as pipeline


def test_rgb_in_the_print_file_is_explained_in_a_writers_words(make_report, tmp_path: Path):
    import weasyprint

    report = make_report("Text.\n")
    rgb = weasyprint.HTML(string="<p style='color: rgb(200, 0, 0)'>Red text</p>").write_pdf()
    problems = pipeline._preflight(rgb, report, tmp_path)
    colour = [p.message for p in problems if "RGB" in p.message]
    assert colour and colour[0].startswith("Page 1 of the print file has screen (RGB) colour")
    assert "device-cmyk" not in colour[0] and "pressroom.icc" not in colour[0]
    # What no writer can cause (here: no output intent) is said to be pressroom's fault.
    others = [p.message for p in problems if p.message not in colour]
    assert others and all("fault in pressroom" in message for message in others)
