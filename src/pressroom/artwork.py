"""Designer artwork (pypdf): a cover PDF before the generated pages, a letterhead under them.

The cover's pages precede the generated pages (the generated first page, with its title,
stays: it is what screen readers and the bookmarks start from). Each cover page gets the
report pages' MediaBox, TrimBox and BleedBox, its content moved so that the trims line up.
The letterhead's one page becomes a single Form XObject drawn first (so below the page's
own content) on every page or on the first generated page only. Both are marked as
artifacts, so a tagged screen file stays tagged. A page size that does not match, a cover
without the report's bleed, or RGB artwork in a print file is a Problem, not a guess.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pypdf
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

from pressroom import messages
from pressroom.preflight.pdfutil import PT_PER_MM, as_rect, get, inherited
from pressroom.problems import Problem, errors_in

Rect = tuple[float, float, float, float]
TOLERANCE_PT = 0.5
BOXES = ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox")
LETTERHEAD = NameObject("/PressroomLetterhead")
# Limits that keep a hostile or broken file from taking the machine: a cover has a few pages.
MAX_ARTWORK_BYTES = 200 * 1024 * 1024
MAX_ARTWORK_PAGES = 64
# Scripts and actions of the designer's file stay behind: they could run in a reader's program.
NOT_COPIED = ("/Annots", "/AA")


@dataclass(frozen=True)
class Artwork:
    """Designer PDFs named in report.yaml, as absolute paths inside the report folder."""

    cover: Path | None = None
    letterhead: Path | None = None
    letterhead_pages: Literal["all", "first"] = "all"


def apply_artwork(pdf: bytes, artwork: Artwork, *, print_file: bool) -> tuple[bytes, list[Problem]]:
    """The generated PDF with the artwork added; unchanged when there is an error."""
    if artwork.cover is None and artwork.letterhead is None:
        return pdf, []
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    writer = pypdf.PdfWriter(clone_from=reader)
    report_page = writer.pages[0]
    trim = _trim(report_page)
    bleed = _margin(as_rect(get(report_page, "/BleedBox")) or trim, trim)
    problems: list[Problem] = []
    cover = _open(artwork.cover, "cover", trim, print_file, problems)
    letterhead = _open(artwork.letterhead, "letterhead", trim, print_file, problems)
    if letterhead is not None and len(letterhead.pages) != 1:
        problems.append(_problem(messages.LETTERHEAD_PAGES, artwork.letterhead, count=len(letterhead.pages)))
    if cover is not None and bleed > TOLERANCE_PT and _bleed(cover) < bleed - TOLERANCE_PT:
        problems.append(_problem(messages.COVER_BLEED, artwork.cover, found=_mm(_bleed(cover)), needed=_mm(bleed)))
    if letterhead is not None and bleed > TOLERANCE_PT and _bleed(letterhead) < bleed - TOLERANCE_PT:
        # Only a warning: a letterhead that is a logo and a footer needs no bleed.
        warning = _problem(messages.LETTERHEAD_BLEED, artwork.letterhead, found=_mm(_bleed(letterhead)), needed=_mm(bleed))
        problems.append(dataclasses.replace(warning, severity="warning"))
    if errors_in(problems):
        return pdf, problems

    try:
        _place(writer, report_page, trim, artwork, cover, letterhead)
    except Exception as error:  # noqa: BLE001 - a file that opens can still break when copied
        broken = artwork.letterhead if letterhead is not None else artwork.cover
        role = "letterhead" if letterhead is not None else "cover"
        return pdf, [*problems, _problem(messages.ARTWORK_UNREADABLE, broken, role=role, detail=error)]
    writer.pdf_header = reader.pdf_header  # the report's version (PDF/X-4: 1.6), not the artwork's
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue(), problems


def _place(writer: pypdf.PdfWriter, report_page: pypdf.PageObject, trim: Rect, artwork: Artwork,
           cover: pypdf.PdfReader | None, letterhead: pypdf.PdfReader | None) -> None:
    """Draw the letterhead under the pages and put the cover's pages in front."""
    if letterhead is not None:
        form = _form_xobject(writer, letterhead.pages[0])
        targets = writer.pages if artwork.letterhead_pages == "all" else writer.pages[:1]
        for page in targets:
            _draw_under(writer, page, form, _offset(_trim(letterhead.pages[0]), _trim(page)))
    if cover is not None:
        boxes = {key: as_rect(get(report_page, key)) for key in BOXES if key in report_page}
        for index, source in enumerate(cover.pages):
            page = writer.insert_page(source, index, excluded_keys=NOT_COPIED)
            wrap_content(writer, page, b"/Artifact BMC q 1 0 0 1 %s %s cm\n" % _offset(_trim(source), trim), b"\nQ EMC\n")
            for key in BOXES:
                if key in page:
                    del page[key]
            page.update({NameObject(key): _array(rect) for key, rect in boxes.items() if rect})
        if "/PageLabels" not in writer._root_object:  # viewers then show the printed folios
            writer.set_page_label(0, len(cover.pages) - 1, "/D", messages.COVER_PAGE_LABEL)
            writer.set_page_label(len(cover.pages), len(writer.pages) - 1, "/D")


