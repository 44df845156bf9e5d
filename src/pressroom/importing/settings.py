"""report.yaml for an imported draft: the same keys `pressroom new` writes, each guess marked."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from pressroom import messages
from pressroom.importing.convert import Converted
from pressroom.importing.package import PackageFacts
from pressroom.settings_schema import SCHEMA_FILE

DEFAULT_KIND = "Report"
DEFAULT_LANGUAGE = "en"
DEFAULT_PAGE_SIZE = "A4"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Setting:
    key: str
    value: object
    guess: str = ""  # the comment that tells the writer where the value came from


def settings_for(
    draft: Path, facts: PackageFacts, text: Converted, organisation: str, organisation_guess: str, markdown: str, today: datetime.date
) -> list[Setting]:
    property_guess = messages.IMPORT_GUESS_PROPERTY.format
    title = (
        Setting("title", facts.title, property_guess(property="Title"))
        if facts.title
        else Setting("title", text.title, messages.IMPORT_GUESS_STYLE.format(style="Title"))
        if text.title
        else Setting("title", text.first_heading, messages.IMPORT_GUESS_FIRST_HEADING)
        if text.first_heading
        else Setting("title", draft.stem, messages.IMPORT_GUESS_FILE_NAME)
    )
    settings = [title]
    if text.subtitle:
        settings.append(Setting("subtitle", text.subtitle, messages.IMPORT_GUESS_STYLE.format(style="Subtitle")))
    settings.append(
        Setting("kind", facts.kind, property_guess(property="Category")) if facts.kind else Setting("kind", DEFAULT_KIND, messages.IMPORT_GUESS_DEFAULT_KIND)
    )
    settings.append(Setting("organisation", organisation, organisation_guess))
    created = _date(facts.created)
    settings.append(Setting("date", created, messages.IMPORT_GUESS_CREATED) if created else Setting("date", today, messages.IMPORT_GUESS_TODAY))
    language = facts.language if LANGUAGE_TAG.match(facts.language) else ""
    settings.append(
        Setting("language", language, messages.IMPORT_GUESS_LANGUAGE) if language else Setting("language", DEFAULT_LANGUAGE, messages.IMPORT_GUESS_DEFAULT_LANGUAGE)
    )
    settings.append(Setting("page_size", facts.page_size, messages.IMPORT_GUESS_PAGE) if facts.page_size else Setting("page_size", DEFAULT_PAGE_SIZE))
    if facts.subject:
        settings.append(Setting("subject", facts.subject, property_guess(property="Subject")))
    if facts.keywords:
        settings.append(Setting("keywords", facts.keywords, property_guess(property="Keywords")))
    settings.append(Setting("files", [markdown]))
    return settings


def settings_yaml(draft: Path, settings: list[Setting]) -> str:
    lines = [f"# yaml-language-server: $schema={SCHEMA_FILE.as_posix()}", messages.IMPORT_SETTINGS_HEADER.format(draft=draft.name).rstrip("\n")]
    for setting in settings:
        if setting.key == "files":
            lines += [messages.IMPORT_FILES_COMMENT, "files:", *(f"  - {_scalar(name)}" for name in setting.value)]
            continue
        comment = f"  # {setting.guess}" if setting.guess else ""
        lines.append(f"{setting.key}: {_scalar(setting.value)}{comment}")
    return "\n".join(lines) + "\n"


def _scalar(value: object) -> str:
    """One value on one line, quoted only when YAML needs it."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6)
    return dumped.removesuffix("\n...\n").strip()


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
