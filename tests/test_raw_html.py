"""Raw HTML in Markdown: what one html_block or html_inline token becomes."""

from __future__ import annotations

import pytest

from pressroom import messages
from pressroom.raw_html import convert


@pytest.mark.parametrize("fragment", ["<!-- NOTES -->\n", "<!-- a -->  <!-- b -->", "<!--\nmarkdownlint-disable\n-->\n"])
def test_comments_vanish(fragment: str) -> None:
    assert convert(fragment, block=True) == convert(fragment, block=False) == convert("", block=True)
    assert convert(fragment, block=True).html == ""


def test_a_kept_block_table_is_balanced_and_its_text_is_what_prints() -> None:
    result = convert("<table>\n<tr><th rowspan=\"2\">Head</th><td>A &amp; B<!-- x --></td>\n", block=True)
    assert result.html.startswith("<table>") and result.html.rstrip().endswith("</table>")
    assert '<th rowspan="2">Head</th>' in result.html and "x -->" not in result.html
    assert " ".join(result.text.split()) == "Head A & B" and result.findings == ()


def test_attributes_that_load_or_style_are_dropped_and_named() -> None:
    result = convert('<abbr title="World Health Organization" style="color:red" onclick="x()">', block=False)
    assert result.html == '<abbr title="World Health Organization">'
    assert [f.message for f in result.findings] == [
        messages.RAW_HTML_ATTRIBUTE_DROPPED.format(tag="abbr", attribute=name) for name in ("style", "onclick")
    ]


@pytest.mark.parametrize("fragment", ["<script>alert(1)</script>", "<img src=x onerror=y>", "<?php echo 1; ?>", "<!DOCTYPE html>", "<![CDATA[x]]>", "<td>"])
def test_anything_else_is_printed_as_typed_and_named_once(fragment: str) -> None:
    result = convert(fragment, block=False)
    assert "<" not in result.html and result.text == fragment
    assert len(result.findings) == 1 and (result.findings[0].line, result.findings[0].column) == (1, 1)


def test_findings_in_a_block_are_placed_on_their_own_line_and_an_end_tag_is_not_named_again() -> None:
    result = convert('<div class="box">\n  text <b>bold</b>\n</div>\n', block=True)
    assert result.html.startswith("<p>&lt;div") and "<b>" not in result.html
    assert [(f.line, f.column) for f in result.findings] == [(1, 1), (2, 8)]
