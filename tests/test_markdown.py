"""Stage 3: Markdown to HTML, notes numbered by first call and written at the call."""

from __future__ import annotations

import re
from pathlib import Path

from pressroom import messages
from pressroom.markdown import render_markdown

TWO_NOTES = """First call[^b] and second[^a], then b again[^b].

[^a]: Note A.
[^b]: Note B.
"""


def notes_in(html: str) -> list[str]:
    return re.findall(r'<object class="footnote" id="note-(\d+)"', html)


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
    assert long_note.html.count("<p>") == 2
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
    html = body.html.replace("\u200b", "")  # break chances in the printed address (test_links.py)
    assert '<a href="https://example.org/a%20b">https://example.org/a%20b</a>' in html
    assert '<a href="https://example.org/c">https://example.org/c</a>' in html


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


BLOCK_NOTE = """Call[^n] and a code-only note[^c].

[^n]: First paragraph.

    ```
    fenced code
    ```

    | Head | Cell |
    |------|-----:|
    | a1   | b1   |

    3. three
    4. four

    > quoted

    Setext
    ------

        indented code

    Last paragraph.

[^c]:
    ```
    only code
    ```
"""


def note_element(html: str, number: int) -> str:
    start = html.index(f'<object class="footnote" id="note-{number}"')
    return html[start:html.index("</object>", start) + len("</object>")]


def test_a_note_holds_every_block_in_order_inside_its_own_element(make_report):
    body, problems = render_markdown(make_report(BLOCK_NOTE))
    assert problems == []
    note = note_element(body.html, 1)
    tags = re.findall(r"<(p|pre|table|th|td|ol|li|blockquote|h2)\b", note)
    assert tags == ["p", "pre", "table", "th", "th", "td", "td", "ol", "li", "li", "blockquote", "p", "h2", "pre", "p"]
    assert "Last paragraph." in note and "Last paragraph." not in body.html.replace(note, "")


def test_a_note_text_is_every_block_so_a_cut_note_cannot_pass_the_audit(make_report):
    body, _ = render_markdown(make_report(BLOCK_NOTE))
    assert body.notes[0].text == (
        "First paragraph. fenced code Head Cell a1 b1 three four quoted Setext indented code Last paragraph."
    )
    assert body.notes[1].text == "only code"


def test_an_ordered_list_keeps_its_start_number_in_a_note_and_in_the_body(make_report):
    body, _ = render_markdown(make_report("3. body three\n4. four\n\nCall[^n].\n\n[^n]: 7. seven\n    8. eight\n"))
    assert body.html.count('<ol start="3" style="counter-reset: list-item 2">') == 1
    assert '<ol start="7" style="counter-reset: list-item 6">' in note_element(body.html, 1)
    assert note_element(body.html, 1).count("<ol") == note_element(body.html, 1).count("</ol>") == 1


def test_html_comments_vanish_and_say_nothing(make_report):
    body, problems = render_markdown(make_report("<!-- NOTES -->\n\nText <!-- lint: off --> here.\n"))
    assert "NOTES" not in body.html and "lint" not in body.html and "&lt;!--" not in body.html
    assert problems == []


def test_harmless_html_is_kept_without_attributes_that_load_or_style(make_report):
    text = (
        'H<sub>2</sub>O at 10<sup>3</sup>, <small>small</small> <abbr title="World" onclick="x()">WHO</abbr>,<br>next.\n\n'
        '<table>\n<tr><td colspan="2" style="color:red">wide</td></tr>\n</table>\n'
    )
    body, problems = render_markdown(make_report(text))
    assert "H<sub>2</sub>O at 10<sup>3</sup>, <small>small</small> <abbr title=\"World\">WHO</abbr>,<br>" in body.html
    assert '<td colspan="2">wide</td>' in body.html
    assert "onclick" not in body.html and "style=" not in body.html
    assert [(p.line, p.column, p.severity) for p in problems] == [(1, 56, "warning"), (4, 5, "warning")]
    assert "'onclick'" in problems[0].message and "'style'" in problems[1].message


def test_other_html_is_printed_as_typed_and_reported_where_it_is(make_report):
    text = 'A <span style="color:red">red</span> word.\n\n- item\n\n  <div class="box">\n  inside\n  </div>\n'
    body, problems = render_markdown(make_report(text))
    printed = body.html.replace("\u200b", "")  # break chances after = " > (raw_html.TAG_BREAKS)
    assert "&lt;span style=\"color:red\"&gt;red&lt;/span&gt;" in printed
    assert "&lt;div class=\"box\"&gt;" in printed and "<div" not in printed
    assert 'style="\u200bcolor:red"\u200b&gt;' in body.html
    assert [(p.line, p.column, p.severity) for p in problems] == [(1, 3, "warning"), (5, 3, "warning")]
    assert problems[0].message.startswith("'<span style=\"color:red\">' is HTML that pressroom does not lay out")


def test_html_in_a_note_is_reported_and_its_printed_text_is_in_the_note_text(make_report):
    body, problems = render_markdown(make_report("Call[^n].\n\n[^n]: A <font>big</font> word.\n"))
    assert body.notes[0].text == "A <font>big</font> word."
    assert [(p.line, p.column) for p in problems] == [(3, 9)]


