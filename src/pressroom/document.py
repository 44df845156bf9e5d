"""The template's output, the layout's input: a module of its own, importing nothing heavy,
because the layout process (which imports the engine and little else) reads it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class HtmlDocument:
    """A complete HTML document and the stylesheets to lay it out with.

    `css` is added after the stylesheets (the profile's colours, bleed and marks);
    `resource_dirs` are further folders the engine may read (the ICC profile, converted images).
    """

    html: str
    stylesheets: tuple[Path, ...]
    base_dir: Path
    css: str = ""
    resource_dirs: tuple[Path, ...] = ()
