"""Stage 1: read the report's files from disk into a Source, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pressroom import messages
from pressroom.model import SourceFile
from pressroom.problems import Problem

SETTINGS_FILE = "report.yaml"
FRONT_MATTER_FENCE = "---"


@dataclass(frozen=True)
class Source:
    """The report as read from disk, not yet validated."""

    root: Path
    settings_file: Path
    settings: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    files: tuple[SourceFile, ...] = ()


def load_source(path: Path) -> tuple[Source | None, list[Problem]]:
    """Read a report folder (report.yaml + Markdown) or a single Markdown file with front matter."""
    path = path.resolve()
    if path.is_dir():
        return _load_folder(path)
    if path.is_file():
        return _load_single_file(path)
    return None, [Problem.at(messages.SOURCE_MISSING, path)]


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file; a wrong encoding is the user's problem, named by byte offset."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem.at(f"{error.strerror}.", path)]
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem.at(messages.NOT_UTF8.format(offset=error.start), path, line)]


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[dict[str, Any] | None, dict[str, int], list[Problem]]:
    """Parse a YAML mapping and remember the line of every key (and list item) for messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        detail = getattr(error, "problem", None) or str(error)
        line = mark.line + first_line if mark else first_line
        column = mark.column + 1 if mark else None
        return None, {}, [Problem.at(messages.YAML_SYNTAX.format(detail=detail), path, line, column)]
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        return None, {}, [Problem.at(messages.YAML_NOT_MAPPING, path, first_line)]
    return data, _key_lines(node, first_line), []


def _key_lines(node: yaml.Node | None, first_line: int) -> dict[str, int]:
    lines: dict[str, int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key_node, value_node in node.value:
        key = str(key_node.value)
        lines[key] = key_node.start_mark.line + first_line
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[f"{key}.{index}"] = item.start_mark.line + first_line
    return lines


def _load_folder(root: Path) -> tuple[Source | None, list[Problem]]:
    settings_file = root / SETTINGS_FILE
    if not settings_file.is_file():
        return None, [Problem.at(messages.REPORT_YAML_MISSING, root)]
    text, problems = read_text(settings_file)
    if text is None:
        return None, problems
    settings, key_lines, problems = parse_yaml(text, settings_file)
    if settings is None:
        return None, problems
    files: list[SourceFile] = []
    names = settings.get("files")
    for index, name in enumerate(names if isinstance(names, list) else []):
        if not isinstance(name, str):
            continue  # validation reports the wrong type
        path = (root / name).resolve()
        if not path.is_file():
            message = messages.FILE_MISSING.format(name=name)
            problems.append(Problem.at(message, settings_file, key_lines.get(f"files.{index}")))
            continue
        body, read_problems = read_text(path)
        problems += read_problems
        if body is not None:
            files.append(SourceFile(path, body))
    return Source(root, settings_file, settings, key_lines, tuple(files)), problems


def _load_single_file(path: Path) -> tuple[Source | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        return None, [Problem.at(messages.FRONT_MATTER_MISSING, path, 1)]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        return None, [Problem.at(messages.FRONT_MATTER_MISSING, path, 1)]
    settings, key_lines, problems = parse_yaml("\n".join(lines[1:end]), path, first_line=2)
    if settings is None:
        return None, problems
    body = SourceFile(path, "\n".join(lines[end + 1 :]), first_line=end + 2)
    return Source(path.parent, path, settings, key_lines, (body,)), problems
