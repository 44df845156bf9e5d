"""Raw HTML written into Markdown: comments vanish, a few harmless elements are kept
(through the nh3 sanitizer), anything else is printed as the text the writer typed and
reported, so the writer knows.

Part of the markdown stage: `convert` decides what one html_block or html_inline token
becomes; markdown.py renders that and turns its findings into problems.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from pressroom import messages

INLINE_TAGS = frozenset({"sup", "sub", "br", "small", "abbr"})
# Tables only as blocks of their own: inside a paragraph they would break it in two.
BLOCK_TAGS = INLINE_TAGS | {"table", "thead", "tbody", "tr", "th", "td"}
# Nothing that loads (src, href, data) or styles (style, class, width) anything.
ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}, "abbr": {"title"}}
SEPARATING_TAGS = BLOCK_TAGS - INLINE_TAGS | {"br"}
COMMENT = re.compile(r"<!--.*?-->", re.S)


# HTML printed as typed is one long word (`style="color:red">styled`): a break chance after
# '=', '"' and '>' lets it wrap instead of stretching the justified line before it.
TAG_BREAKS = re.compile(r'(?:(?<=&gt;)|(?<=[="]))(?=[^\s"])')

@dataclass(frozen=True)
class Finding:
    """A message about the fragment, at a line and column counted from its start (1-based)."""

    message: str
    line: int
    column: int


@dataclass(frozen=True)
class RawHtml:
    html: str  # what goes into the document
    text: str  # the words a reader sees printed (for the audit)
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class _Tag:
    name: str
    attributes: tuple[str, ...]
    closing: bool
    line: int
    column: int
    written: str


class _Reader(HTMLParser):
    """Lists the tags of a fragment, where they are, and its printed text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[_Tag] = []
        self.text: list[str] = []
        self.other: list[tuple[int, int, str]] = []  # declarations, <?...?>

    def _add(self, name: str, attributes: list, closing: bool) -> None:
        if name in SEPARATING_TAGS:  # the words of two cells or lines are two words
            self.text.append(" ")
        line, offset = self.getpos()
        written = self.get_starttag_text() if not closing else f"</{name}>"
        self.tags.append(_Tag(name, tuple(a for a, _ in attributes), closing, line, offset + 1, written or name))

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._add(tag, attrs, False)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._add(tag, attrs, False)

    def handle_endtag(self, tag: str) -> None:
        self._add(tag, [], True)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_decl(self, decl: str) -> None:
        self.other.append((*self.getpos(), f"<!{decl}>"))

    def handle_pi(self, data: str) -> None:
        self.other.append((*self.getpos(), f"<?{data}>"))

    unknown_decl = handle_decl


def convert(fragment: str, block: bool) -> RawHtml:
    """What one piece of raw HTML becomes in the document."""
    if not COMMENT.sub("", fragment).strip():
        return RawHtml("", "")
    reader = _Reader()
    reader.feed(fragment)
    reader.close()
    allowed = BLOCK_TAGS if block else INLINE_TAGS
    refused = [tag for tag in reader.tags if tag.name not in allowed]
    if not block and len(reader.tags) != 1 and not refused and not reader.other:  # not one tag: name it as written
        reader.other.append((1, 0, fragment))
    if refused or reader.other:
        return _as_text(fragment, refused, reader.other, block)
    findings = tuple(
        Finding(messages.RAW_HTML_ATTRIBUTE_DROPPED.format(tag=tag.name, attribute=attribute), tag.line, tag.column)
        for tag in reader.tags
        for attribute in tag.attributes
        if attribute not in ATTRIBUTES.get(tag.name, ())
    )
    if block:
        return RawHtml(_clean(fragment) + "\n", "".join(reader.text), findings)
    (tag,) = reader.tags  # markdown-it gives inline HTML one tag at a time
    kept = f"</{tag.name}>" if tag.closing else _clean(fragment).removesuffix(f"</{tag.name}>")
    return RawHtml(kept, "", findings)


def _clean(fragment: str) -> str:
    return nh3.clean(fragment, tags=set(BLOCK_TAGS), attributes=ATTRIBUTES, strip_comments=True)


def _as_text(fragment: str, refused: list[_Tag], other: list[tuple[int, int, str]], block: bool) -> RawHtml:
    """Printed as typed (comments still vanish), with a finding for each element not kept.
    An end tag is named only when its start tag was not (inline, never: markdown-it gives it
    apart from its start tag, which was named)."""
    findings: list[Finding] = []
    named = set() if block else {tag.name for tag in refused}
    for tag in refused:
        if not tag.closing or tag.name not in named:
            findings.append(Finding(messages.RAW_HTML_PRINTED.format(html=_short(tag.written)), tag.line, tag.column))
        named.add(tag.name)
    findings += [Finding(messages.RAW_HTML_PRINTED.format(html=_short(text)), line, column + 1) for line, column, text in other]
    findings.sort(key=lambda finding: (finding.line, finding.column))
    text = COMMENT.sub("", fragment)
    escaped = TAG_BREAKS.sub("\u200b", html.escape(text.strip() if block else text, quote=False))
    return RawHtml(f"<p>{escaped}</p>\n" if block else escaped, text, tuple(findings))


def _short(written: str) -> str:
    written = " ".join(written.split())
    return written if len(written) <= 60 else written[:57] + "..."
