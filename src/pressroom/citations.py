"""Citations of record: `[@key]` or `[@key, p. 18; @other]` in the text becomes a note,
formatted in the report's CSL style by citeproc-py (first a full reference, then short
forms and "Ibid." on repeat); inside a note, the citation is set in the note's own text.
The works cited are listed at the end of the report.

The bibliography is a CSL-JSON (.json) or BibTeX (.bib) file named in report.yaml
(`bibliography:`); the style is a CSL file shipped in pressroom/data/csl/ or placed in the
report folder (`citation_style:`). A key the bibliography lacks fails the build at the
key's file:line:column.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.bibtex import BibTeX
from citeproc.source.json import CiteProcJSON
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from pressroom import messages
from pressroom.model import Report
from pressroom.problems import Problem
from pressroom.resources import PACKAGE_DIR

CSL_DIR = PACKAGE_DIR / "data" / "csl"
CITATION = re.compile(r"\[(@[^\[\]]+)\]")
ITEM = re.compile(r"^\s*@(?P<key>[\w][\w:.#$%&+?<>~/-]*?)\s*(?:,\s*(?P<locator>\S.*?))?\s*$")
KEY = re.compile(r"@([\w][\w:.#$%&+?<>~/-]*\w|\w)")
# How a writer abbreviates a locator -> the CSL locator type.
LOCATOR_LABELS = {
    "p.": "page", "pp.": "page", "page": "page", "pages": "page",
    "chap.": "chapter", "ch.": "chapter", "chapter": "chapter",
    "sec.": "section", "§": "section", "section": "section",
    "para.": "paragraph", "paras.": "paragraph", "¶": "paragraph",
    "fig.": "figure", "vol.": "volume", "n.": "note", "nn.": "note", "art.": "article",
}
TAGS = {"i": "em", "em": "em", "b": "strong", "strong": "strong"}
CITER_ATTRIBUTE = "pressroom_citer"
UNKNOWN_KEYS = "pressroom_unknown_citations"  # env: (key, block) of each citation the bibliography lacks
BIBLIOGRAPHY_ANCHOR = "bibliography"


@dataclass
class Citer:
    """The report's bibliography and style, and the works cited so far (in order)."""

    bibliography: CitationStylesBibliography
    keys: set[str]
    cited: list[str] = field(default_factory=list)

    def note(self, items: list[tuple[str, str | None]], in_sentence: bool = False) -> str:
        """One citation (one or more works), formatted as the style's note, as HTML; or,
        `in_sentence`, as a phrase inside a note the writer wrote (no capital, no full stop)."""
        cited = [CitationItem(key, **({"locator": _locator(locator)} if locator else {})) for key, locator in items]
        citation = Citation(cited)
        self.bibliography.register(citation)
        self.cited += [key.lower() for key, _ in items if key.lower() not in self.cited]
        text = str(self.bibliography.cite(citation, lambda item: None))
        if in_sentence:
            return text.removesuffix(".")
        # A note is a sentence: "ibid., 19." starts with a capital.
        return re.sub(r"^(<[^>]+>)*([a-z])", lambda m: (m[1] or "") + m[2].upper(), text)

    def entries(self) -> list[str]:
        """The works cited, in the style's order (Chicago: by author, then title)."""
        self.bibliography.sort()
        return [str(entry) for entry in self.bibliography.bibliography()]


def use_citations(md: MarkdownIt, report: Report) -> list[Problem]:
    """Install `[@key]` on the parser with the report's bibliography. A report without one
    has no citations: `[@name](url)` or `[@key]` is then text, as other tools print it.
    Keys the bibliography lacks are left in the parse's env (UNKNOWN_KEYS) for the caller
    to place."""
    if report.bibliography is None:
        return []
    citer, problems = _load(report)
    if citer is None:
        return problems  # the bibliography or style is broken: that is the one problem
    setattr(md, CITER_ATTRIBUTE, citer)
    md.inline.ruler.before("link", "citation", _citation_rule)
    md.core.ruler.after("inline", "citation_notes", _citations_to_notes)
    md.add_render_rule("citation", _render_inline_citation)
    return problems


def bibliography_html(md: MarkdownIt, heading: str = messages.BIBLIOGRAPHY_HEADING) -> str:
    """The works cited, as the last section of the report ("" when nothing was cited)."""
    citer: Citer | None = getattr(md, CITER_ATTRIBUTE, None)
    if citer is None or not citer.cited:
        return ""
    entries = "\n".join(f'<li class="bibliography-entry">{entry}</li>' for entry in citer.entries())
    return (
        f'<section class="bibliography">\n<h1 id="{BIBLIOGRAPHY_ANCHOR}" class="unnumbered" '
        f'data-bookmark="{heading}">{heading}</h1>\n'
        f'<ul class="bibliography-list">\n{entries}\n</ul>\n</section>'
    )


