"""Stage 7: finish the PDF with pypdf: what the engine does not write.

Both files: viewer settings (show the title, open the bookmarks) and the language.
Print file: WeasyPrint draws crop marks in DeviceRGB; they are rewritten in registration
colour (all four inks), and any other RGB fill or stroke in CMYK with the print profile.
Nothing here reads the clock or draws random numbers, so the same input gives the same bytes.
"""

from __future__ import annotations

import io

import pypdf
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from pressroom.icc import rgb_to_cmyk
from pressroom.model import ReportSettings

REGISTRATION = (1.0, 1.0, 1.0, 1.0)
RGB_TO_CMYK_OPERATOR = {b"rg": b"k", b"RG": b"K"}


def finish(pdf: bytes, settings: ReportSettings, cmyk_only: bool = False) -> bytes:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # PDF/X-4 needs 1.6; pypdf would write 1.3
    root = writer._root_object
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    root[NameObject("/Lang")] = TextStringObject(settings.language)
    if cmyk_only:
        for page in writer.pages:
            _recolour_forms(page.get("/Resources"), writer, seen=set())
        # The engine embeds the output profile once per page group: keep one copy.
        writer.compress_identical_objects()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _recolour_forms(resources: DictionaryObject | None, writer: pypdf.PdfWriter, seen: set[int]) -> None:
    """Rewrite RGB operators in every form XObject (the marks live in one), depth first."""
    if resources is None:
        return
    resources = resources.get_object()
    for reference in (resources.get("/XObject") or {}).values():
        if reference.idnum in seen:
            continue
        seen.add(reference.idnum)
        form = reference.get_object()
        if form.get("/Subtype") != "/Form":
            continue
        _recolour_forms(form.get("/Resources"), writer, seen)
        content = ContentStream(form, writer)
        if _recolour(content):
            form.set_data(content.get_data())


def _recolour(content: ContentStream) -> bool:
    changed = False
    for index, (operands, operator) in enumerate(content.operations):
        if operator not in RGB_TO_CMYK_OPERATOR or len(operands) != 3:
            continue
        rgb = [float(value) for value in operands]
        cmyk = REGISTRATION if rgb == [0.0, 0.0, 0.0] else rgb_to_cmyk(*(round(v * 255) for v in rgb))
        content.operations[index] = (ArrayObject(FloatObject(v) for v in cmyk), RGB_TO_CMYK_OPERATOR[operator])
        changed = True
    return changed
