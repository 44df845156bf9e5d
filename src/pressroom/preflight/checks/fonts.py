"""Fonts: every font used (including Type0 descendants) must be embedded."""

from __future__ import annotations

from typing import Any, Iterator

from pypdf.generic import DictionaryObject, IndirectObject, StreamObject

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, font_name, get, inherited, open_pdf, resolve

CHECK = "fonts"
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")


def _key(obj: Any) -> Any:
    return (obj.idnum, obj.generation) if isinstance(obj, IndirectObject) else id(obj)


def _fonts_in_resources(resources: Any, seen: set, depth: int = 0) -> Iterator[tuple[Any, Any]]:
    """Yield (key, font dict) for fonts in resources, forms, patterns, Type3 fonts."""
    resources = resolve(resources)
    if not isinstance(resources, DictionaryObject) or depth > 24:
        return
    fonts = get(resources, "/Font")
    if isinstance(fonts, DictionaryObject):
        for ref in fonts.values():
            font = resolve(ref)
            if isinstance(font, DictionaryObject):
                yield _key(ref), font
                if get(font, "/Subtype") == "/Type3":
                    yield from _fonts_in_resources(get(font, "/Resources"), seen, depth + 1)
    for category in ("/XObject", "/Pattern"):
        items = get(resources, category)
        if not isinstance(items, DictionaryObject):
            continue
        for ref in items.values():
            k = _key(ref)
            if k in seen:
                continue
            seen.add(k)
            obj = resolve(ref)
            if isinstance(obj, StreamObject) and get(obj, "/Subtype") != "/Image":
                yield from _fonts_in_resources(get(obj, "/Resources"), seen, depth + 1)


def _page_fonts(page: Any) -> Iterator[tuple[Any, Any]]:
    seen: set = set()
    yield from _fonts_in_resources(inherited(page, "/Resources"), seen)
    for annot in get(page, "/Annots") or []:
        ap = get(get(annot, "/AP"), "/N")
        streams = [ap] if isinstance(ap, StreamObject) else (
            [resolve(v) for v in ap.values()] if isinstance(ap, DictionaryObject) else [])
        for stream in streams:
            if isinstance(stream, StreamObject):
                yield from _fonts_in_resources(get(stream, "/Resources"), seen)


def _is_embedded(font: Any) -> bool:
    subtype = get(font, "/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are drawn by content streams inside the PDF
    if subtype == "/Type0":
        descendants = get(font, "/DescendantFonts") or []
        return bool(descendants) and all(_is_embedded(resolve(d)) for d in descendants)
    descriptor = get(font, "/FontDescriptor")
    return descriptor is not None and any(get(descriptor, k) is not None for k in _FONT_FILES)


def check_fonts(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    findings: list[Finding] = []
    checked: dict[Any, bool] = {}
    names: set[str] = set()
    for index, page in enumerate(reader.pages):
        reported: set[str] = set()
        for key, font in _page_fonts(page):
            if key not in checked:
                checked[key] = _is_embedded(font)
            name = font_name(font)
            names.add(name)
            if not checked[key] and name not in reported:
                reported.add(name)
                findings.append(Finding(
                    CHECK, "error",
                    f"Font '{name}' is not embedded. Embed all fonts when exporting the PDF.",
                    index + 1))
    if not findings:
        findings.append(Finding(CHECK, "info", (f"All {len(names)} fonts are embedded." if len(names) > 1
                                 else f"Font '{next(iter(names))}' is embedded.")
                                if names else "No fonts used."))
    return findings
