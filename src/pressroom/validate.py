"""Stage 2: turn the loaded Source into a typed Report, reporting every problem at once."""

from __future__ import annotations

import difflib
from pydantic import ValidationError

from pressroom import messages
from pressroom.load import Source, load_source
from pressroom.model import Organisation, Report, ReportSettings
from pressroom.problems import Problem
from pressroom.resources import available_organisations, available_styles, organisations_dir, styles_dir

EXPECTED_TYPES = {"list": "a list, one '- item' per line", "string": "text", "int": "a whole number"}


def validate(source: Source) -> tuple[Report | None, list[Problem]]:
    """Check the settings against the model and resolve the organisation and style."""
    problems: list[Problem] = []
    settings: ReportSettings | None = None
    try:
        settings = ReportSettings.model_validate(source.settings)
    except ValidationError as error:
        problems += [_problem_from(e, source) for e in error.errors()]

    if settings is None:
        return None, problems
    single_file = source.settings_file.suffix.lower() == ".md"
    if not single_file and not settings.files:
        problems.append(Problem.at(messages.NO_FILES, source.settings_file, 1))
    if source.files and not any(f.text.strip() for f in source.files):
        problems.append(Problem.at(messages.EMPTY_REPORT, source.files[0].path, 1))

    organisation, org_problems = load_organisation(settings.organisation)
    for problem in org_problems:  # point at the key that named it
        problems.append(Problem.at(problem.message, source.settings_file, source.key_lines.get("organisation")))
    stylesheet = styles_dir() / f"{settings.style}.css"
    if not stylesheet.is_file() or settings.style.startswith("_"):
        choices = ", ".join(available_styles())
        message = messages.UNKNOWN_STYLE.format(name=settings.style, choices=choices)
        problems.append(Problem.at(message, source.settings_file, source.key_lines.get("style")))

    if organisation is None or any(p.is_error for p in problems):
        return None, problems
    return Report(settings, source.root, source.files, organisation, stylesheet), problems


def load_organisation(slug: str) -> tuple[Organisation | None, list[Problem]]:
    """An organisation is a Markdown file with front matter (name, website, heading) in organisations/."""
    path = organisations_dir() / f"{slug}.md"
    if "/" in slug or not path.is_file():
        choices = ", ".join(available_organisations())
        return None, [Problem.at(messages.UNKNOWN_ORGANISATION.format(name=slug, choices=choices))]
    source, problems = load_source(path)
    if source is None:
        return None, problems
    facts = source.settings
    organisation = Organisation(
        slug=slug,
        name=str(facts["name"]),
        website=str(facts["website"]),
        heading=str(facts["heading"]),
        background=source.files[0],
    )
    return organisation, problems


def _problem_from(error: dict, source: Source) -> Problem:
    location = error["loc"]
    key = str(location[0]) if location else ""
    item_key = ".".join(str(part) for part in location[:2])
    line = source.key_lines.get(item_key) or source.key_lines.get(key) or 1
    kind = error["type"]
    if kind == "missing":
        return Problem.at(messages.MISSING_KEY.format(key=key), source.settings_file, 1)
    if kind == "extra_forbidden":
        return Problem.at(_unknown_key(key), source.settings_file, line)
    if kind == "string_pattern_mismatch" and key == "language":
        return Problem.at(messages.BAD_LANGUAGE.format(value=error["input"]), source.settings_file, line)
    if kind.startswith("date"):
        fix = messages.BAD_DATE_FIX
    elif kind == "literal_error":
        fix = messages.BAD_CHOICE_FIX.format(choices=error["ctx"]["expected"].replace("'", ""))
    else:
        expected = next((text for name, text in EXPECTED_TYPES.items() if kind.startswith(name)), "text")
        fix = messages.BAD_TYPE_FIX.format(expected=expected)
    detail = error["msg"][0].lower() + error["msg"][1:]
    message = messages.BAD_VALUE.format(key=item_key if len(location) > 1 else key, detail=detail, fix=fix)
    return Problem.at(message, source.settings_file, line)


def _unknown_key(key: str) -> str:
    close = difflib.get_close_matches(key, list(ReportSettings.model_fields), n=1, cutoff=0.6)
    hint = messages.UNKNOWN_KEY_HINT.format(suggestion=close[0]) if close else ""
    return messages.UNKNOWN_KEY.format(key=key, hint=hint)

