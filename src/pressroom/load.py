"""Stage 1: read the report's files from disk into a Source, collecting every problem."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pressroom import messages
from pressroom.limits import MAX_REPORT_CHARACTERS, MAX_TEXT_BYTES, size_problems
from pressroom.model import SourceFile
from pressroom.problems import Problem

SETTINGS_FILE = "report.yaml"
FRONT_MATTER_FENCE = "---"
PANDOC_TITLE_MARK = "%"


@dataclass(frozen=True)
class Source:
    """The report as read from disk, not yet validated."""

    root: Path
    settings_file: Path
    settings: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    files: tuple[SourceFile, ...] = ()
    key_columns: dict[str, int] = field(default_factory=dict)


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
        if path.stat().st_size > MAX_TEXT_BYTES:  # not even read: it could be gigabytes
            return None, [Problem.at(messages.REPORT_TOO_LONG.format(limit=MAX_REPORT_CHARACTERS), path, 1, 1)]
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem.at(messages.FILE_UNREADABLE.format(reason=error.strerror), path)]
    try:
        # Old Mac line ends (CR alone) count as line ends too, so lines and columns are right.
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        return None, [Problem.at(messages.NOT_UTF8.format(offset=error.start), path, line, column)]


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: an impossible date such as 2017-13-45 would
    otherwise crash inside PyYAML, while validation can name it and say how to fix it."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Problems PyYAML notices only later, at the end of the file: the cause is where the value starts.
POINT_AT_START = ("found unexpected end of stream", "could not find expected ':'", "expected ',' or ']'")

# Limits: a report.yaml is a page of facts. Beyond these it is a mistake or an attack
# (an alias bomb expands 22 lines into millions of values).
MAX_YAML_CHARACTERS = 1_000_000
MAX_YAML_DEPTH = 40
MAX_YAML_VALUES = 100_000
NESTING_STARTS = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockSequenceStartToken, yaml.BlockMappingStartToken)
NESTING_ENDS = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)

# Where each key (and list item) starts: "files.0" -> (line, column), for messages.
KeyPositions = dict[str, tuple[int, int]]


def parse_yaml(text: str, path: Path, first_line: int = 1) -> tuple[dict[str, Any] | None, KeyPositions, list[Problem]]:
    """Parse a YAML mapping and remember where every key (and list item) is, for messages."""
    if len(text) > MAX_YAML_CHARACTERS:
        return None, {}, [Problem.at(messages.YAML_TOO_BIG.format(limit=MAX_YAML_CHARACTERS), path, first_line)]
    try:
        loader = _TextDatesLoader(text)
        too_deep = _too_deep(text)
        if too_deep:
            return None, {}, [Problem.at(messages.YAML_TOO_DEEP.format(limit=MAX_YAML_DEPTH), path, too_deep.line + first_line, too_deep.column + 1)]
        node = loader.get_single_node()  # composed once: the node tree gives the data and the places
        if node is not None and _expanded_size(node, {}) > MAX_YAML_VALUES:
            return None, {}, [Problem.at(messages.YAML_TOO_MANY_VALUES.format(limit=MAX_YAML_VALUES), path, first_line)]
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL, ESC...)
        line = text.count("\n", 0, error.position) + first_line
        column = error.position - text.rfind("\n", 0, error.position)
        return None, {}, [Problem.at(messages.YAML_BAD_CHARACTER.format(code=f"U+{error.character:04X}"), path, line, column)]
    except yaml.YAMLError as error:
        return None, {}, [_syntax_problem(error, path, first_line)]
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        return None, {}, [Problem.at(messages.YAML_NOT_MAPPING, path, first_line, 1)]
    return data, _key_positions(node, first_line), _duplicate_keys(node, path, first_line)


def _too_deep(text: str) -> yaml.Mark | None:
    """Where the nesting first goes deeper than the limit (PyYAML's composer would recurse
    until Python stops it), from the scanner's tokens, which it makes without recursion."""
    depth = 0
    for token in yaml.scan(text, Loader=_TextDatesLoader):
        if isinstance(token, NESTING_STARTS):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return token.start_mark
        elif isinstance(token, NESTING_ENDS):
            depth -= 1
    return None


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values the document has once every alias is expanded: each node is counted
    once and remembered, so a bomb is measured without being expanded."""
    if id(node) in sizes:
        return sizes[id(node)]
    sizes[id(node)] = 1  # a node that contains itself (a recursive alias) counts once
    children = [n for pair in node.value for n in pair] if isinstance(node, yaml.MappingNode) else node.value if isinstance(node, yaml.SequenceNode) else []
    sizes[id(node)] = min(1 + sum(_expanded_size(child, sizes) for child in children), MAX_YAML_VALUES + 1)
    return sizes[id(node)]


def _duplicate_keys(node: yaml.Node | None, path: Path, first_line: int, seen: set[int] | None = None) -> list[Problem]:
    """YAML keeps the last of two equal keys without a word; the writer meant only one.
    An alias is the same node again: it is looked at once."""
    seen = set() if seen is None else seen
    if not isinstance(node, yaml.MappingNode) or id(node) in seen:
        return []
    seen.add(id(node))
    problems: list[Problem] = []
    first_seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + first_line
        if key_node.value in first_seen:
            message = messages.DUPLICATE_KEY.format(key=key_node.value, first=first_seen[key_node.value])
            problems.append(Problem.at(message, path, line, key_node.start_mark.column + 1))
        first_seen.setdefault(key_node.value, line)
        problems += _duplicate_keys(value_node, path, first_line, seen)
    return problems


def _syntax_problem(error: yaml.YAMLError, path: Path, first_line: int) -> Problem:
    """PyYAML's complaint in plain words, at the place the writer has to fix."""
    problem = getattr(error, "problem", None) or str(error)
    mark = getattr(error, "problem_mark", None)
    known = next((text for start, text in messages.YAML_PROBLEMS.items() if problem.startswith(start)), None)
    if problem.startswith(POINT_AT_START) and getattr(error, "context_mark", None):
        mark = error.context_mark  # e.g. an unclosed quote: point at where it opens, not at the end of the file
    message = known or messages.YAML_SYNTAX.format(detail=problem)
    line = mark.line + first_line if mark else first_line
    column = mark.column + 1 if mark else None
    return Problem.at(message, path, line, column)


