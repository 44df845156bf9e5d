"""engine/library_lookup_spawns_compiler.py: WeasyPrint finds its libraries without
ctypes.util.find_library, which runs gcc and ldconfig for every name it cannot open.
Each test counts the processes a fresh interpreter starts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Run in a fresh interpreter: WeasyPrint loads its libraries once, when first imported.
COUNT_SPAWNS = """
import json, subprocess
spawned = []
start = subprocess.Popen.__init__
def counted(self, args, *rest, **options):
    spawned.append(str(args[0] if isinstance(args, (list, tuple)) else args).split()[0])
    start(self, args, *rest, **options)
subprocess.Popen.__init__ = counted
import {module}
import weasyprint
pdf = weasyprint.HTML(string="<p>Pango, HarfBuzz and fontconfig are loaded</p>").write_pdf()
print(json.dumps({{"spawned": spawned, "pdf": pdf[:5].decode()}}))
"""


def _spawns_when_importing(module: str) -> dict:
    script = COUNT_SPAWNS.format(module=module)
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(completed.stdout.splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library file names are Linux's")
@pytest.mark.parametrize("module", ["pressroom.layout", "pressroom.audit"])
def test_the_layout_worker_imports_weasyprint_without_searching_for_libraries(module: str) -> None:
    """What a layout worker imports first (layout_process.PRELOAD), each on its own."""
    found = _spawns_when_importing(module)
    assert found == {"spawned": [], "pdf": "%PDF-"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library file names are Linux's")
def test_plain_weasyprint_searches_with_a_compiler() -> None:
    """The reproduction: without the shim every bare library name is searched for."""
    found = _spawns_when_importing("cffi")
    assert len(found["spawned"]) > 20 and found["pdf"] == "%PDF-"
