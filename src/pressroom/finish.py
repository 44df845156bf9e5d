"""Stage 7: finish the PDF: what the engine does not write.

Both files get viewer settings (show the title, open the bookmarks) and the language. These
go into the catalog as the engine writes it (catalog.py, WeasyPrint's finisher hook):
re-reading a tagged 100-page PDF with pypdf just to add three keys would cost seconds.

The print file is then rewritten with pypdf (`finish`): no annotations or actions; the
BleedBox at the whole bleed and crop marks beyond it, in registration colour (all four inks),
inside a MediaBox grown to hold them (`PrintSheet`; the engine caps the BleedBox at 10 pt and
draws its marks inside the bleed, in RGB). Any RGB left in a form becomes CMYK. The output
profile, embedded once per page group by the engine, is kept once.

Nothing here reads the clock or draws random numbers: the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import uuid

import pypdf
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    NameObject,
    RectangleObject,
    TextStringObject,
)

from pressroom.artwork import wrap_content
from pressroom.icc import rgb_to_cmyk
from pressroom.preflight.pdfutil import PT_PER_MM, RESOURCE_CATEGORIES, content_bytes, names_in_content
from pressroom.profiles import PrintSheet

REGISTRATION = (1.0, 1.0, 1.0, 1.0)
OUTPUT_CONDITION = "FOGRA39"
OUTPUT_CONDITION_TEXT = "Offset printing, ISO 12647-2:2004, coated paper (paper type 1 or 2), 60/cm"
ICC_REGISTRY = "http://www.color.org"
FILE_ID = re.compile(rb"/ID\s*\[[^\]]*\]")
UUID = re.compile(rb"(xmp\.did:|xmp\.iid:|uuid:)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
RGB_TO_CMYK_OPERATOR = {b"rg": b"k", b"RG": b"K"}
# `/name Do` draws the XObject `name`; a name ends at white space or a delimiter (ISO 32000-1, 7.3.5).
STROKE_ONLY = {b"B": b"S", b"B*": b"S", b"b": b"s", b"b*": b"s"}


def finish(pdf: bytes, cmyk_only: bool = False, identity: str = "", sheet: PrintSheet | None = None) -> bytes:
    """Rewrite what the print file must not contain; the screen file passes unchanged.
    `identity` (the report's title and date) seeds the XMP document id, which the engine
    draws at random for PDF/X: the same report must give the same bytes. `sheet` sets the
    print file's boxes and draws its crop marks."""
    if not cmyk_only:
        return pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # PDF/X-4 needs 1.6; pypdf would write 1.3
    _remove_interactive_content(writer)
    if sheet is not None:
        for page in writer.pages:
            _lay_out_sheet(writer, page, sheet)
    _recolour_pages(writer)
    # Also each page's own forms only: the engine names all N page forms on every page.
    _drop_unused_resources(writer)
    _register_output_condition(writer)
    _fix_document_id(writer, uuid.uuid5(uuid.NAMESPACE_URL, f"pressroom:{identity}"))
    # The engine's file /ID hashes its random id too: hash the content without either.
    content = FILE_ID.sub(b"", UUID.sub(b"", pdf))
    permanent = hashlib.md5(identity.encode()).hexdigest().encode()
    writer._ID = ArrayObject([ByteStringObject(permanent), ByteStringObject(hashlib.md5(content).hexdigest().encode())])
    writer.compress_identical_objects()
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _remove_interactive_content(writer: pypdf.PdfWriter) -> None:
    """PDF/X allows no annotation but TrapNet and PrinterMark inside the BleedBox, and a RIP
    has no use for links or actions: drop them all. Bookmarks (plain destinations) stay."""
    for page in writer.pages:
        page.pop(NameObject("/Annots"), None)
        page.pop(NameObject("/AA"), None)
    for key in ("/OpenAction", "/AA", "/AcroForm"):
        writer._root_object.pop(NameObject(key), None)


def _lay_out_sheet(writer: pypdf.PdfWriter, page: pypdf.PageObject, sheet: PrintSheet) -> None:
    """BleedBox at the bleed, crop marks beyond it, MediaBox around the marks."""
    x0, y0, x1, y1 = (float(v) for v in page.trimbox)
    bleed, media = sheet.bleed_pt, sheet.media_margin_pt
    page.bleedbox = RectangleObject((x0 - bleed, y0 - bleed, x1 + bleed, y1 + bleed))
    page.mediabox = RectangleObject((x0 - media, y0 - media, x1 + media, y1 + media))
    page.pop(NameObject("/CropBox"), None)  # defaults to the MediaBox
    if sheet.marks:
        # The page (a cover's own slug and marks too) is clipped to the BleedBox, the marks drawn after.
        clip = f"q {x0 - bleed:.3f} {y0 - bleed:.3f} {x1 - x0 + 2 * bleed:.3f} {y1 - y0 + 2 * bleed:.3f} re W n\n"
        wrap_content(writer, page, clip.encode(), b"\nQ\n" + _crop_marks((x0, y0, x1, y1), sheet))


def _crop_marks(trim: tuple[float, float, float, float], sheet: PrintSheet) -> bytes:
    """Two strokes at each corner along the trim lines, from `mark_offset` to
    `mark_offset + mark_length` outside the trim, in registration colour."""
    x0, y0, x1, y1 = trim
    near, far = sheet.mark_offset_mm * PT_PER_MM, (sheet.mark_offset_mm + sheet.mark_length_mm) * PT_PER_MM
    strokes = []
    for x, outward_x in ((x0, -1), (x1, 1)):
        for y, outward_y in ((y0, -1), (y1, 1)):
            strokes.append(((x + outward_x * near, y), (x + outward_x * far, y)))  # along the horizontal trim line
            strokes.append(((x, y + outward_y * near), (x, y + outward_y * far)))  # along the vertical one
    path = " ".join(f"{ax:.3f} {ay:.3f} m {bx:.3f} {by:.3f} l" for (ax, ay), (bx, by) in strokes)
    registration = " ".join(f"{ink:g}" for ink in REGISTRATION)
    return f"q {registration} K {sheet.mark_width_pt:g} w 0 J [] 0 d {path} S Q\n".encode()


def _drop_unused_resources(writer: pypdf.PdfWriter) -> None:
    """Each page and form keeps only the resources its content names: the engine declares
    every font and colour space (Lab, ICC) of the document on every page, and a RIP's
    preflight reports the rest. Unreferenced objects are then left out of the file."""
    seen: set[int] = set()
    owners: list[DictionaryObject] = list(writer.pages)
    while owners:
        owner = owners.pop()
        _keep_used_resources(owner)
        for reference in ((owner.get("/Resources") or {}).get("/XObject") or {}).values():
            if reference.idnum not in seen and reference.get_object().get("/Subtype") == "/Form":
                seen.add(reference.idnum)
                owners.append(reference.get_object())


def _keep_used_resources(owner: DictionaryObject) -> None:
    resources = owner.get("/Resources")
    if resources is None:
        return
    used = names_in_content(content_bytes(owner))
    kept = DictionaryObject()
    for category, entries in resources.get_object().items():
        if category not in RESOURCE_CATEGORIES:
            kept[NameObject(category)] = entries  # /ProcSet: not named in content
            continue
        named = DictionaryObject({NameObject(name): value for name, value in entries.get_object().items() if name in used})
        if named:
            kept[NameObject(category)] = named
    owner[NameObject("/Resources")] = kept


def _register_output_condition(writer: pypdf.PdfWriter) -> None:
    """Name the output condition as registered at the ICC (FOGRA39), which RIPs look up,
    rather than by our profile's description only."""
    for intent in writer._root_object.get("/OutputIntents", []):
        intent = intent.get_object()
        intent[NameObject("/OutputConditionIdentifier")] = TextStringObject(OUTPUT_CONDITION)
        intent[NameObject("/OutputCondition")] = TextStringObject(OUTPUT_CONDITION_TEXT)
        intent[NameObject("/RegistryName")] = TextStringObject(ICC_REGISTRY)


def _fix_document_id(writer: pypdf.PdfWriter, document_id: uuid.UUID) -> None:
    metadata = writer._root_object.get("/Metadata")
    if metadata is None:
        return
    stream = metadata.get_object()
    stream.set_data(UUID.sub(rb"\g<1>" + str(document_id).encode(), stream.get_data()))


def _recolour_pages(writer: pypdf.PdfWriter) -> None:
    """Every form of every page, each parsed once. One `seen` for the whole file: every
    page the engine writes shares one /Resources naming all N page forms, so a set per
    page parsed N x N content streams."""
    seen: set[int] = set()
    for page in writer.pages:
        _recolour_forms(page.get("/Resources"), writer, seen)


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
        if _recolour(content):  # only the crop marks are drawn in RGB
            _stroke_only(content, form)
            form.set_data(content.get_data())


def _stroke_only(content: ContentStream, form: DictionaryObject) -> None:
    """The engine draws each mark as fill-and-stroke with an invisible (opacity 0) fill, in a
    transparency group: PDF/X-1a forbids both. Stroke only, with no group, looks the same."""
    states = (form.get("/Resources") or {}).get("/ExtGState") or {}
    invisible = {name for name, state in states.items() if float(state.get_object().get("/ca", 1)) == 0}
    kept = []
    for operands, operator in content.operations:
        if operator == b"gs" and operands and operands[0] in invisible:
            continue
        kept.append((operands, STROKE_ONLY.get(operator, operator)))
    content.operations = kept
    form.pop(NameObject("/Group"), None)


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
