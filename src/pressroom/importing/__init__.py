"""`pressroom import`: a Word or LibreOffice draft becomes a report folder that builds.

pandoc (convert.py) turns the text into Markdown with every footnote and endnote as `[^n]`;
package.py reads the few facts pandoc leaves out. The folder is then checked the way
`pressroom build` checks it (load, validate, markdown), so the writer learns at once what
to fix, file:line:column. Returns values and problems; never prints.
"""

from __future__ import annotations

import datetime
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pressroom import messages
from pressroom.importing.convert import READERS, convert, tracked_changes
from pressroom.importing.package import PackageFacts, TrackedChange, read_package
from pressroom.importing.settings import settings_for, settings_yaml
from pressroom.load import load_source
from pressroom.markdown import render_markdown
from pressroom.problems import Problem, errors_in
from pressroom.resources import available_organisations
from pressroom.validate import load_organisation, validate

ChangesChoice = Literal["stop", "accept", "reject"]
SETTINGS_FILE = "report.yaml"
CONTEXT_WORDS = 8


@dataclass(frozen=True)
class Imported:
    folder: Path
    files: list[Path]
    notes: int
    images: int
    guessed: list[str]  # the report.yaml keys marked 'check'


def default_folder(draft: Path) -> Path:
    return Path(_slug(draft.stem))


def import_draft(
    draft: Path,
    folder: Path,
    *,
    organisation: str | None = None,
    changes: ChangesChoice = "stop",
    today: datetime.date | None = None,
) -> tuple[Imported | None, list[Problem]]:
    """Write report.yaml, the Markdown and the images into `folder`; problems say what to fix."""
    problems = _check_paths(draft, folder)
    organisation, organisation_guess, organisation_problems = _organisation(organisation)
    problems += organisation_problems
    if errors_in(problems):
        return None, problems
    try:
        facts = read_package(draft)
        found_changes = facts.changes or (tracked_changes(draft) if draft.suffix.lower() == ".docx" else [])
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError) as error:
        return None, [Problem.at(messages.IMPORT_UNREADABLE.format(path=draft, reason=_reason(error)), draft)]
    if found_changes and changes == "stop":
        return None, [_change_problem(draft, change) for change in found_changes] + [
            Problem.at(messages.IMPORT_CHANGES_STOP.format(count=len(found_changes)), draft)
        ]
    if found_changes and changes == "reject" and draft.suffix.lower() == ".odt":
        return None, [Problem.at(messages.IMPORT_ODT_REJECT, draft)]

    folder.mkdir(parents=True, exist_ok=True)
    try:
        text = convert(draft, folder.resolve(), facts, "reject" if changes == "reject" else "accept")
    except RuntimeError as error:  # pandoc could not read it
        return None, [Problem.at(messages.IMPORT_UNREADABLE.format(path=draft, reason=_reason(error)), draft)]
    markdown = folder / f"{_slug(draft.stem)}.md"
    markdown.write_text(text.markdown, encoding="utf-8")
    settings = settings_for(draft, facts, text, organisation, organisation_guess, markdown.name, today or datetime.date.today())
    settings_path = folder / SETTINGS_FILE
    settings_path.write_text(settings_yaml(draft, settings), encoding="utf-8")

    imported = Imported(folder, [settings_path, markdown], text.notes, len(text.images), [s.key for s in settings if s.guess])
    joined = [Problem.at(messages.IMPORT_CELL_JOINED.format(words=_opening(words)), draft, severity="warning") for words in text.joined_cells]
    return imported, _left_out(draft, facts) + joined + _as_the_build_sees_it(folder)


def _reason(error: Exception) -> str:
    """The first line of what went wrong, without pypandoc's preamble or pandoc's backtrace."""
    text = re.sub(r'^Pandoc died with exitcode "\d+" during conversion:\s*', "", str(error).strip())
    return (text.splitlines() or [type(error).__name__])[0].strip(" '\"")


def _check_paths(draft: Path, folder: Path) -> list[Problem]:
    if not draft.is_file():
        return [Problem.at(messages.IMPORT_NOT_FOUND.format(path=draft))]
    if draft.suffix.lower() not in READERS or not zipfile.is_zipfile(draft):
        return [Problem.at(messages.IMPORT_NOT_A_DRAFT.format(path=draft), draft)]
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return [Problem.at(messages.IMPORT_FOLDER_NOT_EMPTY.format(folder=folder), folder)]
    return []


def _organisation(chosen: str | None) -> tuple[str, str, list[Problem]]:
    """The organisation asked for, or the first one pressroom knows, marked for checking."""
    if chosen is not None:
        return chosen, "", load_organisation(chosen)[1]
    choices = available_organisations()
    return choices[0], messages.IMPORT_GUESS_ORGANISATION.format(choices=", ".join(choices)), []


def _change_problem(draft: Path, change: TrackedChange) -> Problem:
    author = change.author or messages.IMPORT_CHANGE_UNKNOWN_AUTHOR
    message = messages.IMPORT_CHANGE.format(kind=change.kind, author=author, text=change.text, context=_opening(change.context))
    return Problem.at(message, draft)


def _opening(text: str) -> str:
    words = text.split()
    return " ".join(words[:CONTEXT_WORDS]) + ("..." if len(words) > CONTEXT_WORDS else "")


def _left_out(draft: Path, facts: PackageFacts) -> list[Problem]:
    """What the report cannot carry, said once each rather than dropped in silence."""
    problems = []
    if facts.comments:
        problems.append(Problem.at(messages.IMPORT_COMMENTS_DROPPED.format(count=facts.comments), draft, severity="warning"))
    if facts.formatting:
        kinds = ", ".join(messages.IMPORT_FORMATTING_KIND.format(kind=kind, count=count) for kind, count in sorted(facts.formatting.items()))
        problems.append(Problem.at(messages.IMPORT_FORMATTING_DROPPED.format(kinds=kinds), draft, severity="warning"))
    return problems


def _as_the_build_sees_it(folder: Path) -> list[Problem]:
    """The problems `pressroom build` would stop on before layout, with their file:line:column."""
    source, problems = load_source(folder)
    if source is None:
        return problems
    report, more = validate(source)
    problems += more
    if report is not None:
        problems += render_markdown(report)[1]
    return problems


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-") or "report"
