"""Real documents written by other people for other tools (tests/data/corpus/, sources in its
README.md) build in both profiles, every note on its call's page and printed in full, every
paragraph's words in the PDF. Read back with pdftotext and pypdf, parsed with markdown-it-py
on its own (as any Markdown renderer does: raw HTML is not text), not through pressroom."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from pdfread import MM, Page, first_call_positions, in_lines, join_words, note_positions, pages

from pressroom.build import BuildResult, build
from pressroom.problems import UserError

CORPUS = Path(__file__).parent / "data" / "corpus"
DOCUMENTS = sorted(folder.name for folder in CORPUS.iterdir() if (folder / "report.yaml").is_file())
TOP_MARGIN, BOTTOM_MARGIN = 21 * MM, 23 * MM  # styles/_base.css: running heads and folios lie outside
# Words of a paragraph may be apart in the PDF by a page break (notes, folio, running head between).
GAP = 4000  # letters
MAX_STARTS = 200

@dataclass(frozen=True)
class Built:
    result: BuildResult | None
    error: UserError | None

    def files(self) -> dict[str, Path]:
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return {name: output.path for name, output in self.result.outputs.items()}


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """Each document built once per session, in both profiles, on first use."""
    cache: dict[str, Built] = {}
    folder = tmp_path_factory.mktemp("corpus")

    def get(name: str) -> Built:
        if name not in cache:
            try:
                cache[name] = Built(build(CORPUS / name, folder / f"{name}.pdf", profile="both"), None)
            except UserError as error:
                cache[name] = Built(None, error)
        return cache[name]

    return get


def test_the_corpus_has_at_least_eight_documents_and_a_source_for_each():
    assert len(DOCUMENTS) >= 8
    sources = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name in DOCUMENTS:
        assert f"`{name}/`" in sources, f"{name} has no source and licence in tests/data/corpus/README.md"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_builds_in_both_profiles(built, name: str):
    files = built(name).files()  # raises the build's UserError, with every problem, if it failed
    assert set(files) == {"screen", "print"} and all(path.is_file() for path in files.values())


@pytest.mark.parametrize("name", DOCUMENTS)
@pytest.mark.parametrize("profile", ["screen", "print"])
def test_every_note_starts_on_the_page_of_its_first_call(built, name: str, profile: str):
    pdf = built(name).files()[profile]
    positions, calls = note_positions(pdf), first_call_positions(pdf)
    assert sorted(positions) == list(range(1, len(footnotes(name)) + 1))
    misplaced = {number: (calls[number][0], page) for number, (page, _) in positions.items() if calls[number][0] != page}
    assert misplaced == {}, "note: (call page, note page)"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_note_is_printed_in_full(built, name: str):
    pdf = built(name).files()["screen"]
    read = pages(pdf)
    positions = note_positions(pdf)
    for number, text in footnotes(name).items():
        page, top = positions[number]
        bottom = read[page - 1].height - BOTTOM_MARGIN
        area = [w for w in in_lines(read[page - 1].words) if top - 1 <= w.middle <= bottom]
        following = read[page].words if page < len(read) else []  # a long note continues there
        missing = first_missing(text, letters(join_words(area) + " " + join_words(following)))
        assert missing is None, f"note {number} on page {page}: '{missing}' not printed"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_paragraph_is_printed_word_for_word(built, name: str):
    pdf = built(name).files()["screen"]
    tops: dict[int, float] = {}
    for page, top in note_positions(pdf).values():
        tops[page] = min(top, tops.get(page, top))
    printed = letters(" ".join(join_words(body_words(page, tops.get(page.number))) for page in pages(pdf)))
    cursor = 0
    for paragraph in paragraphs(name):
        words = words_of(paragraph)
        if not words:
            continue
        # The paragraph starts at some later occurrence of its first word: try them in turn.
        starts = [match.start() for match in re.finditer(re.escape(words[0]), printed[cursor:])][:MAX_STARTS]
        found = next((cursor + s for s in starts if first_missing(paragraph, printed[cursor + s :]) is None), None)
        missing = first_missing(paragraph, printed[cursor + starts[0] :]) if starts else words[0]
        assert found is not None, f"'{paragraph[:60]}': from '{missing}' on, not printed"
        cursor = found


def body_words(page: Page, note_top: float | None) -> list:
    """The words of the text block above the notes: no running head, folio or notes."""
    bottom = note_top if note_top is not None else page.height - BOTTOM_MARGIN
    return [w for w in page.words if TOP_MARGIN <= w.middle < bottom - 1]


def letters(text: str) -> str:
    """The text as its letters only, lower case, words joined: note calls, page numbers, spaces,
    punctuation and line-end hyphens aside (a URL may break anywhere), what a reader reads."""
    return re.sub(r"[\W\d_]+", "", text).lower()


def words_of(text: str) -> list[str]:
    return [letters(word) for word in text.split() if letters(word)]


def first_missing(expected: str, printed: str) -> str | None:
    """The first expected word not found in order in `printed`, within GAP letters of the one before."""
    at = 0
    for word in words_of(expected):
        found = printed.find(word, at, at + GAP + len(word))
        if found < 0:
            return word
        at = found + len(word)
    return None


def parse(name: str) -> list[Token]:
    parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted((CORPUS / name).glob("*.md")))
    return parser.parse(text)


def inline_text(token: Token) -> str:
    parts = [
        child.content if child.type in ("text", "code_inline") else " "
        for child in token.children or ()
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    ]
    return "".join(parts) + " "


def footnotes(name: str) -> dict[int, str]:
    """Note number (by first call, as markdown-it numbers them) -> the note's whole text."""
    notes: dict[int, str] = {}
    number = 0
    for token in parse(name):
        if token.type == "footnote_open":
            number = token.meta["id"] + 1
            notes[number] = ""
        elif number and token.type == "inline":
            notes[number] += inline_text(token)
        elif number and token.type in ("fence", "code_block"):
            notes[number] += token.content
        elif token.type == "footnote_close":
            number = 0
    return notes


def paragraphs(name: str) -> list[str]:
    """The text of every block outside the notes, in reading order."""
    blocks, in_notes = [], False
    for token in parse(name):
        if token.type == "footnote_block_open":
            in_notes = True
        elif token.type == "footnote_block_close":
            in_notes = False
        elif not in_notes and token.type == "inline":
            blocks.append(inline_text(token))
        elif not in_notes and token.type in ("fence", "code_block"):
            blocks.append(token.content)
    return blocks
