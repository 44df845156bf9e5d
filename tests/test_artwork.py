"""Designer artwork: cover pages before the report, a letterhead under its pages, sizes and boxes."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from pypdf.generic import ArrayObject, DecodedStreamObject, FloatObject, NameObject

from pressroom.artwork import Artwork, apply_artwork
from pressroom.icc import cmyk_profile_path

MM = 72 / 25.4
BLEED = 3 * MM
CMYK = f"""@color-profile device-cmyk {{
  src: url({cmyk_profile_path().as_uri()}); components: cyan, magenta, yellow, black; }}
html {{ color: device-cmyk(0 0 0 1); }}"""
# The report's first page: a black square in its top-left corner, over whatever lies below.
REPORT = """<div style="width: 40mm; height: 40mm; background: black"></div>
<p>Page one</p><p style="break-before: page">Page two</p>"""


def weasy(body: str, css: str, variant: str | None = None) -> bytes:
    import weasyprint

    html = f"<!doctype html><html lang=en><head><style>{css}</style></head><body>{body}</body></html>"
    return weasyprint.HTML(string=html).write_pdf(**({"pdf_variant": variant} if variant else {}))


@pytest.fixture(scope="module")
def print_report() -> bytes:
    return weasy(REPORT, f"{CMYK} @page {{ size: A4; bleed: 3mm; margin: 0 }}")


@pytest.fixture(scope="module")
def screen_report() -> bytes:
    return weasy(REPORT, "@page { size: A4; margin: 0 }")


def artwork(folder: Path, name: str, body: str, css: str) -> Path:
    path = folder / name
    path.write_bytes(weasy(body, css))
    return path


@pytest.fixture
def green_letterhead(tmp_path: Path) -> Path:
    """A4 with 3 mm bleed, all green (RGB)."""
    return artwork(tmp_path, "letterhead.pdf", "", "@page { size: A4; bleed: 3mm; margin: 0 } html { background: #00ff00 }")


@pytest.fixture
def cover(tmp_path: Path) -> Path:
    """Two CMYK pages, A4 with 3 mm bleed."""
    body = '<p>COVER ONE</p><p style="break-before: page">COVER TWO</p>'
    css = f"{CMYK} @page {{ size: A4; bleed: 3mm; margin: 20mm }} html {{ background: device-cmyk(0 0 1 0) }}"
    return artwork(tmp_path, "cover.pdf", body, css)


def raw_page(path: Path, content: bytes, media: tuple[float, ...], trim: tuple[float, ...] | None = None,
             bleed: tuple[float, ...] | None = None, pages: int = 1) -> Path:
    """A hand-made PDF whose boxes are exactly as given (designers' exports vary)."""
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        page = writer.add_blank_page(width=media[2] - media[0], height=media[3] - media[1])
        for key, box in (("/MediaBox", media), ("/TrimBox", trim), ("/BleedBox", bleed)):
            if box:
                page[NameObject(key)] = ArrayObject(FloatObject(v) for v in box)
        stream = DecodedStreamObject()
        stream.set_data(content)
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.write(path)
    return path


def render(pdf: bytes, tmp_path: Path, dpi: int = 72) -> list[Image.Image]:
    """Every page as RGB pixels, by Ghostscript (not by the code under test)."""
    source = tmp_path / "render.pdf"
    source.write_bytes(pdf)
    subprocess.run(["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m", f"-r{dpi}",
                    f"-o{tmp_path}/page-%d.png", str(source)], check=True)
    return [Image.open(tmp_path / f"page-{n}.png").convert("RGB") for n in range(1, len(pypdf.PdfReader(source).pages) + 1)]


def boxes(page: pypdf.PageObject) -> dict[str, list[float]]:
    return {key: [round(float(v), 2) for v in page[key]] for key in ("/MediaBox", "/TrimBox", "/BleedBox") if key in page}


def texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def near(pixel: tuple[int, ...], colour: tuple[int, ...]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(pixel, colour))


def test_no_artwork_leaves_the_pdf_alone(print_report: bytes) -> None:
    assert apply_artwork(print_report, Artwork(), print_file=True) == (print_report, [])


def test_cover_pages_come_before_the_generated_pages(print_report: bytes, cover: Path) -> None:
    pdf, problems = apply_artwork(print_report, Artwork(cover=cover), print_file=True)
    assert problems == []
    assert texts(pdf) == ["COVER ONE", "COVER TWO", "Page one", "Page two"]


def test_cover_pages_get_the_report_boxes_with_their_trims_lined_up(print_report: bytes, tmp_path: Path) -> None:
    # Exported with 3 mm bleed and the media box at the origin, as design programs do;
    # a black 10 pt square sits in the trim's bottom-left corner.
    width, height = 595.28 + 2 * BLEED, 841.89 + 2 * BLEED
    trim = (BLEED, BLEED, width - BLEED, height - BLEED)
    square = b"0 0 0 1 k %.3f %.3f 10 10 re f" % (BLEED, BLEED)
    path = raw_page(tmp_path / "cover.pdf", square, (0, 0, width, height), trim, (0, 0, width, height))
    pdf, problems = apply_artwork(print_report, Artwork(cover=path), print_file=True)
    assert problems == []
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert boxes(pages[0]) == boxes(pages[1]) == {
        "/MediaBox": [-8.5, -8.5, 603.78, 850.39], "/TrimBox": [0.0, 0.0, 595.28, 841.89], "/BleedBox": [-8.5, -8.5, 603.78, 850.39]}
    picture = render(pdf, tmp_path)[0]
    bottom = picture.height - 1
    assert near(picture.getpixel((13, bottom - 13)), (0, 0, 0))  # the square, inside the trim corner
    assert near(picture.getpixel((4, bottom - 4)), (255, 255, 255))  # the bleed below and left of it
    assert near(picture.getpixel((30, bottom - 30)), (255, 255, 255))  # beyond the square


def test_letterhead_is_drawn_under_every_page(print_report: bytes, green_letterhead: Path, tmp_path: Path) -> None:
    pdf, problems = apply_artwork(print_report, Artwork(letterhead=green_letterhead), print_file=False)
    assert problems == []
    first, second = render(pdf, tmp_path)
    # 72 dpi: the page's black square covers trim (0..113 px) + 8.5 px bleed; the letterhead is around it.
    assert near(first.getpixel((40, 40)), (0, 0, 0))  # the page's content is on top
    assert near(first.getpixel((300, 600)), (0, 255, 0))  # the letterhead shows where the page is empty
    assert near(second.getpixel((40, 40)), (0, 255, 0))


def test_letterhead_comes_first_in_the_content_stream(print_report: bytes, green_letterhead: Path) -> None:
    pdf, _ = apply_artwork(print_report, Artwork(letterhead=green_letterhead), print_file=False)
    forms = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        operations = page.get_contents().operations
        painting = [(operands, op) for operands, op in operations if op in (b"Do", b"re", b"Tj", b"TJ", b"f", b"BT")]
        assert painting[0] == ([NameObject("/PressroomLetterhead")], b"Do")
        assert operations[0] == ([NameObject("/Artifact")], b"BMC")  # tagged files stay tagged
        assert all(op != b"Do" for _, op in painting[1:])  # drawn once, under everything else
        form = page["/Resources"]["/XObject"].raw_get("/PressroomLetterhead")
        forms.add(form.idnum)
        assert b"0 1 0 rg" in form.get_object().get_data()  # the letterhead's green
    assert len(forms) == 1  # one shared object, not a copy per page


def test_letterhead_on_the_first_generated_page_only(print_report: bytes, green_letterhead: Path, cover: Path, tmp_path: Path) -> None:
    pdf, problems = apply_artwork(print_report, Artwork(cover, green_letterhead, "first"), print_file=False)
    assert problems == []
    pictures = render(pdf, tmp_path)
    assert [near(p.getpixel((300, 600)), (0, 255, 0)) for p in pictures] == [False, False, True, False]


def test_tagging_output_intent_and_metadata_survive(green_letterhead: Path, tmp_path: Path) -> None:
    tagged = weasy(REPORT, "@page { size: A4; margin: 0 }", "pdf/ua-1")
    pdf, _ = apply_artwork(tagged, Artwork(letterhead=green_letterhead), print_file=False)
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    original = pypdf.PdfReader(io.BytesIO(tagged)).trailer["/Root"]
    assert "/StructTreeRoot" in root and "/Metadata" in root and root["/Lang"] == original["/Lang"]
    x4 = weasy(REPORT, f"{CMYK} @page {{ size: A4; bleed: 3mm; margin: 0 }}", "pdf/x-4")
    pdf, _ = apply_artwork(x4, Artwork(letterhead=green_letterhead), print_file=False)
    assert "/OutputIntents" in pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]


