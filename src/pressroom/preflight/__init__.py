"""Print preflight for any PDF: PDF/X id, output intent, boxes, fonts, colour,
image resolution, hairlines, ink coverage, transparency, page count.

Returns data only; printing and exit codes are the CLI's business.

The names below are loaded on first use: the build reads `pdfutil` (pypdf only) to finish
a PDF, and need not load the checks (qpdf, Pillow) into its process, which runs them elsewhere.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "Finding": "model",
    "PreflightOptions": "model",
    "PreflightReport": "model",
    "format_json": "report",
    "format_table": "report",
    "write_pdf_report": "report",
    "preflight": "run",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
