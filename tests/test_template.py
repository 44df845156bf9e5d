"""Stage 4: the Jinja template escapes what it is given and refuses what it is not."""

from __future__ import annotations

import re

import jinja2
import pytest

import pressroom.template
from pressroom.markdown import render_markdown
from pressroom.template import fill_template


def test_facts_fill_the_title_block_and_metadata_escaped(make_report):
    report = make_report("Body text.\n", title="Kids & <Screens>", keywords=["one", "two"], subject="About it")
    body, _ = render_markdown(report)
    html = fill_template(report, body).html
    assert (
        '<h1 class="title" data-bookmark="Kids &amp; &lt;Screens&gt;" data-running-title="Kids &amp; &lt;Screens&gt;">'
        "Kids &amp; &lt;Screens&gt;</h1>"
    ) in html
    assert '<meta name="keywords" content="one, two">' in html
    assert '<meta name="dcterms.created" content="2020-05-01">' in html
    assert '<html lang="en-GB" dir="ltr">' in html
    assert "May 2020" in html and "ECPAT International" in html


def test_the_background_page_comes_last_with_the_organisation_heading(make_report):
    report = make_report("Body text.\n")
    body, _ = render_markdown(report)
    html = fill_template(report, body).html
    assert html.index("Body text.") < html.index('class="back-page"') < html.index("ECPAT is a network of 95")
    assert "Background information about ECPAT International" in html


def test_a_missing_variable_is_an_error_not_an_empty_string(make_report, monkeypatch, tmp_path):
    (tmp_path / "report.html.j2").write_text("{{ settings.title }} {{ no_such_thing }}")
    monkeypatch.setattr(pressroom.template, "templates_dir", lambda: tmp_path)
    report = make_report("Body.\n")
    body, _ = render_markdown(report)
    with pytest.raises(jinja2.UndefinedError):
        fill_template(report, body)


def test_a_report_with_chapters_gets_contents_and_acronyms_a_briefing_paper_gets_neither(make_report):
    report = make_report("# One\n\n## Part\n\n### Detail\n\nText.\n", acronyms={"NGO": "Non-governmental organisation"})
    html = fill_template(report, render_markdown(report)[0]).html
    entries = re.findall(r'<li class="contents-level-(\d)"><a href="#([\w-]+)">', html)
    assert entries == [("1", "acronyms"), ("1", "one"), ("2", "part")]
    assert "<dt>NGO</dt><dd>Non-governmental organisation</dd>" in html
    briefing = make_report("## Section\n\nText.\n")
    assert 'class="front-matter"' not in fill_template(briefing, render_markdown(briefing)[0]).html


def test_each_report_is_typeset_by_its_own_language_though_the_template_is_compiled_once(make_report):
    """The template's environment is shared by every report the process fills (a batch,
    watch): the `typeset` filter takes the language from the rendering, not from the first."""
    title = "Enfants : en ligne ?"
    french = make_report("Texte.\n", title=title, language="fr")
    english = make_report("Text.\n", title=title, language="en-GB")
    titles = [
        re.search(r'<h1 class="title"[^>]*>(.*?)</h1>', fill_template(report, render_markdown(report)[0]).html)[1]
        for report in (french, english, french)
    ]
    assert titles[0] == titles[2] == "Enfants\u202f: en ligne\u202f?"
    assert titles[1] == title
