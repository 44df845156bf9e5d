"""Stage 5: lay out the HTML with WeasyPrint (patched for footnotes) and write the PDF bytes."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pressroom import engine  # noqa: F401 (first: WeasyPrint loads its libraries without a compiler)

import weasyprint  # noqa: E402
from weasyprint.formatting_structure import boxes
from weasyprint.urls import URLFetcher, URLFetcherResponse

from pressroom import messages
from pressroom.collector import full_passes_deferred
from pressroom.engine import patched_engine
from pressroom.images import eight_bit_copy, image_problem
from pressroom.problems import Problem
from pressroom.resources import MOUNT, REPORT_MOUNT, confined_path, organisations_dir, source_mounts, styles_dir, unmounted
from pressroom.document import HtmlDocument

NOTDEF_WARNING = ".notdef glyph"
KEPT_WHOLE = "data-kept-whole"
MOVE_WHOLE_FRACTION = 0.25  # a broken table moves whole when that wastes less than this much of the page
MAX_TABLE_PASSES = 3  # each pass only adds kept tables; the layout settles in one or two
MAX_NOTDEF_REPORTED = 20


@dataclass(frozen=True)
class Layout:
    """The laid-out document (pages and boxes, for the audit) and the PDF written from it."""

    document: weasyprint.document.Document
    pdf: bytes


class ConfinedFetcher(URLFetcher):
    """Lets WeasyPrint read local files inside the allowed folders, and nothing else."""

    def __init__(self, allowed: tuple[Path, ...], mounts: dict[str, Path] | None = None, guarded: Path | None = None):
        super().__init__(allowed_protocols={"file", "data"})
        self.allowed = tuple(path.resolve() for path in allowed)
        self.mounts = mounts or {}
        # Everything read from this folder (the report's) is a picture from the writer's hands,
        # also when an SVG drawing names it: judged by images.py before the engine opens it.
        self.guarded = guarded.resolve() if guarded else None
        self.refused: list[str] = []
        self.problems: list[Problem] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        url = unmounted(url, self.mounts)
        if url.lower().startswith("file:"):
            path = confined_path(url, self.allowed)
            if path is None:
                self.refused.append(url)
                raise ValueError(f"outside the report: {url}")
            if self.guarded and path.is_relative_to(self.guarded) and (problem := image_problem(path, path.name)):
                self.problems.append(Problem.at(problem, path))
                raise ValueError(problem)
            url = path.as_uri()  # what is opened is exactly what was checked
            if self.guarded and path.is_relative_to(self.guarded) and (copy := eight_bit_copy(path)) is not None:
                # Not a file: URL, or the engine would read the 16-bit file again from disk.
                return URLFetcherResponse(f"pressroom-eight-bit:{path.name}", copy, {"Content-Type": "image/png"})
        elif not url.lower().startswith("data:"):
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
    collect_before_pdf: bool = True,
) -> tuple[Layout, list[Problem]]:
    """Render with the footnote patches applied; engine warnings come back as problems.
    `finisher` may add to the PDF's objects just before the engine writes them.
    `collect_before_pdf` False skips the collection that keeps the memory peak down (watch's
    quick preview of a few pages, in a process holding much else, where its time shows)."""
    mounts = {**source_mounts(document.base_dir), **{folder.name: folder for folder in document.resource_dirs}}
    allowed = (document.base_dir, styles_dir(), organisations_dir(), *document.resource_dirs)
    fetcher = ConfinedFetcher(allowed, mounts, guarded=document.base_dir)
    log = _EngineLog()
    weasyprint.LOGGER.addHandler(log)
    try:
        with patched_engine():
            options = {"pdf_variant": pdf_variant, "output_intent": output_intent}
            # Every page made is kept until the PDF is written: see full_passes_deferred.
            with full_passes_deferred():
                rendered = _render(document, fetcher, options, collect_before_pdf)
                # The layout leaves its discarded attempts behind in reference cycles (385,000
                # objects at 366 pages); collected now, before the PDF's objects are made, they
                # are not part of the peak: 540 -> 480 MB at 366 pages, for 3 ms a page.
                if collect_before_pdf:
                    gc.collect()
                # Still no full pass while the PDF is written: its objects are all kept until the
                # end too. (With only the pages frozen, the collector walked the growing PDF again
                # and again: 4 s more at 366 pages.)
                # A trailer /ID, as PDF/UA and PDF/X want; a hash of the content, so builds stay identical.
                pdf = rendered.write_pdf(finisher=finisher, pdf_identifier=True, **options)
    finally:
        weasyprint.LOGGER.removeHandler(log)
    # The engine then says it failed to load what was refused: said already, with the reason.
    refused = fetcher.refused + [Path(problem.file).name for problem in fetcher.problems]
    return Layout(rendered, pdf), list(dict.fromkeys(fetcher.problems)) + _problems_from(log.records, refused)


def _render(
    document: HtmlDocument, fetcher: ConfinedFetcher, options: dict[str, Any], collect_between: bool
) -> weasyprint.document.Document:
    """The laid-out document (`options`: the PDF variant, as the PDF is written). A table that would
    break badly is kept whole, and the document laid out again (`collect_between`: the
    discarded attempt's pages are collected first)."""
    html = weasyprint.HTML(string=document.html, base_url=f"{MOUNT}{REPORT_MOUNT}/", url_fetcher=fetcher)
    # @color-profile rules register into this dict, which render() needs to see.
    color_profiles: dict[str, Any] = {}
    css = {"url_fetcher": fetcher, "color_profiles": color_profiles}
    stylesheets = [weasyprint.CSS(filename=str(path), **css) for path in document.stylesheets]
    if document.css:
        stylesheets.append(weasyprint.CSS(string=document.css, **css))
    rendered = html.render(stylesheets=stylesheets, color_profiles=color_profiles, **options)
    for _ in range(MAX_TABLE_PASSES):
        tables = tables_to_keep_whole(rendered)
        if not tables:
            break
        for table in tables:
            table.set(KEPT_WHOLE, "")  # _base.css: table[data-kept-whole] { break-inside: avoid }
        del rendered, tables  # the attempt's pages, collected before the next are made
        if collect_between:
            gc.collect()
        rendered = html.render(stylesheets=stylesheets, color_profiles=color_profiles, **options)
    return rendered


def tables_to_keep_whole(rendered: weasyprint.document.Document) -> list[Any]:
    """Tables broken across pages that should move whole to the next page instead: those that
    start in the last quarter of the room the page has for text (moving them wastes little)."""
    starts: dict[int, tuple[Any, bool]] = {}  # table element -> (element, starts near the foot?)
    pages_of: dict[int, set[int]] = {}
    heights: dict[int, float] = {}  # a table taller than a page cannot move whole: it would leave its heading alone
    room = 0.0
    for number, page in enumerate(rendered.pages):
        box = page._page_box
        bottom = box.content_box_y() + box.height
        for child in box.children:
            if isinstance(child, boxes.FootnoteAreaBox) and child.children:
                bottom = min(bottom, child.position_y)
        room = max(room, box.height)
        for table in _tables(box):
            key = id(table.element)
            pages_of.setdefault(key, set()).add(number)
            heights[key] = heights.get(key, 0.0) + table.margin_height()
            starts.setdefault(key, (table.element, bottom - table.position_y < box.height * MOVE_WHOLE_FRACTION))
    return [
        element
        for key, (element, near_the_foot) in starts.items()
        if near_the_foot and len(pages_of[key]) > 1 and heights[key] < room and element.get(KEPT_WHOLE) is None
    ]


def _tables(box: boxes.Box) -> list[boxes.TableBox]:
    if isinstance(box, boxes.TableBox):
        return [box]
    return [table for child in getattr(box, "children", ()) for table in _tables(child)]


def _problems_from(records: list[logging.LogRecord], refused: list[str]) -> list[Problem]:
    problems = [Problem.at(messages.RESOURCE_REFUSED.format(url=url), excerpt=url) for url in dict.fromkeys(refused) if ":" in url]
    missing: dict[str, None] = {}
    for record in records:
        text = record.getMessage()
        if NOTDEF_WARNING in text:
            missing[str(record.args[0]) if record.args else "?"] = None
        elif not any(url in text for url in refused):
            problems.append(Problem.at(messages.ENGINE_WARNING.format(detail=text), severity="warning"))
    for character in list(missing)[:MAX_NOTDEF_REPORTED]:  # each character once, where it is written
        shown = f"U+{ord(character):04X}" + (f" '{character}'" if character.isprintable() else "")
        problems.append(Problem.at(messages.NOTDEF_GLYPH.format(character=shown), excerpt=character))
    return problems