def _load(report: Report) -> tuple[Citer | None, list[Problem]]:
    path: Path | None = report.bibliography
    if path is None:
        return None, []
    style_name = report.settings.citation_style
    style_path = next((p for p in (report.root / f"{style_name}.csl", CSL_DIR / f"{style_name}.csl") if p.is_file()), None)
    if style_path is None:
        choices = ", ".join(sorted(p.stem for p in CSL_DIR.glob("*.csl")))
        return None, [Problem.at(messages.CITATION_STYLE_UNKNOWN.format(name=style_name, choices=choices), report.root / "report.yaml")]
    try:
        if path.suffix.lower() == ".bib":
            source = BibTeX(str(path), encoding="utf-8")
        else:
            source = CiteProcJSON(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return None, [Problem.at(messages.BIBLIOGRAPHY_UNREADABLE.format(name=path.name, detail=error), path)]
    style = CitationStylesStyle(str(style_path), locale=_locale_of(report.settings.language), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.html)
    return Citer(bibliography, {key.lower() for key in source}), []


def _locale_of(language: str) -> str:
    """citeproc-py's locales are region tags: en -> en-US, fr -> fr-FR."""
    return language if "-" in language else {"en": "en-US"}.get(language, f"{language}-{language.upper()}")


def _locator(text: str) -> Locator:
    """`p. 18`, `pp. 18-20`, `chap. 3`, or a bare `18` (a page)."""
    label, _, rest = text.partition(" ")
    if label.lower() in LOCATOR_LABELS and rest:
        return Locator(LOCATOR_LABELS[label.lower()], rest.strip())
    return Locator("page", text.strip())


def _citation_rule(state: StateInline, silent: bool) -> bool:
    match = CITATION.match(state.src, state.pos)
    if not match or state.src[match.end():match.end() + 1] in ("(", "["):
        return False  # [@name](https://...) is a link
    items = [ITEM.match(part) for part in match[1].split(";")]
    if not all(items):
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta["items"] = [(item["key"], item["locator"]) for item in items if item]
    state.pos = match.end()
    return True


def _citations_to_notes(state: StateCore) -> None:
    """In document order (so "Ibid." is right): a citation in the text becomes a note of
    its own; a citation written inside a note is set in that note's text."""
    citer: Citer | None = getattr(state.md, CITER_ATTRIBUTE, None)
    if citer is None:
        return
    notes = state.env.setdefault("footnotes", {}).setdefault("list", {})
    state.env["footnotes"].setdefault("refs", {})
    in_note = 0
    for block in state.tokens:
        in_note += {"footnote_reference_open": 1, "footnote_reference_close": -1}.get(block.type, 0)
        if not block.children:
            continue
        children: list[Token] = []
        for token in block.children:
            if token.type == "footnote_ref" and "tokens" in notes.get(token.meta["id"], {}):
                entry = notes[token.meta["id"]]  # a note written in place, ^[...]
                entry["tokens"][:] = _cite_in_place(citer, entry["tokens"])
                _note_unknown(state.env, citer, entry["tokens"], block)
            _note_unknown(state.env, citer, [token], block)
            if token.type != "citation" or not _known(citer, token):
                children.append(token)
                continue
            if in_note:
                children += _html_to_tokens(citer.note(token.meta["items"], in_sentence=True))
                continue
            formatted = _html_to_tokens(citer.note(token.meta["items"]))
            note_id = len(notes)
            notes[note_id] = {"content": _plain(formatted), "tokens": formatted}
            call = Token("footnote_ref", "", 0)
            call.meta = {"id": note_id}
            children.append(call)
        block.children = children


def _cite_in_place(citer: Citer, tokens: list[Token]) -> list[Token]:
    result = []
    for token in tokens:
        if token.type == "citation" and _known(citer, token):
            result += _html_to_tokens(citer.note(token.meta["items"], in_sentence=True))
        else:
            result.append(token)
    return result


def _note_unknown(env: dict, citer: Citer, tokens: list[Token], block: Token) -> None:
    for token in tokens:
        if token.type == "citation":
            unknown = [key for key, _ in token.meta["items"] if key.lower() not in citer.keys]
            env.setdefault(UNKNOWN_KEYS, []).extend((key, block) for key in unknown)


def _known(citer: Citer, token: Token) -> bool:
    return all(key.lower() in citer.keys for key, _ in token.meta["items"])


def _render_inline_citation(self: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
    """Only a citation with an unknown key is left as a token: it was reported already."""
    return ""


def _html_to_tokens(markup: str) -> list[Token]:
    """citeproc-py's HTML (italic titles, plain text) as markdown-it tokens, so the note's
    words are known to the audit like any other note's."""
    tokens = []
    for part in re.split(r"(<[^>]+>)", markup):
        tag = re.match(r"^<(/?)(\w+)[^>]*>$", part)
        if tag:
            name = TAGS.get(tag[2].lower())
            if name:
                tokens.append(Token(f"{name}_{'close' if tag[1] else 'open'}", name, -1 if tag[1] else 1))
        elif part:
            text = Token("text", "", 0)
            text.content = html.unescape(part)
            tokens.append(text)
    return tokens


def _plain(tokens: list[Token]) -> str:
    return "".join(token.content for token in tokens if token.type == "text")
