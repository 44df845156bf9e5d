"""Stage 4: fill the Jinja template with the report's facts and body."""

from __future__ import annotations

import functools
from datetime import datetime
from pathlib import Path

import jinja2
import markupsafe

from pressroom import conventions, messages
from pressroom.icc import cmyk_profile_path
from pressroom.language import language_of
from pressroom.body import Body, Heading
from pressroom.document import HtmlDocument
from pressroom.model import Report
from pressroom.profiles import Profile, profile_css
from pressroom.resources import styles_dir, templates_dir

TEMPLATE = "report.html.j2"
SCREEN = Profile("screen", "pdf/ua-1")


def contents_of(body: Body, acronyms: dict[str, str], words: dict[str, str] = messages.REPORT_WORDS) -> list[Heading]:
    """The entries of the table of contents: chapters (#) and their sections (##), with the
    acronyms first; none when the report has no chapters (a briefing paper)."""
    if not any(heading.level == 1 for heading in body.headings):
        return []
    front = [Heading(1, words["acronyms"], "acronyms")] if acronyms else []
    return front + [heading for heading in body.headings if heading.level <= 2]


@functools.cache
def _environment(folder: Path) -> jinja2.Environment:
    """One per process and templates folder, so the template is compiled once (27 ms), not for
    each profile and report; its loader still reads the template again when the file changes."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["typeset"] = _typeset
    return environment


@jinja2.pass_context
def _typeset(context: jinja2.runtime.Context, text: str) -> markupsafe.Markup:
    """The report's typographic conventions on a fact (its title...): the rendering's `language`."""
    return markupsafe.Markup(conventions.after_rendering(str(markupsafe.escape(text)), context["language"]))


def fill_template(
    report: Report,
    body: Body,
    profile: Profile = SCREEN,
    blank_pages: int = 0,
    created: datetime | None = None,
    note_pages: int = 0,
) -> HtmlDocument:
    """The report as one HTML document for one profile. Before the back page go `note_pages`
    (numbered pages for a long note that continues past the text), then `blank_pages`.
    The PDF's dates are the report's date, or `created` (from SOURCE_DATE_EPOCH) when given."""
    settings = report.settings
    html = _environment(templates_dir()).get_template(TEMPLATE).render(
        settings=settings,
        organisation=report.organisation,
        body=jinja2.utils.markupsafe.Markup(body.html),
        background=jinja2.utils.markupsafe.Markup(body.background_html),
        created=created.strftime("%Y-%m-%dT%H:%M:%SZ") if created else settings.date.isoformat(),
        language=report.language,
        background_language=language_of(report.organisation.language),
        display_date=report.language.month_and_year(settings.date),
        blank_pages=blank_pages,
        note_pages=note_pages,
        contents=contents_of(body, settings.acronyms, report.language.words),
        words=report.language.words,
    )
    stylesheets = (styles_dir() / "_base.css", report.stylesheet)
    css = "\n".join((profile_css(profile, settings, stylesheets), report.fonts.css(), report.language.css()))
    return HtmlDocument(html, stylesheets, report.root, css, (cmyk_profile_path().parent,))
