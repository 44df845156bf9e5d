"""fn_lost_repro.html: the note of an overflowing orphans line is never laid out."""

import pytest

from pressroom.engine import footnote_lost_on_orphans

from .conftest import pages_with, render_pages, repro, with_policy

HTML = repro("fn_lost_repro.html")


def test_unpatched_note_is_lost():
    pages = render_pages(HTML)
    assert pages_with(pages, "callB2") == [1]  # the call is printed...
    assert pages_with(pages, "FOOTNOTE-B") == []  # ...its note never is
    assert pages_with(pages, "FOOTNOTE-A") == [2]


def test_lost_patch_alone_keeps_the_note():
    pages = render_pages(HTML, patched=[footnote_lost_on_orphans])
    assert pages_with(pages, "callB2") == [1]
    # Reported after FOOTNOTE-A, on the next page (footnote-policy: auto).
    assert pages_with(pages, "FOOTNOTE-A") == [2]
    assert pages_with(pages, "FOOTNOTE-B") == [2]


@pytest.mark.parametrize("policy", ["auto", "line"])
def test_patched_every_note_once(policy):
    pages = render_pages(with_policy(HTML, policy), patched=True)
    assert len(pages) == 2
    for note in ("FOOTNOTE-A", "FOOTNOTE-B"):
        assert len(pages_with(pages, note)) == 1
    if policy == "line":
        assert pages_with(pages, "Alpha call1") == pages_with(pages, "FOOTNOTE-A") == [1]
        assert pages_with(pages, "callB2") == pages_with(pages, "FOOTNOTE-B") == [2]
