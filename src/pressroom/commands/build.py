"""`pressroom build [SOURCE] [-o OUT]`: one report to one PDF."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from pressroom import messages
from pressroom.build import build, default_output, default_source
from pressroom.commands.output import print_problems, shown
from pressroom.problems import UserError
from pressroom.profiles import PROFILE_CHOICES

HELP = "build a report folder or a Markdown file into a PDF"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", nargs="?", type=Path, help="report folder or .md file (default: ./report)")
    parser.add_argument("-o", "--output", type=Path, help="the PDF to write (default: build/NAME.pdf)")
    parser.add_argument(
        "--profile",
        choices=PROFILE_CHOICES,
        default="both",
        help="screen: tagged RGB PDF for the web; print: PDF/X-4 CMYK file for the printer, "
        "written beside it as NAME-print.pdf; both (default)",
    )
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors (for CI)")
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
    cwd = Path.cwd()
    source = args.source or default_source(cwd)
    output = args.output or default_output(source, cwd)
    try:
        created = source_date_epoch()
    except ValueError as error:
        print(messages.SOURCE_DATE_EPOCH_BAD.format(value=error), file=sys.stderr)
        return 2
    try:
        result = build(source, output, profile=args.profile, strict=args.strict, created=created)
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