def test_result_passes_qpdf(print_report: bytes, green_letterhead: Path, cover: Path, tmp_path: Path) -> None:
    pdf, _ = apply_artwork(print_report, Artwork(cover, green_letterhead), print_file=False)
    (tmp_path / "out.pdf").write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(tmp_path / "out.pdf")], capture_output=True, text=True)
    assert check.returncode == 0 and "WARNING" not in check.stdout + check.stderr, check.stdout + check.stderr


def test_a_cover_of_another_size_is_a_problem_naming_both_sizes(print_report: bytes, tmp_path: Path) -> None:
    letter = artwork(tmp_path, "letter-cover.pdf", "<p>US</p>", f"{CMYK} @page {{ size: Letter; bleed: 3mm }}")
    pdf, problems = apply_artwork(print_report, Artwork(cover=letter), print_file=True)
    assert pdf == print_report  # nothing half-done
    assert len(problems) == 1 and problems[0].is_error and problems[0].file == str(letter)
    message = problems[0].message
    assert "'letter-cover.pdf' is 215.9 x 279.4 mm on page 1" in message
    assert "report's pages are 210.0 x 297.0 mm" in message and "Export it at the report's trimmed page size" in message


def test_half_a_point_is_the_same_size(screen_report: bytes, tmp_path: Path) -> None:
    close = raw_page(tmp_path / "close.pdf", b"", (0, 0, 595.28 + 0.4, 841.89 - 0.4))
    far = raw_page(tmp_path / "far.pdf", b"", (0, 0, 595.28 + 0.7, 841.89))
    assert apply_artwork(screen_report, Artwork(letterhead=close), print_file=False)[1] == []
    assert "letterhead 'far.pdf' is 210.2 x 297.0 mm" in apply_artwork(screen_report, Artwork(letterhead=far), print_file=False)[1][0].message


