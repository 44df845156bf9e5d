"""Runtime patches that make WeasyPrint's footnotes reliable and its tagging readable.

``with patched_engine(): HTML(...).write_pdf(...)`` applies every patch of
:data:`PATCHES` (in order, later ones may wrap earlier ones) and restores
WeasyPrint's originals on exit. Patches are tied to one exact WeasyPrint version.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType

from .library_lookup_spawns_compiler import import_weasyprint

weasyprint = import_weasyprint()  # first, before any other WeasyPrint module: see there

from . import (  # noqa: E402
    footnote_area_empty,
    footnote_area_rounding,
    footnote_lost_on_orphans,
    footnote_policy_line,
    footnote_split_long,
    footnote_whitespace,
    justify_unlimited_stretch,
    line_breaks_house,
    page_references_quadratic,
    page_styles_scan_every_element,
    rtl_ligature_letters,
    structure_lang,
    text_extraction_clusters,
    tags_footnotes,
    tags_margin_boxes,
    tags_split_blocks,
)
from ._patching import Patch

REQUIRED_WEASYPRINT = "70.0"

#: Patch modules, in application order (copies first, wrappers after).
PATCHES: tuple[ModuleType, ...] = (
    footnote_area_rounding,
    footnote_area_empty,
    footnote_policy_line,
    footnote_lost_on_orphans,
    footnote_split_long,
    footnote_whitespace,
    justify_unlimited_stretch,
    text_extraction_clusters,
    rtl_ligature_letters,
    line_breaks_house,
    structure_lang,
    tags_margin_boxes,
    tags_split_blocks,
    tags_footnotes,
    page_references_quadratic,
    page_styles_scan_every_element,
)


class _EngineState:
    """Nesting depth and applied patches, shared by all ``patched_engine()`` uses."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.depth = 0
        self.modules: tuple[ModuleType, ...] = ()
        self.applied: list[Patch] = []


_state = _EngineState()


def check_version() -> None:
    if weasyprint.__version__ != REQUIRED_WEASYPRINT:
        raise RuntimeError(
            f"pressroom.engine patches need WeasyPrint {REQUIRED_WEASYPRINT}, "
            f"found {weasyprint.__version__}: pin weasyprint=={REQUIRED_WEASYPRINT} "
            "or port the patches")


@contextmanager
def patched_engine(patches: Sequence[ModuleType] = PATCHES) -> Iterator[None]:
    """Apply footnote patches (all by default) for the duration of the ``with`` block.

    Nested uses share one application. The patches are process-wide while active:
    don't render unpatched in another thread meanwhile.
    """
    check_version()
    patches = tuple(module for module in PATCHES if module in patches)  # keep order
    with _state.lock:
        if _state.depth and patches != _state.modules:
            raise RuntimeError("patched_engine() already active with other patches")
        if _state.depth == 0:
            _state.modules = patches
            try:
                for module in patches:
                    for patch in module.PATCHES:
                        patch.apply()
                        _state.applied.append(patch)
            except BaseException:
                _restore()
                raise
        _state.depth += 1
    try:
        yield
    finally:
        with _state.lock:
            _state.depth -= 1
            if _state.depth == 0:
                _restore()


def _restore() -> None:
    while _state.applied:
        _state.applied.pop().restore()


__all__ = ["PATCHES", "REQUIRED_WEASYPRINT", "check_version", "patched_engine"]
