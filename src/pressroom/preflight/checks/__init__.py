"""The individual preflight checks, in the order they are run and reported."""

from __future__ import annotations

from typing import Callable

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource
from .annotations import check_annotations
from .boxes import check_boxes
from .colour import check_colour_spaces
from .fonts import check_fonts
from .identification import check_output_intent, check_pdfx_version
from .images import check_image_resolution
from .interactive import check_active_content
from .ink import check_total_ink
from .lines import check_hairlines
from .pages import check_page_count
from .resources import check_unused_resources
from .text import check_small_text_inks
from .transparency import check_transparency

Check = Callable[[PdfSource, PreflightOptions], list[Finding]]

# (check name used in findings, function)
ALL_CHECKS: list[tuple[str, Check]] = [
    ("pdfx-version", check_pdfx_version),
    ("output-intent", check_output_intent),
    ("boxes", check_boxes),
    ("annotations", check_annotations),
    ("fonts", check_fonts),
    ("colour", check_colour_spaces),
    ("image-resolution", check_image_resolution),
    ("hairlines", check_hairlines),
    ("small-text-inks", check_small_text_inks),
    ("unused-resources", check_unused_resources),
    ("ink-coverage", check_total_ink),
    ("transparency", check_transparency),
    ("page-count", check_page_count),
    ("active-content", check_active_content),
]

__all__ = [
    "ALL_CHECKS",
    "check_active_content",
    "check_annotations",
    "check_boxes",
    "check_colour_spaces",
    "check_fonts",
    "check_hairlines",
    "check_image_resolution",
    "check_output_intent",
    "check_page_count",
    "check_pdfx_version",
    "check_small_text_inks",
    "check_total_ink",
    "check_transparency",
    "check_unused_resources",
]
