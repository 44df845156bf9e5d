"""Run every preflight check on one PDF."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdf

from .checks import ALL_CHECKS, Check, check_total_ink
from .checks.ink import CHECK as INK_CHECK
from .model import Finding, PreflightOptions, PreflightReport
from .pdfutil import SOURCE_PATH_ATTR, PdfSource


def preflight(path: Path, options: PreflightOptions | None = None) -> PreflightReport:
    """Check the PDF at ``path`` for print; never raises for a bad PDF."""
    options = options or PreflightOptions()
    path = Path(path)
    try:
        reader = pypdf.PdfReader(str(path))
        pages = len(reader.pages)
        setattr(reader, SOURCE_PATH_ATTR, path)
    except Exception as exc:  # noqa: BLE001 - any parse failure is a finding
        finding = Finding("open", "error", f"The file cannot be read as a PDF ({exc}). "
                          "Export it again.")
        return PreflightReport(path=path, findings=[finding], pages=0, passed=False,
                               options=options)
    found: dict[str, list[Finding]] = {}
    with ThreadPoolExecutor(1) as aside:
        # The ink check mostly waits for Ghostscript: it runs beside the others, on its own
        # reader (pypdf's is not for two threads), and the file's check takes the longer of
        # the two instead of both (at 366 pages 2.4 s and 1.5 s).
        ink = aside.submit(_run_check, INK_CHECK, check_total_ink, path, options)
        for name, check in ALL_CHECKS:
            if name != INK_CHECK:
                found[name] = _run_check(name, check, reader, options)
        found[INK_CHECK] = ink.result()
    findings = [finding for name, _ in ALL_CHECKS for finding in found[name]]
    passed = not any(f.severity == "error" for f in findings)
    return PreflightReport(path=path, findings=findings, pages=pages, passed=passed,
                           options=options)


def _run_check(name: str, check: Check, pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    try:
        return check(pdf, options)
    except Exception as exc:  # noqa: BLE001 - one broken check must not hide the rest
        return [Finding(name, "error", f"This check could not be completed "
                        f"({exc.__class__.__name__}: {exc}). Check this item by hand "
                        "or report the problem.")]
