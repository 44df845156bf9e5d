"""End to end: the briefing paper from report/, read back with pdftotext and pypdf."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdf
import pytest

from pdfread import MM, Page, Word, call_pages, in_lines, join_words, note_positions, pages, plain_typography, squash
from pressroom.build import build

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
BACKGROUND_HEADING = "Background information about ECPAT International"
HEADINGS_AS_WRITTEN = ("Introduction", "The major global threats facilitated by ICT expansion and innovations are:")
TOP_MARGIN, BOTTOM_MARGIN, LEFT_MARGIN, RIGHT_MARGIN = 21 * MM, 23 * MM, 23 * MM, 21 * MM


def parse_seed(text: str) -> tuple[list[str], dict[int, str], list[str]]:
    """The seed's body paragraphs, notes by number, and background paragraphs."""
    body, background, notes = [], [], {}
    target = body
    for line in (line.strip() for line in text.splitlines()):
        if not line:
            continue
        if match := re.match(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+) (.*)$", line):
            notes[int(match[1].translate(SUPERSCRIPTS))] = match[2]
            continue
        if line == BACKGROUND_HEADING:
            target = background
        target.append(line.translate(SUPERSCRIPTS))
    return body, notes, background


def body_words(page: Page, note_top: float | None) -> list[Word]:
    """The words of the text block above the notes: no running head, footer or notes."""
    bottom = note_top if note_top is not None else page.height - BOTTOM_MARGIN
    return [w for w in page.words if TOP_MARGIN <= w.middle <= bottom]


def note_words(page: Page, note_top: float) -> str:
    """The notes, line by line (pdftotext reads the number column apart from the text)."""
    words = [w for w in page.words if note_top <= w.middle <= page.height - BOTTOM_MARGIN]
    return join_words(in_lines(words))


@pytest.fixture(scope="module")
def seed(seed_text: str) -> tuple[list[str], dict[int, str], list[str]]:
    return parse_seed(seed_text)


@pytest.fixture(scope="module")
def read_back(seed_pdf: Path) -> tuple[list[Page], dict[int, tuple[int, float]], dict[int, list[int]]]:
    return pages(seed_pdf), note_positions(seed_pdf), call_pages(seed_pdf)


def note_tops(positions: dict[int, tuple[int, float]]) -> dict[int, float]:
    tops: dict[int, float] = {}
    for page, top in positions.values():
        tops[page] = min(top, tops.get(page, top))
    return tops


def test_seed_has_what_the_readme_says(seed):
    body, notes, background = seed
    assert sorted(notes) == list(range(1, 20))
    assert body[0] == "BRIEFING PAPER" and len(background) == 4


def test_every_body_paragraph_is_printed_word_for_word_in_order(seed, read_back):
    body, _, _ = seed
    pdf_pages, positions, _ = read_back
    tops = note_tops(positions)
    printed = join_words([w for page in pdf_pages[:-1] for w in body_words(page, tops.get(page.number))])
    kind, title, *paragraphs = body
    expected = " ".join(p.replace("- ", "• ", 1) if p.startswith("- ") else p for p in paragraphs)
    # The seed's headings are in capitals; the style now prints them as the Markdown writes them.
    for heading in HEADINGS_AS_WRITTEN:
        expected = expected.replace(heading.upper(), heading)
    assert printed.startswith(kind)
    assert title.lower() in printed.lower()[:200]
    assert plain_typography(printed[printed.index("Introduction") :]) == plain_typography(expected)


def test_every_note_is_printed_in_full_on_the_page_of_its_first_call(seed, read_back):
    _, notes, _ = seed
    pdf_pages, positions, calls = read_back
    tops = note_tops(positions)
    assert sorted(positions) == sorted(notes), "a note is missing or extra"
    for number, text in notes.items():
        page, _ = positions[number]
        assert calls[number][0] == page, f"note {number} called on page {calls[number][0]}, printed on {page}"
        printed = squash(note_words(pdf_pages[page - 1], tops[page]))
        # The seed prints its web addresses in angle brackets; pressroom prints them without.
        text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
        assert squash(f"{number}{text}") in printed, f"note {number} is not printed in full on page {page}"


def test_note_8_is_called_twice_and_printed_once(read_back):
    pdf_pages, positions, calls = read_back
    assert len(calls[8]) == 2
    everything = squash(" ".join(join_words(p.words) for p in pdf_pages))
    assert everything.count(squash("Internet Watch Foundation Annual and Charity Report 2015, p.18")) == 1


def test_background_page_is_last_and_alone(seed, read_back):
    _, _, background = seed
    pdf_pages, positions, _ = read_back
    last = pdf_pages[-1]
    title = "Emerging global threats related to the online sexual exploitation of children"
    facts = [  # from the organisation's file and the report's facts (year, title, place)
        "ECPAT International 328/1 Phaya Thai Road, Ratchathewi, Bangkok 10400, Thailand +66 2 215 3388 info@ecpat.org www.ecpat.org",
        f"Suggested citation ECPAT International (2017). {title}. Bangkok: ECPAT International.",
        "© ECPAT International. Reproduction is authorised with acknowledgement of source as ECPAT International.",
    ]
    assert plain_typography(join_words(last.words)) == plain_typography(" ".join(["ECPAT INTERNATIONAL", *background, *facts]))
    assert all(page != last.number for page, _ in positions.values())
    assert not any(BACKGROUND_HEADING in join_words(p.words) for p in pdf_pages[:-1])


