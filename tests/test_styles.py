"""The house style (styles/): every glyph it sets itself is in its own fonts, every colour it or the
engine can paint prints in CMYK, every heading level has a style, headings stay with what follows
and tables break sensibly. Checked on built PDFs with pdffonts, pdftotext and the preflight."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pdfread import Page, pages
from report_folders import write_report

from pressroom.build import build
from pressroom.preflight import PreflightOptions, preflight

STYLE_FONTS = {"Charis SIL", "Noto Sans", "Noto Sans Mono"}

# Everything the style draws or sets by itself: bullets at four depths, numbers, a quote bar, a
# thematic break, every heading level with emphasis and a note, a table, links, code, strikethrough.
SAMPLER = """\
# Level one with *italic* and ***bold italic***

## Level two with *italic* and ***bold italic***[^h]

### Level three with *italic*

#### Level four with *italic*

##### Levelfive heading words

Bodytext sample words for the size comparison, with ***bold italic*** and ~~struck~~ text.[^1]

###### Levelsix heading words

- first level
    - second level
        - third level
            - fourth level
                - fifth level

1. one
    1. one nested
        - bullet under numbers
            - and deeper

> A quotation with “curly quotes” – an en dash — an em dash… and a list:
>
> - quoted bullet
>     - quoted nested bullet

---

| Header | Another |
|:-------|--------:|
| cell `code` | <https://example.org/a-link> |

Text with a [link](https://example.org) and `inline code`.

```
fenced code
```

[^h]: A note called from a heading.
[^1]: A note with ***bold italic***, a [link](https://example.org) and `code`.
"""


@pytest.fixture(scope="module")
def sampler(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = write_report(tmp_path_factory.mktemp("sampler") / "report", SAMPLER)
    result = build(folder, folder.parent / "sampler.pdf", profile="both")
    return {name: output.path for name, output in result.outputs.items()}


def font_families(pdf: Path) -> set[str]:
    """The families pdffonts lists, from PostScript names such as ABCDEF+Charis-SIL-Bold-Italic."""
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in listing.splitlines()[2:]]
    styles = r"(-(Bold|Italic|Regular|Oblique|Book))+$"
    return {re.sub(styles, "", name.split("+", 1)[-1]).replace("-", " ") for name in names}


@pytest.mark.parametrize("name", ["screen", "print"])
def test_every_glyph_the_style_sets_is_in_the_style_fonts(sampler: dict[str, Path], name: str):
    assert font_families(sampler[name]) <= STYLE_FONTS


def test_nested_bullets_are_glyphs_of_the_style_fonts(sampler: dict[str, Path]):
    text = subprocess.run(["pdftotext", str(sampler["screen"]), "-"], capture_output=True, text=True, check=True).stdout
    assert {"•", "–", "‣"} <= set(text)
    assert not {"◦", "▪"} & set(text)


def test_the_print_file_has_no_rgb_from_the_style_or_the_engine(sampler: dict[str, Path]):
    checked = preflight(sampler["print"], PreflightOptions())
    assert [f.message for f in checked.findings if f.check == "colour" and f.severity != "info"] == []


def word_heights(page: Page, word: str) -> list[float]:
    return [w.y1 - w.y0 for w in page.words if w.text == word]


def test_level_five_and_six_headings_are_not_smaller_than_the_body_text(tmp_path: Path):
    text = "##### Levelfive heading words\n\nBodytext words.\n\n###### Levelsix heading words\n\nMore text.\n"
    folder = write_report(tmp_path / "report", text)
    page = pages(build(folder, tmp_path / "h.pdf").output)[0]
    (body,) = word_heights(page, "Bodytext")
    for heading in ("Levelfive", "Levelsix"):
        (height,) = word_heights(page, heading)
        assert height >= body - 0.01, heading


PARAGRAPH = "These words fill the page so that what follows comes late on it, as in a long report. " * 6
SHORT_ROWS = "\n".join(f"| row {i} | value {i} | more text {i} |" for i in range(1, 13))
LONG_ROWS = "\n".join(f"| item {i} | amount {i} | remark {i} |" for i in range(1, 70))
TABLES = (
    "\n\n".join([PARAGRAPH] * 6)
    + "\n\n### Heading of the short table\n\n| Name | Value | Note |\n|---|---|---|\n"
    + SHORT_ROWS
    + "\n\n## Second part\n\n"
    + PARAGRAPH  # one: the narrower measure makes each paragraph taller
    + "\n\n### Heading of the long table\n\n| Item | Amount | Remark |\n|---|---|---|\n"
    + LONG_ROWS
    + "\n"
)


@pytest.fixture(scope="module")
def table_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Page]:
    folder = write_report(tmp_path_factory.mktemp("tables") / "report", TABLES)
    result = build(folder, folder.parent / "tables.pdf")
    return pages(result.output)


def page_of(table_pages: list[Page], *words: str) -> list[int]:
    """Pages on which the words stand in a row, in order."""
    found = []
    for page in table_pages:
        texts = [w.text for w in page.words]
        found += [page.number] * sum(texts[i : i + len(words)] == list(words) for i in range(len(texts)))
    return found


def test_a_table_near_the_foot_of_a_page_moves_whole_with_its_heading(table_pages: list[Page]):
    # Six paragraphs leave under a quarter of the first page: the short table and its heading move.
    (heading,) = page_of(table_pages, "Heading", "of", "the", "short")
    assert page_of(table_pages, "Name", "Value", "Note") == [heading]
    assert page_of(table_pages, "row", "1") == page_of(table_pages, "row", "12") == [heading]
    assert heading == 2


def test_a_long_table_starts_where_it_is_and_repeats_its_header_row(table_pages: list[Page]):
    (heading,) = page_of(table_pages, "Heading", "of", "the", "long")
    assert page_of(table_pages, "Second", "part") == [heading]  # the table did not jump
    headers = page_of(table_pages, "Item", "Amount", "Remark")
    assert headers[0] == heading and len(headers) >= 2
    assert headers == list(range(heading, heading + len(headers)))
    assert page_of(table_pages, "item", "69") == [headers[-1]]


def test_a_short_table_with_room_left_on_the_page_does_not_jump(tmp_path: Path):
    # Two paragraphs leave over half the first page (under the cover band and title); the 40-row
    # table does not fit in it, but moving it would waste that half: it starts there and breaks.
    rows = "\n".join(f"| entry {i} | figure {i} | comment {i} |" for i in range(1, 41))
    text = "\n\n".join([PARAGRAPH] * 2) + "\n\n| Entry | Figure | Comment |\n|---|---|---|\n" + rows + "\n"
    folder = write_report(tmp_path / "report", text)
    table_pages = pages(build(folder, tmp_path / "t.pdf").output)
    assert page_of(table_pages, "Entry", "Figure", "Comment") == [1, 2]
    assert page_of(table_pages, "entry", "1") == [1] and page_of(table_pages, "entry", "40") == [2]
