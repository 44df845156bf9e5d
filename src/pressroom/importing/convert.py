"""The draft's text through pandoc: read into pandoc's document tree, mend what Markdown
needs, write the Markdown that markdown.py reads.

The writer is GitHub-flavoured Markdown without raw HTML: CommonMark, pipe tables,
strikethrough and `[^n]` notes, which is what pressroom's markdown-it parser reads (raw HTML
would be escaped there). Word sections (Heading 1) become `##`: the report's title is the one `#`.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal

import pypandoc

from pressroom.importing.package import PackageFacts, TrackedChange, with_note_links

Changes = Literal["all", "accept", "reject"]
READERS = {".docx": "docx", ".odt": "odt"}
WRITER = "gfm-raw_html"
WRITER_OPTIONS = ["--wrap=none", "--reference-location=block"]
# A second call of a note, until pandoc has numbered the notes: letters only, so no writer escapes it.
SECOND_CALL = "PRESSROOMSECONDCALL{index}X"
SECOND_CALL_PATTERN = re.compile(r"PRESSROOMSECONDCALL(\d+)X")
CHANGE_CLASSES = {"insertion", "deletion", "paragraph-insertion", "paragraph-deletion"}
TEXT_BLOCKS = {"Para", "Plain", "Header"}

Node = dict[str, Any]


@dataclass
class Converted:
    markdown: str
    title: str = ""
    subtitle: str = ""
    first_heading: str = ""
    notes: int = 0
    images: list[str] = field(default_factory=list)
    joined_cells: list[str] = field(default_factory=list)  # the words of cells made one line


def tracked_changes(draft: Path) -> list[TrackedChange]:
    """The insertions and deletions of a .docx, each with the opening words of its paragraph."""
    tree = _read(draft, "all", None)
    changes = []
    for block in _elements(tree["blocks"]):
        if block["t"] not in TEXT_BLOCKS:
            continue
        context = stringify(block)
        for span in _spans_outside_notes(block):
            (_, classes, attributes), content = span["c"]
            kind = next((c for c in classes if c in CHANGE_CLASSES), None)
            if kind:
                author = dict(attributes).get("author", "")
                changes.append(TrackedChange(kind.removeprefix("paragraph-"), author, stringify(content), context))
    return changes


def convert(draft: Path, folder: Path, facts: PackageFacts, changes: Changes) -> Converted:
    """The draft as Markdown; its images are written into `folder` as they are in the draft."""
    with tempfile.TemporaryDirectory(prefix="pressroom-import-") as work:
        tree = _read(with_note_links(draft, Path(work) / draft.name), changes, folder)
    meta, blocks = tree.get("meta", {}), tree["blocks"]
    result = Converted("", stringify(meta.get("title", {})), stringify(meta.get("subtitle", {})))
    if facts.styled:  # an .odt keeps its Title and Subtitle paragraphs in the text: they belong in report.yaml
        result.title, result.subtitle = facts.styled.get("Title", ""), facts.styled.get("Subtitle", "")
        blocks[:] = _without_first_paragraphs(blocks, set(facts.styled.values()))
    result.notes = _mend_notes(blocks, facts)
    _rewrite(blocks, _merge_adjacent_lists)
    _rewrite(blocks, _tight_lists)
    result.images = _images(blocks, folder, facts.image_descriptions)
    cells = [cell for table in _elements(blocks) if table["t"] == "Table" for cell in _cells(table)]
    result.joined_cells = [_one_line_cell(cell) for cell in cells if _needs_joining(cell)]
    headings = [node for node in _elements(blocks) if node["t"] == "Header"]
    result.first_heading = stringify(headings[0]["c"][2]) if headings else ""
    markdown = pypandoc.convert_text(json.dumps(tree), WRITER, format="json", extra_args=WRITER_OPTIONS)
    result.markdown = SECOND_CALL_PATTERN.sub(r"[^\1]", markdown.replace("\r\n", "\n"))
    return result


def _mend_notes(blocks: list[Node], facts: PackageFacts) -> int:
    """Notes as pressroom reads them: a cross-reference is a second call; returns how many notes."""
    notes = [node for node in _elements(blocks) if node["t"] == "Note"]
    for note in notes:
        # pandoc's ODT reader reads an indented note style (LibreOffice's own hangs the number) as a quotation.
        if note["c"] and all(block["t"] == "BlockQuote" for block in note["c"]):
            note["c"] = [inner for block in note["c"] for inner in block["c"]]
    note_index = _note_targets(blocks, notes, facts)
    _rewrite(blocks, lambda items: _second_calls(items, note_index))
    return len(notes)


def _without_first_paragraphs(blocks: list[Node], texts: set[str]) -> list[Node]:
    kept = []
    for block in blocks:
        if block["t"] == "Para" and stringify(block) in texts:
            texts.discard(stringify(block))
            continue
        kept.append(block)
    return kept


def _read(draft: Path, changes: Changes, media: Path | None) -> Node:
    options = [f"--track-changes={changes}", "--shift-heading-level-by=1"]
    if media is not None:
        options.append(f"--extract-media={media}")
    return json.loads(pypandoc.convert_file(str(draft), "json", format=READERS[draft.suffix.lower()], extra_args=options))


def _elements(node: Any, notes: bool = True) -> Iterator[Node]:
    """Every element of the tree, in reading order (a note where it is called, unless
    `notes` is false)."""
    if isinstance(node, dict):
        if not notes and node.get("t") == "Note":
            return
        if "t" in node:
            yield node
        for value in node.values():
            yield from _elements(value, notes)
    elif isinstance(node, list):
        for value in node:
            yield from _elements(value, notes)


def _rewrite(node: Any, rewrite) -> None:
    """Apply `rewrite` to every list of elements (blocks or inlines), innermost first."""
    if isinstance(node, list):
        for value in node:
            _rewrite(value, rewrite)
        if node and all(isinstance(value, dict) and "t" in value for value in node):
            node[:] = rewrite(node)
    elif isinstance(node, dict):
        for value in node.values():
            _rewrite(value, rewrite)


def stringify(node: Any) -> str:
    """The words of a piece of the tree, notes left out."""
    words = []
    for element in _elements(node, notes=False):
        if element["t"] in ("Str", "MetaString"):
            words.append(element["c"])
        elif element["t"] in ("Space", "SoftBreak", "LineBreak"):
            words.append(" ")
    return re.sub(r"\s+", " ", "".join(words)).strip()



def _spans_outside_notes(block: Node) -> Iterator[Node]:
    return (element for element in _elements(block["c"], notes=False) if element["t"] == "Span")


def _note_targets(blocks: list, notes: list[Node], facts: PackageFacts) -> dict[str, int]:
    """Which note (1..N, reading order) each cross-reference target names.

    Word (and LibreOffice saving .docx) bookmarks the note's call and points a NOTEREF (or REF)
    field at the bookmark, which pandoc reads as an anchor next to the note and a link to
    '#anchor'. In an .odt the cross-reference names the note's id. with_note_links makes both links.
    """
    position = {id(note): number for number, note in enumerate(notes, start=1)}
    targets = {note_id: number for number, note_id in enumerate(facts.note_ids, start=1) if note_id}
    for element in _elements(blocks):
        if element["t"] not in ("Para", "Plain", "Span", "Header"):
            continue
        inlines = {"Span": lambda c: c[1], "Header": lambda c: c[2]}.get(element["t"], lambda c: c)(element["c"])
        for here, following in zip(inlines, inlines[1:] + [None]):
            if here.get("t") != "Span" or not here["c"][0][0]:
                continue
            inside = [node for node in _elements(here["c"][1]) if node["t"] == "Note"]
            note = inside[0] if inside else following if following and following.get("t") == "Note" else None
            if note is not None:
                targets[here["c"][0][0]] = position[id(note)]
    return targets


def _second_calls(items: list[Node], note_index: dict[str, int]) -> list[Node]:
    result = []
    for item in items:
        if item["t"] == "Link":
            # pandoc's docx reader decodes %20 in addresses; a Markdown link's address has no spaces.
            target = item["c"][2][0] = item["c"][2][0].replace(" ", "%20")
            if target.startswith("#") and target[1:] in note_index:
                result.append({"t": "Str", "c": SECOND_CALL.format(index=note_index[target[1:]])})
                continue
        result.append(item)
    return result


def _merge_adjacent_lists(items: list[Node]) -> list[Node]:
    """One list saved as several (Word numbering instances) is one list again, as Markdown would read it."""
    result: list[Node] = []
    for item in items:
        previous = result[-1] if result else None
        if previous and item["t"] == previous["t"] == "BulletList":
            previous["c"] += item["c"]
        elif previous and item["t"] == previous["t"] == "OrderedList" and item["c"][0][1:] == previous["c"][0][1:]:
            previous["c"][1] += item["c"][1]
        else:
            result.append(item)
    return result


def _tight_lists(items: list[Node]) -> list[Node]:
    """A word processor's list items are single paragraphs spaced by their style: a tight list."""
    for item in items:
        entries = item["c"] if item["t"] == "BulletList" else item["c"][1] if item["t"] == "OrderedList" else []
        if all(sum(block["t"] == "Para" for block in entry) <= 1 for entry in entries):
            for block in (block for entry in entries for block in entry if block["t"] == "Para"):
                block["t"] = "Plain"
    return items


