"""Colour spaces actually used to paint each page: RGB is an error."""

from __future__ import annotations

from ..content import scan_document
from ..model import Finding, PreflightOptions
from ..pdfutil import LAB, RGB, SPOT, UNKNOWN, PdfSource, open_pdf

CHECK = "colour"


def _describe(uses: set[tuple[str, str, str]]) -> str:
    by_desc: dict[str, set[str]] = {}
    for _family, desc, how in uses:
        by_desc.setdefault(desc, set()).add(how)
    return "; ".join(f"{', '.join(sorted(hows))} in {desc}" for desc, hows in sorted(by_desc.items()))


def check_colour_spaces(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    findings: list[Finding] = []
    families: set[str] = set()
    for index, scan in enumerate(scan_document(reader)):
        n = index + 1
        families.update(f for f, _d, _h in scan.colours)
        rgb = {u for u in scan.colours if u[0] == RGB}
        if rgb:
            findings.append(Finding(
                CHECK, "error",
                f"RGB colour is used ({_describe(rgb)}). Print needs CMYK: convert text, "
                "vector colours and images to CMYK (CSS device-cmyk(), images via "
                "pressroom.icc) before exporting.", n))
        lab = {u for u in scan.colours if u[0] == LAB}
        if lab and options.standard == "x-1a":
            findings.append(Finding(
                CHECK, "error",
                f"Lab colour is used ({_describe(lab)}), which PDF/X-1a does not allow. "
                "Convert to CMYK.", n))
        # (a group's blending space only matters with transparency, which the
        # transparency check already rejects for X-1a)
        icc = {u for u in scan.colours if u[1].startswith("ICCBased") and u[0] != RGB
               and u[2] != "transparency blending"}
        if icc and options.standard == "x-1a":
            findings.append(Finding(
                CHECK, "error",
                f"ICC-based colour is used ({_describe(icc)}); PDF/X-1a allows only device "
                "CMYK, grey and spot colours. Convert to DeviceCMYK or deliver PDF/X-4.", n))
        unknown = {u for u in scan.colours if u[0] == UNKNOWN}
        if unknown:
            findings.append(Finding(
                CHECK, "warning",
                f"Colour space could not be determined ({_describe(unknown)}). Check that it "
                "is CMYK.", n))
        for problem in sorted(scan.problems):
            findings.append(Finding(
                CHECK, "warning",
                f"Part of the page could not be analysed: {problem}. Check the page by eye.", n))
    if not any(f.severity == "error" for f in findings):
        used = ", ".join(sorted(families - {UNKNOWN})) or "none"
        spot = " (includes spot colours: check they are intended)" if SPOT in families else ""
        findings.append(Finding(CHECK, "info", f"No RGB colour. Colour families used: {used}{spot}."))
    return findings
