"""line_breaks.html: words in capitals hyphenated; a paragraph ending on a word alone."""

import re

from pressroom.engine import line_breaks_house

from .conftest import render_pages, repro

HTML = repro("line_breaks.html")
HYPHEN = "\u2010"


def broken_words(page: str) -> list[str]:
    """Every word hyphenated at a line end, whole and without its hyphen: 'EURO‐' + 'POL'."""
    return [a + b for a, b in re.findall(rf"(\w+){HYPHEN}\s*\n\s*(\w+)", page)]


def last_line(page: str) -> list[str]:
    """The words of the last paragraph's last line."""
    return page.strip().splitlines()[-1].split()


def test_unpatched_engine_hyphenates_capitals_and_leaves_a_word_alone():
    (page,) = render_pages(HTML)
    assert {"EUROPOL", "Europol"} <= set(broken_words(page))
    assert last_line(page) == ["occurs."]


def test_patched_engine_keeps_capitals_whole_and_gives_the_last_word_company():
    (page,) = render_pages(HTML, patched=[line_breaks_house])
    assert [word for word in broken_words(page) if line_breaks_house.in_capitals(word)] == []
    assert "investigating" in broken_words(page)  # common words still hyphenate
    assert last_line(page) == ["dren", "occurs."]
