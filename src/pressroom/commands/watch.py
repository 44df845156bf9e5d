"""`pressroom watch [SOURCE]`: rebuild on every save, with a preview that refreshes itself."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pressroom import messages
from pressroom.commands.output import print_problems, shown
from pressroom.preview import DEFAULT_PORT, PREVIEW_PATH, PreviewPage
from pressroom.problems import Problem, errors_in

if TYPE_CHECKING:
    from pressroom.watch import Outcome

HELP = "rebuild the PDF whenever a file of the report changes, with a live preview in the browser"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, help="report folder or .md file (default: ./report)")
    parser.add_argument("-o", "--output", type=Path, help="the PDF to write (default: build/NAME.pdf)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the preview's port on 127.0.0.1 (default: {DEFAULT_PORT})")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args: argparse.Namespace) -> int:
    from pressroom.build import default_output, default_source  # here: `--help` need not load the engine
    from pressroom.preview import PreviewServer
    from pressroom.watch import POLL_SECONDS, Watcher

    cwd = Path.cwd()
    source = args.source or default_source(cwd)
    output = (args.output or default_output(source, cwd)).resolve()
    watcher = Watcher(source, output, strict=args.strict)
    page = PreviewPage(title=source.resolve().name, summary=messages.WATCH_FIRST_BUILD, has_pdf=output.is_file())
    try:
        server = PreviewServer(output, page, args.port)
    except OSError as error:
        print(messages.WATCH_PORT_BUSY.format(port=args.port, error=error.strerror, next=args.port + 1), file=sys.stderr)
        return 1
    server.start()
    print(messages.WATCH_STARTED.format(url=server.url, source=shown(source)), flush=True)
    try:
        while True:
            outcome = watcher.poll()
            if outcome and outcome.preview:
                page = _show_preview(outcome, page)
                server.publish(page, outcome.preview.pdf)
            elif outcome:
                page = _show(outcome, page, output)
                server.publish(page)
            time.sleep(POLL_SECONDS)
    except KeyboardInterrupt:
        print(messages.WATCH_STOPPED)
        return 0
    finally:
        server.stop()


def _show(outcome: Outcome, previous: PreviewPage, output: Path) -> PreviewPage:
    """Tell the terminal, and return what the preview shows now."""
    clock = time.strftime("%H:%M:%S")
    print_problems(list(outcome.problems))
    lines = tuple(str(_relative(problem)) for problem in sorted(outcome.problems))
    if outcome.result is None:
        print(messages.WATCH_FAILED.format(clock=clock, number=outcome.number, output=shown(output)), file=sys.stderr, flush=True)
        # With --strict a warning alone fails the build: then count the warnings.
        summary = messages.WATCH_FAILED_SUMMARY.format(count=len(errors_in(list(outcome.problems))) or len(lines))
        return PreviewPage(previous.title, outcome.number, False, summary, lines, previous.pdf_version, previous.has_pdf)
    result = outcome.result
    summary = messages.BUILT.format(path=shown(result.output), pages=result.pages, notes=result.notes, seconds=outcome.seconds)
    print(f"{clock} {messages.WATCH_BUILD.format(number=outcome.number)} {summary}", flush=True)
    return PreviewPage(previous.title, outcome.number, True, summary, lines, outcome.number, True)


def _show_preview(outcome: Outcome, previous: PreviewPage) -> PreviewPage:
    """The edited file alone, opened at the edit, until the whole report is built."""
    part = outcome.preview
    assert part is not None
    summary = messages.WATCH_PREVIEW.format(file=shown(part.file), page=part.page, pages=part.pages, seconds=outcome.seconds)
    print(f"{time.strftime('%H:%M:%S')} {messages.WATCH_BUILD.format(number=outcome.number)} {summary}", flush=True)
    return PreviewPage(previous.title, outcome.number, True, summary, (), outcome.number, True, PREVIEW_PATH, part.page)


def _relative(problem: Problem) -> Problem:
    return Problem(shown(problem.file) if problem.file else "", problem.line, problem.column, problem.message, problem.severity)
