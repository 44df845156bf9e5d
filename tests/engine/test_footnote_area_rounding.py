"""fn_cascade_repro.html: one note per page because of a ~2e-13 px overflow."""

from pressroom.engine import footnote_area_rounding

from .conftest import pages_with, render_pages, repro

HTML = repro("fn_cascade_repro.html")
NOTES = {"One": "NOTE-1", "Two": "NOTE-2", "Three": "NOTE-3"}


def test_unpatched_cascade_reproduces():
    pages = render_pages(HTML)
    assert len(pages) == 4
    assert [pages_with(pages, note) for note in NOTES.values()] == [[2], [3], [4]]


def test_patched_one_page_all_notes_with_calls():
    pages = render_pages(HTML, patched=True)
    assert len(pages) == 1
    for call, note in NOTES.items():
        assert pages_with(pages, note) == [1]
        assert pages_with(pages, call) == [1]


def test_rounding_patch_alone_fixes_it():
    assert len(render_pages(HTML, patched=[footnote_area_rounding])) == 1
