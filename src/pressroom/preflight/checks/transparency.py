"""Transparency: forbidden in PDF/X-1a, allowed in PDF/X-4."""

from __future__ import annotations

from ..content import scan_document
from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf

CHECK = "transparency"


def check_transparency(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    findings: list[Finding] = []
    pages = 0
    for index, scan in enumerate(scan_document(reader)):
        if not scan.transparency:
            continue
        pages += 1
        if options.standard == "x-1a":
            findings.append(Finding(
                CHECK, "error",
                f"Transparency is used ({', '.join(sorted(scan.transparency))}), which PDF/X-1a "
                "does not allow. Remove opacity/soft masks (CSS opacity, rgba(), PNG alpha) or "
                "flatten transparency, or deliver PDF/X-4 instead.", index + 1))
    if not findings:
        msg = ("No transparency." if not pages else
               f"Transparency on {pages} page(s); allowed in PDF/X-4 (the printer's RIP "
               "flattens it).")
        findings.append(Finding(CHECK, "info", msg))
    return findings