def test_the_trim_box_decides_the_size(screen_report: bytes, tmp_path: Path) -> None:
    # Media box with bleed and marks, trim box A4: the right size.
    trimmed = raw_page(tmp_path / "trimmed.pdf", b"", (0, 0, 650, 900), trim=(20, 20, 615.28, 861.89))
    assert apply_artwork(screen_report, Artwork(letterhead=trimmed), print_file=False)[1] == []


def test_a_cover_without_bleed_is_a_problem_for_print_only(print_report: bytes, screen_report: bytes, tmp_path: Path) -> None:
    flat = artwork(tmp_path, "flat.pdf", "<p>Flat</p>", f"{CMYK} @page {{ size: A4 }}")
    _, problems = apply_artwork(print_report, Artwork(cover=flat), print_file=True)
    assert [p.message for p in problems] == [
        "The cover 'flat.pdf' has 0.0 mm of bleed; the print file needs 3.0 mm, or a white edge can show "
        "after cutting. Export the cover with 3.0 mm bleed (crop marks off)."
    ]
    assert apply_artwork(screen_report, Artwork(cover=flat), print_file=False)[1] == []


def test_a_letterhead_without_bleed_is_a_warning_for_print(print_report: bytes, screen_report: bytes, tmp_path: Path) -> None:
    logo = artwork(tmp_path, "logo.pdf", "<p>ECPAT</p>", f"{CMYK} @page {{ size: A4 }}")
    pdf, problems = apply_artwork(print_report, Artwork(letterhead=logo), print_file=True)
    assert [(p.severity, p.message.split(". ")[0]) for p in problems] == [
        ("warning", "The letterhead 'logo.pdf' has 0.0 mm of bleed; the print file has 3.0 mm")]
    assert pdf != print_report  # a warning does not stop the letterhead
    assert apply_artwork(screen_report, Artwork(letterhead=logo), print_file=False)[1] == []


def test_viewers_number_the_report_pages_from_1_after_the_cover(print_report: bytes, cover: Path) -> None:
    pdf, _ = apply_artwork(print_report, Artwork(cover=cover), print_file=True)
    assert list(pypdf.PdfReader(io.BytesIO(pdf)).page_labels) == ["Cover 1", "Cover 2", "1", "2"]


