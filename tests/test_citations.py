"""Citations of record: [@key, p. 18] as notes in a CSL style, Ibid., the bibliography."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from pressroom.markdown import render_markdown

WORKS = [
    {"id": "Ioannidis2005", "type": "article-journal", "author": [{"family": "Ioannidis", "given": "John P. A."}],
     "title": "Why Most Published Research Findings Are False", "container-title": "PLoS Medicine",
     "volume": "2", "issue": "8", "page": "e124", "issued": {"date-parts": [[2005]]}},
    {"id": "Stodden2014", "type": "book", "author": [{"family": "Stodden", "given": "Victoria"}],
     "title": "Implementing Reproducible Research", "publisher": "CRC Press", "publisher-place": "Boca Raton",
     "issued": {"date-parts": [[2014]]}},
]
BIBTEX = """@book{Stodden2014,
  author = {Stodden, Victoria},
  title = {Implementing Reproducible Research},
  publisher = {CRC Press}, address = {Boca Raton}, year = {2014}
}
"""


@pytest.fixture
def cited(make_report, tmp_path):
    def make(text: str, **settings: object):
        (tmp_path / "report").mkdir(exist_ok=True)
        (tmp_path / "report" / "references.json").write_text(json.dumps(WORKS), encoding="utf-8")
        return render_markdown(make_report(text, bibliography="references.json", **settings))

    return make


def note_texts(body) -> list[str]:
    return [note.text for note in body.notes]


def test_a_citation_becomes_a_chicago_note_then_ibid_then_a_short_form(cited):
    body, problems = cited(
        "First [@Ioannidis2005, p. 18], again [@Ioannidis2005, p. 19], a book [@Stodden2014], back [@Ioannidis2005, pp. 20-21].\n"
    )
    assert problems == []
    assert note_texts(body) == [
        # The report is in en-GB: British quotation marks, punctuation outside them.
        "John P. A. Ioannidis, ‘Why Most Published Research Findings Are False’, PLoS Medicine 2, no. 8 (2005): 18.",
        "Ibid., 19.",
        "Victoria Stodden, Implementing Reproducible Research (Boca Raton: CRC Press, 2014).",
        "Ioannidis, ‘Why Most Published Research Findings Are False’, 2005, 20–21.",
    ]
    assert "<em>PLoS Medicine</em>" in body.notes[0].html


def test_the_works_cited_are_listed_at_the_end_as_the_bibliography(cited):
    body, _ = cited("Only one [@Stodden2014].\n")
    section = body.html[body.html.index('<section class="bibliography">'):]
    assert re.findall(r'<li class="bibliography-entry">(.*?)</li>', section) == [
        "Stodden, Victoria. <i>Implementing Reproducible Research</i>. Boca Raton: CRC Press, 2014."
    ]
    assert body.headings[-1].anchor == "bibliography"


def test_the_bibliography_is_in_the_styles_order_not_the_order_of_citation(cited):
    body, _ = cited("Later author first [@Stodden2014], then [@Ioannidis2005].\n")
    entries = re.findall(r'<li class="bibliography-entry">(\w+)', body.html)
    assert entries == ["Ioannidis", "Stodden"]


def test_a_citation_inside_a_note_is_set_in_the_note_without_a_note_of_its_own(cited):
    body, problems = cited("Text.[^a]\n\n[^a]: As argued in [@Stodden2014, chap. 2].\n")
    assert problems == []
    assert note_texts(body) == ["As argued in Victoria Stodden, Implementing Reproducible Research (Boca Raton: CRC Press, 2014), ch. 2."]


def test_an_unknown_key_is_reported_at_its_file_line_and_column(cited):
    _, problems = cited("Line one.\n\nAs shown [@Stodden2014; @Nobody2020, p. 3].\n")
    assert [(p.file.endswith("text.md"), p.line, p.column) for p in problems] == [(True, 3, 25)]
    assert "@Nobody2020" in problems[0].message and "not in the bibliography" in problems[0].message


def test_without_a_bibliography_there_are_no_citations_only_text_and_links(make_report):
    """Text written for other tools: a mention linked to a profile, a citation shown in code."""
    text = "Thanks to [@njbart](https://github.com/njbart) and `[@key, 67]`; see [@Stodden2014].\n"
    body, problems = render_markdown(make_report(text))
    assert problems == []
    assert '<a href="https://github.com/njbart">@njbart</a>' in body.html
    assert "<code>[@key, 67]</code>" in body.html and "see [@Stodden2014]." in body.html


def test_a_link_or_code_is_not_a_citation_even_with_a_bibliography(cited):
    body, problems = cited("Thanks to [@njbart](https://github.com/njbart); write `[@Nobody2020]`.\n")
    assert problems == [] and body.notes == ()


def test_a_bibtex_bibliography_works_too(make_report, tmp_path):
    (tmp_path / "report").mkdir()
    (tmp_path / "report" / "refs.bib").write_text(BIBTEX, encoding="utf-8")
    body, problems = render_markdown(make_report("A book [@Stodden2014].\n", bibliography="refs.bib"))
    assert problems == []
    assert note_texts(body) == ["Victoria Stodden, Implementing Reproducible Research (Boca Raton: CRC Press, 2014)."]


def test_text_in_brackets_that_is_not_a_citation_stays_as_written(cited):
    body, problems = cited("Mail [info@example.org] or [see @ home].\n")
    assert problems == [] and body.notes == ()


def test_a_citation_inside_a_note_written_in_place_is_set_in_that_note(cited):
    body, problems = cited("Text.^[Compare [@Stodden2014, p. 4].] More [@Stodden2014, p. 5].\n")
    assert problems == []
    assert note_texts(body) == [
        "Compare Victoria Stodden, Implementing Reproducible Research (Boca Raton: CRC Press, 2014), 4.",
        "Ibid., 5.",
    ]


def test_a_csl_style_in_the_report_folder_can_be_chosen_and_an_unknown_one_is_reported(cited, tmp_path):
    from pressroom.citations import CSL_DIR

    (tmp_path / "report").mkdir()
    shutil.copy(CSL_DIR / "chicago-notes-bibliography-16th-edition.csl", tmp_path / "report" / "house.csl")
    body, problems = cited("A book [@Stodden2014].\n", citation_style="house")
    assert problems == [] and note_texts(body)[0].startswith("Victoria Stodden")
    _, problems = cited("A book [@Stodden2014].\n", citation_style="no-such-style")
    assert len(problems) == 1 and "no citation style 'no-such-style'" in problems[0].message
    assert problems[0].file.endswith("report.yaml")
