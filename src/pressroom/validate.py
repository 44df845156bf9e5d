"""Stage 2: turn the loaded Source into a typed Report, reporting every problem at once."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from pressroom import messages
from pressroom.fonts import Passage, Place, declared_fonts, plan_fonts, scripts_in
from pressroom.language import Language, language_of
from pressroom.load import Source, load_source
from pressroom.markdown import check_markdown
from pressroom.model import Organisation, Report, ReportSettings
from pressroom.problems import Problem
from pressroom.resources import available_organisations, available_styles, organisations_dir, styles_dir


def validate(source: Source) -> tuple[Report | None, list[Problem]]:
    """Check the settings against the model and resolve the organisation and style."""
    problems: list[Problem] = []
    settings: ReportSettings | None = None
    try:
        settings = ReportSettings.model_validate(source.settings)
    except ValidationError as error:
        problems += [_problem_from(e, source) for e in error.errors()]

    if settings is None:  # still check the Markdown, so one run shows every mistake
        return None, problems + check_markdown(source.files, source.root)
    single_file = source.settings_file.suffix.lower() == ".md"
    if not single_file and not settings.files:
        problems.append(Problem.at(messages.NO_FILES, source.settings_file, 1, 1))
    if source.files and not any(f.text.strip() for f in source.files):
        problems.append(Problem.at(messages.EMPTY_REPORT, source.files[0].path, 1, 1))

    language = language_of(settings.language, settings.direction)
    organisation, org_problems = load_organisation(settings.organisation, language)
    for problem in org_problems:  # point at the key that named it
        problems.append(Problem.at(problem.message, source.settings_file, *_position(source, "organisation")))
    stylesheet = styles_dir() / f"{settings.style}.css"
    if "/" in settings.style or not stylesheet.is_file() or settings.style.startswith("_"):
        choices = ", ".join(available_styles())
        message = messages.UNKNOWN_STYLE.format(name=settings.style, choices=choices)
        problems.append(Problem.at(message, source.settings_file, *_position(source, "style")))

    artwork = {key: _artwork_path(source, key, getattr(settings, key), problems) for key in ("cover", "letterhead", "bibliography")}

    if organisation is None or any(p.is_error for p in problems):
        return None, problems + check_markdown(source.files, source.root)
    fonts, font_problems = plan_fonts(*font_needs(source, settings, organisation, stylesheet), settings.style)
    if font_problems:
        return None, problems + font_problems
    return Report(settings, source.root, source.files, organisation, stylesheet, language, fonts, **artwork), problems


def font_needs(
    source: Source, settings: ReportSettings, organisation: Organisation, stylesheet: Path
) -> tuple[dict[str, Place], Language, dict[tuple[str, str], str]]:
    """The scripts of everything the PDF prints (with their first place), the report's language
    and the fonts the style declares: what fonts.plan_fonts needs, and `pressroom doctor REPORT`."""
    language = language_of(settings.language, settings.direction)
    scripts = scripts_in(_passages(source, settings, organisation), language)
    return scripts, language, declared_fonts((styles_dir() / "_base.css", stylesheet))


# The settings printed in the PDF, whose script needs a font like the text's.
PRINTED_SETTINGS = ("title", "short_title", "subtitle", "kind", "licence", "isbn")


def _passages(source: Source, settings: ReportSettings, organisation: Organisation) -> list[Passage]:
    """Every text the PDF prints, with where it starts: printed settings, files, background."""
    passages = []
    for key in PRINTED_SETTINGS:
        value = getattr(settings, key)
        if value:
            line, column = _position(source, key)
            passages.append(Passage(source.settings_file, value, line, column + len(key) + 2))
    line, column = _position(source, "key_messages")
    passages += [Passage(source.settings_file, message, line, column) for message in settings.key_messages]
    passages += [Passage(f.path, f.text, f.first_line) for f in source.files]
    passages.append(Passage(organisation.background.path, organisation.background.text, organisation.background.first_line))
    back_page = (organisation.name, organisation.heading, *organisation.wordmark, organisation.address, organisation.place,
                 organisation.phone, organisation.email, organisation.licence, organisation.citation_label)
    passages.append(Passage(organisation.background.path, " ".join(back_page)))
    return passages


def _artwork_path(source: Source, key: str, name: str | None, problems: list[Problem]) -> Path | None:
    """A designer's PDF must be a file inside the report folder."""
    if name is None:
        return None
    if "\0" in name:  # no file has a NUL in its name (and Path refuses one)
        message = messages.FILE_MISSING.format(name=name.replace("\0", "\\0"))
        problems.append(Problem.at(message, source.settings_file, *_position(source, key)))
        return None
    path = (source.root / name).resolve()
    template = None
    if not path.is_relative_to(source.root.resolve()):
        template = messages.FILE_OUTSIDE
    elif not path.is_file():
        template = messages.FILE_MISSING
    if template:
        problems.append(Problem.at(template.format(name=name), source.settings_file, *_position(source, key)))
        return None
    return path


