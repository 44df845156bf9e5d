"""Stage 3: Markdown to HTML, with notes numbered by first call and placed at their call.

Each note is written right after its first call as a `float: footnote` element, so the
layout engine sets it at the foot of the page that calls it. Raw HTML is never passed
through: markdown-it escapes it (html=False).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from PIL import Image, UnidentifiedImageError

from pressroom import messages
from pressroom.citations import BIBLIOGRAPHY_ANCHOR, bibliography_html, use_citations
from pressroom.markdown_figures import figures_plugin, number_blocks
from pressroom.model import Report, SourceFile
from pressroom.problems import Problem

# Block tags inside a note become spans: a note is an inline element inside its paragraph.
NOTES_KEY = "pressroom_notes"
NOTE_BLOCK_TAGS = re.compile(r"<(/?)(p|ul|ol|li|blockquote)>")


@dataclass(frozen=True)
class Note:
    number: int
    label: str
    html: str
    text: str  # plain text, for the audit
    mark: int = 0  # the number printed: `number`, or counted from the chapter's first note

    @property
    def shown(self) -> int:
        return self.mark or self.number


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Body:
    html: str
    notes: tuple[Note, ...]
    headings: tuple[Heading, ...]
    background_html: str


@dataclass
class _Numbering:
    """Note numbers and heading anchors, shared by every file of one report."""

    next_number: int = 1
    notes: list[Note] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    per_chapter: bool = False  # report.yaml's note_numbering: chapter
    chapter_first: int = 1  # the number of the current chapter's first note


def new_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": True})
    parser.enable(["table", "strikethrough", "linkify"])
    # Print a URL as the author wrote it (%20 stays %20); the href is still normalised.
    parser.normalizeLinkText = lambda url: url
    # always_match_refs: a call without a definition becomes a token we can report on.
    parser.use(footnote_plugin, move_to_end=False, always_match_refs=True)
    parser.add_render_rule("footnote_ref", _render_call)
    parser.use(figures_plugin)
    return parser


def render_markdown(report: Report) -> tuple[Body, list[Problem]]:
    """Render every file of the report, then the organisation's background text."""
    parser = new_parser()
    numbering = _Numbering(per_chapter=report.settings.note_numbering == "chapter")
    # Figures are numbered first: that pass parses every file, and must not cite anything yet.
    problems: list[Problem] = number_blocks(parser, report.files)
    problems += use_citations(parser, report)
    parts = []
    for source in report.files:
        part, file_problems = _render_file(parser, source, report.root, numbering)
        parts.append(part)
        problems += file_problems
    if bibliography := bibliography_html(parser):
        parts.append(bibliography)
        numbering.headings.append(Heading(1, messages.BIBLIOGRAPHY_HEADING, BIBLIOGRAPHY_ANCHOR))
    background, background_problems = _render_file(
        parser, report.organisation.background, report.organisation.background.path.parent, _Numbering()
    )
    body = Body("\n".join(parts), tuple(numbering.notes), tuple(numbering.headings), background)
    return body, problems + background_problems


def check_markdown(files: tuple[SourceFile, ...], root: Path) -> list[Problem]:
    """The Markdown problems alone, for when the settings are too broken to render the report."""
    parser, numbering = new_parser(), _Numbering()
    return [problem for source in files for problem in _render_file(parser, source, root, numbering)[1]]


def _render_file(parser: MarkdownIt, source: SourceFile, root: Path, numbering: _Numbering) -> tuple[str, list[Problem]]:
    env: dict = {}
    tokens = parser.parse(source.text, env)
    tokens, definitions, problems = _take_definitions(tokens, source)
    notes_by_id = env.get("footnotes", {}).get("list", {})
    lines = source.text.split("\n")
    called: set[str] = set()
    # Per-file id -> number; labels are scoped to their file.
    numbers: dict[int, int] = {}

    for block in tokens:
        if block.type == "heading_open":
            _register_heading(block, tokens, numbering)
            if block.tag == "h1" and numbering.per_chapter:
                numbering.chapter_first = numbering.next_number
        for token in block.children or []:
            if token.type == "image":
                problems += _check_image(token, block, source, root, lines)
            if token.type != "footnote_ref":
                continue
            note_id = token.meta["id"]
            entry = notes_by_id[note_id]
            label = entry.get("label") or f"inline-{note_id}"
            called.add(label)
            if "tokens" not in entry and label not in definitions:
                line, column = _locate(f"[^{label}]", block, source, lines)
                problems.append(Problem.at(messages.NOTE_UNDEFINED.format(label=label), source.path, line, column))
                continue
            if "tokens" in entry:  # an inline note ^[...] cannot call a note either
                for inner in (t for t in entry["tokens"] if t.type == "footnote_ref"):
                    inner_label = notes_by_id[inner.meta["id"]].get("label") or "^[...]"
                    line, column = _locate(f"[^{inner_label}]", block, source, lines)
                    message = messages.NOTE_IN_INLINE_NOTE.format(label=inner_label)
                    problems.append(Problem.at(message, source.path, line, column))
            if note_id not in numbers:
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


