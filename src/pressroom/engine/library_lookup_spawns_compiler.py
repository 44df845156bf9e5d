"""Importing WeasyPrint spawned about 215 gcc and ldconfig processes (0.17 s and more of
every command's start).

WeasyPrint 70 (`weasyprint/text/ffi.py`) opens each of its C libraries by trying a list of
names in turn: 'libgobject-2.0-0', 'gobject-2.0-0', 'gobject-2.0', then
'libgobject-2.0.so.0'... For each name the dynamic loader cannot open, cffi asks
`ctypes.util.find_library`, which runs ldconfig and gcc to search. On Linux and macOS the
list always holds the library's real file name ('libgobject-2.0.so.0',
'libgobject-2.0.dylib'), which the loader finds at once; so while WeasyPrint is imported,
find_library finds nothing and the next name is tried. On Windows nothing changes.
"""

from __future__ import annotations

import ctypes.util
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

from ._patching import Patch

PLATFORMS_WITH_FILE_NAMES = ("linux", "darwin")


@contextmanager
def libraries_by_file_name() -> Iterator[None]:
    """Libraries are opened by the names given only, never searched for with a compiler."""
    if not sys.platform.startswith(PLATFORMS_WITH_FILE_NAMES):
        yield
        return
    patch = Patch(ctypes.util, "find_library", lambda original: lambda name: None)
    patch.apply()
    try:
        yield
    finally:
        patch.restore()


def import_weasyprint() -> ModuleType:
    """WeasyPrint, imported (once per process) without spawning a compiler."""
    with libraries_by_file_name():
        import weasyprint

    return weasyprint
