"""Stage 1: reading files, with every problem placed at its file, line and column."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pressroom import messages
from pressroom.load import MAX_YAML_DEPTH, MAX_YAML_VALUES, load_source, parse_yaml, read_text

SETTINGS = "title: A report\norganisation: ecpat-international\ndate: 2017-01-31\nfiles:\n  - text.md\n"


@pytest.mark.parametrize(
    ("text", "line", "column", "starts"),
    [
        ('title: "Unclosed\nkind: x\n', 1, 8, "found unexpected end of stream"),
        ("title: a: b\n", 1, 9, "mapping values are not allowed here"),
        ("title: x\n\tkind: y\n", 2, 1, "found character '\\t'"),
        ("files:\n  - a\n - b\n", 3, 2, "expected <block end>"),
        ("title: x\nkind\n", 2, 1, "could not find expected ':'"),
        ("keywords: [a, b\n", 1, 11, "expected ',' or ']'"),
    ],
)
def test_yaml_syntax_errors_in_plain_words_where_the_fix_goes(text: str, line: int, column: int, starts: str) -> None:
    data, positions, problems = parse_yaml(text, Path("report.yaml"))
    assert data is None and positions == {}
    assert [(p.line, p.column, p.message) for p in problems] == [(line, column, messages.YAML_PROBLEMS[starts])]


def test_unknown_yaml_complaint_is_still_reported_with_pyyaml_words() -> None:
    _, _, problems = parse_yaml("title: &a x\nkind: *b\n", Path("report.yaml"))
    assert problems[0].message == messages.YAML_SYNTAX.format(detail="found undefined alias 'b'")
    assert (problems[0].line, problems[0].column) == (2, 7)


def test_yaml_that_is_not_a_mapping() -> None:
    _, _, problems = parse_yaml("- a\n- b\n", Path("report.yaml"))
    assert [p.message for p in problems] == [messages.YAML_NOT_MAPPING]


def test_key_and_list_item_positions_count_from_the_first_line() -> None:
    data, positions, problems = parse_yaml("title: x\nfiles:\n    - a.md\n    - b.md\n", Path("notes.md"), first_line=2)
    assert problems == []
    assert positions == {"title": (2, 1), "files": (3, 1), "files.0": (4, 7), "files.1": (5, 7)}  # list items: where the value starts


def test_dates_stay_text_so_an_impossible_date_is_a_message_not_a_crash() -> None:
    data, _, problems = parse_yaml("date: 2017-13-45\n", Path("report.yaml"))
    assert data == {"date": "2017-13-45"} and problems == []


def test_not_utf8_names_byte_offset_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "text.md"
    path.write_bytes("First line.\n\nCafé".encode("utf-8") + b" \xe9t\xe9.\n")
    text, problems = read_text(path)
    assert text is None
    offset = len("First line.\n\nCafé ".encode("utf-8"))
    assert [(p.line, p.column, p.message) for p in problems] == [(3, 7, messages.NOT_UTF8.format(offset=offset))]


def test_byte_order_mark_and_windows_line_ends_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "text.md"
    path.write_bytes(b"\xef\xbb\xbfOne\r\nTwo\r\n")
    assert read_text(path) == ("One\nTwo\n", [])


def test_folder_loads_every_file_and_reports_each_missing_one(tmp_path: Path) -> None:
    (tmp_path / "report.yaml").write_text(SETTINGS + "  - gone.md\n")
    (tmp_path / "text.md").write_text("Hello.\n")
    source, problems = load_source(tmp_path)
    assert source is not None
    assert [f.path.name for f in source.files] == ["text.md"]
    assert [(Path(p.file).name, p.line, p.column, p.message) for p in problems] == [
        ("report.yaml", 6, 5, messages.FILE_MISSING.format(name="gone.md"))
    ]


def test_folder_without_report_yaml(tmp_path: Path) -> None:
    source, problems = load_source(tmp_path)
    assert source is None and [p.message for p in problems] == [messages.REPORT_YAML_MISSING]


def test_missing_source(tmp_path: Path) -> None:
    source, problems = load_source(tmp_path / "nowhere")
    assert source is None and [p.message for p in problems] == [messages.SOURCE_MISSING]


def test_single_markdown_file_keeps_its_own_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("---\ntitle: Notes\norganisation: ecpat-international\ndate: 2017-01-31\n---\nHello.\n")
    source, problems = load_source(path)
    assert problems == [] and source is not None
    assert source.key_lines["date"] == 4
    assert source.files[0].first_line == 6 and source.files[0].text == "Hello.\n"


@pytest.mark.parametrize("text", ["Hello.\n", "---\ntitle: Notes\nHello.\n"])
def test_single_markdown_file_without_front_matter(tmp_path: Path, text: str) -> None:
    path = tmp_path / "notes.md"
    path.write_text(text)
    source, problems = load_source(path)
    assert source is None and [(p.line, p.message) for p in problems] == [(1, messages.FRONT_MATTER_MISSING)]


def test_a_key_written_twice_is_reported_where_it_repeats() -> None:
    _, _, problems = parse_yaml("title: One\ndate: 2017-01-31\ntitle: Two\nprint:\n  marks: true\n  marks: false\n", Path("r.yaml"))
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, 1, messages.DUPLICATE_KEY.format(key="title", first=1)),
        (6, 3, messages.DUPLICATE_KEY.format(key="marks", first=5)),
    ]


def test_a_file_that_cannot_be_read_is_a_message(tmp_path: Path) -> None:
    text, problems = read_text(tmp_path)  # a folder where a file was expected
    assert text is None
    assert [p.message for p in problems] == [messages.FILE_UNREADABLE.format(reason="Is a directory")]


def test_a_pandoc_title_block_is_explained_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_text("% The title\n% A. Writer\n% 2017-01-31\n\nText.\n", encoding="utf-8")
    source, problems = load_source(path)
    assert source is None
    assert [(p.line, p.column) for p in problems] == [(1, 1), (2, 1), (3, 1)]
    assert "'title: The title'" in problems[0].message
    assert "organisation" in problems[1].message and "'date: YYYY-MM-DD'" in problems[2].message


def test_front_matter_or_a_title_block_in_a_folder_file_is_reported_but_a_thematic_break_is_not(tmp_path: Path) -> None:
    settings = "title: A report\norganisation: ecpat-international\ndate: 2017-01-31\nfiles: [a.md, b.md, c.md]\n"
    (tmp_path / "report.yaml").write_text(settings, encoding="utf-8")
    (tmp_path / "a.md").write_text("---\nlayout: post\ntitle: A\n---\n\nText.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("% Title\n\nText.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\n\nA rule, then text.\n\n---\n", encoding="utf-8")
    source, problems = load_source(tmp_path)
    assert source is not None and len(source.files) == 3
    assert [(Path(p.file).name, p.line, p.message) for p in problems] == [
        ("a.md", 1, messages.MARKDOWN_FRONT_MATTER.format(first=1, last=4)),
        ("b.md", 1, messages.MARKDOWN_TITLE_BLOCK),
    ]


def alias_bomb(levels: int) -> str:
    """Each level names the one before four times: 4**levels values from a few lines."""
    lines = ["print:", "  a0: &a0 {x: 1, y: 2}"]
    lines += [f"  a{n}: &a{n} {{p: *a{n-1}, q: *a{n-1}, r: *a{n-1}, s: *a{n-1}}}" for n in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_quickly_without_being_expanded() -> None:
    started = time.perf_counter()
    _, _, problems = parse_yaml(alias_bomb(12), Path("r.yaml"))
    assert time.perf_counter() - started < 5  # expanded, it takes minutes and gigabytes
    assert [p.message for p in problems] == [messages.YAML_TOO_MANY_VALUES.format(limit=MAX_YAML_VALUES)]


def test_aliases_are_walked_once_by_the_position_and_duplicate_checks() -> None:
    data, positions, problems = parse_yaml(alias_bomb(6), Path("r.yaml"))  # 4**6 values: allowed
    assert problems == [] and data is not None and len(positions) < 50


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_deep_nesting_is_a_message_at_its_place_not_a_recursion_error(opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    _, _, problems = parse_yaml("kind: x\ntitle: " + opening * 500 + "x" + closing * 500 + "\n", Path("r.yaml"))
    # The top-level mapping is one level: the bracket past the limit is the limit's last one.
    assert [(p.line, p.column) for p in problems] == [(2, 8 + len(opening) * (MAX_YAML_DEPTH - 1))]
    assert "nested" in problems[0].message


def test_a_control_character_in_yaml_is_named_at_its_place() -> None:
    _, _, problems = parse_yaml("title: x\nkind: a\x00b\n", Path("r.yaml"))
    assert [(p.line, p.column) for p in problems] == [(2, 8)]
    assert "U+0000" in problems[0].message


def test_old_mac_line_ends_count_as_lines(tmp_path: Path) -> None:
    """Markdown positions count "\\n" lines: a CR-only file was one long line (column 1 of line 1)."""
    path = tmp_path / "text.md"
    path.write_bytes(b"One.\rTwo.\r\r[^x] three.\r")
    text, _ = read_text(path)
    assert text == "One.\nTwo.\n\n[^x] three.\n"


def test_a_nul_in_a_file_name_is_a_missing_file_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "report.yaml").write_text(SETTINGS.replace("text.md", '"te\\0xt.md"'))
    _, problems = load_source(tmp_path)
    assert [(p.line, p.message) for p in problems] == [(5, messages.FILE_MISSING.format(name="te\\0xt.md"))]
