"""The briefing paper's typography, measured from its PDF (pdftotext -bbox) as a typographer
would read it: the measure, capitals never hyphenated, no word alone on a paragraph's last
line, justified spaces close to the font's own."""

from __future__ import annotations

import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from pdfread import Page, Word, join_words, pages
from report_folders import write_report

from pressroom.build import build

BODY_SIZE = 10.5  # pt, styles/report.css --body-size
HYPHEN = "\u2010"  # the engine's hyphenation character
GLUED = 1.0  # pt: a note call after its word is closer than any space


@dataclass(frozen=True)
class Line:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return self.words[0].middle

    @property
    def tokens(self) -> list[str]:
        """The words as a reader counts them: a note call belongs to its word."""
        tokens: list[str] = []
        for previous, word in zip([None, *self.words], self.words):
            if previous is not None and word.x0 - previous.x1 < GLUED:
                tokens[-1] += word.text
            else:
                tokens.append(word.text)
        return tokens

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def gaps(self) -> list[float]:
        return [b.x0 - a.x1 for a, b in zip(self.words, self.words[1:]) if b.x0 - a.x1 >= GLUED]


def body_lines(page: Page) -> list[Line]:
    """The lines of body text: words of the body's height, grouped by baseline, top to bottom.
    Headings (taller), notes, running heads and folios (shorter) are left out: pdftotext's box
    of a Charis SIL word is 1.64 times the type size high (its ascent and descent)."""
    sized = [w for w in page.words if 1.5 * BODY_SIZE <= w.y1 - w.y0 <= 1.8 * BODY_SIZE]
    rows: list[list[Word]] = []
    for word in sorted(sized, key=lambda w: (round(w.middle), w.x0)):
        if rows and abs(word.middle - rows[-1][0].middle) < 3:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [Line(sorted(row, key=lambda w: w.x0)) for row in rows]


@dataclass(frozen=True)
class Paragraphs:
    lines: list[list[Line]]  # each paragraph's lines
    start: float  # the text block's edges
    end: float

    def full(self, line: Line) -> bool:
        return line.x0 <= self.start + 1 and line.x1 >= self.end - 1


def paragraphs_of(pdf: Path) -> Paragraphs:
    """Body lines split into paragraphs at each gap wider than the leading (pages end a run)."""
    all_pages = pages(pdf)[:-1]  # the back page is the organisation's, in another style
    runs = [body_lines(page) for page in all_pages]
    lines = [line for run in runs for line in run]
    start = statistics.mode(round(line.x0) for line in lines)
    end = max(line.x1 for line in lines)
    paragraphs: list[list[Line]] = []
    for run in runs:
        leading = statistics.median(b.top - a.top for a, b in zip(run, run[1:])) if len(run) > 1 else 0
        for previous, line in zip([None, *run], run):
            if previous is None or line.top - previous.top > leading + 2:
                paragraphs.append([line])
            else:
                paragraphs[-1].append(line)
    return Paragraphs(paragraphs, start - 0.5, end)


def natural_space(size: float = BODY_SIZE) -> float:
    """The width of a space in the body font (Charis SIL, as the style asks), in points."""
    path = subprocess.run(["fc-match", "-f", "%{file}", "Charis SIL:regular"], capture_output=True, text=True, check=True).stdout
    font = TTFont(path)
    advance = font["hmtx"][font.getBestCmap()[ord(" ")]][0]
    return advance / font["head"].unitsPerEm * size


@pytest.fixture(scope="module")
def seed_paragraphs(seed_pdf: Path) -> Paragraphs:
    return paragraphs_of(seed_pdf)


def test_the_measure_is_60_to_75_characters(seed_paragraphs: Paragraphs):
    full = [line for paragraph in seed_paragraphs.lines for line in paragraph[:-1] if seed_paragraphs.full(line)]
    assert len(full) > 50
    assert 60 <= statistics.median(len(line.text) for line in full) <= 75


def in_capitals(word: str) -> bool:
    """An acronym or word in capitals (two capitals or more), or a name (a capitalised word of
    up to nine letters: "Europol"; longer ones are mostly common words opening a sentence)."""
    capitals = sum(c.isupper() for c in word)
    return capitals > 1 or (capitals == 1 and sum(c.isalpha() for c in word) <= 9)


def test_no_word_in_capitals_is_hyphenated(seed_paragraphs: Paragraphs):
    lines = [line for paragraph in seed_paragraphs.lines for line in paragraph]
    hyphenated = [a.tokens[-1][:-1] + b.tokens[0] for a, b in zip(lines, lines[1:]) if a.tokens[-1].endswith(HYPHEN)]
    assert len(hyphenated) > 10, "the style hyphenates: there should be hyphenated words to check"
    assert [word for word in hyphenated if in_capitals(word)] == []


def test_no_paragraph_ends_on_a_word_alone_that_the_line_above_could_give_company(seed_paragraphs: Paragraphs):
    """A one-word last line is a fault when the full line above has spaces enough (five or more)
    to take the small widening of giving its last word down."""
    alone = [
        paragraph[-1].text
        for paragraph in seed_paragraphs.lines
        if len(paragraph) > 1 and len(paragraph[-1].tokens) == 1
        and seed_paragraphs.full(paragraph[-2]) and len(paragraph[-2].gaps()) >= 5
    ]
    assert alone == []


def test_no_paragraph_ends_with_part_of_a_word(seed_paragraphs: Paragraphs):
    split = [p[-2].tokens[-1] + p[-1].tokens[0] for p in seed_paragraphs.lines if len(p) > 1 and len(p[-1].tokens) == 1 and p[-2].tokens[-1].endswith(HYPHEN)]
    assert split == []


def test_justified_spaces_are_at_most_1_4_times_the_natural_space(seed_paragraphs: Paragraphs):
    gaps = [gap for p in seed_paragraphs.lines for line in p[:-1] if seed_paragraphs.full(line) for gap in line.gaps()]
    assert statistics.mean(gaps) <= 1.4 * natural_space()


def test_key_messages_isbn_and_licence_from_report_yaml(tmp_path: Path):
    folder = write_report(
        tmp_path / "report", "## Introduction\n\nSome text.\n",
        title="Children online", key_messages=["First message.", "Second message."],
        isbn="978-616-8019-00-0", licence="CC BY 4.0",
    )
    printed = pages(build(folder, tmp_path / "k.pdf").output)
    first, back = join_words(printed[0].words), join_words(printed[-1].words)
    assert "KEY MESSAGES • First message. • Second message." in first
    assert first.index("Second message.") < first.index("Introduction")
    assert "ECPAT International (2020). Children online. Bangkok: ECPAT International." in back
    assert back.endswith("CC BY 4.0 ISBN 978-616-8019-00-0")


def test_no_key_messages_box_without_key_messages(seed_pdf: Path):
    assert "Key messages" not in join_words(pages(seed_pdf)[0].words)
