"""The rules a strict RIP and a screen reader apply, read from the PDF objects with pypdf.

Each function returns what breaks its rule (empty when the file keeps it), so a test can
show the offenders. Used on the briefing paper, the starter and the stress report."""

from __future__ import annotations

import html
import math
import re
import subprocess
from pathlib import Path

import pypdf
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NameObject

ALLOWED_IN_BLEED = {"/TrapNet", "/PrinterMark"}
REGISTRATION = (1.0, 1.0, 1.0, 1.0)
SMALL_TYPE_PT = 12.0  # grey and several inks are for type at least this large
MAX_SMALL_TEXT_INKS = 2
EPS = 0.01  # pt: coordinates are written to 3 decimals


def _box(page: pypdf.PageObject, name: str) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in page[name])
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def annotations_inside_bleed(pdf: Path) -> list[str]:
    """PDF/X: no annotation but TrapNet and PrinterMark may touch the BleedBox."""
    found = []
    for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
        bx0, by0, bx1, by1 = _box(page, "/BleedBox")
        for annotation in page.get("/Annots") or ArrayObject():
            annotation = annotation.get_object()
            if annotation.get("/Subtype") in ALLOWED_IN_BLEED:
                continue
            x0, y0, x1, y1 = (float(v) for v in annotation["/Rect"])
            if min(x0, x1) < bx1 and max(x0, x1) > bx0 and min(y0, y1) < by1 and max(y0, y1) > by0:
                found.append(f"page {number}: {annotation.get('/Subtype')} at {[round(v) for v in (x0, y0, x1, y1)]}")
    return found


def actions(pdf: Path) -> list[str]:
    """Actions anywhere in the file (links, JavaScript, open actions)."""
    data = pdf.read_bytes()
    return [key for key in ("/URI", "/JavaScript", "/OpenAction", "/Launch") if key.encode() in data]


def _stroked_segments(page: pypdf.PageObject, colour: tuple[float, ...]) -> list[tuple[float, float, float, float, float]]:
    """(x0, y0, x1, y1, line width) of every straight segment the page's own content stream
    strokes in `colour` (device CMYK), in default user space."""
    segments, path, stack = [], [], []
    state = {"ctm": (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), "colour": (), "width": 1.0}
    point = (0.0, 0.0)

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = state["ctm"]
        return a * x + c * y + e, b * x + d * y + f

    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        numbers = [float(v) for v in operands if isinstance(v, (int, float))]
        if operator == b"q":
            stack.append(dict(state))
        elif operator == b"Q" and stack:
            state = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = numbers
            A, B, C, D, E, F = state["ctm"]
            state["ctm"] = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)
        elif operator == b"K":
            state["colour"] = tuple(numbers)
        elif operator == b"w":
            state["width"] = numbers[0]
        elif operator == b"m":
            point = apply(*numbers)
        elif operator == b"l":
            end = apply(*numbers)
            path.append((*point, *end))
            point = end
        elif operator in (b"S", b"s"):
            if state["colour"] == colour:
                segments += [(*segment, state["width"]) for segment in path]
            path = []
        elif operator in (b"n", b"f", b"f*", b"B", b"B*", b"b", b"b*"):
            path = []
    return segments


def marks_outside_bleed(pdf: Path) -> list[str]:
    """Crop marks (registration strokes with butt caps, 8 a page) lie wholly outside the
    BleedBox and inside the MediaBox."""
    found = []
    for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1):
        bleed, media = _box(page, "/BleedBox"), _box(page, "/MediaBox")
        marks = _stroked_segments(page, REGISTRATION)
        if len(marks) != 8:
            found.append(f"page {number}: {len(marks)} crop marks")
        for x0, y0, x1, y1, width in marks:
            # Butt caps: a stroke is as long as its segment and as wide as its line.
            across_x, across_y = (width / 2, 0.0) if x0 == x1 else (0.0, width / 2)
            left, right = min(x0, x1) - across_x, max(x0, x1) + across_x
            bottom, top = min(y0, y1) - across_y, max(y0, y1) + across_y
            if left < bleed[2] - EPS and right > bleed[0] + EPS and bottom < bleed[3] - EPS and top > bleed[1] + EPS:
                found.append(f"page {number}: mark {[round(v, 2) for v in (x0, y0, x1, y1)]} inside the BleedBox")
            if left < media[0] - EPS or bottom < media[1] - EPS or right > media[2] + EPS or top > media[3] + EPS:
                found.append(f"page {number}: mark {[round(v, 2) for v in (x0, y0, x1, y1)]} outside the MediaBox")
    return found