def load_organisation(slug: str, language: Language | None = None) -> tuple[Organisation | None, list[Problem]]:
    """An organisation is a folder in organisations/ with its background page written once per
    language, as Markdown with front matter (name, website, heading): en.md, fr.md, th.md...
    The report's language is used when written, else the language without its region, else English."""
    folder = organisations_dir() / slug
    tag = _background_language(folder, language.tag if language else DEFAULT_BACKGROUND)
    path = folder / f"{tag}.md"
    if "/" in slug or not path.is_file():
        choices = ", ".join(available_organisations())
        return None, [Problem.at(messages.UNKNOWN_ORGANISATION.format(name=slug, choices=choices))]
    source, problems = load_source(path)
    if source is None:
        return None, problems
    facts = {**_back_page_facts(folder, tag), **source.settings}
    organisation = Organisation(
        slug=slug,
        name=str(facts["name"]),
        website=str(facts["website"]),
        heading=str(facts["heading"]),
        background=source.files[0],
        language=tag,
        wordmark=tuple(str(line) for line in facts.get("wordmark") or ()),
        **{key: str(facts[key]) for key in BACK_PAGE_FACTS if facts.get(key)},
    )
    return organisation, problems


BACK_PAGE_FACTS = ("address", "place", "phone", "email", "licence", "citation_label")


def _back_page_facts(folder: Path, tag: str) -> dict[str, Any]:
    """The facts a language's file may leave out, from the English file (the same office)."""
    english = folder / f"{DEFAULT_BACKGROUND}.md"
    if tag == DEFAULT_BACKGROUND or not english.is_file():
        return {}
    source, _ = load_source(english)
    return {key: value for key, value in source.settings.items() if key in (*BACK_PAGE_FACTS, "wordmark")} if source else {}


DEFAULT_BACKGROUND = "en"


def _background_language(folder: Path, tag: str) -> str:
    """The best-matching language the background is written in: zh-TW, then zh, then en."""
    parts = tag.split("-")
    for length in range(len(parts), 0, -1):
        candidate = "-".join(parts[:length])
        if (folder / f"{candidate}.md").is_file():
            return candidate
    return DEFAULT_BACKGROUND


def _position(source: Source, *keys: str) -> tuple[int, int]:
    """Where the first of `keys` that the file has is written; the file's start otherwise."""
    key = next((k for k in keys if k in source.key_lines), None)
    return (source.key_lines[key], source.key_columns.get(key, 1)) if key else (1, 1)


def _problem_from(error: Any, source: Source) -> Problem:
    location = error["loc"]
    key = str(location[0]) if location else ""
    name = ".".join(str(part) for part in location)
    where = (source.settings_file, *_position(source, name, ".".join(str(part) for part in location[:-1]) or key, key))
    kind, value = error["type"], _as_written(error.get("input"))
    if kind == "missing":
        return Problem.at(messages.MISSING_KEY.format(key=key), source.settings_file, 1, 1)
    if kind == "extra_forbidden" and len(location) == 1 and key in messages.FOREIGN_KEYS:
        tools, instead = messages.FOREIGN_KEYS[key]
        return Problem.at(messages.FOREIGN_KEY.format(key=key, tools=tools, instead=instead), *where)
    if kind == "extra_forbidden":
        return Problem.at(_unknown_key(location), *where)
    if kind == "invalid_key":
        return Problem.at(messages.KEY_NOT_TEXT.format(key=name), *where)
    if value is None:
        return Problem.at(messages.EMPTY_VALUE.format(key=name), *where)
    if kind == "string_pattern_mismatch" and key == "language":
        return Problem.at(messages.BAD_LANGUAGE.format(value=value), *where)
    if kind.startswith("date"):
        return Problem.at(messages.BAD_DATE.format(key=name, value=value), *where)
    if kind == "literal_error":
        choices = error["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
        return Problem.at(messages.BAD_CHOICE.format(key=name, value=value, choices=choices), *where)
    if kind == "too_long":
        return Problem.at(messages.TOO_MANY_ITEMS.format(key=name, count=error["ctx"]["actual_length"], limit=error["ctx"]["max_length"]), *where)
    if kind == "string_too_short":
        return Problem.at(messages.EMPTY_VALUE.format(key=name), *where)
    if kind in messages.LIMITS:
        limit = messages.LIMITS[kind].format(*error["ctx"].values())
        return Problem.at(messages.OUT_OF_RANGE.format(key=name, value=value, limit=limit), *where)
    expected = next((fix for start, fix in messages.TYPE_FIXES.items() if kind.startswith(start)), messages.TYPE_FIXES["string"])
    return Problem.at(messages.BAD_TYPE.format(key=name, value=value, fix=expected), *where)


def _as_written(value: Any) -> Any:
    """A value as it looks in YAML (true, [a, b]), not as Python prints it (True, ['a', 'b'])."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (list, dict)):
        return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip()
    return value


def _unknown_key(location: tuple) -> str:
    """Name the key as written and suggest the nearest setting at the same level."""
    key = ".".join(str(part) for part in location)
    close = difflib.get_close_matches(str(location[-1]), _settings_at(location[:-1]), n=1, cutoff=0.6)
    hint = messages.UNKNOWN_KEY_HINT.format(suggestion=close[0]) if close else ""
    return messages.UNKNOWN_KEY.format(key=key, hint=hint)


def _settings_at(section: tuple) -> list[str]:
    """The setting names inside a section (e.g. print:), or at the top level."""
    model: type[BaseModel] = ReportSettings
    for part in section:
        annotation = model.model_fields[str(part)].annotation if str(part) in model.model_fields else None
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)

