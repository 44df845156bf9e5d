"""A small PDF content-stream interpreter collecting what print preflight needs.

It follows the graphics state (CTM, line width, fill/stroke colour spaces)
through q/Q/cm into form XObjects, tiling patterns and annotation appearance
streams, and records per page:

* colour spaces actually used to paint (fill/stroke/text/shading/images),
* image placements (pixel size, placed size -> effective ppi),
* stroke widths in points (line width scaled by the CTM),
* uses of transparency (soft masks, constant alpha < 1, blend modes, groups),
* the CMYK fill of text by its size in points (small type in many inks blurs on misregistration).

Results are cached on the PdfReader so the checks share one pass.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import pypdf
from pypdf.generic import DictionaryObject, StreamObject

from .operations import INLINE_IMAGE, content_operations
from .pdfutil import (
    CMYK,
    GRAY,
    PATTERN,
    classify_colorspace,
    get,
    inherited,
    resolve,
)

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 24

_CACHE_ATTR = "_pressroom_preflight_scan"


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m × n (apply m first, then n), PDF row-vector convention."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


@dataclass
class ImagePlacement:
    name: str
    width_px: int
    height_px: int
    placed_w_pt: float
    placed_h_pt: float
    bits: int
    is_mask: bool

    @property
    def ppi(self) -> float:
        """Lower of the horizontal and vertical effective resolutions."""
        values = []
        if self.placed_w_pt > 1e-6:
            values.append(self.width_px / (self.placed_w_pt / 72))
        if self.placed_h_pt > 1e-6:
            values.append(self.height_px / (self.placed_h_pt / 72))
        return min(values) if values else math.inf


@dataclass
class PageScan:
    # (family, description, how) e.g. ("rgb", "DeviceRGB", "text")
    colours: set[tuple[str, str, str]] = field(default_factory=set)
    images: list[ImagePlacement] = field(default_factory=list)
    # stroke width in pt (rounded to 0.001) -> number of strokes
    strokes: dict[float, int] = field(default_factory=dict)
    # thickness in pt of filled thin rectangles / rectangular frames (CSS
    # borders and rules are drawn as fills, not strokes) -> count
    thin_fills: dict[float, int] = field(default_factory=dict)
    transparency: set[str] = field(default_factory=set)
    problems: set[str] = field(default_factory=set)  # unreadable streams etc.
    # (size in pt rounded to 0.1, CMYK fill) of text painted in a CMYK space
    text_cmyk: set[tuple[float, tuple[float, ...]]] = field(default_factory=set)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    line_width: float = 1.0
    fill: tuple[str, str] = (GRAY, "DeviceGray")
    stroke: tuple[str, str] = (GRAY, "DeviceGray")
    text_mode: int = 0
    fill_values: tuple[float, ...] = (0.0,)
    font_size: float = 0.0
    text_matrix: Matrix = IDENTITY

    def copy(self) -> "_State":
        return dataclasses.replace(self)


_FILL_OPS = {b"f", b"F", b"f*"}
_STROKE_OPS = {b"S", b"s"}
_FILL_STROKE_OPS = {b"B", b"B*", b"b", b"b*"}
_TEXT_OPS = {b"Tj", b"TJ", b"'", b'"'}
_PATH_OPS = {b"m", b"l", b"c", b"v", b"y", b"h"}
_INITIAL_COLOUR = {CMYK: (0.0, 0.0, 0.0, 1.0), GRAY: (0.0,)}  # after cs, per PDF 32000 8.6.5
_BLEND_OK = {"/Normal", "/Compatible"}
_DEVICE_COLOUR_OPS = {
    b"rg": ("rgb", "DeviceRGB"), b"RG": ("rgb", "DeviceRGB"),
    b"g": (GRAY, "DeviceGray"), b"G": (GRAY, "DeviceGray"),
    b"k": ("cmyk", "DeviceCMYK"), b"K": ("cmyk", "DeviceCMYK"),
}

# What _interpret reads, and of those, the operators whose operands it reads. qpdf drops
# every other operator as it parses (text moves, marked content, dashes: most of a page).
_OPERANDS_READ = {
    b"re", b"cm", b"w", b"gs", b"rg", b"g", b"k", b"cs", b"CS", b"scn", b"SCN", b"sc", b"SC",
    b"Tf", b"Tm", b"Tr", b"sh", b"Do",
}
_INTERPRETED = frozenset(
    _OPERANDS_READ | _FILL_OPS | _STROKE_OPS | _FILL_STROKE_OPS | _TEXT_OPS | _PATH_OPS | set(_DEVICE_COLOUR_OPS)
    | {b"n", b"q", b"Q", b"BT", b"BI", b"ID", b"EI"}
)


def _num(x: Any) -> float:
    return float(resolve(x))


class _Scanner:
    def __init__(self, reader: pypdf.PdfReader, scan: PageScan) -> None:
        self.reader = reader
        self.scan = scan
        self.stack_ids: list[int] = []

    # -- recording -------------------------------------------------------
    def paint(self, which: tuple[str, str], how: str) -> None:
        family, desc = which
        if family == PATTERN:
            return  # recorded when the pattern was selected with scn
        self.scan.colours.add((family, desc, how))

    def stroke_width(self, st: _State) -> None:
        a, b, c, d, _, _ = st.ctm
        scale = math.sqrt(abs(a * d - b * c))
        width = round(st.line_width * scale, 3)
        self.scan.strokes[width] = self.scan.strokes.get(width, 0) + 1

    def text_fill(self, st: _State) -> None:
        if st.fill[0] != CMYK or len(st.fill_values) != 4:
            return
        a, b, c, d, _, _ = mul(st.text_matrix, st.ctm)
        size = round(abs(st.font_size) * math.sqrt(abs(a * d - b * c)), 1)
        self.scan.text_cmyk.add((size, st.fill_values))

    def group_space(self, group: Any, resources: Any) -> None:
        cs = get(group, "/CS")
        if cs is not None:
            family, desc = classify_colorspace(cs, resources)
            self.scan.colours.add((family, desc, "transparency blending"))

    # -- streams -----------------------------------------------------------
    def run(self, stream: Any, resources: Any, st: _State, depth: int = 0) -> None:
        stream = resolve(stream)
        if stream is None or depth > MAX_DEPTH:
            return
        key = id(stream)
        if key in self.stack_ids:
            self.scan.problems.add("recursive form XObject")
            return
        try:
            operations = content_operations(stream, _INTERPRETED, _OPERANDS_READ)
        except Exception as exc:  # noqa: BLE001 - report, don't crash
            self.scan.problems.add(f"unreadable content stream ({exc.__class__.__name__})")
            return
        self.stack_ids.append(key)
        try:
            self._interpret(operations, resources, st, depth)
        finally:
            self.stack_ids.pop()

    def filled_rects(self, rects: list, even_odd: bool, st: _State) -> None:
        """Record the thickness of a filled rule (one rect) or frame (two rects)."""
        a, b, c, d, _, _ = st.ctm
        sx, sy = math.hypot(a, b), math.hypot(c, d)
        boxes = [(min(x, x + w) * sx, min(y, y + h) * sy, max(x, x + w) * sx, max(y, y + h) * sy)
                 for x, y, w, h in rects]
        thickness = None
        if len(boxes) == 1:
            x0, y0, x1, y1 = boxes[0]
            thickness = min(x1 - x0, y1 - y0)
        elif len(boxes) == 2 and even_odd:
            (ox0, oy0, ox1, oy1), (ix0, iy0, ix1, iy1) = sorted(
                boxes, key=lambda bx: (bx[2] - bx[0]) * (bx[3] - bx[1]), reverse=True)
            sides = [ix0 - ox0, iy0 - oy0, ox1 - ix1, oy1 - iy1]
            if all(side >= -1e-6 for side in sides):
                positive = [side for side in sides if side > 1e-6]
                thickness = min(positive) if positive else None
        if thickness is not None and 1e-6 < thickness < 2.0:
            width = round(thickness, 3)
            self.scan.thin_fills[width] = self.scan.thin_fills.get(width, 0) + 1

    def _interpret(self, operations: list, resources: Any, st: _State, depth: int) -> None:
        saved: list[_State] = []
        rects: list | None = []  # rectangles of the current path; None once it has curves/lines
        for operands, op in operations:
            try:
                if op == b"re":
                    if rects is not None:
                        rects.append(tuple(_num(v) for v in operands))
                    continue
                if op in _PATH_OPS:
                    rects = None
                    continue
                if op in _FILL_OPS and rects:
                    self.filled_rects(rects, op == b"f*", st)
                if op in _FILL_OPS or op in _STROKE_OPS or op in _FILL_STROKE_OPS or op == b"n":
                    rects = []
                if op == b"q":
                    saved.append(st.copy())
                elif op == b"Q":
                    if saved:
                        st = saved.pop()
                elif op == b"cm":
                    st.ctm = mul(tuple(_num(v) for v in operands), st.ctm)  # type: ignore[arg-type]
                elif op == b"w":
                    st.line_width = _num(operands[0])
                elif op == b"gs":
                    self._ext_gstate(get(get(resources, "/ExtGState"), str(operands[0])), st)
                elif op in _DEVICE_COLOUR_OPS:
                    space = _DEVICE_COLOUR_OPS[op]
                    if op in (b"rg", b"g", b"k"):
                        st.fill = space
                        st.fill_values = tuple(_num(v) for v in operands)
                    else:
                        st.stroke = space
                elif op in (b"cs", b"CS"):
                    space = classify_colorspace(operands[0], resources)
                    if op == b"cs":
                        st.fill = space
                        st.fill_values = _INITIAL_COLOUR.get(space[0], ())
                    else:
                        st.stroke = space
                elif op in (b"scn", b"SCN", b"sc", b"SC"):
                    current = st.fill if op in (b"scn", b"sc") else st.stroke
                    if current[0] == PATTERN and operands and str(operands[-1]).startswith("/"):
                        self._pattern(get(get(resources, "/Pattern"), str(operands[-1])), st, depth)
                    elif op in (b"scn", b"sc"):
                        st.fill_values = tuple(_num(v) for v in operands)
                elif op == b"Tf":
                    st.font_size = _num(operands[1])
                elif op == b"BT":
                    st.text_matrix = IDENTITY
                elif op == b"Tm":
                    st.text_matrix = tuple(_num(v) for v in operands)  # type: ignore[assignment]
                elif op in _FILL_OPS:
                    self.paint(st.fill, "fill")
                elif op in _STROKE_OPS:
                    self.paint(st.stroke, "stroke")
                    self.stroke_width(st)
                elif op in _FILL_STROKE_OPS:
                    self.paint(st.fill, "fill")
                    self.paint(st.stroke, "stroke")
                    self.stroke_width(st)
                elif op == b"Tr":
                    st.text_mode = int(_num(operands[0]))
                elif op in _TEXT_OPS:
                    mode = st.text_mode
                    if mode in (0, 2, 4, 6):
                        self.paint(st.fill, "text")
                        self.text_fill(st)
                    if mode in (1, 2, 5, 6):
                        self.paint(st.stroke, "text outline")
                        self.stroke_width(st)
                elif op == b"sh":
                    shading = get(get(resources, "/Shading"), str(operands[0]))
                    self._shading(shading, resources)
                elif op == b"Do":
                    xobj = get(get(resources, "/XObject"), str(operands[0]))
                    self._xobject(str(operands[0]), xobj, resources, st, depth)
                elif op == INLINE_IMAGE:
                    self._inline_image(operands, resources, st)
            except (IndexError, TypeError, ValueError, KeyError) as exc:
                self.scan.problems.add(f"malformed operator {op!r} ({exc.__class__.__name__})")

    # -- resources ---------------------------------------------------------
    def _ext_gstate(self, gs: Any, st: _State) -> None:
        if gs is None:
            return
        lw = get(gs, "/LW")
        if lw is not None:
            st.line_width = float(lw)
        for key, what in (("/CA", "stroke opacity"), ("/ca", "fill opacity")):
            value = get(gs, key)
            if value is not None and float(value) < 1.0:
                self.scan.transparency.add(f"{what} {float(value):g} (ExtGState {key})")
        smask = get(gs, "/SMask")
        if smask is not None and str(smask) != "/None":
            self.scan.transparency.add("soft mask (ExtGState /SMask)")
        bm = get(gs, "/BM")
        if bm is not None:
            names = [str(resolve(b)) for b in bm] if isinstance(bm, list) else [str(bm)]
            if names and names[0] not in _BLEND_OK:
                self.scan.transparency.add(f"blend mode {names[0].lstrip('/')}")

    def _shading(self, shading: Any, resources: Any) -> None:
        if shading is None:
            return
        family, desc = classify_colorspace(get(shading, "/ColorSpace"), resources)
        self.paint((family, desc), "gradient")

    def _pattern(self, pattern: Any, st: _State, depth: int) -> None:
        if pattern is None:
            return
        ptype = get(pattern, "/PatternType")
        if ptype == 2:
            self._shading(get(pattern, "/Shading"), None)
        elif ptype == 1 and isinstance(pattern, StreamObject):
            inner = _State(ctm=mul(_matrix(get(pattern, "/Matrix")), st.ctm))
            self.run(pattern, get(pattern, "/Resources"), inner, depth + 1)

    def _xobject(self, name: str, xobj: Any, resources: Any, st: _State, depth: int) -> None:
        if xobj is None:
            return
        subtype = get(xobj, "/Subtype")
        if subtype == "/Image":
            self._image(name.lstrip("/"), xobj, resources, st, inline=False)
        elif subtype == "/Form":
            group = get(xobj, "/Group")
            if get(group, "/S") == "/Transparency":
                self.scan.transparency.add("transparency group (form XObject)")
                self.group_space(group, get(xobj, "/Resources") or resources)
            inner = st.copy()
            inner.ctm = mul(_matrix(get(xobj, "/Matrix")), st.ctm)
            self.run(xobj, get(xobj, "/Resources") or resources, inner, depth + 1)

    def _image(self, name: str, image: Any, resources: Any, st: _State, inline: bool) -> None:
        def key(long: str, short: str) -> Any:
            value = get(image, long)
            if value is None and inline:
                value = get(image, short)
            return value

        is_mask = bool(key("/ImageMask", "/IM"))
        width = int(key("/Width", "/W") or 0)
        height = int(key("/Height", "/H") or 0)
        bits = 1 if is_mask else int(key("/BitsPerComponent", "/BPC") or 8)
        if is_mask:
            self.paint(st.fill, "image mask")
        else:
            cs = key("/ColorSpace", "/CS")
            if cs is None:
                # JPX images may carry their colour space in the codestream.
                filters = key("/Filter", "/F")
                label = "JPEG 2000 embedded colour space" if "JPX" in str(filters) else "none"
                self.scan.colours.add(("unknown", label, "image"))
            else:
                family, desc = classify_colorspace(cs, resources)
                self.scan.colours.add((family, desc, "image"))
        if get(image, "/SMask") is not None:
            self.scan.transparency.add(f"image soft mask (image {name})")
        if int(get(image, "/SMaskInData") or 0) > 0:
            self.scan.transparency.add(f"image alpha channel (image {name})")
        a, b, c, d, _, _ = st.ctm
        self.scan.images.append(
            ImagePlacement(
                name=name,
                width_px=width,
                height_px=height,
                placed_w_pt=math.hypot(a, b),
                placed_h_pt=math.hypot(c, d),
                bits=bits,
                is_mask=is_mask,
            )
        )

    def _inline_image(self, operand: Any, resources: Any, st: _State) -> None:
        settings = operand.get("settings") if isinstance(operand, dict) else None
        if settings is None:
            return
        self._image("inline image", settings, resources, st, inline=True)

    def annotation(self, annot: Any, page_index: int) -> None:
        ap = get(get(annot, "/AP"), "/N")
        if ap is None:
            return
        if not isinstance(ap, StreamObject):
            # appearance states: use the current one, else all of them
            state = get(annot, "/AS")
            streams = [get(ap, str(state))] if state is not None else [resolve(v) for v in ap.values()]
        else:
            streams = [ap]
        rect = get(annot, "/Rect")
        for stream in streams:
            if not isinstance(stream, StreamObject):
                continue
            st = _State(ctm=_annotation_matrix(stream, rect))
            group = get(stream, "/Group")
            if get(group, "/S") == "/Transparency":
                self.scan.transparency.add("transparency group (annotation)")
            self.run(stream, get(stream, "/Resources"), st, 1)


def _matrix(value: Any) -> Matrix:
    value = resolve(value)
    if value is None or len(value) != 6:
        return IDENTITY
    return tuple(float(resolve(v)) for v in value)  # type: ignore[return-value]


def _annotation_matrix(stream: Any, rect: Any) -> Matrix:
    """Matrix A of PDF 32000 12.5.5 mapping the appearance BBox onto Rect."""
    m = _matrix(get(stream, "/Matrix"))
    bbox = get(stream, "/BBox")
    if bbox is None or rect is None:
        return m
    x0, y0, x1, y1 = (float(resolve(v)) for v in bbox)
    pts = [(x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
           for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
    tx0, ty0 = min(p[0] for p in pts), min(p[1] for p in pts)
    tw = max(p[0] for p in pts) - tx0
    th = max(p[1] for p in pts) - ty0
    rx0, ry0, rx1, ry1 = (float(resolve(v)) for v in rect)
    sx = (rx1 - rx0) / tw if tw else 1.0
    sy = (ry1 - ry0) / th if th else 1.0
    a = (sx, 0.0, 0.0, sy, min(rx0, rx1) - tx0 * sx, min(ry0, ry1) - ty0 * sy)
    return mul(m, a)


def scan_page(reader: pypdf.PdfReader, page_index: int) -> PageScan:
    """Interpret one page (0-based index). Not cached; see scan_document."""
    page = reader.pages[page_index]
    scan = PageScan()
    group = get(page, "/Group")
    scanner = _Scanner(reader, scan)
    resources = inherited(page, "/Resources")
    if get(group, "/S") == "/Transparency":
        scan.transparency.add("page transparency group")
        scanner.group_space(group, resources)
    contents = page.get_contents()
    if contents is not None:
        scanner.run(contents, resources, _State())
    for annot in get(page, "/Annots") or []:
        annot = resolve(annot)
        if isinstance(annot, DictionaryObject) and get(annot, "/Subtype") != "/Popup":
            scanner.annotation(annot, page_index)
    return scan


def scan_document(reader: pypdf.PdfReader) -> list[PageScan]:
    """Scan all pages once; the result is cached on the reader."""
    cached = getattr(reader, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    scans = [scan_page(reader, i) for i in range(len(reader.pages))]
    try:
        setattr(reader, _CACHE_ATTR, scans)
    except AttributeError:
        pass
    return scans
