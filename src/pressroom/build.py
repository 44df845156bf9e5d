"""The pipeline, stage by stage: load, validate, markdown, then for each profile
(screen, print) template, layout, audit, finish; the print file is preflighted.

This process reads the report, fills the templates and finishes the PDFs; the layout and
audit of each profile run side by side in layout workers, the preflight in a worker of its
own (workers.py): each process loads only the libraries of its own stages.

Returns values and raises UserError with every problem found; never prints. Files are
written only when every profile passed, so a failed build leaves all previous PDFs alone.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pressroom import messages
from pressroom.collector import skips_existing_objects
from pressroom.document import HtmlDocument
from pressroom.layout_process import LayoutJob, layout_workers, start_workers
from pressroom.workers import Ticket, Workers
from pressroom.load import SETTINGS_FILE, load_source
from pressroom.markdown import Body, render_markdown
from pressroom.model import PrintSettings, Report
from pressroom.places import placed
from pressroom.preflight.job import PreflightJob, preflight_workers
from pressroom.preflight.model import PreflightOptions
from pressroom.problems import Problem, UserError, errors_in
from pressroom.progress import ProgressReport, tell
from pressroom.profiles import Profile, ProfileChoice, ProfileName, cmyk_images, output_paths, profiles_for
from pressroom.resources import source_mounts
from pressroom.template import fill_template
from pressroom.validate import validate
from pressroom.workspace import private_workspace, subfolder

OUTPUT_DIR = "build"
SADDLE_STITCH_MULTIPLE = 4
MAX_LAYOUTS = 4  # the first, then room for a long note's pages, then saddle-stitch blanks


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
    progress: ProgressReport | None = None,
) -> BuildResult:
    """Build the asked profiles; on any error no file at `output` (or beside it) changes.
    `created` overrides the report's date in the PDF (reproducible builds' SOURCE_DATE_EPOCH).
    `progress` hears how far the build has got (the layouts' pages too, from their workers)."""
    started = time.perf_counter()
    start_workers(profile)  # first: they load the engine while the report is read
    tell(progress, "reading")
    with private_workspace() as workdir:
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
        cover_pages, cover_problems = _cover_pages(report)
        problems += cover_problems
        _stop_on_errors(problems, strict)
        inputs = _Inputs(report, body, workdir, created, cover_pages)
        made: dict[ProfileName, _Made] = {}
        for name, (result, profile_problems) in _make_profiles(inputs, profiles_for(profile, report.settings), progress):
            made[name] = result
            problems += profile_problems
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


@dataclass(frozen=True)
class _Inputs:
    """What making any profile needs."""

    report: Report
    body: Body
    workdir: Path
    created: datetime | None
    cover_pages: int


def _make_profiles(
    inputs: _Inputs, profiles: tuple[Profile, ...], progress: ProgressReport | None = None
) -> Iterator[tuple[ProfileName, tuple[_Made, list[Problem]]]]:
    """Each profile laid out in a worker process, side by side (both files in about the time
    of one on two cores), then finished, and the print file checked, in this process."""
    layouts = _Layouts(layout_workers(len(profiles)), inputs)
    try:
        laying_out = {profile.name: layouts.send(profile) for profile in profiles}
        _load_finishing_stages()
        for profile in profiles:
            yield profile.name, _make(profile, layouts, laying_out[profile.name], progress)
    finally:
        layouts.abandon_unfinished()  # a failed build's other layout is not waited for


def _load_finishing_stages() -> None:
    """pypdf and the stages that use it (0.1 s), loaded while the workers lay out rather than
    before this process could send them anything."""
    import pressroom.artwork  # noqa: F401
    import pressroom.finish  # noqa: F401


@dataclass(frozen=True)
class _LayingOut:
    """A layout sent to a worker: what to wait on, and the HTML's own problems."""

    ticket: Ticket
    problems: list[Problem]


@dataclass
class _Layouts:
    """The layouts of one build, sent to the layout workers."""

    workers: Workers
    inputs: _Inputs
    sent: list[Ticket] = field(default_factory=list)

    def send(self, profile: Profile, blanks: int = 0, note_pages: int = 0) -> _LayingOut:
        inputs = self.inputs
        document, problems = _document(inputs, profile, blanks, note_pages)
        settings = inputs.report.settings
        job = LayoutJob(
            document, profile.pdf_variant, profile.output_intent, settings.language, inputs.body,
            inputs.report.fonts.families, profile.name, inputs.workdir,
        )
        ticket = self.workers.submit(job)
        self.sent.append(ticket)
        return _LayingOut(ticket, problems)

    def abandon_unfinished(self) -> None:
        for ticket in self.sent:
            self.workers.abandon(ticket)


def _make(
    profile: Profile, layouts: _Layouts, laying_out: _LayingOut, progress: ProgressReport | None = None
) -> tuple[_Made, list[Problem]]:
    """One profile's layout awaited, then its artwork and finish; the print file preflighted
    unless it already has errors. Laid out again, at most a few times, when the pages need
    adding to: a long note called near the end continues past the text (it gets numbered
    pages of its own before the back page), or a saddle-stitched print file is short of a
    multiple of 4 pages (blank pages before the back page, so it stays the outside back
    cover; cover pages are bound in too, so they count)."""
    inputs = layouts.inputs
    report, cover_pages = inputs.report, inputs.cover_pages
    note_pages = blanks = 0
    for _ in range(MAX_LAYOUTS):
        laid_out = layouts.workers.wait(laying_out.ticket, progress)
        result = laid_out.audit
        if result.note_overflow_pages:
            note_pages += result.note_overflow_pages
        elif profile.name == "print" and report.settings.print.binding == "saddle-stitch" and (
            missing := -(result.pages + cover_pages) % SADDLE_STITCH_MULTIPLE
        ):
            blanks += missing
        else:
            break
        laying_out = layouts.send(profile, blanks, note_pages)
    problems = laying_out.problems + placed(laid_out.problems + result.problems, report.files, report.root)
    tell(progress, "finish", profile.name, result.pages)
    from pressroom.artwork import Artwork, apply_artwork  # loaded already (_load_finishing_stages)
    from pressroom.finish import finish

    artwork = Artwork(report.cover, report.letterhead, report.settings.letterhead_pages)
    pdf, artwork_problems = apply_artwork(laid_out.pdf, artwork, print_file=profile.name == "print")
    problems += artwork_problems
    # Finished after the artwork, so cover pages get the boxes and marks too.
    identity = f"{report.settings.title}|{report.settings.date}"
    with skips_existing_objects():
        pdf = finish(pdf, cmyk_only=profile.name == "print", identity=identity, sheet=profile.sheet)
    if profile.name == "print" and not errors_in(problems):
        tell(progress, "preflight", profile.name)
        problems += _preflight(pdf, report.settings.print, inputs.workdir)
    return _Made(pdf, result.pages + (0 if artwork_problems else cover_pages), result.continued_notes), problems


def _cover_pages(report: Report) -> tuple[int, list[Problem]]:
    if report.cover is None:
        return 0, []
    from pressroom.artwork import artwork_pages  # pypdf: loaded only for a report with a cover here

    return artwork_pages(report.cover, "cover")


def _document(inputs: _Inputs, profile: Profile, blanks: int = 0, note_pages: int = 0) -> tuple[HtmlDocument, list[Problem]]:
    """The HTML for one profile; the print file's images are CMYK copies in the workspace."""
    document = fill_template(
        inputs.report, inputs.body, profile, blank_pages=blanks, created=inputs.created, note_pages=note_pages
    )
    if profile.name != "print":
        return document, []
    images = subfolder(inputs.workdir, "images")
    html, problems = cmyk_images(document.html, images, source_mounts(inputs.report.root))
    return dataclasses.replace(document, html=html, resource_dirs=(*document.resource_dirs, images)), problems


def _preflight(pdf: bytes, options: PrintSettings, workdir: Path) -> list[Problem]:
    """The print file must pass the same checks a print vendor runs."""
    path = workdir / "print-candidate.pdf"
    path.write_bytes(pdf)
    checks = PreflightOptions(
        standard=options.standard,
        max_tac=options.max_ink,
        saddle_stitch=options.binding == "saddle-stitch",
        expected_bleed_mm=options.bleed_mm,
    )
    workers = preflight_workers()
    errors = workers.wait(workers.submit(PreflightJob(path, checks)))
    return [
        Problem.at(
            messages.PREFLIGHT_FOR_WRITERS.get(f.check, messages.PREFLIGHT_FAILED).format(
                check=f.check, page=f.page or "-", message=f.message
            )
        )
        for f in errors
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
