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


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "server"])
def test_fetcher_refuses_a_file_url_with_a_host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, host: str):
    """file://localhost/ABS once passed as the relative path 'localhost/ABS' when run from the folder."""
    report = tmp_path / "report"
    (report / "localhost").mkdir(parents=True)
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"secret")
    monkeypatch.chdir(report)
    fetcher = ConfinedFetcher((report,))
    with pytest.raises(ValueError):
        fetcher.fetch(f"file://{host}{secret}")
    assert fetcher.refused


@pytest.mark.parametrize("url", ["file:////server/share/x.png", "file:relative.png", "file:///a\x00b.png"])
def test_fetcher_refuses_unc_relative_and_nul_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "relative.png").write_bytes(b"x")
    fetcher = ConfinedFetcher((tmp_path,))
    with pytest.raises(ValueError):
        fetcher.fetch(url)


def test_fetcher_refuses_a_symlink_out_of_the_folder(tmp_path: Path):
    report = tmp_path / "report"
    report.mkdir()
    (tmp_path / "secret.css").write_text("p {}")
    (report / "link.css").symlink_to(tmp_path / "secret.css")
    fetcher = ConfinedFetcher((report,))
    with pytest.raises(ValueError):
        fetcher.fetch((report / "link.css").as_uri())


def test_an_svg_cannot_pull_in_a_file_through_localhost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    report = tmp_path / "report"
    report.mkdir()
    Image.new("RGB", (20, 20), "red").save(tmp_path / "secret.png")
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="file://localhost{tmp_path}/secret.png" width="20" height="20"/></svg>'
    (report / "chart.svg").write_text(svg)
    monkeypatch.chdir(report)
    html = '<html lang="en"><body><img src="chart.svg" alt="x"></body></html>'
    layout, problems = lay_out(HtmlDocument(html, (), report))
    assert image_count(layout.pdf) == 0
    assert any("secret.png" in p.message for p in problems)


def test_a_picture_an_svg_names_is_judged_like_any_picture(tmp_path: Path):
    """A drawing can name another drawing: a <use> bomb there once stalled the engine (and watch)."""
    report = tmp_path / "report"
    report.mkdir()
    defs = '<rect id="l0" width="1" height="1"/>' + "".join(
        f'<g id="l{n}">' + f'<use href="#l{n - 1}"/>' * 10 + "</g>" for n in range(1, 9)
    )
    (report / "inner.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><defs>{defs}</defs><use href="#l8"/></svg>')
    (report / "outer.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><image href="inner.svg" width="20" height="20"/></svg>')
    html = '<html lang="en"><body><img src="outer.svg" alt="x"></body></html>'
    _, problems = lay_out(HtmlDocument(html, (), report))
    assert [(Path(p.file).name, p.is_error) for p in problems] == [("inner.svg", True)]
    assert "<use>" in problems[0].message
