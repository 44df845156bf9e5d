"""Fixture factories: PDFs are generated in tmp_path, nothing binary is committed."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from cmyk_css import CMYK_CSS  # tests/ is on sys.path (tests/conftest.py)
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)


@pytest.fixture
def weasy_pdf(tmp_path: Path) -> Callable[..., Path]:
    """weasy_pdf(html, name="doc.pdf", variant=None, css=CMYK_CSS) -> path."""
    import weasyprint

    def make(html: str, name: str = "doc.pdf", variant: str | None = None,
             css: str | None = CMYK_CSS) -> Path:
        out = tmp_path / name
        style = f"<style>{css}</style>" if css else ""
        kwargs = {"pdf_variant": variant} if variant else {}
        weasyprint.HTML(string=f"<!doctype html><html lang=en><head>{style}</head>"
                        f"<body>{html}</body></html>", base_url=str(tmp_path)).write_pdf(out, **kwargs)
        return out

    return make


def _rect(box) -> ArrayObject:
    return ArrayObject(FloatObject(v) for v in box)


def _annotation(rect, appearance: bytes) -> DictionaryObject:
    ap = DecodedStreamObject()
    ap.set_data(appearance)
    ap.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): _rect((0, 0, rect[2] - rect[0], rect[3] - rect[1])),
    })
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"),
        NameObject("/Subtype"): NameObject("/Square"),
        NameObject("/Rect"): _rect(rect),
        NameObject("/AP"): DictionaryObject({NameObject("/N"): ap}),
    })


@pytest.fixture
def raw_pdf(tmp_path: Path) -> Callable[..., Path]:
    """raw_pdf(content, resources=None, pages=1, media=..., trim=..., bleed=...) -> path.

    Hand-built PDF (pypdf objects) for cases WeasyPrint cannot produce, such as
    an unembedded standard font or a hairline stroke. ``resources`` maps
    resource categories to {name: object-builder(writer)} dictionaries.
    """

    def make(content: bytes, resources: dict | None = None, pages: int = 1,
             media=(0, 0, 612, 792), trim=None, bleed=None, name: str = "raw.pdf",
             forms: dict[str, tuple[bytes, dict]] | None = None,
             annots: list[tuple[tuple, bytes]] | None = None) -> Path:
        writer = PdfWriter()
        res = DictionaryObject()
        for category, entries in (resources or {}).items():
            d = DictionaryObject()
            for key, value in entries.items():
                d[NameObject(key)] = writer._add_object(value)
            res[NameObject(category)] = d
        for key, (form_content, form_res) in (forms or {}).items():
            form = DecodedStreamObject()
            form.set_data(form_content)
            form.update({
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): _rect(media),
                NameObject("/Resources"): form_res or DictionaryObject(),
            })
            res.setdefault(NameObject("/XObject"), DictionaryObject())[NameObject(key)] = (
                writer._add_object(form))
        for _ in range(pages):
            page = writer.add_blank_page(width=media[2] - media[0], height=media[3] - media[1])
            page[NameObject("/MediaBox")] = _rect(media)
            if trim:
                page[NameObject("/TrimBox")] = _rect(trim)
            if bleed:
                page[NameObject("/BleedBox")] = _rect(bleed)
            stream = DecodedStreamObject()
            stream.set_data(content)
            page[NameObject("/Contents")] = writer._add_object(stream)
            page[NameObject("/Resources")] = res
            if annots:
                page[NameObject("/Annots")] = ArrayObject(
                    writer._add_object(_annotation(rect, ap)) for rect, ap in annots)
        out = tmp_path / name
        with open(out, "wb") as fh:
            writer.write(fh)
        return out

    return make

