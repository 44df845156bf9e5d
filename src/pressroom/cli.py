"""The command line: the only module that prints or exits.

Exit codes: 0 success, 1 a problem in the user's input or a failed audit, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from pressroom import __version__, messages
from pressroom.build import build, default_output, default_source
from pressroom.problems import UserError

EXIT_OK, EXIT_USER, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="pressroom", description="Typeset reports into print-ready PDFs.")
    main_parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build_parser = commands.add_parser("build", help="build a report folder or a Markdown file into a PDF")
    build_parser.add_argument("source", nargs="?", type=Path, help="report folder or .md file (default: ./report)")
    build_parser.add_argument("-o", "--output", type=Path, help="the PDF to write (default: build/NAME.pdf)")
    build_parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    verbosity = build_parser.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="also print warnings and continued notes")
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return _build(args)
    except UserError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_USER
    except Exception:  # a bug, not the user's mistake: show everything
        traceback.print_exc()
        print(messages.BUG, file=sys.stderr)
        return EXIT_BUG


def _build(args: argparse.Namespace) -> int:
    cwd = Path.cwd()
    source = args.source or default_source(cwd)
    output = args.output or default_output(source, cwd)
    try:
        result = build(source, output, strict=args.strict)
    except UserError:
        print(messages.FAILED.format(output=output), file=sys.stderr)
        raise
    for warning in result.warnings:
        if not args.quiet:
            print(warning, file=sys.stderr)
    if not args.quiet:
        print(messages.BUILT.format(path=result.output, pages=result.pages, notes=result.notes, seconds=result.seconds))
    return EXIT_OK
