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
