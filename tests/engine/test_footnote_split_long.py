"""fn_long.html: a note taller than the page is drawn off-page instead of continued."""

import re

from .conftest import layout_defects, pages_with, pdf_pages, render_pdf, repro

HTML = repro("fn_long.html")
WORDS = [f"LONGWORD{i:03d}" for i in range(700)]


def _words_by_page(pages: list[str]) -> list[tuple[int, str]]:
    return [(number, word) for number, page in enumerate(pages, 1)
            for word in re.findall(r"LONGWORD\d{3}", page)]


def test_unpatched_note_drawn_off_page():
    pdf = render_pdf(HTML)
    pages = pdf_pages(pdf)
    assert len(pages) == 9
    assert any("off the page" in defect for defect in layout_defects(pdf))
    assert len(_words_by_page(pages)) < len(WORDS)  # most words are invisible


def test_patched_note_continues_on_next_pages():
    pdf = render_pdf(HTML, patched=True)
    pages = pdf_pages(pdf)
    assert layout_defects(pdf) == []
    assert len(pages) == 8
    # Starts on its call's page, right below the call, then continues in order.
    assert pages_with(pages, "Call of a very long footnote1") == [1]
    assert pages_with(pages, "LONGSTART") == [1]
    found = _words_by_page(pages)
    assert [word for _, word in found] == WORDS  # every word once, in order
    note_pages = [number for number, _ in found]
    assert note_pages == sorted(note_pages)
    assert set(note_pages) == set(range(1, len(pages) + 1))  # on every page
    assert pages_with(pages, "LONGEND") == [len(pages)]
    # Body text goes on meanwhile, and the later short note keeps its call's page.
    assert all("Body filler text." in page for page in pages[1:-1])
    assert pages_with(pages, "Second call2") == pages_with(pages, "SHORT-NOTE-2") == [8]
