"""conventions.py: the writer's typographic conventions, words unchanged."""

from __future__ import annotations

import sys

from markdown_it import MarkdownIt

from pressroom.conventions import NARROW_NO_BREAK_SPACE as NNBSP
from pressroom.conventions import WORD_JOINER, ZERO_WIDTH_SPACE, after_rendering, before_parsing
from pressroom.language import language_of


def test_french_spaces_become_narrow_no_break_spaces():
    html = after_rendering("<p>Le « NCMEC » a reçu 78 946 signalements : oui ! Et toi ? Fin ; suite</p>", language_of("fr"))
    assert html == (f"<p>Le «{NNBSP}NCMEC{NNBSP}» a reçu 78{NNBSP}946 signalements{NNBSP}: oui{NNBSP}! "
                    f"Et toi{NNBSP}? Fin{NNBSP}; suite</p>")


def test_french_rules_stay_out_of_tags_and_other_languages():
    html = '<a href="http://x.org/a:b">Voir : ici</a>'
    assert after_rendering(html, language_of("fr")) == f'<a href="http://x.org/a:b">Voir{NNBSP}: ici</a>'
    assert after_rendering("<p>78 946 : yes</p>", language_of("en")) == "<p>78 946 : yes</p>"


def test_no_break_before_a_note_call():
    html = after_rendering('<p>word<a class="note-call" id="call-1">1</a></p>', language_of("en"))
    assert html == f'<p>word{WORD_JOINER}<a class="note-call" id="call-1">1</a></p>'


def test_a_space_typed_before_a_note_call_does_not_break():
    html = after_rendering('<p>word <a class="note-call" id="call-1">1</a></p>', language_of("en"))
    assert html == '<p>word\u00a0<a class="note-call" id="call-1">1</a></p>'


def test_lao_khmer_and_burmese_get_word_breaks_from_icu():
    html = after_rendering("<h1>ການຂູດຮີດທາງເພດ (ICT)</h1>", language_of("lo"))
    assert html == f"<h1>ການ{ZERO_WIDTH_SPACE}ຂູດຮີດ{ZERO_WIDTH_SPACE}ທາງ{ZERO_WIDTH_SPACE}ເພດ (ICT)</h1>"
    khmer = after_rendering("<p>ការគំរាមកំហែងសកល</p>", language_of("km"))
    assert khmer.replace(ZERO_WIDTH_SPACE, "") == "<p>ការគំរាមកំហែងសកល</p>" and khmer.count(ZERO_WIDTH_SPACE) >= 2


def test_cjk_emphasis_around_cjk_punctuation():
    parser = MarkdownIt()
    assert parser.render("**引言：**正文").strip() == "<p>**引言：**正文</p>"  # CommonMark alone
    assert parser.render(before_parsing("**引言：**正文")).strip() == "<p><strong>引言</strong>：正文</p>"
    assert parser.render(before_parsing("文**「引言」**正文")).strip() == "<p>文「<strong>引言</strong>」正文</p>"


def test_latin_emphasis_is_untouched():
    assert before_parsing("**Note:** text and *a*b") == "**Note:** text and *a*b"


def test_french_quotes_made_by_the_typographer_get_narrow_spaces_inside():
    html = after_rendering("<p>Le «NCMEC» et «<em>vu</em>»</p>", language_of("fr"))
    assert html == f"<p>Le «{NNBSP}NCMEC{NNBSP}» et «{NNBSP}<em>vu</em>{NNBSP}»</p>"


def test_word_breaks_found_in_two_threads_at_once_are_those_found_alone():
    """A batch builds reports in threads; ICU's break iterator holds the text it was given,
    so a shared one would hand one thread the other's breaks."""
    from concurrent.futures import ThreadPoolExecutor

    texts = [
        "<p>" + "ការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារគឺជាបញ្ហាដែលគ្រប់ប្រទេសត្រូវដោះស្រាយរួមគ្នា " * 40 + "</p>",
        "<p>" + "កុមារទាំងអស់មានសិទ្ធិទទួលបានការការពារពីការកេងប្រវ័ញ្ចគ្រប់ទម្រង់ " * 40 + "</p>",
    ]
    languages = [language_of("km"), language_of("km")]
    alone = [after_rendering(text, language) for text, language in zip(texts, languages)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can: a race shows at once
    try:
        with ThreadPoolExecutor(2) as pool:
            runs = [pool.submit(lambda i=i: [after_rendering(texts[i], languages[i]) for _ in range(30)]) for i in (0, 1)]
            together = [run.result() for run in runs]
    finally:
        sys.setswitchinterval(interval)
    for index in (0, 1):
        assert all(result == alone[index] for result in together[index])
