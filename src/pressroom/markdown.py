"""Stage 3: Markdown to HTML, with notes numbered by first call and placed at their call.

Each note is written right after its first call as a `float: footnote` element, so the
layout engine sets it at the foot of the page that calls it. A note is a block container
(paragraphs, code, tables, lists, quotes, headings) inside the calling paragraph: it is an
<object> without data, whose children the HTML parser keeps inside it (a <span> holding a
<p> or <table> would be cut there, the rest of the note falling into the body text).
Raw HTML goes through raw_html.py: comments vanish, a few harmless elements are kept,
the rest is printed as text and reported.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core.replacements import RARE_RE, replace_rare
from markdown_it.rules_core.smartquotes import smartquotes
from markdown_it.rules_core.state_core import StateCore
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from pressroom import conventions, links, messages, raw_html
from pressroom.body import Body, Heading, Note
from pressroom.citations import BIBLIOGRAPHY_ANCHOR, UNKNOWN_KEYS, bibliography_html, use_citations
from pressroom.images import image_problem
from pressroom.language import Language, language_of
from pressroom.limits import note_limit_problem, table_problems
from pressroom.markdown_figures import figures_plugin, number_blocks
from pressroom.model import Report, SourceFile
from pressroom.places import locate
from pressroom.problems import Problem
from pressroom.resources import mounted_url

NOTES_KEY = "pressroom_notes"
CALL_DESCRIPTION_KEY = "pressroom_call_description"
RAW_HTML_KEY = "raw_html"  # token.meta: what raw_html.convert made of the token


@dataclass
class _Numbering:
    """Note numbers and heading anchors, shared by every file of one report."""

    next_number: int = 1
    notes: list[Note] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    per_chapter: bool = False  # report.yaml's note_numbering: chapter
    chapter_first: int = 1  # the number of the current chapter's first note
    call_description: str = messages.NOTE_CALL_DESCRIPTION  # what a screen reader says for a call


def new_parser(language: Language | None = None) -> MarkdownIt:
    """The parser for one report; `language` gives its quotes (English when none is given)."""
    parser = MarkdownIt("commonmark", {"html": True, "linkify": True, "typographer": True})
    parser.enable(["table", "strikethrough", "linkify", "smartquotes"])
    # Dashes and ellipses (-- – , --- —, ... …), without markdown-it's (c) -> ©, (r) -> ®:
    # "(c)" is a list letter in the legal texts ECPAT cites (article 2 (c)), not a symbol.
    parser.core.ruler.after("linkify", "dashes_and_ellipses", _dashes_and_ellipses)
    parser.core.ruler.after("smartquotes", "inline_notes_typography", _inline_notes_typography)
    use_quotes(parser, language or language_of("en"))
    # Print a URL as the author wrote it (%20 stays %20); the href is still normalised.
    parser.normalizeLinkText = lambda url: url
    # always_match_refs: a call without a definition becomes a token we can report on.
    parser.use(footnote_plugin, move_to_end=False, always_match_refs=True)
    parser.add_render_rule("footnote_ref", _render_call)
    parser.use(figures_plugin, (language or language_of("en")).words)
    parser.add_render_rule("html_block", _render_raw_html)
    parser.add_render_rule("html_inline", _render_raw_html)
    parser.add_render_rule("ordered_list_open", _render_ordered_list)
    parser.add_render_rule("link_open", links.render_link_open)
    parser.add_render_rule("link_close", links.render_link_close)
    parser.core.ruler.push("print_web_addresses", links.print_web_addresses)
    parser.add_render_rule("text", links.render_text)
    return parser


def use_quotes(parser: MarkdownIt, language: Language) -> None:
    """Straight quotes typed in the text become `language`'s own (code keeps them straight)."""
    parser.options["quotes"] = list(language.quotes)


def _dashes_and_ellipses(state: StateCore) -> None:
    for token in state.tokens:
        if token.type == "inline" and token.children and RARE_RE.search(token.content):
            replace_rare(token.children)


def _inline_notes_typography(state: StateCore) -> None:
    """An inline note (`^[...]`) is parsed into the environment, where the rules that set
    quotes, dashes and ellipses never look: run them over each inline note's text too."""
    notes = state.env.get("footnotes", {}).get("list", {}).values()
    inlines = [_inline_note(entry) for entry in notes if "tokens" in entry]
    if not inlines:
        return
    tokens, state.tokens = state.tokens, inlines
    try:
        _dashes_and_ellipses(state)
        smartquotes(state)
    finally:
        state.tokens = tokens