def test_no_word_runs_outside_the_text_block(read_back):
    pdf_pages, _, _ = read_back
    for page in pdf_pages:
        for word in page.words:
            assert LEFT_MARGIN - 1 <= word.x0 and word.x1 <= page.width - RIGHT_MARGIN + 1, (page.number, word)


def test_page_size_running_heads_and_folios(read_back):
    pdf_pages, _, _ = read_back
    assert all(abs(p.width - 595.28) < 0.1 and abs(p.height - 841.89) < 0.1 for p in pdf_pages)
    total = len(pdf_pages)
    for page in pdf_pages[:-1]:
        head = join_words([w for w in page.words if w.middle < TOP_MARGIN])
        foot = join_words([w for w in page.words if w.middle > page.height - BOTTOM_MARGIN])
        assert foot == f"Page {page.number} of {total}"
        if page.number == 1:
            assert head == "ECPAT International"  # the organisation's mark, in the cover band
        else:
            assert head.startswith("Emerging global threats") and head.endswith("ECPAT International")


def test_metadata_language_and_bookmarks(seed_pdf: Path):
    reader = pypdf.PdfReader(seed_pdf)
    meta = reader.metadata
    assert meta.title == "Emerging global threats related to the online sexual exploitation of children"
    assert meta.author == "ECPAT International"
    assert "ICT expansion" in meta.subject
    assert "live streaming" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20170131")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB" and root["/ViewerPreferences"]["/DisplayDocTitle"]

    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    assert list(titles(reader.outline)) == [
        "Emerging global threats related to the online sexual exploitation of children",
        "Introduction",
        "The major global threats facilitated by ICT expansion and innovations are:",
        BACKGROUND_HEADING,
    ]


def test_calls_and_urls_are_links(seed_pdf: Path):
    reader = pypdf.PdfReader(seed_pdf)
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert "https://www.unodc.org/documents/organized-crime/cybercrime/Study_on_the_Effects.pdf" in uris
    assert "http://www.ecpat.org" in uris
    assert sum(len(v) for v in call_pages(seed_pdf).values()) == 20  # 19 notes, note 8 twice


def test_every_font_is_embedded_and_asked_for(seed_pdf: Path):
    listing = subprocess.run(["pdffonts", str(seed_pdf)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), listing  # the "emb" column
    families = {re.sub(r"^[A-Z]{6}\+", "", row.split()[0]).split("-Bold")[0] for row in rows}
    assert families <= {"Charis-SIL", "Noto-Sans"}, families


def test_two_builds_are_byte_identical(report_dir: Path, seed_pdf: Path, tmp_path: Path):
    again = tmp_path / "again.pdf"
    build(report_dir, again)
    assert again.read_bytes() == seed_pdf.read_bytes()


def test_a_note_taller_than_its_page_continues_on_the_next_and_the_build_passes(make_report, tmp_path: Path):
    long_note = " ".join(f"word{i:03d}" for i in range(900)) + " LAST-WORD"
    report = make_report(f"Opening paragraph with a long note.[^long]\n\nA later paragraph.[^short]\n\n"
                         f"[^long]: FIRST-WORD {long_note}\n\n[^short]: Short note.\n")
    result = build(report.root, tmp_path / "long.pdf")
    assert result.continued_notes == [1]
    pdf_pages = pages(tmp_path / "long.pdf")
    positions = note_positions(tmp_path / "long.pdf")
    assert positions[1][0] == call_pages(tmp_path / "long.pdf")[1][0] == 1
    text = [squash(join_words(p.words)) for p in pdf_pages]
    assert "FIRST-WORD" in text[0] and "LAST-WORD" not in text[0]
    assert "LAST-WORD" in text[1] or "LAST-WORD" in text[2]
    everything = "".join(text)
    assert all(everything.count(f"word{i:03d}") == 1 for i in range(900))


def test_code_and_indented_blocks_use_the_styles_monospace_font(make_report, tmp_path: Path):
    report = make_report("Run `pressroom build` now.\n\n    an indented block\n")
    result = build(report.root, tmp_path / "code.pdf")
    listing = subprocess.run(["pdffonts", str(result.output)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Sans-Mono" in listing


def test_a_character_missing_from_the_styles_fonts_is_named_once_with_the_right_advice(make_report, tmp_path: Path):
    from pressroom.problems import UserError

    from report_folders import write_report

    # The style names no font for the script: the build stops before layout, at the character.
    folder = write_report(tmp_path / "report", "An Egyptian sign: \U00013000.\n")
    with pytest.raises(UserError) as failure:
        build(folder, tmp_path / "sign.pdf", profile="both")
    problems = failure.value.problems
    assert len(problems) == 1, problems
    assert (Path(problems[0].file).name, problems[0].line, problems[0].column) == ("text.md", 1, 19)
    assert "Egyptian hieroglyphs script" in problems[0].message and "names no font for it" in problems[0].message
    assert "apt-get" not in problems[0].message
