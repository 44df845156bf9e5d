"""Hairlines: stroked lines, and filled rules/borders (how WeasyPrint draws CSS
borders), thinner than the printable minimum."""

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
    thinnest_fill: float | None = None
    for index, scan in enumerate(scan_document(reader)):
        if scan.strokes:
            page_min = min(scan.strokes)
            thinnest = page_min if thinnest is None else min(thinnest, page_min)
        if scan.thin_fills:
            page_min = min(scan.thin_fills)
            thinnest_fill = page_min if thinnest_fill is None else min(thinnest_fill, page_min)
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
        thin_fills = {w: c for w, c in scan.thin_fills.items() if w < limit - 1e-3}
        if thin_fills:
            findings.append(Finding(
                CHECK, "warning",
                f"{sum(thin_fills.values())} filled rule(s) or border(s) are thinner than "
                f"{limit:g} pt (thinnest {min(thin_fills):.2f} pt) and may break up or vanish "
                f"in print. Make borders and rules at least {limit:g} pt.", index + 1))
    if not findings:
        msg = (f"Thinnest stroked line {thinnest:.2f} pt" if thinnest is not None
               else "No stroked lines")
        if thinnest_fill is not None:
            msg += f"; thinnest filled rule or border {thinnest_fill:.2f} pt"
        msg += f" (minimum {limit:g} pt)."
        findings.append(Finding(CHECK, "info", msg))
    return findings
