"""Profiles: what the print file adds (CMYK colours, bleed, marks, CMYK images) and where files go."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from cmyk_css import CMYK_CSS  # tests/ is on sys.path (tests/conftest.py)
from PIL import Image

from pressroom.build import build
from pressroom.model import ReportSettings
from pressroom.preflight import PreflightOptions
from pressroom.profiles import PrintSheet, cmyk_images, cmyk_overrides, engine_default_colours, output_paths, profile_css, profiles_for
from pressroom.resources import styles_dir

SETTINGS = ReportSettings(title="T", organisation="ecpat-international", date="2020-01-02")


def test_both_profiles_write_the_print_file_beside_the_screen_file():
    assert output_paths(Path("b/x.pdf"), "both") == {"screen": Path("b/x.pdf"), "print": Path("b/x-print.pdf")}
    assert output_paths(Path("b/x.pdf"), "print") == {"print": Path("b/x.pdf")}
    assert [p.pdf_variant for p in profiles_for("both", SETTINGS)] == ["pdf/ua-1", "pdf/x-4"]


def test_style_colours_become_cmyk_and_greys_black_ink_only(tmp_path: Path):
    sheet = tmp_path / "s.css"
    sheet.write_text(":root { --text: #222222; --accent: #0b5c8c; --size: 3pt; }\np { color: red; }")
    css = cmyk_overrides((sheet,))
    assert re.search(r"--text: device-cmyk\(0\.000 0\.000 0\.000 0\.\d+\);", css)
    cyan, magenta, yellow, black = map(float, re.search(r"--accent: device-cmyk\(([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)\)", css).groups())
    assert cyan > 0.5 and cyan > magenta > yellow
    assert "--size" not in css


def test_print_css_asks_for_the_output_intent_bleed_and_marks():
    printed = profiles_for("print", SETTINGS)[0]
    css = profile_css(printed, SETTINGS, ())
    assert "@color-profile device-cmyk" in css and "pressroom-fogra39.icc" in css
    # The finisher draws the marks outside the bleed (the engine's sit inside it).
    assert "bleed: 3.0mm; marks: none;" in css
    assert printed.sheet == PrintSheet(bleed_mm=3.0, marks=True, mark_offset_mm=4.0)
    assert printed.sheet.media_margin_pt == pytest.approx(9 * 72 / 25.4)
    assert profile_css(profiles_for("screen", SETTINGS)[0], SETTINGS, ()) == "@page { size: A4; }"


def test_images_are_copied_as_cmyk_for_print(tmp_path: Path):
    picture = tmp_path / "p.png"
    Image.new("RGB", (30, 20), (200, 30, 30)).save(picture)
    (tmp_path / "out").mkdir()
    html, problems = cmyk_images(f'<img src="{picture.as_uri()}" alt="x">', tmp_path / "out")
    assert problems == []
    (converted,) = (tmp_path / "out").iterdir()
    # The engine reads the copy under a fixed name, not where the build's temporary folder is.
    assert Image.open(converted).mode == "CMYK" and f'src="file:///pressroom/out/{converted.name}"' in html


def test_saddle_stitch_pads_the_print_file_to_a_multiple_of_4_before_the_back_page(report_copy: Path, tmp_path: Path):
    yaml_path = report_copy / "report.yaml"
    yaml_path.write_text(yaml_path.read_text() + "print:\n  binding: saddle-stitch\n")
    # One extra paragraph makes the text run to a sixth page: 7 pages with the back page.
    text = report_copy / "briefing-paper.md"
    text.write_text(text.read_text() + "\n" + "More text follows here. " * 120 + "\n")
    result = build(report_copy, tmp_path / "r.pdf", profile="both")
    screen, printed = result.outputs["screen"], result.outputs["print"]
    assert screen.pages == 7 and printed.pages == 8
    pages = pypdf.PdfReader(printed.path).pages
    assert [len(p.extract_text().split()) for p in pages[6:7]] == [0]
    assert "Background information about ECPAT" in pages[7].extract_text()


def test_letter_reports_are_letter_on_every_page_including_the_back_page(make_report, tmp_path: Path):
    report = make_report("Text.\n", page_size="Letter")
    result = build(report.root, tmp_path / "l.pdf", profile="both")
    for output in result.outputs.values():
        trims = {tuple(round(float(v)) for v in page.trimbox) for page in pypdf.PdfReader(output.path).pages}
        assert trims == {(0, 0, 612, 792)}


def test_a_cover_and_letterhead_named_in_report_yaml_go_into_both_files(make_report, tmp_path: Path):
    import weasyprint

    report = make_report("Text.\n")
    cmyk = "@page { size: A4; bleed: 3mm; background: device-cmyk(0 0.2 0.9 0); }"
    for name in ("cover.pdf", "letterhead.pdf"):
        weasyprint.HTML(string=f"<style>{cmyk}</style><p style='color: device-cmyk(0 0 0 1)'>{name}</p>").write_pdf(
            report.root / name
        )
    settings = (report.root / "report.yaml").read_text()
    (report.root / "report.yaml").write_text(settings + "cover: cover.pdf\nletterhead: letterhead.pdf\nletterhead_pages: first\n")
    result = build(report.root, tmp_path / "art.pdf", profile="both")
    for output in result.outputs.values():
        pages = pypdf.PdfReader(output.path).pages
        assert output.pages == len(pages) == 3  # cover, text, back page
        assert "cover.pdf" in pages[0].extract_text()
        assert "letterhead.pdf" in pages[1].extract_text() and "letterhead.pdf" not in pages[2].extract_text()


def test_artwork_must_be_inside_the_report_folder(tmp_path: Path):
    from report_folders import write_report
    from pressroom.problems import UserError

    folder = write_report(tmp_path / "r", "Text.\n", cover="../elsewhere.pdf", letterhead="missing.pdf")
    with pytest.raises(UserError) as failure:
        build(folder, tmp_path / "x.pdf")
    messages = sorted(p.message for p in failure.value.problems)
    assert messages == [
        "The file '../elsewhere.pdf' named in report.yaml is outside the report folder. Move it into the report folder.",
        "The file 'missing.pdf' named in report.yaml does not exist. Check the spelling, or create the file.",
    ]


def test_saddle_stitch_counts_the_cover_pages(make_report, tmp_path: Path):
    import weasyprint

    report = make_report("Text.\n")
    cmyk = "@page { size: A4; bleed: 3mm } p { color: device-cmyk(0 0 0 1) }"
    weasyprint.HTML(string=f"<style>{cmyk}</style><p>cover</p>").write_pdf(report.root / "cover.pdf")
    settings = (report.root / "report.yaml").read_text()
    (report.root / "report.yaml").write_text(settings + "cover: cover.pdf\nprint:\n  binding: saddle-stitch\n")
    result = build(report.root, tmp_path / "s.pdf", profile="both")
    assert result.outputs["screen"].pages == 3  # cover, text, back page
    assert result.outputs["print"].pages == 4  # one blank page before the back page


def test_the_print_file_is_byte_identical_across_builds_and_names_its_output_condition(report_dir: Path, tmp_path: Path):
    first = build(report_dir, tmp_path / "a.pdf", profile="print").output.read_bytes()
    second = build(report_dir, tmp_path / "b.pdf", profile="print").output.read_bytes()
    assert first == second
    intent = pypdf.PdfReader(tmp_path / "a.pdf").trailer["/Root"]["/OutputIntents"][0].get_object()
    assert intent["/OutputConditionIdentifier"] == "FOGRA39" and intent["/RegistryName"] == "http://www.color.org"


def test_a_pdf_x_1a_print_file_has_no_transparency_and_passes_preflight(report_copy: Path, tmp_path: Path):
    from pressroom.preflight import PreflightOptions
    from pressroom.preflight.run import preflight

    yaml_path = report_copy / "report.yaml"
    yaml_path.write_text(yaml_path.read_text() + "print:\n  standard: x-1a\n")
    output = build(report_copy, tmp_path / "x1a.pdf", profile="print").output
    checked = preflight(output, PreflightOptions(standard="x-1a"))
    assert checked.passed, [f.message for f in checked.findings if f.severity == "error"]
    # The crop marks are the finisher's plain strokes now, not the engine's forms in a transparency group.
    reader = pypdf.PdfReader(output)
    forms = [x.get_object() for page in reader.pages for x in (page["/Resources"].get("/XObject") or {}).values()]
    assert not any("/Group" in form for form in forms) and not any("/Group" in page for page in reader.pages)
    assert all(b"1 1 1 1 K 0.25 w" in page.get_contents().get_data() for page in reader.pages)


def test_the_style_print_palette_replaces_the_converted_colour(tmp_path: Path):
    sheet = tmp_path / "s.css"
    sheet.write_text(":root { --text: #222222; --print-text: device-cmyk(0 0 0 1); --rule: #8c8c8c; }")
    css = cmyk_overrides((sheet,))
    assert "--text: device-cmyk(0 0 0 1);" in css and "--print-text" not in css
    assert re.search(r"--rule: device-cmyk\(0\.000 0\.000 0\.000 0\.\d+\);", css)


def test_the_house_style_prints_text_and_its_greys_in_solid_black():
    css = cmyk_overrides((styles_dir() / "report.css",))
    assert "--text: device-cmyk(0 0 0 1);" in css and "--muted: device-cmyk(0 0 0 1);" in css


# What the engine paints in its own colours when no style says otherwise.
UNSTYLED = (
    "<p><a href='https://example.org'>a link</a> and <mark>marked</mark> text</p><hr>"
    "<table border=1 rules=all><tr><th>head</th></tr><tr><td>cell</td></tr></table>"
    "<input type=checkbox checked disabled>"
)


def colour_errors(pdf: Path) -> list[str]:
    from pressroom.preflight.checks import check_colour_spaces

    return [f.message for f in check_colour_spaces(pdf, PreflightOptions()) if f.severity == "error"]


def unstyled_pdf(path: Path, css: str) -> Path:
    import weasyprint

    weasyprint.HTML(string=f"<html lang=en><style>{css}</style><body>{UNSTYLED}</body></html>").write_pdf(path)
    return path


def test_the_engines_own_colours_are_converted_for_print(tmp_path: Path):
    assert colour_errors(unstyled_pdf(tmp_path / "plain.pdf", CMYK_CSS)), "without conversion the engine paints RGB"
    assert colour_errors(unstyled_pdf(tmp_path / "print.pdf", CMYK_CSS + engine_default_colours())) == []


def test_a_style_rule_still_wins_over_the_converted_engine_colours():
    # :where() weighs nothing, so `hr { color: ... }` in a style beats the converted default.
    assert ":where(hr) { color: device-cmyk(" in engine_default_colours()
    assert ":where(hr) { border-style: solid; }" in engine_default_colours()


def test_the_styles_paint_only_custom_property_colours():
    """A colour written into a style rule would skip the print profile's conversion."""
    import tinycss2.color3

    from pressroom.resources import styles_dir

    for sheet in styles_dir().glob("*.css"):
        for rule in tinycss2.parse_stylesheet(sheet.read_text(), skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() == ":root":
                continue
            for token in tinycss2.parse_component_value_list(tinycss2.serialize(rule.content)):
                colour = tinycss2.color3.parse_color(token)
                assert colour is None or colour == "currentColor", (sheet.name, tinycss2.serialize(rule.prelude))
            assert not re.search(r"\b(inset|outset|groove|ridge)\b", tinycss2.serialize(rule.content)), sheet.name


def test_a_thematic_break_passes_the_print_check(make_report, tmp_path: Path):
    report = make_report("Before.\n\n---\n\nAfter, with a [link](https://example.org).\n")
    result = build(report.root, tmp_path / "hr.pdf", profile="print")
    assert colour_errors(result.output) == []


def test_svg_colours_become_cmyk_for_print():
    from pressroom.profiles import cmyk_svg

    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#ff0000" style="stroke: blue; opacity: .5"/><path fill="none"/></svg>'
    converted = cmyk_svg(svg).decode()
    assert converted.count("device-cmyk(") == 3  # the rect's fill and stroke, and the root's default black
    assert 'fill="none"' in converted and "opacity: .5" in converted and "#ff0000" not in converted


def test_a_valid_svg_builds_in_both_files(tmp_path: Path):
    from report_folders import write_report

    folder = write_report(tmp_path / "report", "Text.\n\n![A chart](chart.svg)\n")
    (folder / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="100" height="50" fill="#c03030"/></svg>')
    result = build(folder, tmp_path / "out.pdf", profile="both")  # print once opened it with Pillow: "damaged"
    assert set(result.outputs) == {"screen", "print"} and result.warnings == []
