"""The sample long report (tests/data/long-report), built once in both profiles and read
back from the PDF with pdftotext: contents, chapters, figures, references and citations."""

from __future__ import annotations

import collections
import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pypdf
import pytest

from pressroom.build import build
from pressroom.problems import UserError

SAMPLE = Path(__file__).resolve().parent / "data" / "long-report"
CONTENTS_ENTRY = re.compile(r"^(?P<title>.+?)\s*(?:\.\s*){3,}\s*(?P<page>\d+)$")
BODY_PX = (13.5, 14.5)  # body text is 10.5 pt (14 px)
HEADING_PX = 16  # section headings are 15 pt (20 px) and more; body text 10.5 pt (14 px)
REFERENCE = re.compile(r"\b(Figure|Table|Box) (\d+) on page (\d+)")


@pytest.fixture(scope="session")
def long_report(tmp_path_factory: pytest.TempPathFactory):
    output = tmp_path_factory.mktemp("long-report") / "long-report.pdf"
    result = build(SAMPLE, output, profile="both")
    return result, output


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, as pdftotext (not pressroom) reads it."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def lines_of(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]


def contents(pages: list[str]) -> tuple[list[tuple[str, int]], int]:
    """The contents entries (title, page) and the last page the contents fill."""
    start = next(i for i, text in enumerate(pages) if "Contents" in lines_of(text)[:2])
    entries, last = [], start
    for index in range(start, len(pages)):
        found = [CONTENTS_ENTRY.match(line) for line in lines_of(pages[index])]
        found = [(m["title"], int(m["page"])) for m in found if m]
        if not found:
            break
        entries += found
        last = index
    return entries, last + 1


def large_text(pdf: Path) -> list[str]:
    """Per page, the text set larger than the body (headings of chapters and sections), read
    with pypdf: a table cell or a running head with the same words does not count."""
    pages = []
    for page in pypdf.PdfReader(pdf).pages:
        runs: list[str] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if text.strip() and size * tm[0] >= HEADING_PX:
                runs.append(text)

        page.extract_text(visitor_text=visit)
        pages.append(re.sub(r"\s+", " ", " ".join(runs)))
    return pages


def first_page_with_heading(headings: list[str], title: str, after: int) -> int:
    return next((n for n in range(after + 1, len(headings) + 1) if title in headings[n - 1]), 0)


def test_the_sample_is_a_long_report_built_in_both_profiles(long_report):
    result, output = long_report
    assert set(result.outputs) == {"screen", "print"}
    assert result.pages >= 40
    assert len(pypdf.PdfReader(output).pages) == result.pages
    assert result.notes >= 25


def body_line_lengths(pdf: Path) -> list[int]:
    """Characters in each full line of body text (Charis SIL at the body size), from pypdf."""
    lengths = []
    for page in pypdf.PdfReader(pdf).pages:
        lines: dict[float, str] = collections.defaultdict(str)

        def visit(text, cm, tm, font, size, lines=lines):
            if BODY_PX[0] < size * tm[0] < BODY_PX[1] and "Charis" in str(font.get("/BaseFont")):
                lines[round(tm[5] + cm[5])] += text

        page.extract_text(visitor_text=visit)
        lengths += [len(line.strip()) for line in lines.values() if len(line.strip()) > 30]
    return lengths


def test_body_lines_hold_60_to_75_characters(long_report):
    _, output = long_report
    lengths = body_line_lengths(output)
    assert len(lengths) > 500
    assert 60 <= statistics.median(lengths) <= 75


def test_contents_page_numbers_are_the_pages_where_the_headings_are(long_report):
    _, output = long_report
    pages = page_texts(output)
    entries, contents_end = contents(pages)
    assert len(entries) >= 30
    assert [title for title, _ in entries[:3]] == ["Acronyms", "Executive summary", "Recommendations"]
    headings = large_text(output)
    wrong = [(title, page, first_page_with_heading(headings, title, contents_end)) for title, page in entries]
    assert [w for w in wrong if w[1] != w[2]] == []


def test_each_chapter_opens_on_a_right_hand_page_with_its_number(long_report):
    _, output = long_report
    pages = page_texts(output)
    openers = [number for number, text in enumerate(pages, start=1) if re.match(r"^\d\n", text)]
    assert len(openers) == 7
    assert all(number % 2 == 1 for number in openers)
    assert [pages[n - 1].split("\n")[0] for n in openers] == ["1", "2", "3", "4", "5", "6", "7"]


def test_every_figure_table_and_box_reference_names_the_page_it_is_on(long_report):
    _, output = long_report
    pages = page_texts(output)
    text = re.sub(r"\s+", " ", "\f".join(pages))
    references = set(REFERENCE.findall(text))
    assert len(references) >= 9
    for kind, number, page in references:
        captions = [line for line in lines_of(pages[int(page) - 1]) if re.match(rf"^{kind} {number} (?!on page)", line)]
        assert captions, f"{kind} {number} is not on page {page}"