def test_a_link_that_is_not_a_web_address_prints_its_words_unlinked_with_a_warning_at_its_place(make_report):
    text = "Intro.\n\nSee the [annex](annex.pdf), [about](/about/) and [top](#intro) or [web](https://example.org).\n"
    body, problems = render_markdown(make_report(text))
    assert [(p.line, p.column, p.is_error) for p in problems] == [(3, 17, False), (3, 37, False)]
    assert "annex.pdf" in problems[0].message and "/about/" in problems[1].message
    assert "See the annex, about and" in body.html
    assert 'href="#intro"' in body.html and 'href="https://example.org"' in body.html


def test_web_links_pass_and_file_urls_never_become_links(make_report):
    text = "[a](file:///etc/passwd) [b](https://example.org) [c](mailto:x@example.org)\n"
    body, problems = render_markdown(make_report(text))
    assert problems == [] and 'href="file:' not in body.html


def test_image_names_with_accents_and_spaces_are_found_and_named_as_written(make_report, tmp_path):
    from PIL import Image

    report = make_report("Intro.\n\n![A chart](café.png) and ![Another](<my chart.png>)\n")
    Image.new("RGB", (20, 20), "red").save(report.root / "café.png")
    body, problems = render_markdown(report)
    assert [(p.line, p.column, p.message) for p in problems] == [(3, 38, messages.IMAGE_MISSING.format(src="my chart.png"))]
    assert 'src="file:///pressroom/report/caf%C3%A9.png"' in body.html


def test_a_truncated_picture_is_an_error_at_its_place(make_report):
    from PIL import Image

    report = make_report("![A photo](photo.jpg)\n")
    Image.effect_noise((400, 400), 60).convert("RGB").save(report.root / "photo.jpg")
    data = (report.root / "photo.jpg").read_bytes()
    (report.root / "photo.jpg").write_bytes(data[: len(data) // 2])
    _, problems = render_markdown(report)
    assert [(p.line, p.column, p.message) for p in problems] == [(1, 12, messages.IMAGE_TRUNCATED.format(src="photo.jpg"))]


def test_pictures_inside_notes_are_checked_like_any_other(make_report):
    text = "Text[^a] and ^[inline ![Gone too](gone2.png)].\n\n[^a]: A note ![Gone](gone.png).\n"
    _, problems = render_markdown(make_report(text))
    assert sorted((p.line, p.message) for p in problems) == [
        (1, messages.IMAGE_MISSING.format(src="gone2.png")),
        (3, messages.IMAGE_MISSING.format(src="gone.png")),
    ]
    assert all(p.is_error for p in problems)


def test_heading_handling_grows_linearly():
    """tokens.index() per heading made 6000 headings take 50 s: compare 1x with 4x."""
    from growth import grows_linearly

    from pressroom.markdown import _Numbering, _render_file, new_parser
    from pressroom.model import SourceFile

    def work_for(count: int):
        source = SourceFile(Path("t.md"), "".join(f"## Heading {n}\n\nText.\n\n" for n in range(count)))
        return lambda: _render_file(new_parser(), source, Path("."), _Numbering())

    assert grows_linearly(work_for, 1000)


def test_a_picture_in_a_note_is_placed_like_any_other(make_report):
    from PIL import Image

    report = make_report("Text[^a].\n\n[^a]: A note ![A dot](dot.png).\n")
    Image.new("RGB", (20, 20), "red").save(report.root / "dot.png")
    body, problems = render_markdown(report)
    assert problems == [] and 'src="file:///pressroom/report/dot.png"' in body.notes[0].html


def test_straight_quotes_dashes_and_dots_become_the_language_s_typography_but_not_in_code(make_report):
    text = 'He said "yes" -- it\'s done... see (c) and `"code"`.\n\n    "indented code"\n'
    body, _ = render_markdown(make_report(text))
    assert "He said “yes” – it’s done… see (c) and <code>&quot;code&quot;</code>." in body.html
    assert "&quot;indented code&quot;" in body.html
    german, _ = render_markdown(make_report(text, language="de"))
    assert "He said „yes“" in german.html


def test_inline_notes_get_the_same_quotes_dashes_and_dots_as_the_text(make_report):
    body, _ = render_markdown(make_report('Texte^[Une note "citée" -- voilà...] et[^a].\n\n[^a]: Note "deux".\n', language="fr"))
    inline, written = (note.html for note in body.notes)
    assert "«citée» – voilà…" in inline and "«deux»" in written
    assert "«\u202fcitée\u202f» – voilà…" in body.html, "and French spacing, as the notes are printed"


def test_a_note_call_carries_its_description_in_the_report_s_language(make_report):
    body, _ = render_markdown(make_report("Texte.[^a]\n\n[^a]: Une note.\n", language="es"))
    assert 'data-description="Nota 1"' in body.html


def test_the_background_page_gets_the_quotes_of_its_own_language(make_report):
    import dataclasses

    report = make_report('Er sagte "ja".', language="de")  # no German background: the English one
    assert report.organisation.language == "en"
    background = dataclasses.replace(report.organisation.background, text='They said "yes".')
    report = dataclasses.replace(report, organisation=dataclasses.replace(report.organisation, background=background))
    body, _ = render_markdown(report)
    assert "Er sagte „ja“." in body.html
    assert "They said “yes”." in body.background_html
