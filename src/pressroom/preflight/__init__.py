"""Print preflight for any PDF: PDF/X id, output intent, boxes, fonts, colour,
image resolution, hairlines, ink coverage, transparency, page count.

Returns data only; printing and exit codes are the CLI's business.
"""

from .model import Finding, PreflightOptions, PreflightReport
from .report import format_json, format_table, write_pdf_report
from .run import preflight

__all__ = [
    "Finding",
    "PreflightOptions",
    "PreflightReport",
    "format_json",
    "format_table",
    "preflight",
    "write_pdf_report",
]
