"""page_styles_scan_every_element: a page's margin-box styles are found from the page rules,
not by walking every element's and every earlier page's styles (time growing with pages x pages)."""

from __future__ import annotations

import io

import pypdf
import pytest
import weasyprint
from weasyprint.css import StyleFor

from pressroom.engine import page_styles_scan_every_element, patched_engine

RUNNING_HEADS = """
@page { size: A6; @top-center { content: "Head " counter(page) } @bottom-right { content: counter(page) } }
@page :left { @top-left { content: "Left" } }
@page :first { @top-center { content: none } }
"""


def _document(pages: int) -> weasyprint.HTML:
    paragraphs = "".join(
        f"<p>Paragraph {n}.</p>" + ('<p style="break-after: page">End of page.</p>' if n % 6 == 5 else "")
        for n in range(pages * 6)
    )
    return weasyprint.HTML(string=f"<html lang='en'><style>{RUNNING_HEADS}</style><body>{paragraphs}</body></html>")


@pytest.fixture
def styles_walked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time a page walks the document's cascaded styles, how many there were."""
    walked: list[int] = []
    original = StyleFor.get_cascaded_styles

    class Counted(dict):
        def __iter__(self):
            walked.append(len(self))
            return super().__iter__()

    def counted(style_for: StyleFor) -> dict:
        return Counted(original(style_for))

    monkeypatch.setattr(StyleFor, "get_cascaded_styles", counted)
    return walked


@pytest.mark.parametrize("pages", [5, 40])
def test_unpatched_each_page_walks_the_styles_of_every_element_and_earlier_page(styles_walked: list[int], pages: int) -> None:
    _document(pages).render()
    assert len(styles_walked) >= pages and styles_walked[-1] > 10 * pages


@pytest.mark.parametrize("pages", [5, 40])
def test_patched_no_page_walks_them_and_the_pages_are_the_same(styles_walked: list[int], pages: int) -> None:
    document = _document(pages)
    unpatched = document.write_pdf(uncompressed_pdf=True)
    styles_walked.clear()
    with patched_engine([page_styles_scan_every_element]):
        patched = document.write_pdf(uncompressed_pdf=True)
    assert styles_walked == []
    assert patched == unpatched
    texts = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(patched)).pages]
    assert "Head" not in texts[0] and all(f"Head {n}" in text for n, text in enumerate(texts[1:], start=2))
    assert all(("Left" in text) == (n % 2 == 0) for n, text in enumerate(texts, start=1))
