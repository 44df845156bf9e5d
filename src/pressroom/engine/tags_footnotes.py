"""Footnotes are tagged as anonymous spans in the footnote area, away from their text.

Bug: ``tags.add_tags`` tags a `float: footnote` element like any other (a Span in a
NonStruct for the page's footnote area): a screen reader cannot tell a note, and reads
the page's notes in the middle of whatever sentence the page breaks. PDF/UA-1 (7.9) wants
Note elements with an ID.

Reproduction: tests/engine/repros/tags_split_paragraph.html (a note called in a paragraph
that a page breaks).

Fix: a footnote becomes a Note with its element's id as ID; its number (the
``::footnote-marker``, or pressroom's ``.note-number``) a Lbl; the first link to it (its call, else its ``::footnote-call``) a Link inside a
Reference, the annotation described as "Note N". Once the tree is built,
each Note moves from the footnote area to just after the paragraph or heading that calls
it (inside a list item's body or a table cell when the call is there).
"""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint import pdf as engine_pdf
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import tags

from pressroom import messages

from ._patching import Patch
from ._tags import classes, own_element_box, referenced

NUMBER_CLASS = "note-number"
PSEUDOS = ("::footnote-call", "::footnote-marker")
AFTER = {"/P", "/H1", "/H2", "/H3", "/H4", "/H5", "/H6", "/Caption"}
INSIDE = {"/LBody", "/LI", "/TD", "/TH", "/BlockQuote", "/Note", "/Document"}

_notes: dict[str, Any] = {}  # note id -> Note element, in order
_calls: dict[str, tuple[Any, str]] = {}  # note id -> (element of its first call, the call's text)
_note_boxes: set[int] = set()  # ids of the boxes in the footnote areas laid out so far
_unnamed: dict[int, str] = {}  # id of a note element without an id -> the ID it is given
_STATE = (_notes, _calls, _note_boxes, _unnamed)


def _wrap_add_tags(add_tags: Any) -> Any:
    def _add_tags(pdf: Any, *args: Any) -> None:
        for state in _STATE:
            state.clear()
        try:
            add_tags(pdf, *args)
            placed: dict[int, int] = {}  # id of an anchor -> notes already placed after it
            for note_id, note in _notes.items():
                _drop_empty_kids(pdf, note)
                if note_id not in _calls:
                    continue
                call, description = _calls[note_id]
                if call["S"] == "/Link":
                    _tag_call(pdf, call, description)
                _move_after_call(pdf, note, call, placed)
        finally:
            for state in _STATE:
                state.clear()
    return _add_tags


def _wrap_build_box_tree(build_box_tree: Any) -> Any:
    def _build_box_tree(box: Any, *args: Any) -> Any:
        if isinstance(box, boxes.FootnoteAreaBox):  # its children are the page's notes
            _note_boxes.update(id(child) for child in box.children)
        own = own_element_box(box)
        for element in build_box_tree(box, *args):
            if own is not None and own.element_tag.endswith(PSEUDOS) and not element["K"]:
                element.clear()  # a call or marker with `content: none`: nothing to read
                continue
            if own is not None:
                _classify(own, element)
            yield element
    return _build_box_tree


def _note_id(box: Any) -> str:
    """The note element's id, else one numbered in the order notes are met."""
    return box.element.get("id") or _unnamed.setdefault(id(box.element), f"footnote-{len(_unnamed) + 1}")


def _classify(box: Any, element: Any) -> None:
    if id(box) in _note_boxes:
        if _note_id(box) not in _notes:
            element["S"] = "/Note"
            element["ID"] = pydyf.String(_note_id(box))
            _notes[_note_id(box)] = element
    elif box.element_tag.endswith("::footnote-call"):
        _calls.setdefault(_note_id(box), (element, ""))
    elif box.element_tag.endswith("::footnote-marker") or NUMBER_CLASS in classes(box):
        element["S"] = "/Lbl"
    elif element["S"] == "/Link" and (box.element.get("href") or "").startswith("#"):
        text = "".join(box.element.itertext()).strip()
        description = box.element.get("data-description") or messages.NOTE_CALL_DESCRIPTION.format(number=text)
        _calls.setdefault(box.element.get("href")[1:], (element, description))


def _drop_empty_kids(pdf: Any, note: Any) -> None:
    """A note written as a block container (pressroom's <object>) starts with an empty
    grouping element of the engine's: without it, the Lbl is the note's first kid."""
    note["K"] = pydyf.Array(
        kid for kid in note["K"]
        if not (isinstance(target := referenced(pdf, kid), pydyf.Dictionary)
                and target.get("S") == "/NonStruct" and not target.get("K"))
    )


def _tag_call(pdf: Any, link: Any, description: str) -> None:
    """The call: a Link to the note inside a Reference; its annotation says "Note N" in the
    report's language (the call's data-description)."""
    parent = referenced(pdf, link["P"])
    reference = pydyf.Dictionary({"Type": "/StructElem", "S": "/Reference", "P": link["P"], "K": pydyf.Array([link.reference])})
    if "Pg" in link:
        reference["Pg"] = link["Pg"]
    pdf.add_object(reference)
    parent["K"][parent["K"].index(link.reference)] = reference.reference
    link["P"] = reference.reference
    for kid in link["K"]:
        target = referenced(pdf, kid)
        if isinstance(target, pydyf.Dictionary) and target.get("Type") == "/OBJR":
            referenced(pdf, target["Obj"])["Contents"] = pydyf.String(description)


def _move_after_call(pdf: Any, note: Any, link: Any, placed: dict[int, int]) -> None:
    anchor = referenced(pdf, link["P"])
    while anchor.get("S") not in AFTER | INSIDE and anchor.get("Type") == "/StructElem":
        anchor = referenced(pdf, anchor["P"])
    if anchor.get("S") not in AFTER | INSIDE:
        return
    area = referenced(pdf, note["P"])
    area["K"].remove(note.reference)
    if not area["K"] and area.get("S") == "/NonStruct":  # an emptied footnote area
        holder = referenced(pdf, area["P"])
        holder["K"].remove(area.reference)
        area.clear()
    if anchor["S"] in AFTER:
        container = referenced(pdf, anchor["P"])
        index = container["K"].index(anchor.reference) + 1 + placed.get(id(anchor), 0)
    else:
        container, index = anchor, len(anchor["K"])
    container["K"].insert(index, note.reference)
    note["P"] = container.reference
    placed[id(anchor)] = placed.get(id(anchor), 0) + 1


PATCHES = [
    Patch(engine_pdf, 'add_tags', _wrap_add_tags),
    Patch(tags, '_build_box_tree', _wrap_build_box_tree),
]
