"""pressroom.importing: Word and LibreOffice drafts (made by LibreOffice, tests/data/word/) to a report folder."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from pdfread import plain_typography
from PIL import Image

from pressroom import messages
from pressroom.importing import import_draft
from pressroom.load import load_source
from pressroom.markdown import render_markdown
from pressroom.validate import validate

WORD = Path(__file__).resolve().parent / "data" / "word"
FORMATS = ("docx", "odt")
TODAY = datetime.date(2026, 1, 2)


def imported(draft: str | Path, folder: Path, **options):
    result, problems = import_draft(WORD / draft, folder, today=TODAY, **options)
    assert result is not None, problems
    markdown = next(path for path in result.files if path.suffix == ".md").read_text(encoding="utf-8")
    return result, problems, markdown


def rendered(folder: Path):
    source, problems = load_source(folder)
    report, more = validate(source)
    assert report is not None, problems + more
    return render_markdown(report)[0]


@pytest.mark.parametrize("kind", FORMATS)
def test_the_briefing_paper_keeps_every_note_with_its_text_and_calls(kind, tmp_path, report_dir):
    result, problems, markdown = imported(f"briefing-paper.{kind}", tmp_path / "paper", organisation="ecpat-international")
    assert problems == []
    assert result.notes == 19
    assert len(re.findall(r"^\[\^\d+\]: ", markdown, re.M)) == 19
    assert markdown.count("[^8]") == 3  # two calls (the second a cross-reference in the draft) and the note
    paper, original = rendered(tmp_path / "paper"), rendered(report_dir)
    assert [(n.number, n.text) for n in paper.notes] == [(n.number, n.text) for n in original.notes]
    assert [h.text for h in paper.headings] == [h.text for h in original.headings]
    words = lambda html: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()  # noqa: E731
    assert words(paper.html) == words(original.html)


@pytest.mark.parametrize("kind", FORMATS)
def test_report_yaml_comes_from_the_document_properties_each_guess_marked(kind, tmp_path, report_dir):
    imported(f"briefing-paper.{kind}", tmp_path / "paper")
    written = (tmp_path / "paper" / "report.yaml").read_text(encoding="utf-8")
    facts, original = yaml.safe_load(written), yaml.safe_load((report_dir / "report.yaml").read_text(encoding="utf-8"))
    for key in ("title", "kind", "organisation", "date", "language", "page_size", "subject", "keywords", "files"):
        assert facts[key] == original[key], key
    for key in ("title", "kind", "organisation", "date", "language", "page_size", "subject", "keywords"):
        assert re.search(rf"^{key}: .*  # check: ", written, re.M), key
    assert written.startswith("# yaml-language-server: $schema=")


def test_a_draft_without_properties_falls_back_to_its_first_heading_and_today(tmp_path):
    from pressroom.importing.convert import Converted
    from pressroom.importing.package import PackageFacts
    from pressroom.importing.settings import settings_for

    settings = settings_for(Path("draft.docx"), PackageFacts(), Converted("", first_heading="Findings"), "ecpat-international", "", "draft.md", TODAY)
    values = {s.key: (s.value, s.guess) for s in settings}
    assert values["title"] == ("Findings", messages.IMPORT_GUESS_FIRST_HEADING)
    assert values["date"] == (TODAY, messages.IMPORT_GUESS_TODAY)
    assert values["kind"][1] == messages.IMPORT_GUESS_DEFAULT_KIND
    assert values["language"] == ("en", messages.IMPORT_GUESS_DEFAULT_LANGUAGE)


@pytest.mark.parametrize("kind", FORMATS)
def test_text_structures_become_markdown(kind, tmp_path):
    _, _, markdown = imported(f"features.{kind}", tmp_path / "features")
    assert "## What the importer keeps\n" in markdown and "### Lists\n" in markdown
    assert "Plain, **bold**, *italic*, red and large and [a link](https://www.ecpat.org/)." in markdown
    assert "> A quotation set apart from the text." in markdown
    # Nesting and numbering kept, one list each (Word saves the sublist as two numbering instances).
    assert "- Online grooming\n  1.  first step\n  2.  second step\n- Live streaming\n" in markdown
    assert "1.  One\n2.  Two\n3.  Three\n" in markdown


@pytest.mark.parametrize("kind", FORMATS)
def test_endnotes_long_notes_and_notes_in_table_cells_are_notes(kind, tmp_path):
    _, _, markdown = imported(f"features.{kind}", tmp_path / "features")
    assert "[^1]: The first paragraph of a long note, with *a title in italics*.\n\n    Its second paragraph, with a link: <https://www.iwf.org.uk/>." in markdown
    assert "[^2]: The endnote's text." in markdown
    assert "| Asia[^3] |" in markdown and "[^3]: A note called from a table cell." in markdown


@pytest.mark.parametrize("kind", FORMATS)
def test_a_table_cell_of_several_paragraphs_is_joined_into_one_line_and_said(kind, tmp_path):
    _, problems, markdown = imported(f"features.{kind}", tmp_path / "features")
    assert re.search(r"^\| Africa +\| 5 300; \(estimate\) +\|$", markdown, re.M)
    assert messages.IMPORT_CELL_JOINED.format(words="5 300; (estimate)") in [p.message for p in problems if not p.is_error]


@pytest.mark.parametrize("kind", FORMATS)
def test_notes_in_the_draft_are_notes_in_the_report(kind, tmp_path):
    imported(f"features.{kind}", tmp_path / "features")
    body = rendered(tmp_path / "features")
    assert [plain_typography(note.text) for note in body.notes] == [
        "The first paragraph of a long note, with a title in italics. Its second paragraph, with a link: https://www.iwf.org.uk/.",
        "The endnote's text.",
        "A note called from a table cell.",
    ]
    assert 'href="https://www.iwf.org.uk/"' in body.notes[0].html


@pytest.mark.parametrize("kind", FORMATS)
def test_images_are_extracted_as_they_are_and_a_missing_description_is_reported_like_the_build(kind, tmp_path):
    result, problems, markdown = imported(f"features.{kind}", tmp_path / "features")
    images = re.findall(r"!\[(.*?)\]\((.*?)\)", markdown)
    assert [alt for alt, _ in images] == ["Bar chart: reports received in each region", ""]
    sizes = [Image.open(tmp_path / "features" / path).size for _, path in images]
    assert sizes == [(1200, 400), (900, 600)]  # the pixels of the draft, not a screen-sized copy
    missing = images[1][1]
    line = next(number for number, text in enumerate(markdown.splitlines(), start=1) if missing in text)
    [problem] = [p for p in problems if p.is_error]
    assert (Path(problem.file).name, problem.line) == ("features.md", line) and problem.column > 0
    assert problem.message == messages.IMAGE_NO_ALT.format(src=missing)
    assert result.images == 2


@pytest.mark.parametrize("kind", FORMATS)
def test_comments_and_formatting_markdown_cannot_say_are_dropped_and_counted(kind, tmp_path):
    _, problems, markdown = imported(f"features.{kind}", tmp_path / "features")
    warnings = [p.message for p in problems if not p.is_error]
    assert messages.IMPORT_COMMENTS_DROPPED.format(count=1) in warnings
    [formatting] = [w for w in warnings if w.startswith("Formatting")]
    assert "colour in 1 place(s)" in formatting and "size in 1 place(s)" in formatting
    assert "Check this figure" not in markdown


@pytest.mark.parametrize("kind", FORMATS)
def test_tracked_changes_stop_the_import_and_are_named(kind, tmp_path):
    result, problems = import_draft(WORD / f"tracked-changes.{kind}", tmp_path / "draft")
    assert result is None and not (tmp_path / "draft").exists()
    named = sorted(p.message for p in problems)
    assert named[0].startswith("A tracked deletion by Ana Editor: 'very', in the paragraph that begins 'Reports rose sharply in a")
    assert named[1].startswith("A tracked insertion by Ana Editor: 'sharply', in the paragraph that begins 'Reports rose sharply in a")
    assert named[2] == messages.IMPORT_CHANGES_STOP.format(count=2)


@pytest.mark.parametrize("kind", FORMATS)
def test_accepting_tracked_changes_imports_the_final_text(kind, tmp_path):
    _, problems, markdown = imported(f"tracked-changes.{kind}", tmp_path / "draft", changes="accept")
    assert "Reports rose sharply in a short time." in markdown
    assert messages.IMPORT_COMMENTS_DROPPED.format(count=1) in [p.message for p in problems]
    assert "Source?" not in markdown


def test_rejecting_tracked_changes_imports_the_text_before_them(tmp_path):
    _, _, markdown = imported("tracked-changes.docx", tmp_path / "draft", changes="reject")
    assert "Reports rose in a very short time." in markdown


def test_rejecting_changes_in_an_odt_says_how_to_do_it_in_libreoffice(tmp_path):
    result, problems = import_draft(WORD / "tracked-changes.odt", tmp_path / "draft", changes="reject")
    assert result is None and [p.message for p in problems] == [messages.IMPORT_ODT_REJECT]


def test_an_unknown_organisation_is_refused_before_anything_is_written(tmp_path):
    result, problems = import_draft(WORD / "features.docx", tmp_path / "draft", organisation="nobody")
    assert result is None and "There is no organisation 'nobody'" in problems[0].message
    assert not (tmp_path / "draft").exists()


def test_a_folder_with_files_is_not_overwritten(tmp_path):
    (tmp_path / "draft").mkdir()
    (tmp_path / "draft" / "notes.txt").write_text("mine")
    result, problems = import_draft(WORD / "features.docx", tmp_path / "draft")
    assert result is None and problems[0].message == messages.IMPORT_FOLDER_NOT_EMPTY.format(folder=tmp_path / "draft")


def test_files_that_are_not_drafts_are_refused(tmp_path):
    text = tmp_path / "draft.docx"
    text.write_text("not a zip")
    assert import_draft(text, tmp_path / "out")[1][0].message == messages.IMPORT_NOT_A_DRAFT.format(path=text)
    missing = tmp_path / "missing.docx"
    assert import_draft(missing, tmp_path / "out")[1][0].message == messages.IMPORT_NOT_FOUND.format(path=missing)


@pytest.mark.parametrize("kind", FORMATS)
def test_title_and_subtitle_paragraphs_go_to_report_yaml_not_the_text(kind, tmp_path):
    _, _, markdown = imported(f"features.{kind}", tmp_path / "features")
    facts = yaml.safe_load((tmp_path / "features" / "report.yaml").read_text(encoding="utf-8"))
    assert facts["subtitle"] == "Everything a draft can hold"
    assert facts["title"] == "What the importer keeps"  # the Title property comes before the Title style
    assert facts["page_size"] == "Letter"
    assert "Importer features" not in markdown and "Everything a draft" not in markdown


def test_words_own_noteref_cross_reference_is_a_second_call_too(tmp_path):
    """LibreOffice saves the second call of note 8 as `REF _RefF8 \\h`; Word itself writes
    `NOTEREF _Ref... \\f \\h` (Insert > Cross-reference > Footnote number (formatted)), which
    pandoc alone reads as the plain digit."""
    word_style = tmp_path / "word.docx"
    with zipfile.ZipFile(WORD / "briefing-paper.docx") as source, zipfile.ZipFile(word_style, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                assert b" REF _RefF8 \\h " in data
                data = data.replace(b" REF _RefF8 \\h ", b" NOTEREF _RefF8 \\f \\h ")
            target.writestr(item, data)
    result, _, markdown = imported(word_style, tmp_path / "paper")
    assert result.notes == 19 and markdown.count("[^8]") == 3
    assert "EUROPOL[^8] and other" in markdown


@pytest.mark.parametrize("kind", FORMATS)
def test_a_damaged_draft_is_a_problem_not_a_traceback(kind, tmp_path):
    damaged = tmp_path / f"damaged.{kind}"
    with zipfile.ZipFile(damaged, "w") as package:
        package.writestr("readme.txt", "a zip, but no document in it")
    result, problems = import_draft(damaged, tmp_path / "out")
    assert result is None and problems[0].message.startswith(f"'{damaged}' cannot be read (")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice makes the drafts; the tests use the copies kept in tests/data/word")
def test_the_kept_drafts_are_what_make_fixtures_makes(tmp_path):
    """The script and the files kept beside it agree: the same Markdown from each."""
    copy = tmp_path / "word"
    copy.mkdir()
    subprocess.run([sys.executable, str(WORD / "make_fixtures.py"), str(copy)], check=True, capture_output=True)
    for draft in sorted(WORD.glob("*.docx")) + sorted(WORD.glob("*.odt")):
        kept = imported(draft, tmp_path / "kept" / draft.name, changes="accept")[2]
        made = imported(copy / draft.name, tmp_path / "made" / draft.name, changes="accept")[2]
        assert made == kept, draft.name


@pytest.mark.parametrize(
    ("setting", "counted"),
    [
        ('<w:color w:val="C00000"/>', "colour"),
        ('<w:color w:val="auto"/>', ""),  # Word's automatic colour is no colour
        ('<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>', "font"),
        ('<w:rFonts w:hint="eastAsia"/>', ""),  # a script hint Word writes by itself
        ('<w:sz w:val="28"/>', "size"),
        ("<w:b/>", ""),  # bold is Markdown's **
    ],
)
def test_which_word_run_settings_count_as_formatting_left_out(setting, counted):
    from xml.etree import ElementTree

    from pressroom.importing.package import W, _word_formatting

    element = ElementTree.fromstring(setting.replace("/>", f' xmlns:w="{W}"/>'))
    assert _word_formatting(element) == counted
