"""The section of one Markdown file around an edited line, as a file of its own that builds:
`watch`'s immediate preview of a report written as one long file.

A section runs from a heading (levels 1-3) to the next. Its notes come with it: a note written
elsewhere in the file but called in the section is added at its end, and a note written in the
section but called only elsewhere is left out, so the slice has neither an uncalled nor an
unwritten note. Line numbers are kept (`first_line`), so a problem still names the right line.
"""

from __future__ import annotations

import dataclasses

from markdown_it.token import Token

from pressroom.markdown import new_parser
from pressroom.model import SourceFile

SECTION_LEVELS = ("h1", "h2", "h3")
MAX_BLOCKS = 40  # a section longer than this is narrowed to the blocks around the edit


@dataclasses.dataclass(frozen=True)
class _Block:
    start: int  # first line, from 0, in the file's text
    end: int  # after the last line
    heading: bool
    note_label: str | None  # a note's definition: its label
    calls: frozenset[str]  # labels of the notes it calls


def section_around(source: SourceFile, line: str) -> SourceFile | None:
    """The section holding the first line equal to `line`; None when there is no such line or
    the section would be the whole file (nothing to gain)."""
    lines = source.text.split("\n")
    if not line.strip() or line not in lines:
        return None
    edit = lines.index(line)
    blocks = _blocks(source.text)
    body = [block for block in blocks if block.note_label is None]
    notes = {block.note_label: block for block in blocks if block.note_label is not None}
    chosen = _section(body, edit)
    if not chosen or len(chosen) == len(body):
        return None
    start, end = chosen[0].start, chosen[-1].end
    called = set().union(*(block.calls for block in chosen))
    kept = lines[start:end]
    for block in (notes[label] for label in notes.keys() - called):
        if start <= block.start < end:  # blanked, not removed: the lines below keep their numbers
            kept[block.start - start : block.end - start] = [""] * (block.end - block.start)
    elsewhere = [notes[label] for label in sorted(called & notes.keys()) if not start <= notes[label].start < end]
    text = "\n\n".join(["\n".join(kept)] + ["\n".join(lines[note.start : note.end]) for note in elsewhere])
    return dataclasses.replace(source, text=text, first_line=source.first_line + start)


def _section(body: list[_Block], edit: int) -> list[_Block]:
    """The blocks from the heading before the edit to the next heading, at most MAX_BLOCKS of
    them centred on the edit."""
    at = next((i for i, block in enumerate(body) if block.end > edit), len(body) - 1)
    first = next((i for i in range(at, -1, -1) if body[i].heading), 0)
    last = next((i for i in range(at + 1, len(body)) if body[i].heading), len(body))
    if last - first > MAX_BLOCKS:
        first = max(first, at - MAX_BLOCKS // 2)
        last = min(last, first + MAX_BLOCKS)
    return body[first:last]


def _blocks(text: str) -> list[_Block]:
    """The file's top-level blocks, with the lines each spans (markdown-it's map)."""
    tokens = new_parser().parse(text, {})
    blocks: list[_Block] = []
    depth = 0
    for token in tokens:
        if depth == 0 and token.map is not None:
            label = token.meta.get("label") if token.type == "footnote_reference_open" else None
            blocks.append(_Block(token.map[0], token.map[1], token.tag in SECTION_LEVELS and token.type == "heading_open", label, frozenset()))
        if blocks and token.children:
            blocks[-1] = dataclasses.replace(blocks[-1], calls=blocks[-1].calls | _calls(token.children))
        depth += token.nesting
    return blocks


def _calls(children: list[Token]) -> frozenset[str]:
    return frozenset(child.meta["label"] for child in children if child.type == "footnote_ref" and "label" in child.meta)
