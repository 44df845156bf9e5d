"""Effective resolution of placed images."""

from __future__ import annotations

from ..content import scan_document
from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf

CHECK = "image-resolution"
# Images this small are solid-colour fills or spacers; their resolution is irrelevant.
MIN_PIXELS = 4


def check_image_resolution(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    reader = open_pdf(pdf)
    findings: list[Finding] = []
    lowest: float | None = None
    count = 0
    for index, scan in enumerate(scan_document(reader)):
        reported: set[tuple[str, int]] = set()
        for img in scan.images:
            if img.width_px * img.height_px <= MIN_PIXELS or img.placed_w_pt < 0.5 or img.placed_h_pt < 0.5:
                continue
            count += 1
            ppi = img.ppi
            lowest = ppi if lowest is None else min(lowest, ppi)
            key = (img.name, round(ppi))
            if ppi + 0.5 < options.min_ppi and key not in reported:
                reported.add(key)
                what = "Line-art image" if img.bits == 1 else "Image"
                findings.append(Finding(
                    CHECK, "error",
                    f"{what} '{img.name}' is {ppi:.0f} ppi at its placed size "
                    f"({img.width_px} x {img.height_px} px shown at "
                    f"{img.placed_w_pt / 72:.2f} x {img.placed_h_pt / 72:.2f} in); at least "
                    f"{options.min_ppi:g} ppi is needed. Use a higher-resolution image or "
                    "place it smaller.", index + 1))
    if not findings:
        plural = "s" if count != 1 else ""
        msg = (f"{count} image placement{plural}, lowest {lowest:.0f} ppi "
               f"(minimum {options.min_ppi:g})." if count else "No images.")
        findings.append(Finding(CHECK, "info", msg))
    return findings
