"""Stage 3: Markdown to HTML, notes numbered by first call and written at the call."""

from __future__ import annotations

import re

from pressroom.markdown import render_markdown

TWO_NOTES = """First call[^b] and second[^a], then b again[^b].

[^a]: Note A.
[^b]: Note B.
"""


def notes_in(html: str) -> list[str]:
    return re.findall(r'<span class="footnote" id="note-(\d+)"', html)


def test_notes_are_numbered_by_first_call_not_by_label_or_definition(make_report):
    body, problems = render_markdown(make_report(TWO_NOTES))
    assert problems == []
    assert [(n.number, n.label, n.text) for n in body.notes] == [(1, "b", "Note B."), (2, "a", "Note A.")]
    assert notes_in(body.html) == ["1", "2"]


def test_a_second_call_shows_the_same_number_links_to_the_note_and_prints_it_once(make_report):
    body, _ = render_markdown(make_report(TWO_NOTES))
    calls = re.findall(r'<a class="note-call"[^>]*href="#note-(\d+)">(\d+)</a>', body.html)
    assert calls == [("1", "1"), ("2", "2"), ("1", "1")]
    assert body.html.count('id="note-1"') == 1


def test_inline_notes_multi_paragraph_notes_and_definitions_anywhere(make_report):
    text = """[^long]: First paragraph
    continues here.

    Second paragraph.

Call the long one[^long] and an inline one^[Inline *note*.].
"""
    body, problems = render_markdown(make_report(text))
    assert problems == []
    long_note, inline_note = body.notes
    assert long_note.text == "First paragraph continues here. Second paragraph."
    assert inline_note.text == "Inline note."
    assert '<span class="note-p">' in long_note.html and "<p>" not in long_note.html
    assert inline_note.number == 2 and "<em>note</em>" in inline_note.html


def test_numbering_runs_on_across_files(make_report):
    body, _ = render_markdown(make_report({"one.md": "A[^x].\n\n[^x]: X.\n", "two.md": "B[^x].\n\n[^x]: Y.\n"}))
    assert [(n.number, n.text) for n in body.notes] == [(1, "X."), (2, "Y.")]


def test_raw_html_is_escaped_not_passed_through(make_report):
    body, _ = render_markdown(make_report('Text <img src="file:///etc/passwd"> and <script>x</script>.\n'))
    assert "<img" not in body.html and "<script>" not in body.html
    assert "&lt;img" in body.html


def test_urls_become_links_and_keep_their_spelling(make_report):
    body, _ = render_markdown(make_report("See https://example.org/a%20b and <https://example.org/c>.\n"))
    assert '<a href="https://example.org/a%20b">https://example.org/a%20b</a>' in body.html
    assert '<a href="https://example.org/c">https://example.org/c</a>' in body.html


def test_headings_get_anchors_and_bookmark_text_without_note_numbers(make_report):
    body, _ = render_markdown(make_report("## Threats[^h]\n\n## Threats\n\n[^h]: Heading note.\n"))
    assert [(h.level, h.text, h.anchor) for h in body.headings] == [(2, "Threats", "threats"), (2, "Threats", "threats-2")]
    assert 'data-bookmark="Threats"' in body.html


def test_note_problems_name_file_line_and_label(make_report):
    body, problems = render_markdown(make_report("Call[^missing].\n\n[^unused]: Never called.\n"))
    messages = {(p.line, p.message.split(" is ")[0]) for p in problems}
    assert messages == {(1, "The note [^missing]"), (3, "The note [^unused]")}
    assert all(p.file.endswith("text.md") for p in problems)


def test_organisation_background_is_rendered_with_its_website_as_a_link(make_report):
    body, _ = render_markdown(make_report("Text.\n"))
    assert "ECPAT is a network of 95" in body.background_html
    assert 'href="http://www.ecpat.org"' in body.background_html


def test_a_call_inside_an_inline_note_is_an_error_not_a_silent_loss(make_report):
    body, problems = render_markdown(make_report("Text^[An inline note with a call[^b].].\n\n[^b]: Inner.\n"))
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1 and errors[0].line == 1 and "[^b]" in errors[0].message


def test_notes_can_be_numbered_from_1_in_each_chapter_keeping_their_ids_unique(make_report):
    text = "# One\n\nA[^a] b[^b].\n\n# Two\n\nC[^c], a again[^a].\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n"
    body, problems = render_markdown(make_report(text, note_numbering="chapter"))
    assert problems == []
    assert [(note.number, note.shown) for note in body.notes] == [(1, 1), (2, 2), (3, 1)]
    calls = re.findall(r'<a class="note-call"[^>]*href="#note-(\d+)">(\d+)</a>', body.html)
    assert calls == [("1", "1"), ("2", "2"), ("3", "1"), ("1", "1")]
    through, _ = render_markdown(make_report(text))
    assert [note.shown for note in through.notes] == [1, 2, 3]
