"""`pressroom new DIR [--kind KIND]`: start a report from a working example."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from pressroom import messages
from pressroom.commands.output import print_problems, shown
from pressroom.resources import report_kinds

HELP = "create a report folder with an example that builds on the first try"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, help="the folder to create (it must not exist, or be empty)")
    parser.add_argument("--kind", choices=report_kinds(), default="briefing-paper", help="the kind of report (default: briefing-paper)")


def run(args: argparse.Namespace) -> int:
    from pressroom.new_report import new_report  # here: `--help` need not load Pillow and Jinja

    written, problems = new_report(args.folder, args.kind, datetime.date.today())
    if problems:
        print_problems(problems)
        return 1
    print(messages.NEW_CREATED.format(folder=shown(args.folder), files=", ".join(path.name for path in written)))
    print(messages.NEW_NEXT.format(folder=shown(args.folder)))
    return 0
