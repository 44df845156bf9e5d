"""thai_sara_am.html: characters shaped into several glyphs (or glyphs shared with other
characters) read back wrong from the glyph map; ActualText gives each line its own text."""

from pressroom.engine import text_extraction_clusters

from .conftest import render_pages, repro

HTML = repro("thai_sara_am.html")


def test_unpatched_sara_am_is_lost():
    text = render_pages(HTML)[0]
    assert "สาคัญ" in text and "สำคัญ" not in text


def test_patched_thai_and_devanagari_read_back_as_written():
    text = render_pages(HTML, patched=[text_extraction_clusters])[0]
    assert "ความ สำคัญ" in text
    assert "नमस्ते विकास" in text


def test_latin_lines_are_left_to_the_glyph_map():
    assert text_extraction_clusters.SHAPED_SCRIPTS.search("Emerging global threats, 2017") is None
