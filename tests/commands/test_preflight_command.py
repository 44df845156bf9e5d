"""`pressroom preflight`: the verdict, the reasons, JSON, the PDF report and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from cmyk_css import CMYK_CSS as BASE_CMYK_CSS
from PIL import Image
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)

from pressroom.cli import main
from pressroom.icc import rgb_to_cmyk_image

# A conforming CMYK PDF/X-4 page: output intent, CMYK text and fills, 3 mm bleed.
CMYK_CSS = BASE_CMYK_CSS + ".band { background: device-cmyk(0 0.9 0.8 0); height: 15mm; }\n"
BODY = "<h1>ECPAT report</h1><div class=band></div><p>Body text in 100% K.</p>"


def _write(path: Path, css: str | None, variant: str | None = None, body: str = BODY) -> Path:
    import weasyprint

    style = f"<style>{css}</style>" if css else ""
    html = f"<!doctype html><html lang=en><head>{style}</head><body>{body}</body></html>"
    weasyprint.HTML(string=html, base_url=str(path.parent)).write_pdf(path, **({"pdf_variant": variant} if variant else {}))
    return path


def _failed_rows(out: str) -> dict[str, str]:
    """check -> its FAIL rows of the table, continuation lines joined, rows joined by ' | '."""
    rows: dict[str, str] = {}
    check = ""
    for line in out.splitlines():
        words = line.split()
        if len(words) > 1 and not line.startswith(" "):
            check = words[0] if words[1] == "FAIL" else ""
            if check:
                rows[check] = f"{rows[check]} | {line}" if check in rows else line
        elif check and line.startswith(" "):
            rows[check] += " " + line.strip()
    return rows


@pytest.fixture(scope="module")
def cmyk_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("cmyk") / "print.pdf", CMYK_CSS, "pdf/x-4")


@pytest.fixture(scope="module")
def rgb_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What WeasyPrint writes by default: RGB, no PDF/X id, no bleed."""
    return _write(tmp_path_factory.mktemp("rgb") / "screen.pdf", None)


def test_conforming_cmyk_pdf_x4_passes(cmyk_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preflight", str(cmyk_pdf)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().splitlines()[-1].startswith("PASS: print.pdf is ready for print as PDF/X-4")
    assert "FAIL" not in out


def test_plain_weasyprint_rgb_pdf_fails_with_the_reasons(rgb_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preflight", str(rgb_pdf)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("FAIL: screen.pdf is not ready for print")
    failed = _failed_rows(out)
    assert {"pdfx-version", "output-intent", "boxes", "colour"} <= set(failed)
    assert "RGB" in failed["colour"] and "bleed" in failed["boxes"]


def test_an_unembedded_font_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Otherwise conforming: CMYK text, boxes with bleed; only the font is not embedded."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=612, height=859)
    for key, box in (("/MediaBox", (0, 0, 612, 859)), ("/BleedBox", (0, 0, 612, 859)), ("/TrimBox", (8.5, 8.5, 603.5, 850.5))):
        page[NameObject(key)] = ArrayObject(FloatObject(v) for v in box)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 0 0 0 1 k 72 700 Td (Hello) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.write(tmp_path / "font.pdf")
    assert main(["preflight", str(tmp_path / "font.pdf")]) == 1
    fonts = _failed_rows(capsys.readouterr().out)["fonts"]
    assert "Font 'Helvetica' is not embedded" in fonts and " 1 " in fonts


def test_a_72_ppi_image_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rgb_to_cmyk_image(Image.new("RGB", (72, 72), (200, 30, 30))).save(tmp_path / "logo.jpg")
    path = _write(tmp_path / "image.pdf", CMYK_CSS, "pdf/x-4", '<img src="logo.jpg" style="width: 1in; height: 1in">')
    assert main(["preflight", str(path)]) == 1
    failed = _failed_rows(capsys.readouterr().out)
    assert set(failed) == {"image-resolution"}
    assert "72 ppi" in failed["image-resolution"]


def test_json_parses_and_matches_the_exit_code(cmyk_pdf: Path, rgb_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preflight", "--json", str(rgb_pdf)]) == 1
    failed = json.loads(capsys.readouterr().out)
    assert failed["passed"] is False and failed["pages"] == 1
    assert {"pdfx-version", "output-intent", "colour"} <= {f["check"] for f in failed["findings"] if f["severity"] == "error"}
    assert main(["preflight", "--json", str(cmyk_pdf)]) == 0
    passed = json.loads(capsys.readouterr().out)
    assert passed["passed"] is True and passed["summary"]["error"] == 0


def test_options_reach_the_checks(cmyk_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def errors(*options: str) -> set[str]:
        code = main(["preflight", "--json", *options, str(cmyk_pdf)])
        found = {f["check"] for f in json.loads(capsys.readouterr().out)["findings"] if f["severity"] == "error"}
        assert code == (1 if found else 0)
        return found

    assert errors("--standard", "x-1a") == {"pdfx-version"}  # labelled X-4, checked as X-1a
    assert errors("--saddle-stitch") == {"page-count"}  # one page is not a multiple of 4
    assert errors("--max-tac", "100") == {"ink-coverage"}  # the red band is 170 %
    assert errors("--max-tac", "300") == set()


def test_report_writes_a_one_page_pdf(rgb_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "preflight-report.pdf"
    assert main(["preflight", str(rgb_pdf), "--report", str(report)]) == 1
    assert "Wrote the preflight report" in capsys.readouterr().out
    pages = pypdf.PdfReader(report).pages
    assert len(pages) == 1
    assert "FAIL: screen.pdf is not ready for print" in " ".join(pages[0].extract_text().split())


def test_report_with_json_keeps_stdout_pure_json(cmyk_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preflight", "--json", str(cmyk_pdf), "--report", str(tmp_path / "r.pdf")]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["passed"] is True
    assert "Wrote the preflight report" in captured.err


def test_report_into_a_missing_folder_is_a_clear_message(cmyk_pdf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preflight", str(cmyk_pdf), "--report", str(tmp_path / "nowhere" / "r.pdf")]) == 1
    assert "could not be written" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.pdf", None, "There is no file"),
        ("notes.pdf", b"just some text, not a PDF", "This file is not a PDF"),
        ("broken.pdf", b"%PDF-1.7\n garbage with no objects and no trailer", "cannot be read as a PDF"),
    ],
)
def test_unreadable_files_are_one_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    assert main(["preflight", str(path)]) == 1
    captured = capsys.readouterr()
    assert message in captured.err and "Traceback" not in captured.err
    assert captured.out == ""


def test_a_folder_is_not_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preflight", str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "-5", "450", "lots"])
def test_an_impossible_ink_limit_is_a_usage_error(cmyk_pdf: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["preflight", "--max-tac", value, str(cmyk_pdf)])
    assert exit_.value.code == 2
    assert "is not an ink limit" in capsys.readouterr().err


def test_a_file_of_a_gigabyte_is_refused_before_it_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as file:
        file.write(b"%PDF-1.7\n")
        file.truncate(2**30)  # sparse: no disk used; read, it took 3.2 GB and a minute
    assert main(["preflight", str(huge)]) == 1
    assert "larger than 512 MB" in capsys.readouterr().err
