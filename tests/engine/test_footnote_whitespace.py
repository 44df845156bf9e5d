"""fn_whitespace.html: a note's source line breaks, runs of spaces and inter-block whitespace."""

from pressroom.engine import footnote_whitespace

from .conftest import render_pages, repro

HTML = repro("fn_whitespace.html")


def note_text(page: str) -> str:
    return page[page.index("NOTE-ONE"):].rstrip("\n")


def test_unpatched_note_keeps_source_lines_spaces_and_blank_lines():
    (page,) = render_pages(HTML)
    assert note_text(page) == "NOTE-ONE first\nNOTE-ONE second    spaced\n    NOTE-ONE third\n\nNOTE-TWO block"


def test_patched_note_lines_flow_like_body_text():
    (page,) = render_pages(HTML, patched=[footnote_whitespace])
    assert note_text(page) == "NOTE-ONE first NOTE-ONE second spaced NOTE-ONE third\nNOTE-TWO block"


def test_all_patches_keep_it():
    (page,) = render_pages(HTML, patched=True)
    assert note_text(page) == "NOTE-ONE first NOTE-ONE second spaced NOTE-ONE third\nNOTE-TWO block"
