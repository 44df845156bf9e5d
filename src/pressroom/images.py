"""Every picture a report names is opened here once, guarded and within limits, before the
layout engine sees it: a damaged, truncated, oversized or booby-trapped file is a message
naming it, never a hang, a traceback or a grey half in the PDF."""

from __future__ import annotations

import functools
import io
import warnings
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PIL import Image, ImageFile, UnidentifiedImageError

from pressroom import messages

MAX_IMAGE_BYTES = 100 * 1024 * 1024
# 60 million pixels: an A3 page at 300 ppi is 17 million. Decoded, it is 240 MB.
MAX_IMAGE_PIXELS = 60_000_000
MAX_SVG_BYTES = 10 * 1024 * 1024
# Elements an SVG draws once every <use> is expanded: a chart has hundreds, a map thousands.
MAX_SVG_ELEMENTS = 200_000
# Nesting the engine draws recursively: deeper would stop it with a RecursionError.
MAX_SVG_DEPTH = 100
SVG_SUFFIX = ".svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# 16-bit grey: the engine draws it as a black box on screen and Pillow's plain convert("L")
# clips it to white in print, so it is scaled to 8 bits (eight_bit) before either sees it.
SIXTEEN_BIT_MODES = {"I;16", "I;16B", "I;16L", "I;16N", "I"}
UNSUPPORTED_MODES = {"F"}  # floating-point pixels: no file a writer exports


def image_problem(path: Path, src: str) -> str | None:
    """What is wrong with the picture at `path` (as the writer named it, `src`), or None.
    Each file is judged once per version (the layout engine's fetcher asks again)."""
    try:
        status = path.stat()
    except (OSError, ValueError):
        return messages.IMAGE_MISSING.format(src=src)
    found = _judged(str(path), status.st_mtime_ns, status.st_size)
    return None if found is None else found[0].format(src=src, **dict(found[1]))


Judgement = tuple[str, tuple[tuple[str, object], ...]] | None  # a message template and its values


@functools.lru_cache(maxsize=1024)
def _judged(name: str, modified: int, size: int) -> Judgement:
    path = Path(name)
    if size > (MAX_SVG_BYTES if path.suffix.lower() == SVG_SUFFIX else MAX_IMAGE_BYTES):
        return messages.IMAGE_FILE_TOO_BIG, (("megabytes", size // 2**20),)
    if path.suffix.lower() == SVG_SUFFIX:
        return _svg_problem(path)
    return _bitmap_problem(path)


def _bitmap_problem(path: Path) -> Judgement:
    too_large = messages.IMAGE_TOO_LARGE, (("width", "?"), ("height", "?"), ("limit", MAX_IMAGE_PIXELS // 1_000_000))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit is lower
            image = Image.open(path)
        with image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:  # checked from the header, before decoding
                return messages.IMAGE_TOO_LARGE, (("width", width), ("height", height), ("limit", MAX_IMAGE_PIXELS // 1_000_000))
            if image.mode in UNSUPPORTED_MODES:
                return messages.IMAGE_FLOAT, ()
            _load_strictly(image)  # a truncated file fails here instead of printing half grey
    except Image.DecompressionBombError:
        return too_large
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, EOFError) as error:
        truncated = "truncated" in str(error) or isinstance(error, EOFError)
        return (messages.IMAGE_TRUNCATED if truncated else messages.IMAGE_UNREADABLE), ()
    return None


def eight_bit(image: Image.Image) -> Image.Image:
    """16-bit grey scaled to 8 bits (65535 -> 255); any other image as it is."""
    if image.mode not in SIXTEEN_BIT_MODES:
        return image
    return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")


def eight_bit_copy(path: Path) -> bytes | None:
    """A PNG of the picture at 8 bits when it is 16-bit grey (for the engine), else None."""
    try:
        with Image.open(path) as image:
            if image.mode not in SIXTEEN_BIT_MODES:
                return None
            converted = eight_bit(image)
    except (OSError, UnidentifiedImageError, ValueError):
        return None  # judged by image_problem already
    buffer = io.BytesIO()
    converted.save(buffer, "PNG", dpi=image.info.get("dpi", (300, 300)))
    return buffer.getvalue()


def _load_strictly(image: Image.Image) -> None:
    """Decode every pixel; WeasyPrint lets Pillow fill a cut-off file with grey (it sets
    LOAD_TRUNCATED_IMAGES for the whole process), so that is switched off while we look."""
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _svg_problem(path: Path) -> Judgement:
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        line, column = error.position
        return messages.SVG_BROKEN, (("line", line), ("column", column + 1))
    except (OSError, ValueError):
        return messages.IMAGE_UNREADABLE, ()
    try:
        too_complex = _depth(root) > MAX_SVG_DEPTH or _drawn_elements(root) > MAX_SVG_ELEMENTS
    except RecursionError:  # <use> chains deeper than Python goes
        too_complex = True
    if too_complex:
        return messages.SVG_TOO_COMPLEX, (("limit", MAX_SVG_ELEMENTS), ("depth", MAX_SVG_DEPTH))
    return None


def _depth(root: ElementTree.Element) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def _drawn_elements(root: ElementTree.Element) -> int:
    """How many elements the drawing has once every <use> is replaced by what it names;
    counted per element and remembered, so ten levels of ten <use> cost a hundred steps."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    sizes: dict[int, int] = {}

    def size(element: ElementTree.Element) -> int:
        key = id(element)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # a <use> that leads back to itself counts once (the engine ignores it)
        total = 1 + sum(size(child) for child in element)
        if element.tag.rsplit("}", 1)[-1] == "use":
            target = by_id.get((element.get("href") or element.get(XLINK_HREF) or "").removeprefix("#"))
            total += size(target) if target is not None else 0
        sizes[key] = min(total, MAX_SVG_ELEMENTS + 1)
        return sizes[key]

    return _iteratively(root, size)


def _iteratively(root: ElementTree.Element, size) -> int:
    """Size the deepest elements first, so no recursion goes deeper than one <use> chain."""
    for element in reversed(list(root.iter())):
        size(element)
    return size(root)
