"""Stage 4: fill the Jinja template with the report's facts and body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from pressroom.markdown import Body
from pressroom.model import Report
from pressroom.resources import styles_dir, templates_dir

TEMPLATE = "report.html.j2"


@dataclass(frozen=True)
class HtmlDocument:
    """A complete HTML document and the stylesheets to lay it out with."""

    html: str
    stylesheets: tuple[Path, ...]
    base_dir: Path


def fill_template(report: Report, body: Body) -> HtmlDocument:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    settings = report.settings
    html = environment.get_template(TEMPLATE).render(
        settings=settings,
        organisation=report.organisation,
        body=jinja2.utils.markupsafe.Markup(body.html),
        background=jinja2.utils.markupsafe.Markup(body.background_html),
        created=settings.date.isoformat(),
        display_date=f"{settings.date:%B %Y}",
    )
    stylesheets = (styles_dir() / "_base.css", report.stylesheet)
    return HtmlDocument(html, stylesheets, report.root)