def artwork_pages(path: Path | None, role: str) -> tuple[int, list[Problem]]:
    """How many pages a designer's PDF has, opened with every guard (before any other use)."""
    problems: list[Problem] = []
    reader = _guarded_reader(path, role, problems)
    return (len(reader.pages) if reader is not None else 0), problems


def _guarded_reader(path: Path | None, role: str, problems: list[Problem]) -> pypdf.PdfReader | None:
    """The artwork's reader if it opens, is not locked and is within the limits."""
    if path is None:
        return None
    try:
        if path.stat().st_size > MAX_ARTWORK_BYTES:
            problems.append(_problem(messages.ARTWORK_TOO_BIG, path, role=role, limit=MAX_ARTWORK_BYTES // 2**20))
            return None
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            problems.append(_problem(messages.ARTWORK_ENCRYPTED, path, role=role))
            return None
        count = len(reader.pages)
        if count > MAX_ARTWORK_PAGES:
            problems.append(_problem(messages.ARTWORK_TOO_MANY_PAGES, path, role=role, count=count, limit=MAX_ARTWORK_PAGES))
            return None
        list(reader.pages)
    except Exception as error:  # noqa: BLE001 - any parse failure is the file's fault
        problems.append(_problem(messages.ARTWORK_UNREADABLE, path, role=role, detail=error))
        return None
    if not count:
        problems.append(_problem(messages.ARTWORK_UNREADABLE, path, role=role, detail="no pages"))
        return None
    return reader


def _open(path: Path | None, role: str, trim: Rect, print_file: bool, problems: list[Problem]) -> pypdf.PdfReader | None:
    """The artwork's reader when it is usable, else None with the reasons in `problems`."""
    reader = _guarded_reader(path, role, problems)
    if reader is None or path is None:
        return None
    try:
        return _checked(reader, path, role, trim, print_file, problems)
    except Exception as error:  # noqa: BLE001 - a page that opens can still be broken inside
        problems.append(_problem(messages.ARTWORK_UNREADABLE, path, role=role, detail=error))
        return None


def _checked(reader: pypdf.PdfReader, path: Path, role: str, trim: Rect, print_file: bool, problems: list[Problem]) -> pypdf.PdfReader:
    """The reader, with what is wrong with its pages' size, rotation and colour in `problems`."""
    pages = list(reader.pages)
    width, height = trim[2] - trim[0], trim[3] - trim[1]
    for number, page in enumerate(pages, 1):
        if int(inherited(page, "/Rotate") or 0) % 360:
            problems.append(_problem(messages.ARTWORK_ROTATED, path, role=role, page=number))
        size = _trim(page)
        if abs(size[2] - size[0] - width) > TOLERANCE_PT or abs(size[3] - size[1] - height) > TOLERANCE_PT:
            found = f"{_mm(size[2] - size[0])} x {_mm(size[3] - size[1])} mm"
            problems.append(_problem(messages.ARTWORK_SIZE, path, role=role, page=number, found=found, expected=f"{_mm(width)} x {_mm(height)} mm"))
    if print_file:  # the print file's own preflight would only name a page, not this file
        from pressroom.preflight.checks.colour import check_colour_spaces  # here: only a report with artwork loads the checks
        from pressroom.preflight.model import PreflightOptions

        for finding in check_colour_spaces(reader, PreflightOptions()):
            if finding.severity == "error":
                problems.append(_problem(messages.ARTWORK_NOT_CMYK, path, role=role, page=finding.page))
    return reader


def _form_xobject(writer: pypdf.PdfWriter, page: pypdf.PageObject) -> pypdf.generic.IndirectObject:
    """One shared Form XObject of the page, clipped to its bleed (no printer's marks)."""
    form = DecodedStreamObject()
    contents = get(page, "/Contents")
    streams = contents if isinstance(contents, ArrayObject) else [contents] if contents is not None else []
    form.set_data(b"\n".join(stream.get_object().get_data() for stream in streams))
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): _array(as_rect(get(page, "/BleedBox")) or _media(page)),
        NameObject("/Resources"): (inherited(page, "/Resources") or DictionaryObject()).clone(writer),
    })
    if get(page, "/Group") is not None:  # keeps the designer's transparency blending space
        form[NameObject("/Group")] = get(page, "/Group").clone(writer)
    return writer._add_object(form.flate_encode())


