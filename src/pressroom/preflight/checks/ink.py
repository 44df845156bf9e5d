"""Total area coverage (TAC): the highest C+M+Y+K anywhere on each page.

Each page is rendered to CMYK with Ghostscript at low resolution (tiff32nc);
the per-pixel sum of the four separations is computed with Pillow. Areas
smaller than a pixel at RENDER_DPI are averaged away, which is what matters
for ink limits (small type and thin lines do not set off). DeviceCMYK values
are measured as they are; DeviceRGB content is converted by Ghostscript's
formulas, so its TAC is only an estimate (RGB is reported as an error by the
colour check anyway); ICCBased colour with the output intent profile.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageMath

from pressroom.workers import usable_cores

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf, pdf_bytes, pdf_path

CHECK = "ink-coverage"
RENDER_DPI = 36
TOLERANCE = 0.5  # per cent, 8-bit rounding
GS_TIMEOUT_S = 600


def _max_coverage(tiff: Path) -> float:
    with Image.open(tiff) as im:
        im = im.convert("CMYK") if im.mode != "CMYK" else im
        c, m, y, k = im.split()
        if hasattr(ImageMath, "lambda_eval"):  # Pillow >= 11
            total = ImageMath.lambda_eval(lambda a: a["c"] + a["m"] + a["y"] + a["k"],
                                          c=c, m=m, y=y, k=k)
        else:  # Pillow 10
            total = ImageMath.eval("c + m + y + k", c=c, m=m, y=y, k=k)
        return total.getextrema()[1] * 100 / 255


def render_max_coverage(path: Path, dpi: int = RENDER_DPI, pages: int | None = None) -> list[float]:
    """Highest total ink (per cent) of each page of the PDF at ``path``. Given the number of
    `pages`, the pages are shared among one Ghostscript per core, run at once: at the end of a
    build the ink check is all that is left to do, and one Ghostscript uses one core."""
    gs = shutil.which("gs")
    if gs is None:
        raise FileNotFoundError("gs")
    with tempfile.TemporaryDirectory(prefix="pressroom-tac-") as tmp:
        # -dUsePDFX3Profile: convert non-CMYK content with the file's own output
        # intent profile (if any) instead of Ghostscript's default CMYK profile;
        # DeviceCMYK values pass through unchanged either way.
        # -dUseBleedBox: coverage of what is printed, bleed included, as a vendor reads it;
        # printer's marks in registration colour (all four inks) lie outside the BleedBox.
        # -dUseFastColor: Device colours by formula, not through ICC links. DeviceCMYK, all a
        # print file built by pressroom holds, comes out the same pixel for pixel, and
        # DeviceGray as black ink only, as a RIP prints it; making the CMYK-to-CMYK link took
        # Ghostscript 0.1 s, half the check of a short report. ICCBased colour is still converted.
        cmd = [gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUsePDFX3Profile", "-dUseBleedBox",
               "-dUseFastColor", "-sDEVICE=tiff32nc", f"-r{dpi}"]
        running = [
            subprocess.Popen([*cmd, *first_last, f"-sOutputFile={tmp}/{index:02d}-%05d.tif", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for index, first_last in enumerate(_page_ranges(pages))
        ]
        failures = []
        for process in running:
            try:
                out, err = process.communicate(timeout=GS_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                for each in running:
                    each.kill()
                raise
            if process.returncode != 0:
                failures.append((err or out).strip()[-500:])
        if failures:
            raise RuntimeError(failures[0])
        return [_max_coverage(f) for f in sorted(Path(tmp).glob("*.tif"))]


def _page_ranges(pages: int | None) -> list[list[str]]:
    """Ghostscript's page options for each process: the whole file when the count is unknown."""
    share = usable_cores()
    if not pages or share < 2 or pages < 2:
        return [[]]
    size = -(-pages // min(share, pages))
    return [[f"-dFirstPage={first}", f"-dLastPage={min(first + size - 1, pages)}"] for first in range(1, pages + 1, size)]


def check_total_ink(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    path = pdf_path(pdf)
    expected = len(open_pdf(pdf).pages)  # opened once: for a path, each open_pdf reads the file again
    with tempfile.TemporaryDirectory(prefix="pressroom-tac-src-") as tmp:
        if path is None:  # a reader on an in-memory stream
            path = Path(tmp) / "input.pdf"
            path.write_bytes(pdf_bytes(pdf))
        try:
            coverage = render_max_coverage(path, pages=expected)
        except FileNotFoundError:
            return [Finding(CHECK, "warning", "Ghostscript (gs) is not installed, so total ink "
                            "coverage was not checked. Install ghostscript.")]
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            return [Finding(CHECK, "warning", "Ghostscript could not render the PDF, so total "
                            f"ink coverage was not checked ({exc}).")]
    findings: list[Finding] = []
    if len(coverage) != expected:
        findings.append(Finding(CHECK, "warning", f"Ghostscript rendered {len(coverage)} of "
                                f"{expected} pages; ink coverage of the rest was not checked."))
    for index, tac in enumerate(coverage):
        if tac > options.max_tac + TOLERANCE:
            findings.append(Finding(
                CHECK, "error",
                f"Total ink coverage reaches {tac:.0f}% (limit {options.max_tac:g}%). Use colours "
                "with less ink (e.g. rich black 60/40/40/100 = 240%, not 100/100/100/100) or "
                "convert images with the printer's profile.", index + 1))
    if coverage and not any(f.severity == "error" for f in findings):
        top = max(range(len(coverage)), key=coverage.__getitem__)
        findings.append(Finding(CHECK, "info", f"Highest total ink coverage {coverage[top]:.0f}% "
                                f"on page {top + 1} (limit {options.max_tac:g}%)."))
    return findings
