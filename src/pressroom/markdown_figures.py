"""Numbered figures, tables and boxes, call-outs, an executive summary, and references
to them ("Figure 3 on page 12"), written in Markdown as containers (mdit-py-plugins):

    ::: figure #fig:reports Reports received each year, 2015-2020
    ![Bar chart: reports rose from 4 to 22 million](figures/reports.png)

    Source: the hotline's annual reports.
    :::

    As @fig:reports shows, ...

`::: table`, `::: box` take the same `#label caption` (both optional); `::: callout` and
`::: summary` take neither. A paragraph starting "Source:" or "Note:" inside a figure or
table is its source line. Numbers run through the whole report; the page of a reference
comes from the layout engine (the style's `a.xref::after`, target-counter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from pressroom import messages
from pressroom.model import SourceFile
from pressroom.places import locate
from pressroom.problems import Problem

# The numbered kinds; each prints its word (Language.words) before its number, and so does a
# reference to it.
NUMBERED = ("figure", "table", "box")
LABEL_PREFIX = {"fig": "figure", "tab": "table", "box": "box"}
UNNUMBERED = ("callout", "summary")
INFO = re.compile(r"^\s*(?:#(?P<label>[a-z]+:[\w-]+))?\s*(?P<caption>.*?)\s*$", re.I)
REFERENCE = re.compile(r"@(?P<label>(?:fig|tab|box):[\w-]*\w)", re.I)
SOURCE_LINE = re.compile(r"^(Source|Sources|Note|Notes):\s", re.I)
REGISTRY_ATTRIBUTE = "pressroom_blocks"


@dataclass
class Registry:
    """Each label's kind and number (filled by number_blocks before the report renders),
    and the running numbers as the report renders."""

    words: dict[str, str]
    numbers: dict[str, tuple[str, int]] = field(default_factory=dict)
    rendered: dict[str, int] = field(default_factory=dict)

    def next_number(self, kind: str) -> int:
        self.rendered[kind] = self.rendered.get(kind, 0) + 1
        return self.rendered[kind]


def figures_plugin(md: MarkdownIt, words: dict[str, str]) -> None:
    """Install the containers and `@fig:label` references on a parser; `words` are the
    report language's (Language.words)."""
    registry = Registry(words)
    setattr(md, REGISTRY_ATTRIBUTE, registry)
    for kind in NUMBERED:
        container_plugin(md, kind, render=_numbered_renderer(md, kind, registry))
    container_plugin(md, "callout", render=_plain_renderer("aside", "callout"))
    container_plugin(md, "summary", render=_plain_renderer("section", "summary"))
    md.inline.ruler.before("linkify", "xref", _reference_rule)
    md.core.ruler.push("source_lines", _mark_source_lines)
    md.add_render_rule("xref", _reference_renderer(registry))


def number_blocks(md: MarkdownIt, files: tuple[SourceFile, ...]) -> list[Problem]:
    """Number every labelled figure, table and box of the report, in reading order, so a
    reference may come before its figure or from another file; report duplicate labels
    and references to labels that do not exist."""
    registry: Registry = getattr(md, REGISTRY_ATTRIBUTE)
    registry.numbers.clear()
    registry.rendered.clear()
    counts: dict[str, int] = {}
    problems: list[Problem] = []
    references: list[tuple[str, SourceFile, Token]] = []
    for source in files:
        tokens = md.parse(source.text, {})
        for token in tokens:
            kind = _container_kind(token)
            if kind in NUMBERED and token.nesting == 1:
                counts[kind] = counts.get(kind, 0) + 1
                label = _parse_info(token.info)[0]
                if label is None:
                    continue
                line = (token.map[0] if token.map else 0) + source.first_line
                if label in registry.numbers:
                    problems.append(Problem.at(messages.LABEL_DUPLICATE.format(label=label), source.path, line, 1))
                elif LABEL_PREFIX.get(label.split(":")[0]) != kind:
                    message = messages.LABEL_WRONG_KIND.format(label=label, kind=kind, prefix=_prefix_of(kind))
                    problems.append(Problem.at(message, source.path, line, 1))
                registry.numbers.setdefault(label, (kind, counts[kind]))
            references += [(child.meta["label"], source, token) for child in token.children or [] if child.type == "xref"]
    for label, source, block in references:
        if label not in registry.numbers:
            line, column = locate(f"@{label}", block, source)
            problems.append(Problem.at(messages.LABEL_UNDEFINED.format(label=label), source.path, line, column))
    return problems


def anchor_of(label: str) -> str:
    return label.replace(":", "-")


def _prefix_of(kind: str) -> str:
    return next(prefix for prefix, name in LABEL_PREFIX.items() if name == kind)


def _container_kind(token: Token) -> str | None:
    match = re.match(r"^container_(\w+)_(open|close)$", token.type)
    return match[1] if match else None


def _parse_info(info: str) -> tuple[str | None, str]:
    """`figure #fig:label Caption` -> (label, caption); the container's name is dropped."""
    match = INFO.match(info.strip().split(maxsplit=1)[1] if len(info.split()) > 1 else "")
    assert match is not None  # the pattern matches any text
    return match["label"], match["caption"]


def _numbered_renderer(md: MarkdownIt, kind: str, registry: Registry):
    tag = "aside" if kind == "box" else "figure"

    def render(self: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
        token = tokens[idx]
        if token.nesting != 1:
            return f"</{tag}>\n"
        label, caption = _parse_info(token.info)
        number = registry.next_number(kind)
        anchor = f' id="{escape(anchor_of(label))}"' if label else ""
        caption_html = md.renderInline(caption) if caption else ""
        caption_tag = "p" if kind == "box" else "figcaption"
        return (
            f'<{tag} class="{kind}"{anchor}>\n<{caption_tag} class="caption">'
            f'<span class="caption-label">{registry.words[kind]} {number}</span> {caption_html}</{caption_tag}>\n'
        )

    return render


def _plain_renderer(tag: str, css_class: str):
    def render(self: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
        return f'<{tag} class="{css_class}">\n' if tokens[idx].nesting == 1 else f"</{tag}>\n"

    return render


def _reference_rule(state: StateInline, silent: bool) -> bool:
    """`@fig:label` where a word may start (not inside an e-mail address)."""
    if state.src[state.pos] != "@" or (state.pos > 0 and (state.src[state.pos - 1].isalnum() or state.src[state.pos - 1] in "_[")):
        return False
    match = REFERENCE.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("xref", "a", 0)
        token.meta["label"] = match["label"]
    state.pos = match.end()
    return True


def _reference_renderer(registry: Registry):
    def render(self: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
        label = tokens[idx].meta["label"]
        kind, number = registry.numbers.get(label, (LABEL_PREFIX.get(label.split(":")[0], "figure"), 0))
        return f'<a class="xref" href="#{escape(anchor_of(label))}">{registry.words[kind]}\u00a0{number or "?"}</a>'

    return render


def _mark_source_lines(state) -> None:
    """A "Source: ..." paragraph inside a figure or table is set as its source line."""
    depth = 0
    for index, token in enumerate(state.tokens):
        if _container_kind(token) in ("figure", "table"):
            depth += token.nesting
        elif depth and token.type == "paragraph_open":
            inline = state.tokens[index + 1]
            if SOURCE_LINE.match(inline.content):
                token.attrSet("class", "source")
