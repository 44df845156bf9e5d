"""Generated 100+ page documents, 300+ notes each, footnote-policy: line, 4 type sizes."""

import time

import pytest

from .conftest import layout_defects, pdf_pages, render_pages, render_pdf
from .stress import VARIANTS, check_placement, make_document


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_every_note_on_its_call_page(variant):
    document = make_document(variant)
    notes = document.notes
    start = time.perf_counter()
    pdf = render_pdf(document.html, patched=True)
    elapsed = time.perf_counter() - start
    pages = pdf_pages(pdf)
    placement = check_placement(pages, document)
    print(f"{variant.name}: {len(pages)} pages, {notes} notes, "
          f"{placement.ratio_on_call_page:.1%} on call page, "
          f"{len(placement.continued)} continued, {elapsed:.1f} s")
    assert len(pages) >= 100
    assert notes >= 300
    assert placement.misplaced == {}
    assert placement.ratio_on_call_page == 1.0
    assert layout_defects(pdf) == []  # no text over text, none off the page


def test_unpatched_engine_misplaces_notes():
    """The stress document does catch WeasyPrint 70's bugs."""
    document = make_document(VARIANTS[-1])
    placement = check_placement(render_pages(document.html), document)
    assert len(placement.misplaced) > 0


def test_auto_policy_loses_no_note():
    """footnote-policy: auto may put a note after its call's page, never drop it."""
    document = make_document(VARIANTS[1])
    html = document.html.replace("footnote-policy: line", "footnote-policy: auto")
    pdf = render_pdf(html, patched=True)
    pages = pdf_pages(pdf)
    placement = check_placement(pages, document)
    for refs, starts, ends in placement.misplaced.values():
        assert len(refs) == len(starts) == len(ends) == 1
        assert starts[0] >= refs[0]  # later, never earlier
    assert len(placement.misplaced) < document.notes // 4
    assert layout_defects(pdf) == []
