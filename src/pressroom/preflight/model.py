"""Data model of a preflight run: options, findings and the report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal, Optional

Severity = Literal["error", "warning", "info"]
Standard = Literal["x-4", "x-1a"]

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """One result of one check.

    ``info`` findings record what a check measured when it found nothing
    wrong; only ``error`` findings make the file fail.
    ``page`` is 1-based, or None for document-level findings.
    """

    check: str
    severity: Severity
    message: str
    page: Optional[int] = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")


@dataclass
class PreflightOptions:
    standard: Standard = "x-4"
    max_tac: float = 300.0  # per cent, C+M+Y+K
    min_ppi: float = 300.0  # effective resolution of placed images
    min_line_width_pt: float = 0.25
    saddle_stitch: bool = False
    expected_bleed_mm: float = 3.0

    def __post_init__(self) -> None:
        if self.standard not in ("x-4", "x-1a"):
            raise ValueError(f"unknown PDF/X standard {self.standard!r} (use 'x-4' or 'x-1a')")


@dataclass
class PreflightReport:
    path: Path
    findings: list[Finding]
    pages: int
    passed: bool
    options: PreflightOptions = field(default_factory=PreflightOptions)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "pages": self.pages,
            "passed": self.passed,
            "options": asdict(self.options),
            "summary": {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES},
            "findings": [asdict(f) for f in self.findings],
        }
