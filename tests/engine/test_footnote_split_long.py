"""fn_long.html: a note taller than the page is drawn off-page instead of continued."""

import re

from .conftest import layout_defects, pages_with, pdf_pages, render_pages, render_pdf, repro

HTML = repro("fn_long.html")
WORDS = [f"LONGWORD{i:03d}" for i in range(700)]


def _words_by_page(pages: list[str]) -> list[tuple[int, str]]:
    return [(number, word) for number, page in enumerate(pages, 1)
            for word in re.findall(r"LONGWORD\d{3}", page)]


def test_unpatched_note_drawn_off_page():
    pdf = render_pdf(HTML)
    pages = pdf_pages(pdf)
    assert len(pages) == 9
    assert any("off the page" in defect for defect in layout_defects(pdf))
    assert len(_words_by_page(pages)) < len(WORDS)  # most words are invisible


def test_patched_note_continues_on_next_pages():
    pdf = render_pdf(HTML, patched=True)
    pages = pdf_pages(pdf)
    assert layout_defects(pdf) == []
    assert len(pages) == 8
    # Starts on its call's page, right below the call, then continues in order.
    assert pages_with(pages, "Call of a very long footnote1") == [1]
    assert pages_with(pages, "LONGSTART") == [1]
    found = _words_by_page(pages)
    assert [word for _, word in found] == WORDS  # every word once, in order
    note_pages = [number for number, _ in found]
    assert note_pages == sorted(note_pages)
    assert set(note_pages) == set(range(1, len(pages) + 1))  # on every page
    assert pages_with(pages, "LONGEND") == [len(pages)]
    # Body text goes on meanwhile, and the later short note keeps its call's page.
    assert all("Body filler text." in page for page in pages[1:-1])
    assert pages_with(pages, "Second call2") == pages_with(pages, "SHORT-NOTE-2") == [8]


CSS = """<style>@page { size: A6; margin: 12mm;
  @footnote { border-top: .5pt solid; margin-top: 8pt; padding-top: 4pt; EXTRA } }
body { font: 9pt/1.3 "DejaVu Sans" }
.fn { float: footnote; footnote-policy: line; font-size: 7pt; DISPLAY }</style>"""
LONG = " ".join(f"W{i:04d}" for i in range(900))


def _html(body: str, extra: str = "", display: str = "") -> str:
    return CSS.replace("EXTRA", extra).replace("DISPLAY", display) + body


def _w_words(pages: list[str]) -> list[list[str]]:
    return [re.findall(r"W\d{4}", page) for page in pages]


def test_long_note_in_last_paragraph_continues_on_note_pages():
    pdf = render_pdf(_html("<p>Body.</p>" * 5 + f'<p>Last<span class="fn">{LONG}</span>.</p>'),
                     patched=True)
    pages = pdf_pages(pdf)
    words = _w_words(pages)
    assert sum(words, []) == LONG.split()
    assert pages_with(pages, "Last1") == [1] and words[0][0] == "W0000"
    assert all(words)  # the note continues on every page, nothing else left
    assert layout_defects(pdf) == []


def test_footnote_max_height_is_the_cut_limit():
    body = "<p>Text</p>" * 3 + f'<p>Long<span class="fn">{LONG}</span></p>' + "<p>After.</p>" * 40
    html = _html(body, extra="max-height: 30%")
    unpatched = _w_words(render_pages(html))
    assert len(sum(unpatched, [])) < 900  # clipped by max-height
    pdf = render_pdf(html, patched=True)
    words = _w_words(pdf_pages(pdf))
    assert sum(words, []) == LONG.split()
    assert max(len(page) for page in words) < 100  # ~30 % of a page each
    assert layout_defects(pdf) == []


def test_inline_notes_are_not_split_but_reported(caplog):
    body = "<p>Text</p>" * 3 + f'<p>Long<span class="fn">{LONG}</span></p>' + "<p>After.</p>" * 40
    html = _html(body, display="footnote-display: inline")
    with caplog.at_level("WARNING", logger="pressroom.engine"):
        render_pdf(html, patched=True)
    assert "taller than the page" in caplog.text
