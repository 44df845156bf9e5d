"""The briefing paper's print and screen files, checked with tools pressroom did not write:
qpdf, pdffonts, pdfinfo, mutool, Ghostscript (and pypdf and Pillow to read what they say)."""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pypdf
import pytest
from PIL import Image, ImageChops, ImageCms, ImageMath, ImageStat
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

from pressroom.cli import main
from pressroom.preflight import PreflightOptions, format_table, preflight

A4 = (595.28, 841.89)
BLEED = 3 * 72 / 25.4  # 8.504 pt
MAX_TAC = 300  # per cent
PDFX_ID = "http://www.npes.org/pdfx/ns/id/"
PDFUA_ID = "http://www.aiim.org/pdfua/ns/id/"
RGB_NAMES = {"/DeviceRGB", "/CalRGB"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, report_dir: Path) -> dict[str, Path]:
    from pressroom.build import build

    result = build(report_dir, tmp_path_factory.mktemp("print") / "briefing-paper.pdf", profile="both")
    return {name: getattr(output, "path", output) for name, output in result.outputs.items()}


@pytest.fixture(scope="module")
def print_pdf(files: dict[str, Path]) -> Path:
    assert files["print"].name == "briefing-paper-print.pdf" and files["print"].parent == files["screen"].parent
    return files["print"]


@pytest.fixture(scope="module")
def screen_pdf(files: dict[str, Path]) -> Path:
    return files["screen"]


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, check=False)


def page_count(pdf: Path) -> int:
    return len(pypdf.PdfReader(pdf).pages)


def xmp_values(pdf: Path, namespace: str, name: str) -> list[str]:
    """Every value of one XMP property, written as an element or as an attribute."""
    packet = pypdf.PdfReader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data()
    tag = f"{{{namespace}}}{name}"
    values = []
    for element in ElementTree.fromstring(packet[packet.index(b"<x:xmpmeta"):packet.rindex(b"</x:xmpmeta>") + 12]).iter():
        if element.tag == tag:
            values.append((element.text or "").strip())
        if tag in element.attrib:
            values.append(element.attrib[tag])
    return values


# -- the print file -------------------------------------------------------------------------


def test_qpdf_finds_nothing_wrong(print_pdf: Path, screen_pdf: Path) -> None:
    for pdf in (print_pdf, screen_pdf):
        check = run("qpdf", "--check", pdf)
        assert check.returncode == 0 and "WARNING" not in check.stdout + check.stderr, check.stdout + check.stderr
        assert "No syntax or stream encoding errors found" in check.stdout


def test_pdffonts_every_font_embedded(print_pdf: Path) -> None:
    lines = run("pdffonts", print_pdf).stdout.splitlines()
    header, dashes, rows = lines[0], lines[1], lines[2:]
    # Column spans come from the row of dashes under the header.
    spans = [match.span() for match in re.finditer(r"-+", dashes)]
    emb = next(span for span in spans if header[span[0]:span[1]].strip() == "emb")
    assert rows, "pdffonts lists no fonts"
    not_embedded = [row for row in rows if row[emb[0]:emb[1]].strip() != "yes"]
    assert not_embedded == []


def test_pdfinfo_trim_is_a4_with_3_mm_bleed_on_every_page(print_pdf: Path) -> None:
    pages = page_count(print_pdf)
    output = run("pdfinfo", "-box", "-f", "1", "-l", str(pages), print_pdf).stdout
    boxes: dict[tuple[int, str], list[float]] = {}
    for page, box, numbers in re.findall(r"Page\s+(\d+) (\w+Box):\s+([-\d. ]+)", output):
        boxes[int(page), box] = [float(n) for n in numbers.split()]
    for page in range(1, pages + 1):
        x0, y0, x1, y1 = boxes[page, "TrimBox"]
        assert (x1 - x0, y1 - y0) == pytest.approx(A4, abs=0.02)
        # The MediaBox also holds the crop marks: 4 mm from the trim (1 mm beyond the bleed), 5 mm long.
        for outer, margin in (("BleedBox", BLEED), ("MediaBox", 9 * 72 / 25.4)):
            bx0, by0, bx1, by1 = boxes[page, outer]
            margins = (x0 - bx0, y0 - by0, bx1 - x1, by1 - y1)
            assert margins == pytest.approx((margin,) * 4, abs=0.02), f"page {page} {outer}"


