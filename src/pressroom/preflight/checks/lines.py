"""Hairlines: stroked lines thinner than the printable minimum."""

from __future__ import annotations

from ..content import scan_document
from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf

CHECK = "hairlines"


def check_hairlines(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    findings: list[Finding] = []
    limit = options.min_line_width_pt
    thinnest: float | None = None
    for index, scan in enumerate(scan_document(reader)):
        if scan.strokes:
            page_min = min(scan.strokes)
            thinnest = page_min if thinnest is None else min(thinnest, page_min)
        zero = scan.strokes.get(0.0, 0)
        if zero:
            findings.append(Finding(
                CHECK, "error",
                f"{zero} line(s) have width 0, which prints as the thinnest line the press can "
                f"make and may vanish. Give every line at least {limit:g} pt.", index + 1))
        thin = {w: c for w, c in scan.strokes.items() if 0 < w < limit - 1e-3}
        if thin:
            findings.append(Finding(
                CHECK, "warning",
                f"{sum(thin.values())} line(s) are thinner than {limit:g} pt (thinnest "
                f"{min(thin):.2f} pt) and may break up or vanish in print. Use at least "
                f"{limit:g} pt.", index + 1))
    if not findings:
        msg = (f"Thinnest stroked line {thinnest:.2f} pt (minimum {limit:g} pt)."
               if thinnest is not None else "No stroked lines.")
        findings.append(Finding(CHECK, "info", msg))
    return findings
