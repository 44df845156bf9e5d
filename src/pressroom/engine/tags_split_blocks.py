"""A paragraph broken by a page becomes two paragraphs in the structure tree.

Bug: ``tags.add_tags`` builds the structure page by page, one element per box, so each
fragment of an element split across pages (a paragraph, a list item, the main part, a
note) is a separate element: a screen reader reads two paragraphs, with the first page's
notes between them.

Reproduction: tests/engine/repros/tags_split_paragraph.html (one paragraph on two pages).

Fix: when an element continues a fragment of the same HTML element and structure type
from the previous page, its kids join the first fragment (MCIDs as marked-content
references to their page) and it is emptied. Repeated table headers are copies, not
continuations, and stay apart.
"""

from __future__ import annotations

from typing import Any

import pydyf
from weasyprint import pdf as engine_pdf
from weasyprint.pdf import tags

from ._patching import Patch
from ._tags import own_element_box, referenced

REPEATED = {"/THead", "/TFoot"}

# (id of the HTML element, its tag) -> (page number, structure element) of its last fragment
_last: dict[tuple[int, str], tuple[int, Any]] = {}
_repeated: set[int] = set()  # ids of the elements inside repeated table headers and footers
# page number -> where its annotations start in the document's list: a fragment joined on a
# page can only own annotations of that page, and rewriting the whole list for each join made
# tagging grow with pages x links (0.8 s of a 186-page report)
_first_annotation: dict[int, int] = {}


def _wrap_add_tags(add_tags: Any) -> Any:
    def _add_tags(*args: Any) -> None:
        _last.clear()
        _repeated.clear()
        _first_annotation.clear()
        try:
            add_tags(*args)
        finally:
            _last.clear()
            _repeated.clear()
            _first_annotation.clear()
    return _add_tags


def _wrap_build_box_tree(build_box_tree: Any) -> Any:
    def _build_box_tree(box: Any, parent: Any, pdf: Any, page_number: int, nums: Any, annotations: Any, page_tags: Any) -> Any:
        own = own_element_box(box)
        _first_annotation.setdefault(page_number, len(annotations))
        for element in build_box_tree(box, parent, pdf, page_number, nums, annotations, page_tags):
            if own is None:
                yield element
                continue
            if parent.get("S") in REPEATED or id(parent) in _repeated:
                _repeated.add(id(element))
                yield element
                continue
            key = (id(own.element), own.element_tag)
            earlier = _last.get(key)
            if earlier and earlier[0] == page_number - 1 and earlier[1]["S"] == element["S"]:
                _join(pdf, earlier[1], element, nums, annotations, _first_annotation[page_number])
                _last[key] = (page_number, earlier[1])
                continue
            _last[key] = (page_number, element)
            yield element
    return _build_box_tree


def _join(pdf: Any, first: Any, later: Any, nums: dict[int, Any], annotations: list[Any], page_start: int) -> None:
    """Move the kids of `later` (a fragment on the next page, whose annotations start at
    `page_start`) to the end of `first`."""
    for kid in later["K"]:
        if isinstance(kid, int):  # content of the later page: a reference to it
            kid = pydyf.Dictionary({"Type": "/MCR", "Pg": later["Pg"], "MCID": kid})
        else:
            child = referenced(pdf, kid)
            if isinstance(child, pydyf.Dictionary) and child.get("Type") == "/StructElem":
                child["P"] = first.reference
        first["K"].append(kid)
    old, new = later.reference, first.reference
    for mcid, owner in nums.items():
        if owner == old:
            nums[mcid] = new
    annotations[page_start:] = [(new if owner == old else owner, a) for owner, a in annotations[page_start:]]
    later.clear()  # written as an empty dictionary: no element claims it


PATCHES = [
    Patch(engine_pdf, 'add_tags', _wrap_add_tags),
    Patch(tags, '_build_box_tree', _wrap_build_box_tree),
]