def render_markdown(report: Report) -> tuple[Body, list[Problem]]:
    """Render every file of the report, then the organisation's background text."""
    parser = new_parser(report.language)
    words = report.language.words
    numbering = _Numbering(per_chapter=report.settings.note_numbering == "chapter", call_description=words["note_call"])
    # Figures are numbered first: that pass parses every file, and must not cite anything yet.
    problems: list[Problem] = number_blocks(parser, report.files)
    problems += use_citations(parser, report)
    parts = []
    for source in report.files:
        part, file_problems = _render_file(parser, source, report.root, numbering)
        parts.append(part)
        problems += file_problems
    if bibliography := bibliography_html(parser, words["bibliography"]):
        parts.append(bibliography)
        numbering.headings.append(Heading(1, words["bibliography"], BIBLIOGRAPHY_ANCHOR))
    background_language = language_of(report.organisation.language)
    use_quotes(parser, background_language)
    background, background_problems = _render_file(
        parser, report.organisation.background, report.organisation.background.path.parent, _Numbering()
    )
    body = Body(
        conventions.after_rendering("\n".join(parts), report.language),
        tuple(numbering.notes),
        tuple(numbering.headings),
        conventions.after_rendering(background, background_language),
    )
    return body, problems + background_problems


def check_markdown(files: tuple[SourceFile, ...], root: Path) -> list[Problem]:
    """The Markdown problems alone, for when the settings are too broken to render the report."""
    parser, numbering = new_parser(), _Numbering()
    return [problem for source in files for problem in _render_file(parser, source, root, numbering)[1]]


def _render_file(parser: MarkdownIt, source: SourceFile, root: Path, numbering: _Numbering) -> tuple[str, list[Problem]]:
    env: dict = {CALL_DESCRIPTION_KEY: numbering.call_description}
    tokens = parser.parse(conventions.before_parsing(source.text), env)
    notes_by_id = env.get("footnotes", {}).get("list", {})
    lines = source.text.split("\n")
    problems = _check_blocks(tokens, notes_by_id, source, root, lines)
    problems += table_problems(tokens, source)
    for key, block in env.get(UNKNOWN_KEYS, []):
        line, column = locate(f"@{key}", block, source, lines)
        problems.append(Problem.at(messages.CITATION_UNKNOWN.format(key=key), source.path, line, column))
    tokens, definitions, definition_problems = _take_definitions(tokens, source)
    problems += definition_problems
    called: set[str] = set()
    # Per-file id -> number; labels are scoped to their file.
    numbers: dict[int, int] = {}

    for index, block in enumerate(tokens):
        if block.type == "heading_open":
            _register_heading(block, tokens[index + 1], numbering)
            if block.tag == "h1" and numbering.per_chapter:
                numbering.chapter_first = numbering.next_number
        for token in block.children or []:
            if token.type != "footnote_ref":
                continue
            note_id = token.meta["id"]
            entry = notes_by_id[note_id]
            label = entry.get("label") or f"inline-{note_id}"
            called.add(label)
            if "tokens" not in entry and label not in definitions:
                line, column = locate(f"[^{label}]", block, source, lines)
                problems.append(Problem.at(messages.NOTE_UNDEFINED.format(label=label), source.path, line, column))
                continue
            if "tokens" in entry:  # an inline note ^[...] cannot call a note either
                for inner in (t for t in entry["tokens"] if t.type == "footnote_ref"):
                    inner_label = notes_by_id[inner.meta["id"]].get("label") or "^[...]"
                    line, column = locate(f"[^{inner_label}]", block, source, lines)
                    message = messages.NOTE_IN_INLINE_NOTE.format(label=inner_label)
                    problems.append(Problem.at(message, source.path, line, column))
            if note_id not in numbers:
                problems += note_limit_problem(numbering.next_number, source, *locate(f"[^{label}]", block, source, lines))
                numbers[note_id] = numbering.next_number
                numbering.next_number += 1
                note_tokens = _inline_note_tokens(entry) if "tokens" in entry else definitions[label][0]
                note = _make_note(parser, numbers[note_id], label, note_tokens, env)
                mark = numbers[note_id] - numbering.chapter_first + 1 if numbering.per_chapter else 0
                numbering.notes.append(dataclasses.replace(note, mark=mark))
            token.meta["number"] = numbers[note_id]
            token.meta["first"] = token.meta.get("subId", 0) == 0

    problems += _calls_inside_notes(definitions, notes_by_id, source, lines)
    for label, (_, line) in definitions.items():
        if label not in called:
            # A spare note does not spoil the PDF: a warning, which --strict turns into a failure.
            problems.append(Problem.at(messages.NOTE_UNUSED.format(label=label), source.path, line, 1, "warning"))

    env[NOTES_KEY] = {note.number: note for note in numbering.notes}
    return parser.renderer.render(tokens, parser.options, env), problems


