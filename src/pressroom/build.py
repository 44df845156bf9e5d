"""The pipeline, stage by stage: load, validate, markdown, template, layout, audit, finish.

Returns values and raises UserError with every problem found; never prints.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from pressroom.audit import audit
from pressroom.finish import finish
from pressroom.layout import lay_out
from pressroom.load import load_source
from pressroom.markdown import render_markdown
from pressroom.problems import Problem, UserError, errors_in
from pressroom.template import fill_template
from pressroom.validate import validate

OUTPUT_DIR = "build"


@dataclass(frozen=True)
class BuildResult:
    output: Path
    pages: int
    notes: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    continued_notes: list[int] = field(default_factory=list)


def default_source(cwd: Path) -> Path:
    """`pressroom build` alone builds the folder you are in, or its report/ folder."""
    return cwd if (cwd / "report.yaml").is_file() else cwd / "report"


def default_output(source: Path, cwd: Path) -> Path:
    return cwd / OUTPUT_DIR / f"{source.resolve().stem}.pdf"


def build(source: Path, output: Path, *, strict: bool = False) -> BuildResult:
    """Build one PDF; on any error the previous file at `output` is left untouched."""
    started = time.perf_counter()
    loaded, problems = load_source(source)
    if loaded is None:
        raise UserError(problems)
    report, validation_problems = validate(loaded)
    problems += validation_problems
    if report is None:
        raise UserError(problems)
    body, markdown_problems = render_markdown(report)
    problems += markdown_problems
    _stop_on_errors(problems, strict)

    document = fill_template(report, body)
    layout, layout_problems = lay_out(document)
    result = audit(layout, body)
    problems += layout_problems + result.problems
    _stop_on_errors(problems, strict)

    write_atomically(output, finish(layout.pdf, report.settings))
    seconds = time.perf_counter() - started
    return BuildResult(output, result.pages, result.notes, seconds, problems, result.continued_notes)


def _stop_on_errors(problems: list[Problem], strict: bool) -> None:
    if errors_in(problems) or (strict and problems):
        raise UserError(problems)


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target, then rename: a reader never sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
