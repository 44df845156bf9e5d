"""The pipeline, stage by stage: load, validate, markdown, then for each profile
(screen, print) template, layout, audit, finish; the print file is preflighted.

Returns values and raises UserError with every problem found; never prints. Files are
written only when every profile passed, so a failed build leaves all previous PDFs alone.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pressroom import messages
from pressroom.artwork import Artwork, apply_artwork, artwork_pages
from pressroom.audit import audit
from pressroom.finish import catalog_finisher, finish
from pressroom.layout import lay_out
from pressroom.load import SETTINGS_FILE, load_source
from pressroom.markdown import Body, render_markdown
from pressroom.model import Report
from pressroom.places import placed
from pressroom.preflight.model import PreflightOptions
from pressroom.preflight.run import preflight
from pressroom.problems import Problem, UserError, errors_in
from pressroom.profiles import Profile, ProfileChoice, ProfileName, cmyk_images, output_paths, profiles_for
from pressroom.resources import source_mounts
from pressroom.template import HtmlDocument, fill_template
from pressroom.validate import validate

OUTPUT_DIR = "build"
SADDLE_STITCH_MULTIPLE = 4


@dataclass(frozen=True)
class Output:
    path: Path
    pages: int


@dataclass(frozen=True)
class BuildResult:
    outputs: dict[ProfileName, Output]
    notes: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)
    continued_notes: list[int] = field(default_factory=list)

    @property
    def output(self) -> Path:
        return next(iter(self.outputs.values())).path

    @property
    def pages(self) -> int:
        return next(iter(self.outputs.values())).pages


@dataclass(frozen=True)
class _Made:
    pdf: bytes
    pages: int
    continued_notes: list[int]


def default_source(cwd: Path) -> Path:
    """`pressroom build` alone builds the folder you are in, or its report/ folder."""
    return cwd if (cwd / "report.yaml").is_file() else cwd / "report"


def default_output(source: Path, cwd: Path) -> Path:
    return cwd / OUTPUT_DIR / f"{source.resolve().stem}.pdf"


def build(
    source: Path,
    output: Path,
    *,
    profile: ProfileChoice = "screen",
    strict: bool = False,
    created: datetime | None = None,
) -> BuildResult:
    """Build the asked profiles; on any error no file at `output` (or beside it) changes.
    `created` overrides the report's date in the PDF (reproducible builds' SOURCE_DATE_EPOCH)."""
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

    paths = output_paths(output, profile)
    _stop_on_errors(output_problems(report, paths.values()), strict)
    made: dict[ProfileName, _Made] = {}
    cover_pages, cover_problems = artwork_pages(report.cover, "cover")
    problems += cover_problems
    _stop_on_errors(problems, strict)
    with tempfile.TemporaryDirectory(prefix="pressroom-") as workdir:
        for each in profiles_for(profile, report.settings):
            made[each.name], profile_problems = _make(report, body, each, Path(workdir), created, cover_pages)
            problems += profile_problems
        _stop_on_errors(problems, strict)
        if "print" in made:
            problems += _preflight(made["print"].pdf, report, Path(workdir))
            _stop_on_errors(problems, strict)
    for name, result in made.items():
        try:
            write_atomically(paths[name], result.pdf)
        except OSError as error:
            reason = error.strerror or str(error)
            raise UserError([Problem.at(messages.OUTPUT_UNWRITABLE.format(reason=reason), paths[name])]) from error
    outputs = {name: Output(paths[name], result.pages) for name, result in made.items()}
    continued = next(iter(made.values())).continued_notes
    warnings = list(dict.fromkeys(problems))
    return BuildResult(outputs, len(body.notes), time.perf_counter() - started, warnings, continued)


def _make(
    report: Report, body: Body, profile: Profile, workdir: Path, created: datetime | None, cover_pages: int
) -> tuple[_Made, list[Problem]]:
    """Template, layout, audit and finish for one profile."""
    document, problems = _document(report, body, profile, workdir, created)
    finisher = catalog_finisher(report.settings)
    layout, layout_problems = lay_out(document, profile.pdf_variant, profile.output_intent, finisher)
    # Cover pages are bound in too, so they count towards the multiple of 4.
    blanks = -(len(layout.document.pages) + cover_pages) % SADDLE_STITCH_MULTIPLE
    if profile.name == "print" and report.settings.print.binding == "saddle-stitch" and blanks:
        # Pad before the back page so it stays the outside back cover: lay out again.
        document, problems = _document(report, body, profile, workdir, created, blanks)
        layout, layout_problems = lay_out(document, profile.pdf_variant, profile.output_intent, finisher)
    result = audit(layout, body, report.fonts.families)
    problems += placed(layout_problems + result.problems, report.files, report.root)
    artwork = Artwork(report.cover, report.letterhead, report.settings.letterhead_pages)
    pdf, artwork_problems = apply_artwork(layout.pdf, artwork, print_file=profile.name == "print")
    problems += artwork_problems
    # Finished after the artwork, so cover pages get the boxes and marks too.
    identity = f"{report.settings.title}|{report.settings.date}"
    pdf = finish(pdf, cmyk_only=profile.name == "print", identity=identity, sheet=profile.sheet)
    return _Made(pdf, result.pages + (0 if artwork_problems else cover_pages), result.continued_notes), problems


def _document(
    report: Report, body: Body, profile: Profile, workdir: Path, created: datetime | None, blanks: int = 0
) -> tuple[HtmlDocument, list[Problem]]:
    """The HTML for one profile; the print file's images are CMYK copies in `workdir`."""
    document = fill_template(report, body, profile, blank_pages=blanks, created=created)
    if profile.name != "print":
        return document, []
    images = workdir / "images"
    images.mkdir(exist_ok=True)
    html, problems = cmyk_images(document.html, images, source_mounts(report.root))
    return dataclasses.replace(document, html=html, resource_dirs=(*document.resource_dirs, images)), problems


def _preflight(pdf: bytes, report: Report, workdir: Path) -> list[Problem]:
    """The print file must pass the same checks a print vendor runs."""
    path = workdir / "print-candidate.pdf"
    path.write_bytes(pdf)
    options = report.settings.print
    checked = preflight(
        path,
        PreflightOptions(
            standard=options.standard,
            max_tac=options.max_ink,
            saddle_stitch=options.binding == "saddle-stitch",
            expected_bleed_mm=options.bleed_mm,
        ),
    )
    return [
        Problem.at(
            messages.PREFLIGHT_FOR_WRITERS.get(f.check, messages.PREFLIGHT_FAILED).format(
                check=f.check, page=f.page or "-", message=f.message
            )
        )
        for f in checked.findings
        if f.severity == "error"
    ]


def output_problems(report: Report, outputs: Iterable[Path]) -> list[Problem]:
    """An output may not overwrite what the report is made of, nor be a folder."""
    sources = {(report.root / SETTINGS_FILE).resolve(), *(f.path for f in report.files), report.cover, report.letterhead}
    problems = []
    for output in outputs:
        path = output.resolve()
        if path.is_dir():
            problems.append(Problem.at(messages.OUTPUT_IS_FOLDER, output))
        elif path in sources or (path.is_file() and path.suffix.lower() != ".pdf"):
            problems.append(Problem.at(messages.OUTPUT_IS_SOURCE, output))
    return problems


def _stop_on_errors(problems: list[Problem], strict: bool) -> None:
    if errors_in(problems) or (strict and problems):
        # The screen and print files often share a problem: say it once.
        raise UserError(list(dict.fromkeys(problems)))


def write_atomically(path: Path, data: bytes) -> None:
    """Write next to the target, then rename: a reader never sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; a PDF is for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
