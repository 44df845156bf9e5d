"""Stage 5: lay out the HTML with WeasyPrint (patched for footnotes) and write the PDF bytes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import weasyprint
from weasyprint.urls import URLFetcher

from pressroom import messages
from pressroom.engine import patched_engine
from pressroom.problems import Problem
from pressroom.resources import path_of_file_url, styles_dir
from pressroom.template import HtmlDocument

NOTDEF_WARNING = ".notdef glyph"


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
            # A trailer /ID, as PDF/UA and PDF/X want; a hash of the content, so builds stay identical.
            pdf = rendered.write_pdf(finisher=finisher, pdf_identifier=True, **options)
    finally:
        weasyprint.LOGGER.removeHandler(log)
    return Layout(rendered, pdf), _problems_from(log.records, fetcher.refused)


def _problems_from(records: list[logging.LogRecord], refused: list[str]) -> list[Problem]:
    problems = [Problem.at(messages.RESOURCE_REFUSED.format(url=url)) for url in dict.fromkeys(refused)]
    for record in records:
        text = record.getMessage()
        if NOTDEF_WARNING in text:
            problems.append(Problem.at(messages.NOTDEF_GLYPH.format(families=text)))
        elif not any(url in text for url in refused):
            problems.append(Problem.at(messages.ENGINE_WARNING.format(detail=text), severity="warning"))
    return problems
