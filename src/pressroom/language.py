"""What differs by the report's language, as one object: direction, writing systems, dates,
justification. Built from CLDR (Babel) wherever CLDR knows the answer, so no stage branches on
a language name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

import icu
import pyphen
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_skeleton

from pressroom import messages

Direction = Literal["ltr", "rtl"]

# Scripts written without spaces between words: Pango breaks them at word boundaries, but a
# justified line has too few spaces to stretch, so they are set ragged (text-align: start).
UNSPACED_SCRIPTS = frozenset({"Thai", "Laoo", "Khmr", "Mymr", "Hans", "Hant", "Jpan"})
# Han, kana and bopomofo are one writing system whose glyphs differ by language (ISO 15924
# codes of the variants); Hangul goes with Korean.
HAN_LIKE = frozenset({"Hani", "Hira", "Kana", "Bopo", "Hang"})
HAN_VARIANT_BY_LANGUAGE = {"ja": "Jpan", "ko": "Kore"}
HAN_VARIANT_BY_SCRIPT = {"Hira": "Jpan", "Kana": "Jpan", "Hang": "Kore"}
# Scripts with capital letters, where letter-spaced capitals are a style; elsewhere tracking
# would break joined letters (Arabic) or clusters (Devanagari, Thai).
CASED_SCRIPTS = frozenset({"Latn", "Cyrl", "Grek"})
# Scripts that stack marks above and below the letters need more room between lines.
LEADING = {"Khmr": 1.25, "Mymr": 1.3, "Laoo": 1.1}
# Hyphenation leaves at least 3 letters on each side (the styles' hyphenate-limit-chars), except
# where the language's own rule and pyphen's patterns break after 2: Russian "мо-лодёжи".
HYPHENATE_LIMIT_CHARS = {"ru": "6 2 3"}
# The page number line. CLDR has no word for "page", so this is the one table of our own:
# {page} and {pages} are the counters, in the order the language reads them.
PAGE_LABELS = {
    "en": "Page {page} of {pages}",
    "fr": "Page {page} sur {pages}",
    "es": "Página {page} de {pages}",
    "pt": "Página {page} de {pages}",
    "ru": "Страница {page} из {pages}",
    "vi": "Trang {page}/{pages}",
    "id": "Halaman {page} dari {pages}",
    "th": "หน้า {page} จาก {pages}",
    "lo": "ໜ້າ {page}/{pages}",
    "km": "ទំព័រ {page}/{pages}",
    "my": "စာမျက်နှာ {page}/{pages}",
    "ar": "الصفحة {page} من {pages}",
    "fa": "صفحهٔ {page} از {pages}",
    "ur": "صفحہ {page} از {pages}",
    "hi": "पृष्ठ {page}/{pages}",
    "ne": "पृष्ठ {page}/{pages}",
    "bn": "পৃষ্ঠা {page}/{pages}",
    "zh-Hans": "第 {page} 页，共 {pages} 页",
    "zh-Hant": "第 {page} 頁，共 {pages} 頁",
    "ja": "{page}/{pages} ページ",
    "ko": "{page}/{pages} 페이지",
}
# Urdu is written in Nastaliq, the ISO 15924 variant Aran of the Arabic script.
ARABIC_VARIANT_BY_LANGUAGE = {"ur": "Aran"}


@dataclass(frozen=True)
class Language:
    """The report's language and the conventions that follow from it."""

    tag: str  # as written in report.yaml (en-GB, zh-CN...)
    locale: Locale
    direction: Direction

    @property
    def script(self) -> str:
        """The language's own writing system (ISO 15924), e.g. Latn, Arab, Thai, Hans."""
        return self.writing_system(self.locale.script or _likely_script(self.locale))

    def writing_system(self, script: str) -> str:
        """The variant of `script` this language writes, which decides the font: Han text in a
        Japanese report is Jpan, in a Taiwanese one Hant; Arabic in Urdu is Nastaliq (Aran)."""
        if script in HAN_LIKE:
            if script in HAN_VARIANT_BY_SCRIPT:
                return HAN_VARIANT_BY_SCRIPT[script]
            if self.locale.language in HAN_VARIANT_BY_LANGUAGE:
                return HAN_VARIANT_BY_LANGUAGE[self.locale.language]
            return "Hant" if _likely_script(self.locale) == "Hant" else "Hans"
        if script == "Arab":
            return ARABIC_VARIANT_BY_LANGUAGE.get(self.locale.language, script)
        return script

    @property
    def hyphenates(self) -> bool:
        """Whether the engine (through pyphen) has a hyphenation dictionary for the language."""
        return self.locale.language in pyphen.LANGUAGES

    @property
    def justify(self) -> bool:
        """Justify only where words are separated by spaces and long words can be hyphenated:
        without both, a justified line stretches its spaces beyond twice their width."""
        return self.script not in UNSPACED_SCRIPTS and self.hyphenates

    @property
    def page_label(self) -> str:
        """ "Page {page} of {pages}" in this language (English where we have no translation)."""
        return self._translation(PAGE_LABELS)

    @property
    def words(self) -> dict[str, str]:
        """The words the report prints of its own (Contents, Acronyms, Bibliography) and the
        description of a note call ("Note {number}"), in this language, English where missing."""
        return {**messages.REPORT_WORDS, **self._translation(messages.REPORT_WORDS_BY_LANGUAGE)}

    def _translation(self, table: dict):
        language = self.locale.language
        keys = (f"{language}-{self.script}", language) if language == "zh" else (language,)
        return next((table[key] for key in keys if key in table), table["en"])

    @property
    def quotes(self) -> tuple[str, str, str, str]:
        """Opening and closing quotes, then the quotes inside quotes, from CLDR through ICU
        (Babel does not carry CLDR's delimiters): “ ” ‘ ’ in English, « » in French, 「 」 in Japanese."""
        data = icu.LocaleData(str(self.locale))
        kinds = icu.ULocaleDataDelimiterType
        return tuple(data.getDelimiter(kind) for kind in (  # type: ignore[return-value]
            kinds.QUOTATION_START, kinds.QUOTATION_END, kinds.ALT_QUOTATION_START, kinds.ALT_QUOTATION_END))

    def css(self) -> str:
        """The custom properties through which the stylesheets follow the language."""
        before, rest = self.page_label.split("{page}", 1)
        between, after = rest.split("{pages}", 1)
        reference_before, reference_after = self.words["on_page"].split("{page}", 1)
        return (
            f":root {{ --text-align: {'justify' if self.justify else 'start'}; "
            f"--tracking: {1 if self.script in CASED_SCRIPTS else 0}; --leading: {LEADING.get(self.script, 1)}; "
            f"--page-label-before: {_css_string(before)}; --page-label-between: {_css_string(between)}; "
            f"--page-label-after: {_css_string(after)}; "
            f"--reference-page-before: {_css_string(reference_before)}; --reference-page-after: {_css_string(reference_after)}; }}"
        ) + self._hyphenation_css()

    def _hyphenation_css(self) -> str:
        limit = HYPHENATE_LIMIT_CHARS.get(self.locale.language)
        return f"\nmain p, main li {{ hyphenate-limit-chars: {limit}; }}" if limit else ""

    def month_and_year(self, date: datetime.date) -> str:
        """The publication date as this language writes a month and year ("janvier 2017")."""
        return format_skeleton("yMMMM", date, locale=self.locale)


def language_of(tag: str, direction: Direction | None = None) -> Language:
    """The Language for a BCP 47 tag; `direction` overrides the one CLDR gives."""
    locale = _locale(tag)
    return Language(tag, locale, direction or ("rtl" if locale.text_direction == "rtl" else "ltr"))


def is_known(tag: str) -> bool:
    try:
        Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return False
    return True


def _locale(tag: str) -> Locale:
    try:
        return Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        # An unknown region or variant: the language alone still gives direction and dates.
        try:
            return Locale.parse(tag.split("-")[0])
        except (ValueError, UnknownLocaleError):
            return Locale("en")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _likely_script(locale: Locale) -> str:
    """The script CLDR's likely-subtags data gives the locale (zh-TW -> Hant, ar -> Arab)."""
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}" if locale.territory else None, locale.language):
        if key and key in likely:
            parts = likely[key].split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                return parts[1]
    return "Latn"
