"""language.py: direction, writing system, dates and page furniture from CLDR."""

from __future__ import annotations

import datetime
import re

import pytest

from pressroom.language import language_of


@pytest.mark.parametrize("tag", ["ar", "fa", "ur", "he", "ps", "sd", "ug", "yi"])
def test_right_to_left_languages(tag):
    assert language_of(tag).direction == "rtl"


@pytest.mark.parametrize("tag", ["en-GB", "fr", "th", "zh-CN", "hi"])
def test_left_to_right_languages(tag):
    assert language_of(tag).direction == "ltr"


def test_the_direction_setting_overrides_the_language():
    assert language_of("ar", "ltr").direction == "ltr"


@pytest.mark.parametrize(("tag", "expected"), [
    ("en-GB", "January 2017"), ("fr", "janvier 2017"), ("th", "มกราคม 2017"), ("zh-CN", "2017年1月"), ("ar", "يناير 2017"),
])
def test_the_date_in_the_report_s_language(tag, expected):
    assert language_of(tag).month_and_year(datetime.date(2017, 1, 31)) == expected


@pytest.mark.parametrize(("tag", "justify"), [("en", True), ("ru", True), ("fr", True), ("ar", False), ("vi", False),
                                             ("hi", False), ("th", False), ("km", False), ("zh-TW", False)])
def test_scripts_without_spaces_and_languages_without_hyphenation_are_set_ragged(tag, justify):
    language = language_of(tag)
    assert language.justify is justify
    assert f"--text-align: {'justify' if justify else 'start'};" in language.css()


def test_page_label_in_the_language_and_english_where_untranslated():
    assert language_of("fr").page_label == "Page {page} sur {pages}"
    assert language_of("zh-TW").page_label == "第 {page} 頁，共 {pages} 頁"
    assert language_of("sw").page_label == "Page {page} of {pages}"
    assert '--page-label-before: "Página "; --page-label-between: " de ";' in language_of("es").css()


def test_capitals_are_letter_spaced_only_in_cased_scripts():
    assert "--tracking: 1;" in language_of("ru").css()
    assert "--tracking: 0;" in language_of("ar").css()


def test_an_unknown_region_falls_back_to_the_language():
    assert language_of("fr-XX").locale.language == "fr"


def test_scripts_with_stacked_marks_get_more_leading():
    assert "--leading: 1.25;" in language_of("km").css()
    assert "--leading: 1;" in language_of("en").css()


@pytest.mark.parametrize(("tag", "opening", "closing"), [
    ("en", "“", "”"), ("fr", "«", "»"), ("de", "„", "“"), ("ru", "«", "»"), ("ja", "「", "」"), ("zh-TW", "「", "」")])
def test_quotes_come_from_cldr(tag, opening, closing):
    assert language_of(tag).quotes[:2] == (opening, closing)


def test_report_words_in_the_language_and_english_where_untranslated():
    assert language_of("fr").words["contents"] == "Sommaire"
    assert language_of("zh-CN").words["bibliography"] == "参考文献"
    assert language_of("th").words["note_call"].format(number=3) == "เชิงอรรถ 3"
    assert language_of("sw").words == {"contents": "Contents", "acronyms": "Acronyms", "bibliography": "Bibliography",
                                       "note_call": "Note {number}", "key_messages": "Key messages", "figure": "Figure",
                                       "table": "Table", "box": "Box", "on_page": " on page {page}"}
    assert language_of("pt").words["key_messages"] == "Key messages", "a word missing in a language is English"


def test_every_translation_has_the_placeholders_of_the_english_words():
    from pressroom.messages import REPORT_WORDS, REPORT_WORDS_BY_LANGUAGE

    for code, words in REPORT_WORDS_BY_LANGUAGE.items():
        for key, word in words.items():
            assert key in REPORT_WORDS, (code, key)
            assert re.findall(r"{\w+}", word) == re.findall(r"{\w+}", REPORT_WORDS[key]), (code, key)


def test_russian_may_hyphenate_after_two_letters():
    assert "hyphenate-limit-chars: 6 2 3;" in language_of("ru").css()
    assert "hyphenate-limit-chars" not in language_of("en").css()
