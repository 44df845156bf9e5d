"""Small helpers around pypdf shared by the checks."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Union

import pypdf
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject

PdfSource = Union[pypdf.PdfReader, str, os.PathLike]

from pressroom.units import PT_PER_MM  # noqa: E402,F401  (re-exported for the checks)
RESOURCE_CATEGORIES = ("/ExtGState", "/ColorSpace", "/Pattern", "/Shading", "/XObject", "/Font", "/Properties")
_NAME = re.compile(rb"/([^\s/\[\]<>(){}%]*)")
_NAME_ESCAPE = re.compile(rb"#([0-9a-fA-F]{2})")
# run.preflight() records the file a reader was opened from under this attribute,
# so checks that need the file itself (Ghostscript) need not copy it.
SOURCE_PATH_ATTR = "_pressroom_source_path"


def open_pdf(pdf: PdfSource) -> pypdf.PdfReader:
    """Return a PdfReader for a reader or a path (readers are passed through)."""
    if isinstance(pdf, pypdf.PdfReader):
        return pdf
    return pypdf.PdfReader(str(pdf))


def pdf_bytes(pdf: PdfSource) -> bytes:
    """The raw file bytes of a path or of the stream behind a PdfReader."""
    if isinstance(pdf, pypdf.PdfReader):
        stream = pdf.stream
        pos = stream.tell()
        stream.seek(0)
        data = stream.read()
        stream.seek(pos)
        return data
    return Path(pdf).read_bytes()


def pdf_path(pdf: PdfSource) -> Path | None:
    """The file path of a path argument, or of a reader opened from a file."""
    if isinstance(pdf, pypdf.PdfReader):
        known = getattr(pdf, SOURCE_PATH_ATTR, None)
        if known is not None and Path(known).is_file():
            return Path(known)
        name = getattr(pdf.stream, "name", None)
        if isinstance(name, str) and os.path.isfile(name):
            return Path(name)
        return None
    return Path(pdf)


def resolve(obj: Any) -> Any:
    while isinstance(obj, IndirectObject):
        obj = obj.get_object()
    return obj


def get(d: Any, key: str, default: Any = None) -> Any:
    d = resolve(d)
    if not isinstance(d, (DictionaryObject, dict)):
        return default
    value = d.get(key, default)
    return resolve(value)


def as_rect(value: Any) -> tuple[float, float, float, float] | None:
    value = resolve(value)
    if not isinstance(value, (list, ArrayObject)) or len(value) != 4:
        return None
    x0, y0, x1, y1 = (float(resolve(v)) for v in value)
    return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def inherited(page: DictionaryObject, key: str) -> Any:
    """Page attribute looked up through the page tree (Resources, MediaBox...)."""
    node = page
    for _ in range(64):
        if node is None:
            return None
        if key in node:
            return resolve(node[key])
        node = get(node, "/Parent")
    return None


def page_boxes(page: DictionaryObject) -> dict[str, tuple[float, float, float, float] | None]:
    """Explicit boxes of a page (None when absent), MediaBox inherited."""
    return {
        "MediaBox": as_rect(inherited(page, "/MediaBox")),
        "CropBox": as_rect(inherited(page, "/CropBox")),
        "BleedBox": as_rect(get(page, "/BleedBox")),
        "TrimBox": as_rect(get(page, "/TrimBox")),
        "ArtBox": as_rect(get(page, "/ArtBox")),
    }


def icc_components(stream: Any) -> int | None:
    stream = resolve(stream)
    n = get(stream, "/N")
    if n is not None:
        return int(n)
    if isinstance(stream, StreamObject):
        try:
            data = stream.get_data()
            space = data[16:20]
            return {b"GRAY": 1, b"RGB ": 3, b"CMYK": 4}.get(space)
        except Exception:  # noqa: BLE001 - broken profile stream
            return None
    return None


# Colour space families reported by classify_colorspace().
RGB, CMYK, GRAY, LAB, SPOT, PATTERN, UNKNOWN = "rgb", "cmyk", "gray", "lab", "spot", "pattern", "unknown"

_DEVICE = {
    "/DeviceRGB": (RGB, "DeviceRGB"),
    "/RGB": (RGB, "DeviceRGB"),
    "/DeviceCMYK": (CMYK, "DeviceCMYK"),
    "/CMYK": (CMYK, "DeviceCMYK"),
    "/DeviceGray": (GRAY, "DeviceGray"),
    "/G": (GRAY, "DeviceGray"),
    "/Pattern": (PATTERN, "Pattern"),
}


def classify_colorspace(cs: Any, resources: Any = None, _depth: int = 0) -> tuple[str, str]:
    """Return (family, description) of a colour space object or resource name.

    family is one of rgb, cmyk, gray, lab, spot, pattern, unknown. Indexed
    spaces report their base family; Separation/DeviceN report "spot".
    """
    cs = resolve(cs)
    if _depth > 8:
        return UNKNOWN, "nested colour space"
    if isinstance(cs, NameObject) or isinstance(cs, str):
        name = str(cs)
        if name in _DEVICE:
            return _DEVICE[name]
        named = get(get(resources, "/ColorSpace"), name)
        if named is None:
            return UNKNOWN, name.lstrip("/")
        return classify_colorspace(named, resources, _depth + 1)
    if isinstance(cs, (list, ArrayObject)) and cs:
        kind = str(resolve(cs[0]))
        if kind in _DEVICE and len(cs) == 1:
            return _DEVICE[kind]
        if kind == "/ICCBased" and len(cs) > 1:
            n = icc_components(cs[1])
            family = {1: GRAY, 3: RGB, 4: CMYK}.get(n or 0, UNKNOWN)
            return family, f"ICCBased ({n} components)"
        if kind == "/CalRGB":
            return RGB, "CalRGB"
        if kind == "/CalGray":
            return GRAY, "CalGray"
        if kind == "/Lab":
            return LAB, "Lab"
        if kind in ("/Indexed", "/I") and len(cs) > 1:
            family, desc = classify_colorspace(cs[1], resources, _depth + 1)
            return family, f"Indexed {desc}"
        if kind in ("/Separation", "/DeviceN"):
            names = resolve(cs[1]) if len(cs) > 1 else None
            label = str(names).lstrip("/") if kind == "/Separation" else "DeviceN"
            return SPOT, f"{kind.lstrip('/')} {label}"
        if kind == "/Pattern":
            return PATTERN, "Pattern"
        return UNKNOWN, kind.lstrip("/")
    return UNKNOWN, repr(cs)[:40]


def font_name(font: Any) -> str:
    base = get(font, "/BaseFont") or get(font, "/Name") or "(unnamed)"
    name = str(base).lstrip("/")
    # Strip a subset prefix like ABCDEF+Noto-Serif.
    if len(name) > 7 and name[6] == "+" and name[:6].isupper() and name[:6].isalpha():
        name = name[7:]
    return name



def content_bytes(owner: Any) -> bytes:
    """The decoded content of a page (all its streams) or of a form XObject."""
    if isinstance(owner, StreamObject):
        return owner.get_data()
    contents = resolve(get(owner, "/Contents"))
    streams = contents if isinstance(contents, ArrayObject) else [contents] if contents is not None else []
    return b"\n".join(resolve(stream).get_data() for stream in streams)


def names_in_content(data: bytes) -> set[str]:
    """Every name a content stream mentions: a resource not among them is not used. (A name
    inside a string counts too, so this may keep an unused resource, never drop a used one.)"""
    return {"/" + _NAME_ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), name).decode("latin-1") for name in _NAME.findall(data)}


def unused_resources(owner: Any) -> list[str]:
    """'category/name' of every resource a page or form declares and its content never names."""
    resources = resolve(get(owner, "/Resources"))
    if resources is None:
        return []
    used = names_in_content(content_bytes(owner))
    return [
        f"{category.lstrip('/')}{name}"
        for category in RESOURCE_CATEGORIES
        for name in (resolve(get(resources, category)) or {})
        if name not in used
    ]