def test_running_heads_title_on_left_pages_chapter_on_right_pages(long_report):
    _, output = long_report
    pages = [lines_of(text) for text in page_texts(output)]
    chapter, checked = None, 0
    for number, lines in enumerate(pages, start=1):
        if lines[:1] == ["Bibliography"]:
            break
        if lines and re.fullmatch(r"\d", lines[0]):  # a chapter's opening page: no running head
            chapter = lines[1]
            continue
        if chapter is None or not lines:  # before the chapters, or a blank page
            continue
        expected = "REPRODUCIBLE AND OPEN RESEARCH" if number % 2 == 0 else chapter
        assert lines[0].upper() == expected.upper(), f"page {number}"
        checked += 1
    assert checked >= 20


def test_citations_are_chicago_notes_restarting_in_each_chapter_with_a_bibliography(long_report):
    _, output = long_report
    pages = page_texts(output)
    text = "\n".join(pages)
    assert "Jon F. Claerbout and Martin Karrenbach, ‘Electronic Documents Give Reproducible Research" in text
    assert "Ibid." in text
    bibliography = next(page for page in pages if lines_of(page)[:1] == ["Bibliography"])
    assert "Ioannidis, John P. A. ‘Why Most Published Research Findings Are False’." in re.sub(r"\s+", " ", bibliography)


def test_an_unknown_citation_key_fails_the_build_naming_its_file_line_and_column(tmp_path):
    copy = tmp_path / "long-report"
    shutil.copytree(SAMPLE, copy)
    chapter = copy / "02-benefits.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("[@Markowetz2015, p. 274]", "[@Markowitz2015, p. 274]"))
    with pytest.raises(UserError) as failure:
        build(copy, tmp_path / "out.pdf")
    line = next(n for n, text in enumerate(chapter.read_text().split("\n"), start=1) if "@Markowitz2015" in text)
    column = chapter.read_text().split("\n")[line - 1].index("@Markowitz2015") + 1
    assert [str(p) for p in failure.value.problems] == [
        f"{chapter}:{line}:{column}: The citation key @Markowitz2015 is not in the bibliography. "
        "Check its spelling, or add the work to the bibliography file."
    ]
    assert not (tmp_path / "out.pdf").exists()


def test_the_briefing_style_shows_no_contents_even_when_the_text_has_chapters(tmp_path):
    from report_folders import write_report

    folder = write_report(tmp_path / "brief", "# One\n\nText.\n\n# Two\n\nMore.\n", acronyms={"NGO": "Non-governmental organisation"})
    result = build(folder, tmp_path / "brief.pdf", profile="both")
    text = "\n".join(page_texts(tmp_path / "brief.pdf"))
    assert "Contents" not in text and "Non-governmental" not in text
    assert result.pages == 2


ARABIC_CHAPTERS = """\
# مقدمة

أصبحت تكنولوجيا المعلومات والاتصالات اليوم عنصرًا أساسيًا في الحياة الحديثة، كما يبين @fig:reports.

::: figure #fig:reports البلاغات حسب السنة
| السنة | البلاغات |
|---|--:|
| 2014 | 78946 |
:::

# الخاتمة

::: box #box:key إطار
نص داخل الإطار عن الأطفال والشباب.
:::

فقرة أخيرة تشير إلى @box:key.
"""


@pytest.fixture(scope="module")
def arabic_long_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from report_folders import write_report

    folder = write_report(tmp_path_factory.mktemp("ar-long") / "report", ARABIC_CHAPTERS, language="ar", style="long-report",
                          acronyms={"ICT": "تكنولوجيا المعلومات والاتصالات"})
    output = folder.parent / "ar.pdf"
    build(folder, output, profile="screen")
    return output


def test_a_right_to_left_long_report_opens_chapters_on_left_hand_pages_with_the_outer_corners_mirrored(arabic_long_report):
    """In a right-to-left book the first page is a left-hand page and chapters open on the
    odd (left-hand) pages too; the page number sits at the outer foot, the left corner there."""
    from pdfread import pages as read_pages

    titles = ("مقدمة", "الخاتمة")
    large = large_text(arabic_long_report)
    openers = [page for page in read_pages(arabic_long_report)
               if any(title in large[page.number - 1] or title[::-1] in large[page.number - 1] for title in titles)]
    assert [page.number % 2 for page in openers] == [1, 1], [page.number for page in openers]
    for page in openers:
        number = next(word for word in page.words if word.text == str(page.number) and word.y0 > page.height * 0.9)
        assert number.x1 < page.width / 2, "on a left-hand page the outer corner is the left"


def test_numbered_blocks_and_their_references_are_in_the_reports_language(arabic_long_report):
    text = re.sub(r"\s+", " ", "\f".join(page_texts(arabic_long_report)))
    assert "Figure" not in text and "Box" not in text and "on page" not in text
    assert "الإطار" in text and "الشكل" in text and "في الصفحة" in text
