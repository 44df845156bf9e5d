"""Generated 100+ page documents, 361 notes each, footnote-policy: line, 4 type sizes."""

import time

import pytest

from .conftest import render_pages
from .stress import VARIANTS, check_placement, make_document


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_every_note_on_its_call_page(variant):
    html, notes = make_document(variant)
    start = time.perf_counter()
    pages = render_pages(html, patched=True)
    elapsed = time.perf_counter() - start
    placement = check_placement(pages, notes)
    print(f"{variant.name}: {len(pages)} pages, {notes} notes, "
          f"{placement.ratio_on_call_page:.1%} on call page, "
          f"{len(placement.continued)} continued, {elapsed:.1f} s")
    assert len(pages) >= 100
    assert notes >= 300
    assert placement.misplaced == {}
    assert placement.ratio_on_call_page == 1.0


def test_unpatched_engine_misplaces_notes():
    """The stress document does catch WeasyPrint 70's bugs."""
    html, notes = make_document(VARIANTS[-1])
    placement = check_placement(render_pages(html), notes)
    assert len(placement.misplaced) > 0
