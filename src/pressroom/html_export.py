"""`pressroom build --html FILE`: the screen file's HTML as the engine is given it, standalone
(stylesheets linked, the profile's CSS inline, a base for relative paths), so WeasyPrint's
own command line renders the same document: `weasyprint FILE out.pdf`."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from pressroom.load import load_source
from pressroom.markdown import render_markdown
from pressroom.problems import Problem, UserError, errors_in
from pressroom.profiles import profiles_for
from pressroom.template import HtmlDocument, fill_template
from pressroom.validate import validate

HEAD_END = "</head>"


def export_html(source: Path, *, strict: bool = False, created: datetime | None = None) -> tuple[str, list[Problem]]:
    """The standalone HTML of the screen file and the warnings; UserError as a build would."""
    loaded, problems = load_source(source)
    report, more = validate(loaded) if loaded else (None, [])
    problems += more
    if report is None:
        raise UserError(problems)
    body, more = render_markdown(report)
    problems += more
    if errors_in(problems) or (strict and problems):
        raise UserError(problems)
    screen = profiles_for("screen", report.settings)[0]
    return standalone(fill_template(report, body, screen, created=created)), problems


def standalone(document: HtmlDocument) -> str:
    links = "".join(f'<link rel="stylesheet" href="{html.escape(path.resolve().as_uri())}">' for path in document.stylesheets)
    inline = f"<style>{document.css}</style>" if document.css else ""
    base = f'<base href="{html.escape(document.base_dir.resolve().as_uri())}/">'
    return document.html.replace(HEAD_END, base + links + inline + HEAD_END, 1)
