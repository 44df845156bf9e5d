"""Stage 2: the settings checked against the model, every mistake named with its fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom import messages
from pressroom.load import load_source
from pressroom.validate import validate

GOOD = {
    "title": "A report",
    "organisation": "ecpat-international",
    "date": "2017-01-31",
    "files": ["text.md"],
}


def _validate(tmp_path: Path, settings: str, text: str = "Hello.\n") -> tuple[object, list[tuple[int, int, str]]]:
    (tmp_path / "report.yaml").write_text(settings)
    (tmp_path / "text.md").write_text(text)
    source, problems = load_source(tmp_path)
    assert source is not None and problems == []
    report, problems = validate(source)
    # Sorted as the user sees them: report.yaml before text.md, then by line.
    return report, [(p.line, p.column, p.message) for p in sorted(problems)]


def _yaml(**changes: object) -> str:
    settings = {**GOOD, **changes}
    lines = []
    for key, value in settings.items():
        if value is None:
            continue
        if isinstance(value, list):
            lines.append(f"{key}:\n" + "".join(f"  - {item}\n" for item in value))
        else:
            lines.append(f"{key}: {value}\n")
    return "".join(lines)


def test_good_settings_give_a_report(tmp_path: Path) -> None:
    report, problems = _validate(tmp_path, _yaml(kind="Briefing paper", page_size="Letter"))
    assert problems == []
    assert report.settings.page_size == "Letter" and report.organisation.name == "ECPAT International"


def test_unknown_key_suggests_the_nearest_setting(tmp_path: Path) -> None:
    report, problems = _validate(tmp_path, _yaml() + "subtitel: More\n")
    hint = messages.UNKNOWN_KEY_HINT.format(suggestion="subtitle")
    assert report is None and problems == [(6, 1, messages.UNKNOWN_KEY.format(key="subtitel", hint=hint))]


def test_unknown_key_with_nothing_close_gets_no_guess(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml() + "colour: red\n")
    assert problems == [(6, 1, messages.UNKNOWN_KEY.format(key="colour", hint=""))]


def test_missing_required_keys_each_named(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(title=None, date=None))
    assert problems == [(1, 1, messages.MISSING_KEY.format(key="date")), (1, 1, messages.MISSING_KEY.format(key="title"))]


def test_wrong_choice_lists_the_allowed_values(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(page_size="A5"))
    assert problems == [(6, 1, messages.BAD_CHOICE.format(key="page_size", value="A5", choices="A4, Letter"))]


@pytest.mark.parametrize("date", ["2017-13-45", "31/01/2017", "January 2017"])
def test_bad_date(tmp_path: Path, date: str) -> None:
    _, problems = _validate(tmp_path, _yaml(date=date))
    assert problems == [(3, 1, messages.BAD_DATE.format(key="date", value=date))]


def test_wrong_type_says_how_to_write_it(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(files="text.md"))
    assert problems == [(4, 1, messages.BAD_TYPE.format(key="files", value="text.md", fix=messages.TYPE_FIXES["list"]))]


def test_wrong_type_in_a_list_item_points_at_the_item(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(keywords=["children", "[1, 2]"]))
    fix = messages.TYPE_FIXES["string"]
    assert problems == [(8, 5, messages.BAD_TYPE.format(key="keywords.1", value="[1, 2]", fix=fix))]


def test_empty_value(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(title=""))
    assert problems == [(1, 1, messages.EMPTY_VALUE.format(key="title"))]


def test_bad_language(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(language="English"))
    assert problems == [(6, 1, messages.BAD_LANGUAGE.format(value="English"))]


def test_unknown_organisation_and_style_list_the_choices(tmp_path: Path) -> None:
    report, problems = _validate(tmp_path, _yaml(organisation="ecpat", style="../styles/report"))
    assert report is None
    assert problems == [
        (2, 1, messages.UNKNOWN_ORGANISATION.format(name="ecpat", choices="ecpat-international")),
        (6, 1, messages.UNKNOWN_STYLE.format(name="../styles/report", choices="long-report, report")),
    ]


def test_no_files_and_empty_report(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml(files=None))
    assert problems == [(1, 1, messages.NO_FILES)]
    _, problems = _validate(tmp_path, _yaml(), text="\n  \n")
    assert problems == [(1, 1, messages.EMPTY_REPORT)]


def test_markdown_is_checked_even_when_the_settings_are_wrong(tmp_path: Path) -> None:
    report, problems = _validate(tmp_path, _yaml(page_size="A5"), text="Text.[^gone]\n")
    assert report is None
    assert problems == [
        (6, 1, messages.BAD_CHOICE.format(key="page_size", value="A5", choices="A4, Letter")),
        (1, 6, messages.NOTE_UNDEFINED.format(label="gone")),
    ]


def test_a_section_names_its_keys_and_suggests_within_itself(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml() + "print:\n  bindng: none\n  bleed_mm: 9\n")
    hint = messages.UNKNOWN_KEY_HINT.format(suggestion="binding")
    assert problems == [
        (7, 3, messages.UNKNOWN_KEY.format(key="print.bindng", hint=hint)),
        (8, 3, messages.OUT_OF_RANGE.format(key="print.bleed_mm", value=9, limit="of at most 3.5")),
    ]


def test_a_section_written_as_a_value_says_how_to_write_a_section(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml() + "print: yes\n")
    assert problems == [(6, 1, messages.BAD_TYPE.format(key="print", value="true", fix=messages.TYPE_FIXES["model"]))]


def test_a_key_that_is_a_number(tmp_path: Path) -> None:
    _, problems = _validate(tmp_path, _yaml() + "2017: report\n")
    assert problems == [(6, 1, messages.KEY_NOT_TEXT.format(key="2017"))]


@pytest.mark.parametrize(("key", "instead"), [("layout", "'style'"), ("tags", "'keywords'"), ("description", "'subject'"), ("author", "'organisation: ...'")])
def test_a_key_written_for_jekyll_hugo_or_pandoc_says_what_pressroom_uses_instead(tmp_path: Path, key: str, instead: str) -> None:
    settings = "title: A report\norganisation: ecpat-international\ndate: 2017-01-31\nfiles: [text.md]\n" + f"{key}: x\n"
    report, problems = _validate(tmp_path, settings)
    assert report is None
    ((line, column, message),) = problems
    assert (line, column) == (5, 1)
    assert message.startswith(f"'{key}' is a setting of ") and instead in message and message.endswith(f"Remove the line '{key}: ...'.")


def test_an_unknown_key_that_no_other_tool_uses_keeps_the_spelling_hint(tmp_path: Path) -> None:
    settings = "title: A report\norganisation: ecpat-international\ndate: 2017-01-31\nfiles: [text.md]\ntitel: x\n"
    _, problems = _validate(tmp_path, settings)
    assert problems[0][2] == messages.UNKNOWN_KEY.format(key="titel", hint=messages.UNKNOWN_KEY_HINT.format(suggestion="title"))


def test_a_nul_in_the_cover_name_is_a_missing_file_not_a_crash(tmp_path: Path) -> None:
    report, problems = _validate(tmp_path, _yaml(cover='"co\\0ver.pdf"'))
    assert report is None and problems == [(6, 1, messages.FILE_MISSING.format(name="co\\0ver.pdf"))]


def test_too_many_keywords_is_a_message_not_minutes_of_layout(tmp_path: Path) -> None:
    keywords = "[" + ", ".join(f"k{n}" for n in range(101)) + "]"
    report, problems = _validate(tmp_path, _yaml(keywords=keywords))
    assert report is None and problems == [(6, 1, messages.TOO_MANY_ITEMS.format(key="keywords", count=101, limit=100))]
