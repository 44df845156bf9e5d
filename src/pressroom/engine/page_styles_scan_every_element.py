"""Each page's styles take time growing with the document's length (pages x pages).

Bug: WeasyPrint 70's ``set_page_type_computed_styles`` (``layout/page.py``) finds the margin
boxes of a page by walking every cascaded style of the document (each styled element's, and
each earlier page's and margin box's) to pick out the few that belong to the page. Both grow
with the pages, so each page takes longer than the last: 0.27 ms a page at 26 pages, 0.95 ms
a page at 366 (0.35 s).

Reproduction: tests/engine/test_page_styles_scan_every_element.py counts the styles looked at
for the pages of a document of 5 and of 40 pages.

Fix: ask the page rules which margin boxes match the page (what ``add_page_declarations``
has just added for it) and compute those: the same styles, in the same order, looked up by key.
"""

from __future__ import annotations

from typing import Any

import weasyprint.layout.page

from ._patching import Patch


def _margin_boxes_of(page_type: Any, style_for: Any) -> list[Any]:
    """The pseudo-types (``@top-center``...) the page rules give this page type, in the order
    ``add_page_declarations`` added their cascaded styles."""
    found = dict.fromkeys(
        pseudo_type
        for sheet, _origin, _specificity in style_for._sheets
        for _rule, selector_list, _declarations in sheet.page_rules
        for _selector_specificity, pseudo_type, page_selector_type in selector_list
        if pseudo_type and style_for._page_type_match(page_selector_type, page_type)
    )
    cascaded = style_for.get_cascaded_styles()
    return [pseudo_type for pseudo_type in found if (page_type, pseudo_type) in cascaded]


def _by_page_rules(original: Any) -> Any:
    def set_page_type_computed_styles(page_type: Any, html: Any, style_for: Any) -> None:
        style_for.add_page_declarations(page_type)
        # @page inherits from the root element, as in the original.
        style_for.set_computed_styles(page_type, root=html.etree_element, parent=html.etree_element, base_url=html.base_url)
        for pseudo_type in _margin_boxes_of(page_type, style_for):
            style_for.set_computed_styles(
                page_type, pseudo_type=pseudo_type, root=html.etree_element, parent=page_type, base_url=html.base_url
            )

    return set_page_type_computed_styles


PATCHES: list[Any] = [Patch(weasyprint.layout.page, "set_page_type_computed_styles", _by_page_rules)]