def _check_blocks(tokens: list[Token], notes_by_id: dict, source: SourceFile, root: Path, lines: list[str]) -> list[Problem]:
    """Images, links and raw HTML, in the text and in every note (before notes are taken out)."""
    problems: list[Problem] = []
    for block in tokens:
        if block.type == "html_block":
            problems += _convert_raw_html(block, block, source, lines, _Cursor())
        cursor = _Cursor()
        for token in block.children or []:
            problems += _check_inline(token, block, source, root, lines)
            if token.type == "html_inline":
                problems += _convert_raw_html(token, block, source, lines, cursor)
    for entry in notes_by_id.values():  # notes written in place, ^[...]
        whole_file = Token("inline", "", 0, map=[0, len(lines)])
        cursor = _Cursor()
        for token in entry.get("tokens", []):
            problems += _check_inline(token, whole_file, source, root, lines)
            if token.type == "html_inline":
                problems += _convert_raw_html(token, whole_file, source, lines, cursor)
    return problems


@dataclass
class _Cursor:
    """Where the last piece of raw HTML of a block was found, so the next is looked for after it."""

    line: int = -1
    column: int = 0


def _convert_raw_html(token: Token, block: Token, source: SourceFile, lines: list[str], cursor: _Cursor) -> list[Problem]:
    converted = raw_html.convert(token.content, block=token.type == "html_block")
    token.meta[RAW_HTML_KEY] = converted
    if not converted.findings:
        return []
    fragment_lines = token.content.split("\n")
    first, column = _find_after(fragment_lines[0], block, lines, cursor)
    problems = []
    for finding in converted.findings:
        index = first + finding.line - 1
        # Later lines of a block may be indented in the file (inside a list or a note).
        offset = column if finding.line == 1 else max(lines[index].find(fragment_lines[finding.line - 1]), 0)
        where = (source.path, index + source.first_line, offset + finding.column)
        problems.append(Problem.at(finding.message, *where, severity="warning"))
    return problems


def _find_after(needle: str, block: Token, lines: list[str], cursor: _Cursor) -> tuple[int, int]:
    """The 0-based line and column of `needle` in the block, after the cursor; moves the cursor."""
    start, end = block.map if block.map else (0, len(lines))
    for index in range(max(start, cursor.line), min(end, len(lines))):
        column = lines[index].find(needle, cursor.column if index == cursor.line else 0)
        if column >= 0:
            cursor.line, cursor.column = index, column + len(needle)
            return index, column
    return start, 0


def _calls_inside_notes(definitions: dict, notes_by_id: dict, source: SourceFile, lines: list[str]) -> list[Problem]:
    """A note cannot carry a note of its own: the call would vanish from the PDF."""
    problems = []
    for label, (note_tokens, _) in definitions.items():
        for block in note_tokens:
            for token in block.children or []:
                if token.type == "footnote_ref":
                    inner = notes_by_id[token.meta["id"]].get("label", "")
                    line, column = locate(f"[^{inner}]", block, source, lines)
                    message = messages.NOTE_IN_NOTE.format(label=inner, note=label)
                    problems.append(Problem.at(message, source.path, line, column))
    return problems


def _take_definitions(tokens: list[Token], source: SourceFile) -> tuple[list[Token], dict[str, tuple[list[Token], int]], list[Problem]]:
    """Split `[^label]: text` blocks out of the token stream, keeping their lines."""
    kept: list[Token] = []
    definitions: dict[str, tuple[list[Token], int]] = {}
    problems: list[Problem] = []
    current: list[Token] | None = None
    depth = 0
    for token in tokens:
        if token.type == "footnote_reference_open":
            depth += 1
            if depth == 1:
                label = token.meta["label"]
                line = token.map[0] + source.first_line if token.map else source.first_line
                current = []
                if label in definitions:
                    first = definitions[label][1]
                    problems.append(Problem.at(messages.NOTE_DUPLICATE.format(label=label, first=first), source.path, line, 1))
                else:
                    definitions[label] = (current, line)
                continue
        elif token.type == "footnote_reference_close":
            depth -= 1
            if depth == 0:
                current = None
                continue
        (kept if current is None else current).append(token)
    return kept, definitions, problems


def _inline_note(entry: dict) -> Token:
    """An inline note's text (`^[...]`, kept by the footnote plugin as bare inline tokens) as
    one inline token."""
    inline = Token("inline", "", 0)
    inline.children = entry["tokens"]
    inline.content = entry["content"]
    return inline


