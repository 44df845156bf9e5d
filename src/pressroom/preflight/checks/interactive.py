"""Active content: JavaScript, actions, embedded files, forms and multimedia have no place in a
file for print (PDF/X forbids them) and can run code in the reader of whoever opens it."""

from __future__ import annotations

from typing import Any

from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf

CHECK = "active-content"
# Keys whose presence alone is active content.
ACTIVE_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/AA": "an automatic action",
               "/EmbeddedFiles": "an embedded file", "/EmbeddedFile": "an embedded file",
               "/AcroForm": "a form", "/RichMediaContent": "multimedia"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ResetForm", "/ImportData", "/Rendition",
                  "/Movie", "/Sound", "/RichMediaExecute", "/GoToE", "/GoToR", "/Hide", "/SetOCGState"}
ACTIVE_ANNOTATIONS = {"/Widget", "/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D"}
MAX_OBJECTS = 1_000_000  # a walk over more than this many objects stops (the file is then refused)


def active_content(root: Any) -> tuple[list[str], bool]:
    """What active content the objects reachable from `root` hold (each kind once), and
    whether the walk had to stop early."""
    found: dict[str, None] = {}
    seen: set[tuple[int, int]] = set()
    stack = [root]
    visited = 0
    while stack:
        visited += 1
        if visited > MAX_OBJECTS:
            return list(found), True
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            try:
                obj = obj.get_object()
            except Exception:  # noqa: BLE001 - a broken reference holds nothing to run
                continue
        if isinstance(obj, DictionaryObject):
            for name, value in obj.items():
                if name in ACTIVE_KEYS:
                    found[ACTIVE_KEYS[name]] = None
                if name == "/S" and value in ACTIVE_ACTIONS:
                    found[f"a {str(value)[1:]} action"] = None
                if name == "/Subtype" and obj.get("/Type") in (None, "/Annot") and value in ACTIVE_ANNOTATIONS:
                    found[f"a {str(value)[1:]} annotation"] = None
                if name not in ("/Parent", "/P"):  # back links lead only to what is walked anyway
                    stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return list(found), False


def check_active_content(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    found, stopped = active_content(reader.trailer)
    if stopped:
        return [Finding(CHECK, "error", f"The file has more than {MAX_OBJECTS} objects, too many to check for "
                        "scripts and actions. Export it again, flattened.")]
    if found:
        return [Finding(CHECK, "error", f"The file contains {', '.join(found)}, which a print file must not have "
                        "(they can run code in the reader's PDF program). Export it again as PDF/X, "
                        "without forms, scripts, attachments or interactive elements.")]
    return [Finding(CHECK, "info", "No scripts, actions, attachments or forms.")]
