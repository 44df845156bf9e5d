"""page_references_quadratic: a tagged PDF builds the list of page references once per page
count, not once per structure element (time growing with pages x pages)."""

from __future__ import annotations

import pydyf
import pytest
import weasyprint

from pressroom.engine import page_references_quadratic, patched_engine


def _tagged_document(pages: int) -> weasyprint.HTML:
    paragraphs = "".join(
        f'<p id="p{n}">Paragraph {n}, see <a href="#p{(n + 7) % (pages * 6)}">another</a>.</p>'
        + ('<p style="break-after: page">End of page.</p>' if n % 6 == 5 else "")
        for n in range(pages * 6)
    )
    return weasyprint.HTML(string=f"<html lang='en'><body>{paragraphs}</body></html>")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each time pydyf's own page_references builds the tuple, its length."""
    built: list[int] = []
    original = pydyf.PDF.page_references

    def counting(pdf: pydyf.PDF) -> tuple[bytes, ...]:
        references = original.fget(pdf)
        built.append(len(references))
        return references

    monkeypatch.setattr(pydyf.PDF, "page_references", property(counting))
    return built


@pytest.mark.parametrize("pages", [5, 40])
def test_unpatched_the_references_are_built_for_every_element(counted: list[int], pages: int) -> None:
    _tagged_document(pages).write_pdf(pdf_variant="pdf/ua-1")
    assert len(counted) > 10 * pages


@pytest.mark.parametrize("pages", [5, 40])
def test_patched_they_are_built_once_per_page_count_and_the_file_is_the_same(counted: list[int], pages: int) -> None:
    document = _tagged_document(pages)
    unpatched = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
    counted.clear()
    with patched_engine([page_references_quadratic]):
        patched = document.write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=True)
    assert len(set(counted)) == len(counted) <= pages + 1
    assert patched.count(b"/Pg ") == unpatched.count(b"/Pg ") > 10 * pages
