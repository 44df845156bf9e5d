"""Run every preflight check on one PDF."""

from __future__ import annotations

from pathlib import Path

import pypdf

from .checks import ALL_CHECKS
from .model import Finding, PreflightOptions, PreflightReport
from .pdfutil import SOURCE_PATH_ATTR


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
    findings: list[Finding] = []
    for name, check in ALL_CHECKS:
        try:
            findings.extend(check(reader, options))
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the rest
            findings.append(Finding(name, "error", f"This check could not be completed "
                                    f"({exc.__class__.__name__}: {exc}). Check this item by hand "
                                    "or report the problem."))
    passed = not any(f.severity == "error" for f in findings)
    return PreflightReport(path=path, findings=findings, pages=pages, passed=passed,
                           options=options)
