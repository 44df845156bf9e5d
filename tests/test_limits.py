"""Limits bound the time and memory of any input, each a message at its place; what stays
inside them grows linearly (1x against 4x, compared loosely)."""

from __future__ import annotations

from pathlib import Path

from pressroom import messages
from pressroom.limits import MAX_NOTES, MAX_REPORT_CHARACTERS, MAX_TABLE_COLUMNS
from pressroom.load import load_source
from pressroom.markdown import render_markdown
from report_folders import write_report


def test_a_report_too_long_stops_at_the_file_that_makes_it_so(tmp_path: Path):
    half = "word " * (MAX_REPORT_CHARACTERS // 10 * 2 // 2 + 1)
    folder = write_report(tmp_path / "r", {"a.md": half, "b.md": half, "c.md": "End.\n"})
    source, problems = load_source(folder)
    assert source is None and [(Path(p.file).name, p.line) for p in problems] == [("b.md", 1)]
    assert problems[0].message == messages.REPORT_TOO_LONG.format(limit=MAX_REPORT_CHARACTERS)


def test_a_file_of_gigabytes_is_not_read(tmp_path: Path):
    folder = write_report(tmp_path / "r", "x")
    with (folder / "text.md").open("wb") as sparse:
        sparse.truncate(2**30)  # sparse: no disk used, but reading it would take a gigabyte
    _, problems = load_source(folder)
    assert [p.message for p in problems] == [messages.REPORT_TOO_LONG.format(limit=MAX_REPORT_CHARACTERS)]


def test_a_table_too_wide_is_named_at_its_line(make_report):
    columns = MAX_TABLE_COLUMNS + 1
    table = "|" + "|".join(f"c{n}" for n in range(columns)) + "|\n|" + "---|" * columns + "\n"
    _, problems = render_markdown(make_report("Intro.\n\n" + table))
    assert [(p.line, p.message) for p in problems] == [(3, messages.TABLE_TOO_WIDE.format(limit=MAX_TABLE_COLUMNS))]


def test_too_many_notes_is_named_at_the_first_note_over(make_report):
    calls = "".join(f"Text^[n{n}]. " for n in range(MAX_NOTES + 2))
    _, problems = render_markdown(make_report("Intro.\n\n" + calls + "\n"))
    assert [(p.line, p.message) for p in problems] == [(3, messages.TOO_MANY_NOTES.format(limit=MAX_NOTES))]


def test_notes_and_text_grow_linearly(make_report, tmp_path: Path):
    from growth import grows_linearly

    def work_for(count: int):
        text = "".join(f"Paragraph {n} with a note[^n{n}].\n\n[^n{n}]: Note {n}.\n\n" for n in range(count))
        report = make_report({f"t{count}.md": text})
        return lambda: render_markdown(report)

    assert grows_linearly(work_for, 1000)