def test_rgb_artwork_in_the_print_file_is_named(print_report: bytes, green_letterhead: Path, tmp_path: Path) -> None:
    _, problems = apply_artwork(print_report, Artwork(letterhead=green_letterhead), print_file=True)
    assert [p.message.split(". ")[0] for p in problems] == ["The letterhead 'letterhead.pdf' uses RGB colour on page 1"]
    cmyk = artwork(tmp_path, "cmyk.pdf", "", f"{CMYK} @page {{ size: A4; bleed: 3mm; margin: 0 }} html {{ background: device-cmyk(1 0 1 0) }}")
    assert apply_artwork(print_report, Artwork(letterhead=cmyk), print_file=True)[1] == []
    assert apply_artwork(print_report, Artwork(letterhead=green_letterhead), print_file=False)[1] == []


def test_a_letterhead_is_one_page(screen_report: bytes, tmp_path: Path) -> None:
    two = raw_page(tmp_path / "two.pdf", b"", (0, 0, 595.28, 841.89), pages=2)
    problems = apply_artwork(screen_report, Artwork(letterhead=two), print_file=False)[1]
    assert [p.message for p in problems] == [
        "The letterhead 'two.pdf' has 2 pages; a letterhead is one page. Export only the page to lay under the report's pages."
    ]


def test_broken_locked_and_rotated_artwork(screen_report: bytes, tmp_path: Path) -> None:
    text = tmp_path / "notes.pdf"
    text.write_bytes(b"these are not the pages you are looking for")
    locked = tmp_path / "locked.pdf"
    writer = pypdf.PdfWriter(clone_from=raw_page(tmp_path / "plain.pdf", b"", (0, 0, 595.28, 841.89)))
    writer.encrypt("secret")
    writer.write(locked)
    turned = raw_page(tmp_path / "turned.pdf", b"", (0, 0, 595.28, 841.89))
    writer = pypdf.PdfWriter(clone_from=turned)
    writer.pages[0].rotate(90)
    writer.write(turned)

    def messages(path: Path) -> list[str]:
        pdf, problems = apply_artwork(screen_report, Artwork(cover=path), print_file=False)
        assert pdf == screen_report
        return [p.message for p in problems]

    assert messages(text)[0].startswith("The cover 'notes.pdf' cannot be read as a PDF")
    assert messages(locked) == ["The cover 'locked.pdf' is protected by a password. Export it again without one."]
    assert messages(turned) == ["The cover 'turned.pdf' is saved turned sideways on page 1. Export it upright, at the report's page size."]


def test_same_input_same_bytes(print_report: bytes, green_letterhead: Path, cover: Path) -> None:
    first = apply_artwork(print_report, Artwork(cover, green_letterhead), print_file=False)[0]
    assert apply_artwork(print_report, Artwork(cover, green_letterhead), print_file=False)[0] == first


def test_scripts_and_actions_of_a_cover_stay_behind(print_report: bytes, cover: Path) -> None:
    from pypdf.generic import DictionaryObject, TextStringObject

    from pressroom.preflight.checks.interactive import active_content

    writer = pypdf.PdfWriter(clone_from=cover)
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})
    writer.write(cover)
    pdf, problems = apply_artwork(print_report, Artwork(cover=cover), print_file=True)
    assert problems == [] and len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 4
    assert active_content(pypdf.PdfReader(io.BytesIO(pdf)).trailer) == ([], False)


@pytest.mark.parametrize("kind", ["corrupt", "truncated", "locked"])
def test_a_broken_cover_stops_the_build_with_its_name(kind: str, tmp_path: Path) -> None:
    from pressroom.build import build
    from pressroom.problems import UserError
    from report_folders import write_report

    folder = write_report(tmp_path / "report", "Text.\n", cover="cover.pdf")
    plain = raw_page(tmp_path / "plain.pdf", b"", (0, 0, 595.28, 841.89))
    if kind == "corrupt":
        (folder / "cover.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    elif kind == "truncated":
        (folder / "cover.pdf").write_bytes(plain.read_bytes()[:200])
    else:
        writer = pypdf.PdfWriter(clone_from=plain)
        writer.encrypt("secret")
        writer.write(folder / "cover.pdf")
    with pytest.raises(UserError) as raised:
        build(folder, tmp_path / "out.pdf", profile="screen")
    assert any("'cover.pdf'" in p.message for p in raised.value.problems)
    assert not (tmp_path / "out.pdf").exists()

