"""footnote-policy: line ignored when notes are moved away for an orphans line."""

from .conftest import pages_with, render_pages, repro, with_policy

LOST_LINE = with_policy(repro("fn_lost_repro.html"), "line")
LASTLINE_LINE = with_policy(repro("fn_lastline_auto.html"), "line")


def test_unpatched_note_leaves_its_call_page():
    pages = render_pages(LOST_LINE)
    assert pages_with(pages, "Alpha call1") == [1]
    assert pages_with(pages, "FOOTNOTE-A") == [2]  # away from its call
    assert pages_with(pages, "FOOTNOTE-B") == []


def test_patched_notes_stay_with_their_calls():
    pages = render_pages(LOST_LINE, patched=True)
    assert len(pages) == 2
    assert pages_with(pages, "Alpha call1") == pages_with(pages, "FOOTNOTE-A") == [1]
    # Orphans: the paragraph moves, with its note.
    assert pages_with(pages, "line one of para two") == [2]
    assert pages_with(pages, "callB2") == pages_with(pages, "FOOTNOTE-B") == [2]


def test_patched_call_on_last_line_moves_with_its_note():
    pages = render_pages(LASTLINE_LINE, patched=True)
    assert len(pages) == 2
    assert pages_with(pages, "second para line 7") == [1]  # earlier lines stay
    assert pages_with(pages, "second para line 8 CALL1") == [2]
    assert pages_with(pages, "THE-NOTE") == [2]
