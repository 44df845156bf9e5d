"""Every picture is opened once, guarded and within limits, before the engine sees it."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

import pytest
from PIL import Image

from pressroom import messages
from pressroom.images import MAX_SVG_ELEMENTS, image_problem

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="20" height="20">{}</svg>'


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims the size given: a 'bomb' is a few bytes that say gigapixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def test_a_good_picture_and_a_good_svg_pass(tmp_path: Path):
    Image.new("RGB", (20, 20), "red").save(tmp_path / "a.jpg")
    (tmp_path / "b.svg").write_text(SVG.format('<rect width="10" height="10"/>'))
    assert image_problem(tmp_path / "a.jpg", "a.jpg") is None
    assert image_problem(tmp_path / "b.svg", "b.svg") is None


def test_a_truncated_jpeg_is_cut_off_not_half_grey(tmp_path: Path):
    import weasyprint  # noqa: F401 - on import it lets Pillow fill cut-off files with grey, process-wide

    Image.effect_noise((400, 400), 60).convert("RGB").save(tmp_path / "full.jpg")
    data = (tmp_path / "full.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    assert image_problem(tmp_path / "cut.jpg", "cut.jpg") == messages.IMAGE_TRUNCATED.format(src="cut.jpg")


@pytest.mark.parametrize("side", [13300, 30000])
def test_a_picture_too_large_is_called_too_large_not_damaged(tmp_path: Path, side: int):
    (tmp_path / "big.png").write_bytes(png_header(side, side))
    problem = image_problem(tmp_path / "big.png", "big.png")
    assert problem is not None and "million pixels" in problem


def test_16_bit_grey_is_scaled_to_8_bits_in_both_files(tmp_path: Path):
    """It was a black box on screen and a blank one in print."""
    import pypdf

    from pressroom.build import build
    from report_folders import write_report

    folder = write_report(tmp_path / "report", "Text.\n\n![A grey square](grey.png)\n")
    Image.new("I;16", (2100, 2100), 40000).save(folder / "grey.png", dpi=(300, 300))  # 40000/65535: 61 % grey
    assert image_problem(folder / "grey.png", "grey.png") is None
    result = build(folder, tmp_path / "out.pdf", profile="both")
    for name, path in ((name, made.path) for name, made in result.outputs.items()):
        picture = pypdf.PdfReader(path).pages[0].images[0]
        pixel = picture.image.getpixel((10, 10))
        if name == "screen":
            assert picture.image.mode == "L" and abs(pixel - 156) < 3
        else:  # CMYK, grey as black ink only: about 40 % K, neither blank nor solid
            assert picture.image.mode == "CMYK" and pixel[:3] == (0, 0, 0) and 60 < pixel[3] < 160, pixel


def test_a_broken_svg_is_named_with_its_line(tmp_path: Path):
    (tmp_path / "c.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="10"\n</svg>')
    problem = image_problem(tmp_path / "c.svg", "c.svg")
    assert problem is not None and "line 3" in problem


def use_bomb(levels: int, fan: int = 10) -> str:
    """Each level draws the one before `fan` times: fan**levels shapes from a kilobyte."""
    defs = ['<rect id="l0" width="1" height="1"/>']
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}"/>' for _ in range(fan))
        defs.append(f'<g id="l{level}">{uses}</g>')
    return SVG.format("<defs>" + "".join(defs) + f'</defs><use xlink:href="#l{levels}"/>')


def test_an_svg_use_bomb_is_refused_at_once(tmp_path: Path):
    (tmp_path / "bomb.svg").write_text(use_bomb(8))
    started = time.perf_counter()
    problem = image_problem(tmp_path / "bomb.svg", "bomb.svg")
    assert time.perf_counter() - started < 5
    assert problem == messages.SVG_TOO_COMPLEX.format(src="bomb.svg", limit=MAX_SVG_ELEMENTS, depth=100)


def test_a_small_svg_with_uses_passes(tmp_path: Path):
    (tmp_path / "ok.svg").write_text(use_bomb(3))
    assert image_problem(tmp_path / "ok.svg", "ok.svg") is None


def test_deep_svg_nesting_is_refused(tmp_path: Path):
    (tmp_path / "deep.svg").write_text(SVG.format("<g>" * 5000 + "</g>" * 5000))
    assert image_problem(tmp_path / "deep.svg", "deep.svg") is not None
