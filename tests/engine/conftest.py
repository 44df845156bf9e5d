"""Helpers for the engine tests: render HTML with or without the patches, read the PDF back."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import pytest
import weasyprint

from pressroom.engine import PATCHES, patched_engine

REPROS = Path(__file__).parent / "repros"


def render_pdf(html: str, patched: bool | Sequence[ModuleType] = False) -> bytes:
    """Render an HTML string to PDF bytes, with all patches, some, or none."""
    document = weasyprint.HTML(string=html, base_url=str(REPROS))
    if patched is False:
        return document.write_pdf()
    with patched_engine(PATCHES if patched is True else patched):
        return document.write_pdf()


def pdf_pages(pdf: bytes) -> list[str]:
    """Text of each page, extracted by pdftotext (poppler-utils)."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True,
    ).stdout.decode()
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page with a form feed
    return pages


def render_pages(html: str, patched: bool | Sequence[ModuleType] = False) -> list[str]:
    return pdf_pages(render_pdf(html, patched))


def pages_with(pages: list[str], text: str) -> list[int]:
    """1-based numbers of the pages containing ``text`` (once per occurrence)."""
    return [number for number, page in enumerate(pages, 1)
            for _ in range(page.count(text))]


def repro(name: str) -> str:
    return (REPROS / name).read_text(encoding="utf-8")


def with_policy(html: str, policy: str) -> str:
    """The same repro with ``footnote-policy: POLICY`` on its notes."""
    html = re.sub(r"footnote-policy: *\w+;", "", html)
    return html.replace(".fn { float: footnote;", f".fn {{ float: footnote; footnote-policy: {policy};")


@pytest.fixture
def render():
    return render_pages


def word_boxes(pdf: bytes) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Per page: (width, height, [(x0, y0, x1, y1, word)]) from ``pdftotext -bbox``."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True,
    ).stdout.decode()
    pages = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [
            (float(x0), float(y0), float(x1), float(y1), word)
            for x0, y0, x1, y1, word in re.findall(
                r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                r'yMax="([-\d.]+)">(.*?)</word>', page.group(3))]
        pages.append((float(page.group(1)), float(page.group(2)), words))
    return pages


def layout_defects(pdf: bytes) -> list[str]:
    """Words drawn off the page, or over other words (overlapping text)."""
    defects = []
    for number, (width, height, words) in enumerate(word_boxes(pdf), 1):
        for x0, y0, x1, y1, word in words:
            if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                defects.append(f"page {number}: {word!r} off the page")
        # Footnote calls are superscript numbers glued to the previous word.
        words = sorted((w for w in words if not w[4].isdigit()), key=lambda w: w[1])
        for i, (x0, y0, x1, y1, word) in enumerate(words):
            for u0, v0, u1, v1, other in words[i + 1:]:
                if v0 >= y1:
                    break
                dx = min(x1, u1) - max(x0, u0)
                dy = min(y1, v1) - max(y0, v0)
                # Glyph boxes of neighbouring lines touch; text over text covers half.
                if dx > 0 and dy > 0.5 * min(y1 - y0, v1 - v0):
                    defects.append(f"page {number}: {word!r} overlaps {other!r}")
    return defects
