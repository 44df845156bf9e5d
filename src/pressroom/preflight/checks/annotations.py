"""Annotations on the printed area: PDF/X allows none but TrapNet and PrinterMark inside
the BleedBox (links, comments and form fields are for screens), and RIPs reject them."""

from __future__ import annotations

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, as_rect, get, inherited, open_pdf, resolve

CHECK = "annotations"
ALLOWED = {"/TrapNet", "/PrinterMark"}


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def check_annotations(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    findings: list[Finding] = []
    for index, page in enumerate(open_pdf(pdf).pages):
        bleed = as_rect(get(page, "/BleedBox")) or as_rect(inherited(page, "/MediaBox"))
        kinds: dict[str, int] = {}
        for annotation in resolve(get(page, "/Annots")) or []:
            annotation = resolve(annotation)
            subtype = str(get(annotation, "/Subtype"))
            rect = as_rect(get(annotation, "/Rect"))
            if subtype not in ALLOWED and rect is not None and bleed is not None and _overlap(rect, bleed):
                kinds[subtype.lstrip("/")] = kinds.get(subtype.lstrip("/"), 0) + 1
        if kinds:
            listed = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
            findings.append(Finding(
                CHECK, "error",
                f"{sum(kinds.values())} annotation(s) on the printed area ({listed}); PDF/X allows none "
                "inside the BleedBox. Export the print file without links, comments or form fields.",
                index + 1))
    if not findings:
        findings.append(Finding(CHECK, "info", "No annotations on the printed area."))
    return findings