def _key_positions(node: yaml.Node | None, first_line: int, seen: set[int] | None = None) -> KeyPositions:
    positions: KeyPositions = {}
    seen = set() if seen is None else seen
    if not isinstance(node, yaml.MappingNode) or id(node) in seen:  # an alias: already placed
        return positions
    seen.add(id(node))
    for key_node, value_node in node.value:
        key = str(key_node.value)
        positions[key] = (key_node.start_mark.line + first_line, key_node.start_mark.column + 1)
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                positions[f"{key}.{index}"] = (item.start_mark.line + first_line, item.start_mark.column + 1)
        if isinstance(value_node, yaml.MappingNode):  # a section such as print:
            for name, position in _key_positions(value_node, first_line, seen).items():
                positions[f"{key}.{name}"] = position
    return positions


def _source(root: Path, settings_file: Path, settings: dict[str, Any], positions: KeyPositions, files: tuple[SourceFile, ...]) -> Source:
    lines = {key: line for key, (line, _) in positions.items()}
    columns = {key: column for key, (_, column) in positions.items()}
    return Source(root, settings_file, settings, lines, files, columns)


def _load_folder(root: Path) -> tuple[Source | None, list[Problem]]:
    settings_file = root / SETTINGS_FILE
    if not settings_file.is_file():
        return None, [Problem.at(messages.REPORT_YAML_MISSING, root)]
    text, problems = read_text(settings_file)
    if text is None:
        return None, problems
    settings, positions, problems = parse_yaml(text, settings_file)
    if settings is None:
        return None, problems
    files: list[SourceFile] = []
    names = settings.get("files")
    for index, name in enumerate(names if isinstance(names, list) else []):
        if not isinstance(name, str):
            continue  # validation reports the wrong type
        if "\0" in name:  # no file has a NUL in its name (and Path refuses one)
            message = messages.FILE_MISSING.format(name=name.replace("\0", "\\0"))
            problems.append(Problem.at(message, settings_file, *positions.get(f"files.{index}", (None, None))))
            continue
        path = (root / name).resolve()
        if not path.is_relative_to(root.resolve()):
            message = messages.FILE_OUTSIDE.format(name=name)
            problems.append(Problem.at(message, settings_file, *positions.get(f"files.{index}", (None, None))))
            continue
        if not path.is_file():
            message = messages.FILE_MISSING.format(name=name)
            problems.append(Problem.at(message, settings_file, *positions.get(f"files.{index}", (None, None))))
            continue
        body, read_problems = read_text(path)
        problems += read_problems
        if body is not None:
            problems += _header_for_another_tool(body, path)
            files.append(SourceFile(path, body))
    if too_long := size_problems(tuple(files)):  # nothing after this stage should see it
        return None, problems + too_long
    return _source(root, settings_file, settings, positions, tuple(files)), problems


def _front_matter_end(lines: list[str]) -> int | None:
    """The index of the line closing the front matter, if the text starts with one."""
    if lines[0].strip() != FRONT_MATTER_FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE), None)


def _pandoc_title_block(lines: list[str], path: Path) -> list[Problem]:
    """pandoc's '% title', '% authors', '% date': each line explained with what pressroom reads instead."""
    problems = []
    for index, line in enumerate(lines[:3]):
        if not line.startswith(PANDOC_TITLE_MARK):
            break
        message = messages.PANDOC_TITLE_BLOCK[index + 1].format(value=line[1:].strip())
        problems.append(Problem.at(message, path, index + 1, 1))
    return problems


def _header_for_another_tool(text: str, path: Path) -> list[Problem]:
    """A Markdown file of a report folder that starts with front matter or a pandoc title
    block, written for another tool: it would be printed as text."""
    lines = text.split("\n")
    if lines[0].startswith(PANDOC_TITLE_MARK):
        return [Problem.at(messages.MARKDOWN_TITLE_BLOCK, path, 1, 1)]
    end = _front_matter_end(lines)
    if end is None:
        return []
    # '---' also starts a thematic break: only YAML facts (key: value) make it front matter.
    facts, _, _ = parse_yaml("\n".join(lines[1:end]), path)
    if not facts:
        return []
    return [Problem.at(messages.MARKDOWN_FRONT_MATTER.format(first=1, last=end + 1), path, 1, 1)]


def _load_single_file(path: Path) -> tuple[Source | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    lines = text.split("\n")
    if lines[0].startswith(PANDOC_TITLE_MARK):
        return None, _pandoc_title_block(lines, path)
    end = _front_matter_end(lines)
    if end is None:
        return None, [Problem.at(messages.FRONT_MATTER_MISSING, path, 1)]
    settings, positions, problems = parse_yaml("\n".join(lines[1:end]), path, first_line=2)
    if settings is None:
        return None, problems
    body = SourceFile(path, "\n".join(lines[end + 1 :]), first_line=end + 2)
    if too_long := size_problems((body,)):
        return None, problems + too_long
    return _source(path.parent, path, settings, positions, (body,)), problems
