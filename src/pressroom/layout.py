"""Stage 5: lay out the HTML with WeasyPrint (patched for footnotes) and write the PDF bytes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import weasyprint
from weasyprint.formatting_structure import boxes
from weasyprint.urls import URLFetcher

from pressroom import messages
from pressroom.engine import patched_engine
from pressroom.problems import Problem
from pressroom.resources import path_of_file_url, styles_dir
from pressroom.template import HtmlDocument

NOTDEF_WARNING = ".notdef glyph"
KEPT_WHOLE = "data-kept-whole"
MOVE_WHOLE_FRACTION = 0.25  # a broken table moves whole when that wastes less than this much of the page
MAX_TABLE_PASSES = 3  # each pass only adds kept tables; the layout settles in one or two


@dataclass(frozen=True)
class Layout:
    """The laid-out document (pages and boxes, for the audit) and the PDF written from it."""

    document: weasyprint.document.Document
    pdf: bytes


class ConfinedFetcher(URLFetcher):
    """Lets WeasyPrint read local files inside the allowed folders, and nothing else."""

    def __init__(self, allowed: tuple[Path, ...]):
        super().__init__(allowed_protocols={"file", "data"})
        self.allowed = tuple(path.resolve() for path in allowed)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("file:"):
            path = path_of_file_url(url).resolve()
            if not any(path.is_relative_to(root) for root in self.allowed):
                self.refused.append(url)
                raise ValueError(f"outside the report: {url}")
        elif not url.startswith("data:"):
            self.refused.append(url)
            raise ValueError(f"not a local file: {url}")
        return super().fetch(url, headers)


class _EngineLog(logging.Handler):
    """Collects what WeasyPrint logs during one render: warnings are data, not noise."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def lay_out(
    document: HtmlDocument,
    pdf_variant: str | None = None,
    output_intent: str | None = None,
    finisher: Callable[[Any, Any], None] | None = None,
) -> tuple[Layout, list[Problem]]:
    """Render with the footnote patches applied; engine warnings come back as problems.
    `finisher` may add to the PDF's objects just before the engine writes them."""
    fetcher = ConfinedFetcher((document.base_dir, styles_dir(), *document.resource_dirs))
    log = _EngineLog()
    weasyprint.LOGGER.addHandler(log)
    try:
        with patched_engine():
            html = weasyprint.HTML(string=document.html, base_url=str(document.base_dir) + "/", url_fetcher=fetcher)
            # @color-profile rules register into this dict, which render() needs to see.
            color_profiles: dict[str, Any] = {}
            css = {"url_fetcher": fetcher, "color_profiles": color_profiles}
            stylesheets = [weasyprint.CSS(filename=str(path), **css) for path in document.stylesheets]
            if document.css:
                stylesheets.append(weasyprint.CSS(string=document.css, **css))
            options = {"pdf_variant": pdf_variant, "output_intent": output_intent}
            rendered = html.render(stylesheets=stylesheets, color_profiles=color_profiles, **options)
            for _ in range(MAX_TABLE_PASSES):
                tables = tables_to_keep_whole(rendered)
                if not tables:
                    break
                for table in tables:
                    table.set(KEPT_WHOLE, "")  # _base.css: table[data-kept-whole] { break-inside: avoid }
                rendered = html.render(stylesheets=stylesheets, color_profiles=color_profiles, **options)
            pdf = rendered.write_pdf(finisher=finisher, **options)
    finally:
        weasyprint.LOGGER.removeHandler(log)
    return Layout(rendered, pdf), _problems_from(log.records, fetcher.refused)


def tables_to_keep_whole(rendered: weasyprint.document.Document) -> list[Any]:
    """Tables broken across pages that should move whole to the next page instead: those that
    start in the last quarter of the room the page has for text (moving them wastes little)."""
    starts: dict[int, tuple[Any, bool]] = {}  # table element -> (element, starts near the foot?)
    pages_of: dict[int, set[int]] = {}
    for number, page in enumerate(rendered.pages):
        box = page._page_box
        bottom = box.content_box_y() + box.height
        for child in box.children:
            if isinstance(child, boxes.FootnoteAreaBox) and child.children:
                bottom = min(bottom, child.position_y)
        for table in _tables(box):
            key = id(table.element)
            pages_of.setdefault(key, set()).add(number)
            starts.setdefault(key, (table.element, bottom - table.position_y < box.height * MOVE_WHOLE_FRACTION))
    return [
        element
        for key, (element, near_the_foot) in starts.items()
        if near_the_foot and len(pages_of[key]) > 1 and element.get(KEPT_WHOLE) is None
    ]


def _tables(box: boxes.Box) -> list[boxes.TableBox]:
    if isinstance(box, boxes.TableBox):
        return [box]
    return [table for child in getattr(box, "children", ()) for table in _tables(child)]


def _problems_from(records: list[logging.LogRecord], refused: list[str]) -> list[Problem]:
    problems = [Problem.at(messages.RESOURCE_REFUSED.format(url=url)) for url in dict.fromkeys(refused)]
    missing_glyphs: dict[str, None] = {}
    for record in records:
        text = record.getMessage()
        if NOTDEF_WARNING in text:  # one per character drawn: gather them into one problem
            missing_glyphs.setdefault(str(record.args[0]) if record.args else text)
        elif not any(url in text for url in refused):
            problems.append(Problem.at(messages.ENGINE_WARNING.format(detail=text), severity="warning"))
    if missing_glyphs:
        listed = ", ".join(f"'{c}' (U+{ord(c):04X})" if len(c) == 1 else c for c in missing_glyphs)
        problems.append(Problem.at(messages.NOTDEF_GLYPH.format(characters=listed)))
    return problems