def _calls_inside_notes(definitions: dict, notes_by_id: dict, source: SourceFile, lines: list[str]) -> list[Problem]:
    """A note cannot carry a note of its own: the call would vanish from the PDF."""
    problems = []
    for label, (note_tokens, _) in definitions.items():
        for block in note_tokens:
            for token in block.children or []:
                if token.type == "footnote_ref":
                    inner = notes_by_id[token.meta["id"]].get("label", "")
                    line, column = _locate(f"[^{inner}]", block, source, lines)
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


def _inline_note_tokens(entry: dict) -> list[Token]:
    inline = Token("inline", "", 0)
    inline.children = entry["tokens"]
    inline.content = entry["content"]
    return [Token("paragraph_open", "p", 1), inline, Token("paragraph_close", "p", -1)]


def _make_note(parser: MarkdownIt, number: int, label: str, tokens: list[Token], env: dict) -> Note:
    rendered = parser.renderer.render(tokens, parser.options, env).strip()
    inline_html = NOTE_BLOCK_TAGS.sub(lambda m: f"<{m[1]}span class=\"note-{m[2]}\">" if not m[1] else "</span>", rendered)
    return Note(number, label, inline_html, " ".join(plain_text(t) for t in tokens if t.children).strip())


def plain_text(inline: Token) -> str:
    """The words of an inline token, as a reader sees them (for the audit and bookmarks)."""
    parts = [
        child.content if child.type in ("text", "code_inline") else " "
        for child in inline.children or []
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    ]
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _render_call(renderer: object, tokens: list[Token], idx: int, options: object, env: dict) -> str:
    token = tokens[idx]
    number = token.meta.get("number")
    if number is None:  # undefined note, already reported
        return ""
    note = env[NOTES_KEY][number]
    call = f'<a class="note-call" href="#note-{number}">{note.shown}</a>'
    if not token.meta["first"]:
        return call
    return (
        f'<a class="note-call" id="call-{number}" href="#note-{number}">{note.shown}</a>'
        f'<span class="footnote" id="note-{number}" data-note="{number}">'
        f'<span class="note-number">{note.shown}</span> {note.html}</span>'
    )


def _register_heading(token: Token, tokens: list[Token], numbering: _Numbering) -> None:
    inline = tokens[tokens.index(token) + 1]
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
    src = token.attrGet("src") or ""
    line, column = _locate(src, block, source, lines)
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I):
        return [Problem.at(messages.IMAGE_OUTSIDE.format(src=src), source.path, line, column)]
    path = (source.path.parent / src).resolve()
    problems = []
    if not token.children and not token.content:
        problems.append(Problem.at(messages.IMAGE_NO_ALT.format(src=src), source.path, line, column))
    if not path.is_relative_to(root.resolve()):
        problems.append(Problem.at(messages.IMAGE_OUTSIDE.format(src=src), source.path, line, column))
    elif not path.is_file():
        problems.append(Problem.at(messages.IMAGE_MISSING.format(src=src), source.path, line, column))
    elif not _is_readable_image(path):
        problems.append(Problem.at(messages.IMAGE_UNREADABLE.format(src=src), source.path, line, column))
    else:
        token.attrSet("src", path.as_uri())
    return problems


def _is_readable_image(path: Path) -> bool:
    """SVG is drawn by the engine itself; anything else must open as a bitmap."""
    if path.suffix.lower() == ".svg":
        return True
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True


def _locate(needle: str, block: Token, source: SourceFile, lines: list[str]) -> tuple[int, int]:
    """The line and column of `needle` within a block, in the file's own numbering."""
    start, end = block.map if block.map else (0, len(lines))
    for index in range(start, min(end, len(lines))):
        column = lines[index].find(needle)
        if column >= 0:
            return index + source.first_line, column + 1
    return start + source.first_line, 1

