"""The text of notes keeps every source line break and run of spaces.

Bug: ``build_formatting_structure`` takes each ``float: footnote`` element out of the
box tree while building it, then runs the white-space processing (and text-transform)
on the tree only. The notes never get it: a newline in a note's HTML breaks the printed
line, runs of spaces stay, and whitespace between a note's blocks becomes blank lines.

Reproduction: tests/engine/repros/fn_whitespace.html (a note written over three source
lines is printed on three lines).

Fix: wrap the builder; after it, process the white space (and text-transform) of each
note as the engine does for the body.
"""

from __future__ import annotations

from typing import Any

import weasyprint.document

from ._patching import Patch


def _wrap(build_formatting_structure: Any) -> Any:
    def build(element_tree: Any, style_for: Any, get_image_from_uri: Any, base_url: Any,
              target_collector: Any, counter_style: Any, footnotes: list) -> Any:
        root = build_formatting_structure(
            element_tree, style_for, get_image_from_uri, base_url, target_collector, counter_style, footnotes)
        for note in footnotes:
            note.process_whitespace()
            note.process_text_transform()
        return root
    return build


PATCHES = [Patch(weasyprint.document, 'build_formatting_structure', _wrap)]