def _draw_under(writer: pypdf.PdfWriter, page: pypdf.PageObject, form: object, offset: tuple[bytes, bytes]) -> None:
    if "/Resources" in page:
        resources = page["/Resources"].get_object()
    else:  # inherited from the page tree: give this page its own copy before adding to it
        resources = DictionaryObject(inherited(page, "/Resources") or {})
        page[NameObject("/Resources")] = resources
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    resources["/XObject"].get_object()[LETTERHEAD] = form
    wrap_content(writer, page, b"/Artifact BMC q 1 0 0 1 %s %s cm /PressroomLetterhead Do Q EMC\n" % offset, b"")


def wrap_content(writer: pypdf.PdfWriter, page: pypdf.PageObject, before: bytes, after: bytes) -> None:
    """Add content streams around the page's own, which stay as they are (not re-parsed)."""
    contents = page.get("/Contents")
    resolved = contents.get_object() if contents is not None else None
    streams = list(resolved) if isinstance(resolved, ArrayObject) else [contents] if contents is not None else []
    page[NameObject("/Contents")] = ArrayObject([*_streams(writer, before), *streams, *_streams(writer, after)])


def _streams(writer: pypdf.PdfWriter, data: bytes) -> list[pypdf.generic.IndirectObject]:
    if not data:
        return []
    stream = DecodedStreamObject()
    stream.set_data(data)
    return [writer._add_object(stream)]


def _trim(page: pypdf.PageObject) -> Rect:
    return as_rect(get(page, "/TrimBox")) or _media(page)


def _media(page: pypdf.PageObject) -> Rect:
    return as_rect(inherited(page, "/MediaBox")) or (0.0, 0.0, 612.0, 792.0)


def _bleed(reader: pypdf.PdfReader) -> float:
    """The narrowest bleed of any page: BleedBox (or MediaBox) around TrimBox."""
    return min(_margin(as_rect(get(page, "/BleedBox")) or _media(page), _trim(page)) for page in reader.pages)


def _margin(outer: Rect, inner: Rect) -> float:
    """The narrowest of the four margins between two boxes."""
    return min(inner[0] - outer[0], inner[1] - outer[1], outer[2] - inner[2], outer[3] - inner[3])


def _offset(source: Rect, target: Rect) -> tuple[bytes, bytes]:
    return (b"%.4f" % (target[0] - source[0]), b"%.4f" % (target[1] - source[1]))


def _array(rect: Rect) -> ArrayObject:
    return ArrayObject(FloatObject(value) for value in rect)


def _mm(points: float) -> str:
    return f"{points / PT_PER_MM:.1f}"


def _problem(template: str, path: Path | None, page: int | None = None, **values: object) -> Problem:
    where = messages.ARTWORK_PAGE.format(page=page) if page else ""
    return Problem.at(template.format(name=path.name if path else "", where=where, **values), path)
