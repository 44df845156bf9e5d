"""The section around an edit, cut from one long Markdown file so that it builds on its own."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressroom.markdown import check_markdown
from pressroom.markdown_sections import MAX_BLOCKS, section_around
from pressroom.model import SourceFile

TEXT = """\
## One

First section, calling a note[^a].

[^b]: Written here, called only in section two.

## Two

Second section, calling b[^b] and c[^c].

Edited line here.

## Three

Third section[^c].

[^a]: Note a.

[^c]: Note c,
    over two lines.
"""


def _file(text: str = TEXT) -> SourceFile:
    return SourceFile(Path("report.md"), text, first_line=3)


def test_the_section_holds_the_edit_and_the_notes_it_calls_and_no_others() -> None:
    section = section_around(_file(), "Edited line here.")
    assert section is not None
    assert section.text.startswith("## Two") and "## Three" not in section.text and "## One" not in section.text
    assert "[^b]: Written here" in section.text and "[^c]: Note c,\n    over two lines." in section.text
    assert "[^a]:" not in section.text
    assert section.first_line == 3 + TEXT.split("\n").index("## Two")
    assert check_markdown((section,), Path(".")) == [], "no uncalled or unwritten note"


def test_a_note_written_in_the_section_but_called_elsewhere_is_left_out() -> None:
    section = section_around(_file(), "First section, calling a note[^a].")
    assert section is not None
    assert "[^b]:" not in section.text and "[^a]: Note a." in section.text
    assert check_markdown((section,), Path(".")) == []


def test_nothing_to_gain_when_the_section_is_the_whole_file_or_the_line_is_not_there() -> None:
    assert section_around(_file("Just one paragraph.\n\nAnd another.\n"), "And another.") is None
    assert section_around(_file(), "A line nobody wrote.") is None
    assert section_around(_file(), "") is None


def test_a_long_section_is_narrowed_to_the_blocks_around_the_edit() -> None:
    paragraphs = [f"Paragraph {n}." for n in range(3 * MAX_BLOCKS)]
    section = section_around(_file("\n\n".join(paragraphs)), "Paragraph 100.")
    assert section is not None
    kept = section.text.split("\n\n")
    assert "Paragraph 100." in kept and len(kept) == MAX_BLOCKS


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.integers(min_value=0, max_value=5), st.integers(min_value=0, max_value=5)),
        min_size=2,
        max_size=30,
    ),
    st.data(),
)
def test_any_section_of_a_file_without_note_problems_has_none(shape, data) -> None:
    """Headings, paragraphs calling notes, and each note written once at a random place: every
    section cut from such a file checks clean."""
    blocks, called = [], []
    for number, (heading, note, _) in enumerate(shape):
        if heading:
            blocks.append(f"## Heading {number}")
        blocks.append(f"Paragraph {number}[^n{note}].")
        called.append(note)
    for note in sorted(set(called)):
        blocks.insert(data.draw(st.integers(min_value=0, max_value=len(blocks))), f"[^n{note}]: Note {note}.")
    text = "\n\n".join(blocks) + "\n"
    assert check_markdown((_file(text),), Path(".")) == []
    line = data.draw(st.sampled_from([b for b in blocks if b.startswith("Paragraph")]))
    section = section_around(_file(text), line)
    if section is not None:
        assert line in section.text.split("\n")
        assert check_markdown((section,), Path(".")) == []


def test_lines_keep_their_numbers_in_the_section() -> None:
    section = section_around(_file(), "Edited line here.")
    assert section is not None
    original = TEXT.split("\n")
    for offset, line in enumerate(section.text.split("\n")[:5]):
        assert line == original[section.first_line - 3 + offset]