def content_streams(reader: pypdf.PdfReader) -> list[tuple[str, StreamObject, object]]:
    """(where, stream, resources) of every content stream: pages, form XObjects (appearance
    streams are forms too), tiling patterns and Type 3 glyphs, wherever they are referenced."""
    found: list[tuple[str, StreamObject, object]] = []
    for number, page in enumerate(reader.pages, 1):
        contents = page.get("/Contents")
        if contents is not None:
            contents = contents.get_object()
            for stream in contents if isinstance(contents, ArrayObject) else [contents]:
                found.append((f"page {number}", stream.get_object(), page.get("/Resources")))
    for where, obj in every_object(reader):
        if isinstance(obj, StreamObject) and (obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1):
            found.append((where, obj, obj.get("/Resources")))
        if isinstance(obj, DictionaryObject) and obj.get("/Subtype") == "/Type3":
            for glyph, proc in obj["/CharProcs"].items():
                found.append((f"{where} glyph {glyph}", proc.get_object(), obj.get("/Resources")))
    return found


def every_object(reader: pypdf.PdfReader) -> list[tuple[str, object]]:
    """Every object reachable from the trailer, once each, with a path to it."""
    seen: set[int] = set()
    out: list[tuple[str, object]] = []
    todo: list[tuple[str, object]] = [("trailer", reader.trailer)]
    while todo:
        where, obj = todo.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            where, obj = f"object {obj.idnum}", obj.get_object()
        out.append((where, obj))
        if isinstance(obj, (DictionaryObject, StreamObject)):
            todo += [(f"{where} {key}", value) for key, value in obj.items() if key != "/Parent"]
        elif isinstance(obj, ArrayObject):
            todo += [(where, value) for value in obj]
    return out


def rgb_uses(pdf: Path) -> list[str]:
    """Every RGB colour operator, colour space and ICC profile in the file."""
    reader = pypdf.PdfReader(pdf)
    found = []
    for where, obj in every_object(reader):
        if isinstance(obj, NameObject) and obj in RGB_NAMES:
            found.append(f"{where}: {obj}")
        if isinstance(obj, ArrayObject) and obj and obj[0] == "/ICCBased" and obj[1].get_object().get("/N") == 3:
            found.append(f"{where}: ICCBased with 3 components")
    for where, stream, _resources in content_streams(reader):
        for operands, operator in pypdf.generic.ContentStream(stream, reader).operations:
            if operator in (b"rg", b"RG"):
                found.append(f"{where}: {operator.decode()} operator")
            if operator == b"INLINE IMAGE" and str(operands["settings"].get("/CS", operands["settings"].get("/ColorSpace"))) in ("/RGB", "/DeviceRGB"):
                found.append(f"{where}: inline RGB image")
    return found


def test_no_rgb_operator_or_colour_space_anywhere(print_pdf: Path, screen_pdf: Path) -> None:
    assert rgb_uses(print_pdf) == []
    assert rgb_uses(screen_pdf), "the scan must find the RGB of the screen file, or it proves nothing"


def test_mutool_trace_paints_in_cmyk_only(print_pdf: Path, screen_pdf: Path) -> None:
    def spaces(pdf: Path) -> set[str]:
        trace = run("mutool", "trace", pdf)
        assert trace.returncode == 0, trace.stderr
        # set_default_colorspaces lists the defaults; every other colorspace= is something painted.
        painted = [line for line in trace.stdout.splitlines() if "set_default_colorspaces" not in line]
        return set(re.findall(r'colorspace="([^"]+)"', "\n".join(painted)))

    print_spaces = spaces(print_pdf)
    assert "DeviceCMYK" in print_spaces
    assert not [space for space in print_spaces if "RGB" in space.upper()], print_spaces
    assert any("RGB" in space.upper() for space in spaces(screen_pdf))


