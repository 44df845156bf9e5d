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


def test_a_box_without_a_note_does_not_scan_the_notes_still_to_place():
    """`None in context.footnotes` compared None with every waiting note, for every box of
    every line: layout time grew with pages x notes."""
    from types import SimpleNamespace

    from pressroom.engine.footnote_policy_line import waiting

    compared = []

    class Note:
        def __eq__(self, other):
            compared.append(other)
            return self is other

    notes = [Note() for _ in range(50)]
    context = SimpleNamespace(footnotes=notes)
    assert not waiting(context, None) and compared == []
    assert waiting(context, notes[3])