def _inline_note_tokens(entry: dict) -> list[Token]:
    return [Token("paragraph_open", "p", 1), _inline_note(entry), Token("paragraph_close", "p", -1)]


def _make_note(parser: MarkdownIt, number: int, label: str, tokens: list[Token], env: dict) -> Note:
    rendered = parser.renderer.render(tokens, parser.options, env).strip()
    return Note(number, label, rendered, note_text(tokens))


def note_text(tokens: list[Token]) -> str:
    """Everything a note prints, block after block: its paragraphs, headings, list items and
    table cells, and the text of its code and raw HTML (list numbers and bullets are styles)."""
    parts = []
    for token in tokens:
        if token.type == "inline":
            parts.append(plain_text(token))
        elif token.type in ("fence", "code_block"):
            parts.append(token.content)
        elif token.type == "html_block":
            parts.append(token.meta[RAW_HTML_KEY].text)
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def plain_text(inline: Token) -> str:
    """The words of an inline token, as a reader sees them (for the audit and bookmarks)."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append(child.meta[RAW_HTML_KEY].text)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _render_raw_html(renderer: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
    return tokens[idx].meta[RAW_HTML_KEY].html


def _render_ordered_list(renderer: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
    """The engine reads no start attribute: the list's counter starts one below it."""
    token = tokens[idx]
    start = token.attrGet("start")
    if start is not None:
        token.attrSet("style", f"counter-reset: list-item {int(start) - 1}")
    return renderer.renderToken(tokens, idx, options, env)  # type: ignore[attr-defined]


def _render_call(renderer: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
    token = tokens[idx]
    number = token.meta.get("number")
    if number is None:  # undefined note, already reported
        return ""
    note = env[NOTES_KEY][number]
    # The screen file's link description ("Note 3"), read by the engine's tagging (tags_footnotes).
    description = escapeHtml(env.get(CALL_DESCRIPTION_KEY, messages.NOTE_CALL_DESCRIPTION).format(number=note.shown))
    call = f'<a class="note-call" data-description="{description}" href="#note-{number}">{note.shown}</a>'
    if not token.meta["first"]:
        return call
    return (
        f'<a class="note-call" data-description="{description}" id="call-{number}" href="#note-{number}">{note.shown}</a>'
        f'<object class="footnote" id="note-{number}" data-note="{number}">'
        f'<span class="note-number">{note.shown}</span>{note.html}</object>'
    )


def _check_inline(token: Token, block: Token, source: SourceFile, root: Path, lines: list[str]) -> list[Problem]:
    """Pictures and links, wherever they are: in the text or inside a note."""
    if token.type == "image":
        return _check_image(token, block, source, root, lines)
    if token.type == "link_open" and (target := links.local_link_target(token)) is not None:
        token.meta[links.UNLINKED] = True
        line, column = locate(target, block, source, lines)
        return [Problem.at(messages.LINK_NOT_WEB.format(target=target), source.path, line, column, "warning")]
    return []


def _register_heading(token: Token, inline: Token, numbering: _Numbering) -> None:
    text = plain_text(inline)
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section"
    anchor, n = base, 2
    while anchor in numbering.anchors:
        anchor, n = f"{base}-{n}", n + 1
    numbering.anchors.add(anchor)
    level = int(token.tag[1])
    numbering.headings.append(Heading(level, text, anchor))
    token.attrSet("id", anchor)
    # The PDF bookmark shows the heading without note numbers.
    token.attrSet("data-bookmark", text)


def _check_image(token: Token, block: Token, source: SourceFile, root: Path, lines: list[str]) -> list[Problem]:
    src = unquote(token.attrGet("src") or "")  # as the writer wrote it: café.png, not caf%C3%A9.png
    line, column = locate(src, block, source, lines)
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
        return [Problem.at(messages.IMAGE_OUTSIDE.format(src=src), source.path, line, column)]
    if "\0" in src:  # no file has a NUL in its name
        return [Problem.at(messages.IMAGE_MISSING.format(src=src.replace("\0", "\\0")), source.path, line, column)]
    path = (source.path.parent / src).resolve()
    problems = []
    if not token.children and not token.content:
        problems.append(Problem.at(messages.IMAGE_NO_ALT.format(src=src), source.path, line, column))
    if not path.is_relative_to(root.resolve()):
        problems.append(Problem.at(messages.IMAGE_OUTSIDE.format(src=src), source.path, line, column))
    elif not path.is_file():
        problems.append(Problem.at(messages.IMAGE_MISSING.format(src=src), source.path, line, column))
    elif (problem := image_problem(path, src)) is not None:
        problems.append(Problem.at(problem, source.path, line, column))
    else:
        token.attrSet("src", mounted_url(root, path))
    return problems