def test_ghostscript_renders_every_page_with_ink_under_the_limit(print_pdf: Path, tmp_path: Path) -> None:
    # Ink is measured on the BleedBox: the bleed is printed, the crop marks beyond it are
    # registration colour (400%) by definition, as printers' own coverage checks assume.
    render = run("gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dPDFSTOPONERROR", "-dUseBleedBox", "-sDEVICE=tiff32nc",
                 "-r72", f"-o{tmp_path}/page-%d.tif", print_pdf)
    assert render.returncode == 0 and render.stdout + render.stderr == "", render.stdout + render.stderr
    pages = sorted(tmp_path.glob("page-*.tif"))
    assert len(pages) == page_count(print_pdf)
    highest = 0.0
    for page in pages:
        channels = Image.open(page).split()
        total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"], c=channels[0], m=channels[1], y=channels[2], k=channels[3])
        highest = max(highest, total.getextrema()[1] / 255 * 100)
    assert 0 < highest <= MAX_TAC, f"highest total ink {highest:.0f} %"
    averages = run("gs", "-q", "-dSAFER", "-o", "-", "-sDEVICE=ink_cov", print_pdf).stdout.splitlines()
    assert len(averages) == len(pages) and all(line.rstrip().endswith("CMYK OK") for line in averages), averages


def test_pdf_x4_identification_output_intent_and_trapped(print_pdf: Path) -> None:
    assert xmp_values(print_pdf, PDFX_ID, "GTS_PDFXVersion") == ["PDF/X-4"]
    reader = pypdf.PdfReader(print_pdf)
    intents = [intent.get_object() for intent in reader.trailer["/Root"]["/OutputIntents"]]
    assert [intent["/S"] for intent in intents] == ["/GTS_PDFX"]
    profile = intents[0]["/DestOutputProfile"].get_object()
    assert profile["/N"] == 4 and profile.get_data()[16:20] == b"CMYK"
    assert reader.metadata["/Trapped"] in ("/True", "/False")
    assert len(reader.trailer["/ID"]) == 2


def test_pressroom_preflight_passes_the_print_file(print_pdf: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = preflight(print_pdf, PreflightOptions())
    assert report.passed, format_table(report)
    assert main(["preflight", str(print_pdf)]) == 0, capsys.readouterr().out


def test_print_file_looks_like_the_screen_file(print_pdf: Path, screen_pdf: Path, tmp_path: Path) -> None:
    """Ghostscript renders the print file in CMYK (cut at the trim); Pillow turns it into
    sRGB through the file's own output intent; it must look like the screen file."""
    reader = pypdf.PdfReader(print_pdf)
    intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()["/DestOutputProfile"].get_object().get_data()
    to_srgb = ImageCms.buildTransform(ImageCms.ImageCmsProfile(io.BytesIO(intent)), ImageCms.createProfile("sRGB"),
                                      "CMYK", "RGB", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
    last = len(reader.pages)
    for number in (1, last):
        cmyk = tmp_path / f"print-{number}.tif"
        rgb = tmp_path / f"screen-{number}.png"
        common = ("gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-r40", f"-dFirstPage={number}", f"-dLastPage={number}")
        assert run(*common, "-dUseTrimBox", "-sDEVICE=tiff32nc", f"-o{cmyk}", print_pdf).returncode == 0
        assert run(*common, "-sDEVICE=png16m", f"-o{rgb}", screen_pdf).returncode == 0
        printed = ImageCms.applyTransform(Image.open(cmyk), to_srgb)
        screen = Image.open(rgb).convert("RGB")
        assert printed.size == screen.size
        mean = ImageStat.Stat(ImageChops.difference(printed, screen)).mean
        assert max(mean) < 8, f"page {number}: mean difference {mean}"
        # In ~5 mm squares, as Lab: lightness may differ a little (black text is K only, not
        # RGB black), but a hue gone wrong in a heading or a fill must not.
        blocks = (screen.width // 8, screen.height // 8)
        lightness, red_green, yellow_blue = (high for _, high in ImageChops.difference(lab(printed, blocks), lab(screen, blocks)).getextrema())
        assert lightness < 32 and red_green < 10 and yellow_blue < 10, f"page {number}: L, a, b differ by {lightness}, {red_green}, {yellow_blue}"


def lab(picture: Image.Image, size: tuple[int, int]) -> Image.Image:
    to_lab = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), ImageCms.createProfile("LAB"), "RGB", "LAB")
    return ImageCms.applyTransform(picture.resize(size, Image.Resampling.BOX), to_lab)


# -- the screen file ------------------------------------------------------------------------


def test_screen_file_is_tagged_pdf_ua(screen_pdf: Path) -> None:
    root = pypdf.PdfReader(screen_pdf).trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/Lang"] == "en-GB"
    assert xmp_values(screen_pdf, PDFUA_ID, "part") == ["1"]
