"""fn_lastline_auto.html: an emptied footnote area still reserves its margin."""

from pressroom.engine import footnote_area_empty

from .conftest import pages_with, render_pages, repro

HTML = repro("fn_lastline_auto.html")


def test_unpatched_whole_paragraph_pushed():
    pages = render_pages(HTML)
    assert len(pages) == 3
    assert pages_with(pages, "second para line 1\n") == [2]  # page 1 keeps 5 lines
    assert pages_with(pages, "THE-NOTE") == [2]


def test_patched_lines_stay_note_follows():
    pages = render_pages(HTML, patched=True)
    assert len(pages) == 2
    # footnote-policy: auto lets the note follow its call on the next page.
    assert pages_with(pages, "second para line 8 CALL") == [1]
    assert pages_with(pages, "second para line 9") == [2]
    assert pages_with(pages, "THE-NOTE") == [2]


def test_empty_area_patch_alone_fixes_it():
    pages = render_pages(HTML, patched=[footnote_area_empty])
    assert pages_with(pages, "second para line 8 CALL") == [1]
    assert pages_with(pages, "THE-NOTE") == [2]
