"""Page boxes: TrimBox and BleedBox on every page, nesting, bleed size."""

from __future__ import annotations

from ..model import Finding, PreflightOptions
from ..pdfutil import PT_PER_MM, PdfSource, open_pdf, page_boxes

CHECK = "boxes"
TOLERANCE_MM = 0.2
_EPS = 0.01  # pt, rounding in box coordinates


def _inside(inner, outer) -> bool:
    return (inner[0] >= outer[0] - _EPS and inner[1] >= outer[1] - _EPS
            and inner[2] <= outer[2] + _EPS and inner[3] <= outer[3] + _EPS)


def _fmt(mm: float) -> str:
    return f"{mm:.1f} mm"


def check_boxes(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    findings: list[Finding] = []
    bleeds: set[str] = set()
    want = options.expected_bleed_mm
    for index, page in enumerate(reader.pages):
        n = index + 1
        boxes = page_boxes(page)
        media, trim, bleed = boxes["MediaBox"], boxes["TrimBox"], boxes["BleedBox"]

        def add(severity: str, message: str, page: int = n) -> None:
            findings.append(Finding(CHECK, severity, message, page))  # type: ignore[arg-type]

        if media is None:
            add("error", "The page has no MediaBox. The PDF is damaged; export it again.")
            continue
        if trim is None:
            add("error", "The page has no TrimBox, so the printer cannot tell the finished "
                "page size. Export with a PDF/X preset or set the page size and bleed (CSS: "
                f"@page {{ bleed: {want:g}mm }}).")
        if bleed is None:
            add("error", "The page has no BleedBox. Export with bleed "
                f"({want:g} mm on every side).")
        if trim is None or bleed is None:
            continue
        if not _inside(trim, bleed):
            add("error", "The TrimBox is not inside the BleedBox. Re-export with correct page "
                "size and bleed settings.")
        if not _inside(bleed, media):
            add("error", "The BleedBox extends beyond the MediaBox (the paper of the PDF). "
                "Re-export so the page includes the bleed.")
        margins = [(trim[0] - bleed[0]), (trim[1] - bleed[1]),
                   (bleed[2] - trim[2]), (bleed[3] - trim[3])]
        margins_mm = [m / PT_PER_MM for m in margins]
        low, high = min(margins_mm), max(margins_mm)
        bleeds.add(_fmt(low) if abs(high - low) < 0.05 else f"{_fmt(low)}-{_fmt(high)}")
        if low < want - TOLERANCE_MM:
            what = "no bleed" if high < 0.05 else f"only {_fmt(low)} of bleed"
            add("error", f"The page has {what}; {want:g} mm is needed on every side. Extend "
                f"backgrounds and images past the page edge and export with {want:g} mm bleed.")
        elif high > want + TOLERANCE_MM:
            add("warning", f"The bleed is {_fmt(high)}, more than the {want:g} mm expected. "
                "Usually harmless, but check with the printer.")
    if not any(f.severity != "info" for f in findings):
        findings.append(Finding(CHECK, "info", "TrimBox and BleedBox on every page; bleed "
                                f"{', '.join(sorted(bleeds)) or 'n/a'}."))
    return findings
