"""fonts.py: the scripts of the text, the style's font for each, and one message per missing font."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom import fonts
from pressroom.fonts import Passage, declared_fonts, font_package, plan_fonts, scripts_in
from pressroom.language import language_of
from pressroom.load import load_source
from pressroom.resources import styles_dir
from pressroom.validate import validate

STYLE = (styles_dir() / "_base.css", styles_dir() / "report.css")


def test_each_script_is_found_once_at_its_first_place():
    text = "Intro (ICT)\nภาษาไทย and สำคัญ\nالعربية"
    found = scripts_in([Passage(Path("a.md"), text, line=3)], language_of("th"))
    assert {script: (p.line, p.column, p.character) for script, p in found.items()} == {
        "Latn": (3, 1, "I"), "Thai": (4, 1, "ภ"), "Arab": (5, 1, "ا"),
    }


@pytest.mark.parametrize(("tag", "text", "script"), [
    ("zh-CN", "引言", "Hans"), ("zh-TW", "引言", "Hant"), ("ja", "引言です", "Jpan"), ("ko", "서론", "Kore"), ("ur", "تعارف", "Aran"),
])
def test_han_and_arabic_take_the_variant_the_language_writes(tag, text, script):
    assert set(scripts_in([Passage(Path("a.md"), text)], language_of(tag))) == {script}


def test_the_language_s_own_font_comes_first_and_others_follow():
    scripts = scripts_in([Passage(Path("a.md"), "ภาษาไทย ICT सूचना")], language_of("th"))
    plan, problems = plan_fonts(scripts, language_of("th"), declared_fonts(STYLE), "report")
    assert problems == []
    symbols = ("Noto Sans Math", "Noto Sans Symbols2")  # last in every stack
    assert plan.stacks["serif"] == ("Noto Serif Thai", "Charis SIL", "Noto Serif Devanagari", *symbols)
    assert plan.stacks["sans"] == ("Noto Sans Thai", "Noto Sans", "Noto Sans Devanagari", *symbols)
    assert plan.stacks["mono"][0] == "Noto Sans Mono"
    assert '--serif: "Noto Serif Thai", "Charis SIL", "Noto Serif Devanagari", "Noto Sans Math", "Noto Sans Symbols2";' in plan.css()


def test_a_missing_font_is_one_message_with_script_place_and_package(monkeypatch):
    monkeypatch.setattr(fonts, "font_installed", lambda family: "CJK" not in family)
    text = "引言\n信息和通信技术，每一个字。"
    scripts = scripts_in([Passage(Path("report.md"), text, line=2)], language_of("zh-CN"))
    _, problems = plan_fonts(scripts, language_of("zh-CN"), declared_fonts(STYLE), "report")
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line, problem.column) == ("report.md", 2, 1)
    assert "Simplified Han" in problem.message and "'引'" in problem.message
    assert "apt-get install fonts-noto-cjk" in problem.message


def test_a_script_the_style_has_no_font_for_is_named(tmp_path):
    style = tmp_path / "plain.css"
    style.write_text(':root { --serif: "Charis SIL"; --sans: "Noto Sans"; }')
    scripts = scripts_in([Passage(Path("report.md"), "ภาษาไทย")], language_of("th"))
    _, problems = plan_fonts(scripts, language_of("th"), declared_fonts([style]), "plain")
    assert [p.message.split(" (")[0] for p in problems] == ["The text uses the Thai script"]
    assert "names no font for it" in problems[0].message


def test_validation_stops_a_report_whose_font_is_missing(make_report, tmp_path, monkeypatch):
    from report_folders import write_report

    monkeypatch.setattr(fonts, "font_installed", lambda family: "Thai" not in family)
    folder = write_report(tmp_path / "th", "## บทนำ\n\nสำคัญ\n", language="th")
    report, problems = validate(load_source(folder)[0])
    assert report is None
    assert [(Path(p.file).name, p.line) for p in problems] == [("text.md", 1)]
    assert "fonts-noto-core" in problems[0].message


@pytest.mark.parametrize(("family", "package"), [
    ("Charis SIL", "fonts-sil-charis"), ("Noto Serif CJK TC", "fonts-noto-cjk"), ("Noto Naskh Arabic", "fonts-noto-core"),
])
def test_font_packages(family, package):
    assert font_package(family) == package