FILL_TEXT = re.compile(r'<fill_text colorspace="([^"]+)" color="([^"]*)"[^>]*transform="([^"]+)">(.*?)</fill_text>', re.S)
SPAN = re.compile(r'<span font="([^"]+)"[^>]*trm="([^"]+)">(.*?)</span>', re.S)
GLYPH = re.compile(r'unicode="([^"]*)"')


def text_runs(pdf: Path) -> list[tuple[int, float, str, tuple[float, ...], str]]:
    """(page, size in pt, colour space, colour, text) of every run of filled text, as
    `mutool trace` (MuPDF's interpreter, not pressroom's) draws it."""
    trace = subprocess.run(["mutool", "trace", str(pdf)], capture_output=True, text=True, check=True).stdout
    runs = []
    for number, page in enumerate(trace.split("<page ")[1:], 1):
        for space, colour, transform, spans in FILL_TEXT.findall(page):
            a, b, c, d, _, _ = (float(v) for v in transform.split())
            scale = math.sqrt(abs(a * d - b * c))
            values = tuple(float(v) for v in colour.split())
            for _font, trm, glyphs in SPAN.findall(spans):
                ta, tb, tc, td = (float(v) for v in trm.split())
                size = math.sqrt(abs(ta * td - tb * tc)) * scale
                text = html.unescape("".join(GLYPH.findall(glyphs)))
                runs.append((number, round(size, 2), space, values, text))
    return runs


def screened_small_text(pdf: Path) -> list[str]:
    """Black-ink text under 12 pt must be solid (K = 1.0): a tint is screened into dots."""
    return sorted({
        f"page {page}: {size} pt in K {colour[3]:g}: {text[:30]!r}"
        for page, size, space, colour, text in text_runs(pdf)
        if size < SMALL_TYPE_PT and len(colour) == 4 and colour[:3] == (0, 0, 0) and colour[3] < 1 and text.strip()
    })


def small_text_in_many_inks(pdf: Path) -> list[str]:
    """Text under 12 pt in at most two process inks: more blur on any misregistration."""
    return sorted({
        f"page {page}: {size} pt in {colour}: {text[:30]!r}"
        for page, size, space, colour, text in text_runs(pdf)
        if size < SMALL_TYPE_PT and len(colour) == 4 and sum(value > 0 for value in colour) > MAX_SMALL_TEXT_INKS and text.strip()
    })


# The operators that name a resource, and the category it is looked up in.
RESOURCE_OPERATORS = {
    b"Tf": "/Font", b"Do": "/XObject", b"gs": "/ExtGState", b"cs": "/ColorSpace", b"CS": "/ColorSpace",
    b"scn": "/Pattern", b"SCN": "/Pattern", b"sh": "/Shading", b"BDC": "/Properties", b"DP": "/Properties",
}


def _resources_named(stream: object, pdf: pypdf.PdfReader) -> set[tuple[str, str]]:
    used = set()
    for operands, operator in ContentStream(stream, pdf).operations:
        category = RESOURCE_OPERATORS.get(operator)
        for operand in operands if category else ():
            if isinstance(operand, NameObject):
                used.add((category, str(operand)))
    return used


def unused_resources(pdf: Path) -> list[str]:
    """Every resource a page or form declares must be named by one of its operators."""
    reader = pypdf.PdfReader(pdf)
    found = []
    owners = [(f"page {number}", page, page.get_contents()) for number, page in enumerate(reader.pages, 1)]
    seen = set()
    while owners:
        where, owner, stream = owners.pop()
        resources = (owner.get("/Resources") or DictionaryObject()).get_object()
        used = _resources_named(stream, reader) if stream is not None else set()
        for category in ("/Font", "/XObject", "/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/Properties"):
            for name, value in (resources.get(category) or DictionaryObject()).get_object().items():
                if (category, name) not in used:
                    found.append(f"{where}: {category}{name} is declared and not used")
                form = value.get_object()
                if category == "/XObject" and form.get("/Subtype") == "/Form" and id(form) not in seen:
                    seen.add(id(form))
                    owners.append((f"{where}, form {name}", form, form))
    return found


