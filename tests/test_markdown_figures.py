"""Numbered figures, tables and boxes, call-outs, summaries and @fig: references."""

from __future__ import annotations

import re

from pressroom.markdown import render_markdown

FIGURES = {
    "one.md": """# One

As @fig:later and @tab:costs show, and @box:note.

::: figure #fig:first The first figure
Picture.

Source: a survey.
:::

::: box #box:note A box
Box text.
:::
""",
    "two.md": """# Two

::: table #tab:costs What it costs
| a | b |
|---|---|
| 1 | 2 |

Note: rounded.
:::

::: figure #fig:later The *second* figure
Another.
:::

::: callout
A key message.
:::
""",
}


def test_figures_tables_and_boxes_are_numbered_through_the_report_with_captions(make_report):
    body, problems = render_markdown(make_report(FIGURES))
    assert problems == []
    captions = re.findall(r'<span class="caption-label">(\w+ \d+)</span> ([^<]*(?:<em>[^<]*</em>[^<]*)?)<', body.html)
    assert captions == [("Figure 1", "The first figure"), ("Box 1", "A box"), ("Table 1", "What it costs"), ("Figure 2", "The <em>second</em> figure")]
    assert '<figure class="figure" id="fig-first">' in body.html
    assert '<aside class="callout">' in body.html


def test_a_reference_before_its_figure_or_in_another_file_names_its_number_and_links_to_it(make_report):
    body, _ = render_markdown(make_report(FIGURES))
    references = re.findall(r'<a class="xref" href="#([\w-]+)">(\w+)\u00a0(\d+)</a>', body.html)
    assert references == [("fig-later", "Figure", "2"), ("tab-costs", "Table", "1"), ("box-note", "Box", "1")]


def test_source_and_note_lines_of_figures_and_tables_are_marked(make_report):
    body, _ = render_markdown(make_report(FIGURES))
    assert re.findall(r'<p class="source">([^<]*)</p>', body.html) == ["Source: a survey.", "Note: rounded."]


def test_an_unknown_label_is_reported_at_its_file_line_and_column(make_report):
    report = make_report("# One\n\nSee the chart in @fig:missing here.\n")
    _, problems = render_markdown(report)
    assert [(p.file.endswith("text.md"), p.line, p.column) for p in problems] == [(True, 3, 18)]
    assert "@fig:missing" in problems[0].message


def test_duplicate_labels_and_a_label_of_the_wrong_kind_are_reported(make_report):
    text = "::: figure #fig:a One\nx\n:::\n\n::: figure #fig:a Two\ny\n:::\n\n::: table #fig:b Three\nz\n:::\n"
    _, problems = render_markdown(make_report(text))
    assert [(p.line, "given to two" in p.message or "starts with 'tab:'" in p.message) for p in problems] == [(5, True), (9, True)]


def test_an_email_address_is_not_a_reference(make_report):
    body, problems = render_markdown(make_report("Write to info@fig:x.org or me@box:y.\n"))
    assert problems == [] and "xref" not in body.html
