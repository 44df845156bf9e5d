"""Stage 5: WeasyPrint reads only what it is allowed to, and its warnings become problems."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from pressroom.layout import ConfinedFetcher, lay_out
from pressroom.template import HtmlDocument


def test_fetcher_reads_inside_the_allowed_folders_only(tmp_path: Path):
    inside = tmp_path / "report" / "a.css"
    inside.parent.mkdir()
    inside.write_text("p {}")
    fetcher = ConfinedFetcher((tmp_path / "report",))
    assert fetcher.fetch(inside.as_uri()).read() == b"p {}"
    for url in ("file:///etc/passwd", "http://example.org/x.png", (tmp_path / "report" / ".." / "x").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 3


def image_count(pdf: bytes) -> int:
    return sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_refused_resource_is_reported_and_not_drawn(tmp_path: Path):
    (tmp_path / "report").mkdir()
    Image.new("RGB", (20, 20), "red").save(tmp_path / "outside.png")
    Image.new("RGB", (20, 20), "red").save(tmp_path / "report" / "inside.png")
    html = '<html lang="en"><body><img src="{}" alt="x"></body></html>'
    inside, problems = lay_out(HtmlDocument(html.format("inside.png"), (), tmp_path / "report"))
    assert image_count(inside.pdf) == 1 and problems == []
    outside, problems = lay_out(HtmlDocument(html.format("../outside.png"), (), tmp_path / "report"))
    assert image_count(outside.pdf) == 0
    assert any("outside the report and styles folders" in p.message for p in problems)


def test_engine_warnings_are_returned_as_warnings(tmp_path: Path):
    html = '<html lang="en"><head><style>p { colour: red }</style></head><body><p>Text</p></body></html>'
    _, problems = lay_out(HtmlDocument(html, (), tmp_path))
    assert problems and all(p.severity == "warning" for p in problems)
    assert any("colour" in p.message for p in problems)