def _cells(table: Node) -> Iterator[list]:
    """Each cell, [attr, alignment, rowspan, colspan, blocks], of the head, bodies and foot."""
    _, _, _, head, bodies, foot = table["c"]
    rows = head[1] + [row for body in bodies for row in body[2] + body[3]] + foot[1]
    for row in rows:
        yield from row[1]


def _needs_joining(cell: list) -> bool:
    blocks = cell[4]
    return len(blocks) > 1 or any(block["t"] not in ("Plain", "Para") for block in blocks)


def _one_line_cell(cell: list) -> str:
    """A Markdown table cell is one line: a cell's paragraphs and list items are joined with '; '
    (pandoc would otherwise write an HTML table, which pressroom does not read)."""
    lines = [block["c"] for block in _elements(cell[4], notes=False) if block["t"] in ("Plain", "Para")]
    inlines: list[Node] = []
    for line in lines:
        inlines += ([{"t": "Str", "c": ";"}, {"t": "Space"}] if inlines else []) + line
    cell[4] = [{"t": "Plain", "c": inlines}]
    return stringify(inlines)


def _images(blocks: list, folder: Path, descriptions: list[str]) -> list[str]:
    """Image paths relative to the folder; an .odt's descriptions where pandoc found none."""
    sources = []
    images = [node for node in _elements(blocks) if node["t"] == "Image"]
    for number, image in enumerate(images):
        target = image["c"][2]
        path = Path(target[0])
        if path.is_absolute() and path.is_relative_to(folder):
            target[0] = path.relative_to(folder).as_posix()
        if not stringify(image["c"][1]) and number < len(descriptions) and descriptions[number]:
            image["c"][1] = [{"t": "Str", "c": descriptions[number]}]
        sources.append(target[0])
    return sources
