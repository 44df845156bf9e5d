"""Small type in many inks: text under 12 pt printed in more than two process inks shows
colour fringes on the slightest misregistration. Black text should be black ink alone."""

from __future__ import annotations

from ..content import scan_document
from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf

CHECK = "small-text-inks"
SMALL_TYPE_PT = 12.0
MAX_INKS = 2
INKS = "CMYK"


def _describe(cmyk: tuple[float, ...]) -> str:
    return " ".join(f"{ink} {value * 100:.0f}" for ink, value in zip(INKS, cmyk) if value > 0)


def check_small_text_inks(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    findings: list[Finding] = []
    for index, scan in enumerate(scan_document(open_pdf(pdf))):
        offenders = sorted(
            (size, cmyk) for size, cmyk in scan.text_cmyk
            if size < SMALL_TYPE_PT and sum(value > 0 for value in cmyk) > MAX_INKS
        )
        if offenders:
            size, cmyk = offenders[0]
            findings.append(Finding(
                CHECK, "warning",
                f"{len(offenders)} text colour(s) under {SMALL_TYPE_PT:g} pt use more than {MAX_INKS} inks "
                f"(e.g. {size:g} pt in {_describe(cmyk)}); small type in several inks blurs on any "
                f"misregistration. Give small coloured text at most {MAX_INKS} inks, black text black ink only.",
                index + 1))
    if not findings:
        findings.append(Finding(CHECK, "info", f"Text under {SMALL_TYPE_PT:g} pt uses at most {MAX_INKS} inks."))
    return findings
