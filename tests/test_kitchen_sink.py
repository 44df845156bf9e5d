"""End to end: the kitchen-sink report (tests/data/kitchen-sink), every Markdown construct and
footnote form, built in both profiles and read back with pdftotext and pypdf."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pdfread import first_call_positions, join_words, note_positions, pages, squash
from pressroom.build import BuildResult, build
from pressroom.load import load_source
from pressroom.markdown import Body, render_markdown
from pressroom.problems import UserError
from pressroom.validate import validate

KITCHEN_SINK = Path(__file__).parent / "data" / "kitchen-sink"


@pytest.fixture(scope="session")
def kitchen_sink(tmp_path_factory: pytest.TempPathFactory) -> BuildResult | UserError:
    output = tmp_path_factory.mktemp("kitchen-sink") / "kitchen-sink.pdf"
    try:
        return build(KITCHEN_SINK, output, profile="both")
    except UserError as error:
        return error


def built(result: BuildResult | UserError) -> BuildResult:
    """The build, or the test's end with every error it gave."""
    if isinstance(result, UserError):
        errors = [p.message for p in result.problems if p.is_error]
        pytest.fail("the kitchen sink did not build:\n" + "\n".join(errors))
    return result


@pytest.fixture(scope="session")
def body() -> Body:
    source, _ = load_source(KITCHEN_SINK)
    report, _ = validate(source)
    return render_markdown(report)[0]


class _BodyText(HTMLParser):
    """The body's text as the HTML gives it, block by block, without the notes."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "th", "td", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]
        self.in_note = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.in_note or (tag == "object" and ("class", "footnote") in attrs):
            self.in_note += tag == "object"
        elif tag in self.BLOCKS:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "object" and self.in_note:
            self.in_note -= 1

    def handle_data(self, data: str) -> None:
        if not self.in_note:
            self.blocks[-1] += data


def body_blocks(body: Body) -> list[str]:
    reader = _BodyText()
    reader.feed(body.html)
    return [text for text in (" ".join(block.split()) for block in reader.blocks) if text]


def missing_in_order(expected: list[str], printed: str) -> list[str]:
    """The expected words not found in the printed text, each looked for after the previous one."""
    printed, position, missing = squash(printed).casefold(), 0, []
    for word in expected:
        found = printed.find(squash(word).casefold(), position)
        if found < 0:
            missing.append(word)
        else:
            position = found + len(squash(word))
    return missing


def test_builds_in_both_profiles_with_only_the_raw_html_warnings(kitchen_sink):
    result = built(kitchen_sink)
    assert set(result.outputs) == {"screen", "print"}
    assert result.notes == 20
    warnings = sorted((Path(w.file).name, w.line, w.column) for w in result.warnings)
    assert warnings == [("blocks.md", 66, 1), ("inline-and-headings.md", 46, 45)]


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_every_word_of_the_body_reads_back_in_order(kitchen_sink, body, profile):
    pdf = built(kitchen_sink).outputs[profile].path
    printed = " ".join(join_words(page.words) for page in pages(pdf)[:-1])
    words = [word for block in body_blocks(body) for word in block.split()]
    assert len(words) > 400
    assert missing_in_order(words, printed) == []


@pytest.mark.parametrize("profile", ["screen", "print"])
def test_every_note_is_printed_in_full_starting_on_its_calls_page(kitchen_sink, body, profile):
    pdf = built(kitchen_sink).outputs[profile].path
    pdf_pages, positions, calls = pages(pdf), note_positions(pdf), first_call_positions(pdf)
    assert sorted(positions) == [note.number for note in body.notes]
    for note in body.notes:
        page, top = positions[note.number]
        assert calls[note.number][0] == page, f"note {note.number} called on page {calls[note.number][0]}, printed on {page}"
        below = join_words([w for w in pdf_pages[page - 1].words if w.y1 > top])
        assert missing_in_order(f"{note.number} {note.text}".split(), below) == [], f"note {note.number}"


def test_notes_hold_their_code_tables_and_lists(body):
    texts = {note.number: note.text for note in body.notes}
    assert "fenced code in a note indented inside the fence indented code in a note" in texts[17]
    assert "first row 10 third numbered item fourth numbered item bullet in a note" in texts[17]
    assert texts[17].endswith("Setext heading in a note The note closes with a paragraph after the blocks.")
    assert texts[18] == "code that is the whole note"
    assert texts[20] == "Table First cell cell2"


def test_a_note_written_over_several_lines_flows_as_one_line(kitchen_sink):
    pdf = built(kitchen_sink).outputs["screen"].path
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    (line,) = [line for line in text.splitlines() if "One sentence per line." in line]
    assert re.search(r"One sentence per line\. A continuation line indented with a tab\. Another continuation line", line)


def test_start_numbers_and_html_comments(kitchen_sink):
    pdf = built(kitchen_sink).outputs["screen"].path
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"7\.\s+Seven starts this list", text) and re.search(r"3\.\s+third numbered item", text)
    assert "<!--" not in text and "vanishes" not in text and "comment block" not in text
    assert squash('<span style="color:red">styled span</span>') in squash(text)


def test_a_note_of_blocks_taller_than_its_page_continues_on_the_next(make_report, tmp_path: Path):
    items = "\n".join(f"    - item{i:02d} of a long list in a note" for i in range(70))
    code = "\n".join(f"    code{i:02d} = {i}" for i in range(30))
    # Body text follows the call: a note continued past the body's last page fails the build
    # (it lands on the background page), with any kind of note, since before issue 7.
    later = "\n\n".join(f"Later paragraph {i} of body text, long enough to fill the pages that follow." for i in range(40))
    report = make_report(
        f"A paragraph calls a long note[^long] and goes on.\n\n{later}\n\n"
        f"[^long]: FIRST-WORD opens the note.\n\n{items}\n\n    ```\n{code}\n    ```\n\n    LAST-WORD closes it.\n"
    )
    result = build(report.root, tmp_path / "long.pdf")
    assert result.continued_notes == [1]
    text = [squash(join_words(page.words)) for page in pages(tmp_path / "long.pdf")]
    assert note_positions(tmp_path / "long.pdf")[1][0] == 1 and "FIRST-WORD" in text[0]
    everything = "".join(text)
    assert "LAST-WORD" not in text[0] and everything.count("LAST-WORD") == 1
    assert all(everything.count(f"item{i:02d}") == 1 for i in range(70))
    assert all(everything.count(f"code{i:02d}=") == 1 for i in range(30))
