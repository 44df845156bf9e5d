"""`pressroom build [SOURCE...] [-o OUT] [--jobs N]`: reports to PDFs."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from pressroom import messages
from pressroom.commands.output import print_problems, shown
from pressroom.commands.progress_line import progress_line
from pressroom.profile_names import PROFILE_CHOICES

if TYPE_CHECKING:
    from pressroom.batch import Done

HELP = "build report folders or Markdown files into PDFs"
EXIT_USAGE = 2


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="*", type=Path, help="report folders or .md files (default: ./report)")
    parser.add_argument("-o", "--output", type=Path, help="the PDF to write, for one source (default: build/NAME.pdf)")
    parser.add_argument(
        "--profile",
        choices=PROFILE_CHOICES,
        default="both",
        help="screen: tagged RGB PDF for the web; print: PDF/X-4 CMYK file for the printer, "
        "written beside it as NAME-print.pdf; both (default)",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (for CI)")
    parser.add_argument("--html", type=Path, metavar="FILE", help="write the screen file's HTML, as the engine is given it, instead of the PDFs")
    parser.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N", help="build N reports at a time (default: one per core)")
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="also say which notes continue on the next page")


def source_date_epoch() -> datetime | None:
    """Reproducible-builds convention: SOURCE_DATE_EPOCH (seconds) overrides the PDF's date.
    Raises ValueError for a number no date has."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc)
    except (OverflowError, OSError, ValueError) as error:
        raise ValueError(value) from error


def run(args: argparse.Namespace) -> int:
    if not args.html:
        from pressroom.layout_process import start_workers
        from pressroom.workers import usable_cores

        # Before the rest of pressroom loads (0.35 s): the workers load the engine meanwhile.
        start_workers(args.profile, min(len(args.source), args.jobs or usable_cores()) or 1)
    from pressroom.build import build, default_output, default_source  # here: `--help` need not load the engine
    from pressroom.problems import UserError

    try:
        created = source_date_epoch()
    except ValueError as error:
        print(messages.SOURCE_DATE_EPOCH_BAD.format(value=error), file=sys.stderr)
        return EXIT_USAGE
    cwd = Path.cwd()
    if args.html:
        return _write_html(args, cwd, created)
    if len(args.source) > 1:
        return _run_many(args, cwd, created)
    source = args.source[0] if args.source else default_source(cwd)
    output = args.output or default_output(source, cwd)
    line = progress_line(args.quiet)
    try:
        try:
            result = build(source, output, profile=args.profile, strict=args.strict, created=created, progress=line)
        finally:
            if line:
                line.close()  # erased before anything else is printed
    except UserError as error:
        print_problems(error.problems)
        print(messages.FAILED.format(output=shown(output)), file=sys.stderr)
        return 1
    if not args.quiet:
        print_problems(result.warnings)
        if args.verbose and result.continued_notes:
            print(messages.CONTINUED_NOTES.format(notes=", ".join(map(str, result.continued_notes))))
        for made in result.outputs.values():
            print(messages.BUILT.format(path=shown(made.path), pages=made.pages, notes=result.notes, seconds=result.seconds))
    return 0


def _write_html(args: argparse.Namespace, cwd: Path, created: datetime | None) -> int:
    from pressroom.build import default_source, write_atomically
    from pressroom.html_export import export_html
    from pressroom.problems import UserError

    if len(args.source) > 1:
        print(messages.HTML_ONE_SOURCE.format(count=len(args.source)), file=sys.stderr)
        return EXIT_USAGE
    source = args.source[0] if args.source else default_source(cwd)
    try:
        text, warnings = export_html(source, strict=args.strict, created=created)
    except UserError as error:
        print_problems(error.problems)
        print(messages.FAILED.format(output=shown(args.html)), file=sys.stderr)
        return 1
    write_atomically(args.html, text.encode("utf-8"))
    if not args.quiet:
        print_problems(warnings)
        print(messages.HTML_WRITTEN.format(path=shown(args.html)))
    return 0


def _run_many(args: argparse.Namespace, cwd: Path, created: datetime | None) -> int:
    """Several sources: each to build/NAME.pdf, `--jobs` at a time, one line per report."""
    from pressroom.batch import Job, build_many
    from pressroom.build import default_output

    if args.output:
        print(messages.BATCH_OUTPUT_GIVEN.format(count=len(args.source)), file=sys.stderr)
        return EXIT_USAGE
    jobs = [Job(source, default_output(source, cwd)) for source in args.source]
    claimed: dict[Path, Path] = {}
    for job in jobs:
        first = claimed.setdefault(job.output.resolve(), job.source)
        if first is not job.source:
            print(messages.BATCH_SAME_OUTPUT.format(first=shown(first), second=shown(job.source), output=shown(job.output)), file=sys.stderr)
            return EXIT_USAGE
    from pressroom.workers import usable_cores

    workers = args.jobs or usable_cores()
    failed = 0
    for done in build_many(jobs, workers, profile=args.profile, strict=args.strict, created=created):
        failed += done.result is None
        _report(done, args.quiet)
    if failed:
        print(messages.BATCH_SUMMARY_FAILED.format(failed=failed, total=len(jobs)), file=sys.stderr)
    return 1 if failed else 0


def _report(done: Done, quiet: bool) -> None:
    result = done.result
    if result is None:
        print_problems(done.problems)
        print(messages.BATCH_FAILED.format(source=shown(done.job.source), output=shown(done.job.output)), file=sys.stderr, flush=True)
        return
    if quiet:
        return
    print_problems(done.problems)
    files = ", ".join(shown(made.path) for made in result.outputs.values())
    line = messages.BATCH_BUILT.format(source=shown(done.job.source), files=files, pages=result.pages, notes=result.notes, seconds=result.seconds)
    print(line, flush=True)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(messages.JOBS_NOT_POSITIVE.format(value=text))
    return int(text)