def unprintable_annotations(pdf: Path) -> list[str]:
    """PDF/UA: every annotation has the Print flag (bit 3, value 4)."""
    return [
        f"page {number}: {annotation.get_object().get('/Subtype')} flags {annotation.get_object().get('/F', 0)}"
        for number, page in enumerate(pypdf.PdfReader(pdf).pages, 1)
        for annotation in page.get("/Annots") or ArrayObject()
        if not int(annotation.get_object().get("/F", 0)) & 4
    ]


def has_file_identifier(pdf: Path) -> bool:
    trailer_id = pypdf.PdfReader(pdf).trailer.get("/ID")
    return trailer_id is not None and len(trailer_id) == 2


def _structure(pdf: pypdf.PdfReader) -> tuple[dict[tuple[int, int], int], list[DictionaryObject]]:
    """((page object number, MCID) -> number of the element listing it; every element
    reachable from the StructTreeRoot, in reading order)."""
    listed: dict[tuple[int, int], int] = {}
    elements: list[DictionaryObject] = []

    def walk(reference: object, page: int | None) -> None:
        node = reference.get_object() if hasattr(reference, "get_object") else reference
        if isinstance(node, int):
            listed[(page, node)] = current[-1]
            return
        if not isinstance(node, DictionaryObject) or node.get("/Type") == "/OBJR":
            return
        if node.get("/Type") == "/MCR":
            listed[(node.raw_get("/Pg").idnum if "/Pg" in node else page, int(node["/MCID"]))] = current[-1]
            return
        if node.get("/Type") != "/StructTreeRoot":
            elements.append(node)
        current.append(reference.idnum if hasattr(reference, "idnum") else id(node))
        kids = node.get("/K")
        kids = kids.get_object() if hasattr(kids, "get_object") else kids
        for kid in kids if isinstance(kids, ArrayObject) else [] if kids is None else [kids]:
            walk(kid, node.raw_get("/Pg").idnum if "/Pg" in node else page)
        current.pop()

    current: list[int] = [0]
    walk(pdf.trailer["/Root"].raw_get("/StructTreeRoot"), None)
    return listed, elements


def orphan_marked_content(pdf: Path) -> list[str]:
    """Every marked-content sequence is in the structure tree (an element lists its MCID)
    or inside an Artifact."""
    reader = pypdf.PdfReader(pdf)
    listed, _ = _structure(reader)
    found = []
    for number, page in enumerate(reader.pages, 1):
        stack: list[bool] = []  # per open sequence: inside an artifact?
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BMC", b"BDC"):
                artifact = (stack and stack[-1]) or operands[0] == "/Artifact"
                properties = operands[1] if operator == b"BDC" and isinstance(operands[1], DictionaryObject) else {}
                if not artifact:
                    if "/MCID" not in properties:
                        found.append(f"page {number}: {operands[0]} without MCID outside an artifact")
                    elif (page.indirect_reference.idnum, int(properties["/MCID"])) not in listed:
                        found.append(f"page {number}: {operands[0]} MCID {properties['/MCID']} is in no structure element")
                stack.append(bool(artifact))
            elif operator == b"EMC" and stack:
                stack.pop()
    return found


def structure_types(pdf: Path) -> list[str]:
    """The structure type of every element of the tree, in reading order."""
    return [str(element.get("/S")) for element in _structure(pypdf.PdfReader(pdf))[1]]


def notes(pdf: Path) -> list[dict[str, object]]:
    """Every Note element: its ID, whether its first kid is a Lbl, and the structure types of
    the element it follows and of the one it sits in."""
    reader = pypdf.PdfReader(pdf)
    found = []
    for element in _structure(reader)[1]:
        if element.get("/S") != "/Note":
            continue
        parent = element["/P"].get_object()
        kids = [kid.get_object() for kid in parent["/K"]]
        index = next(i for i, kid in enumerate(kids) if kid is element or kid == element)
        before = kids[index - 1] if index else parent
        first = element["/K"][0].get_object() if element.get("/K") else None
        found.append({
            "id": str(element.get("/ID", "")),
            "lbl": isinstance(first, DictionaryObject) and first.get("/S") == "/Lbl",
            "after": str(before.get("/S")) if isinstance(before, DictionaryObject) else "?",
            "in": str(parent.get("/S")),
        })
    return found
