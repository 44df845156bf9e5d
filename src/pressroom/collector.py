"""When Python's cycle collector may walk the whole heap: two stages hold large object graphs
that live to their end, and the collector's full passes walked them again and again, so that
their time grew faster than the page count."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Full passes start once the young generations have been collected this many times, and only
# when a quarter more objects survived since the last full pass: at this count, never.
_NEVER = 2**31 - 1
_deferring = threading.Lock()
_deferred_by = 0  # blocks (of any thread) inside full_passes_deferred
_saved_threshold = gc.get_threshold()


@contextmanager
def skips_existing_objects() -> Iterator[None]:
    """Python's cycle collector leaves every object that exists now alone until the block ends.
    The report's text and notes are tens of thousands of objects at 366 pages; each collection
    that pypdf's objects trigger while the print file is finished walked them all (its finish
    took 1.19 times as long a page at 366 pages as at 26; with them left alone, 1.02-1.06)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def full_passes_deferred() -> Iterator[None]:
    """No full pass of the collector inside the block; the young generations are still
    collected, and the caller collects once where it suits it. The layout keeps every page
    it made until the PDF is written: at 366 pages the collector made 15 full passes over
    them, 4.2 s against 0.16 s for 3 passes at 26 pages, and the layout took 1.12 times as
    long a page; without them 1.03, and the peak memory grew 2 MB (510 MB)."""
    global _deferred_by, _saved_threshold
    with _deferring:
        if _deferred_by == 0:
            _saved_threshold = gc.get_threshold()
            young, middle, _ = _saved_threshold
            gc.set_threshold(young, middle, _NEVER)
        _deferred_by += 1
    try:
        yield
    finally:
        with _deferring:
            _deferred_by -= 1
            if _deferred_by == 0:
                gc.set_threshold(*_saved_threshold)
