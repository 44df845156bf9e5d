"""links.py: web addresses printed without a writer's angle brackets, breakable after / . -."""

from __future__ import annotations

from pressroom.markdown import new_parser

ZWSP = "\u200b"


def render(text: str) -> str:
    return new_parser().render(text)


def test_angle_brackets_around_a_web_address_are_not_printed():
    html = render("Trends: <<http://www.inhope.org/tns/facts-2014.aspx>>.\n").replace(ZWSP, "")
    assert html == '<p>Trends: <a href="http://www.inhope.org/tns/facts-2014.aspx">http://www.inhope.org/tns/facts-2014.aspx</a>.</p>\n'


def test_a_web_address_may_break_only_after_a_slash_a_dot_or_a_hyphen():
    html = render("See https://www.iwf.org.uk/annual-report_2015.pdf now.\n")
    printed = html.split(">", 2)[2].split("</a>")[0]
    assert printed.split(ZWSP) == ["https://", "www.", "iwf.", "org.", "uk/", "annual-", "report_2015.", "pdf"]


def test_other_angle_brackets_and_link_words_are_kept():
    html = render("a < b and [the site](https://example.org/x) > c\n")
    assert "a &lt; b" in html and "&gt; c" in html and ZWSP not in html


def test_a_link_whose_words_are_its_address_is_printed_like_one():
    html = render("accessed 2016. \\<[http://www.netclean.com](http://www.netclean.com/)\\>.\n").replace(ZWSP, "")
    assert html == '<p>accessed 2016. <a href="http://www.netclean.com/">http://www.netclean.com</a>.</p>\n'
