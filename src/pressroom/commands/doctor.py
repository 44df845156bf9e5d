"""`pressroom doctor`: is this machine ready to build? Each missing piece with its fix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pressroom import messages

HELP = "check that this machine has what a build needs, and say how to fix what is missing"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("report", nargs="?", type=Path, help="also check the fonts this report's text needs")


def run(args: argparse.Namespace) -> int:
    from pressroom.doctor import examine  # here: `--help` need not load Pillow

    findings = examine(report=args.report) if args.report else examine()
    width = max(len(finding.subject) for finding in findings)
    for finding in findings:
        label = messages.DOCTOR_OK if finding.ok else messages.DOCTOR_MISSING
        print(f"{label:8} {finding.subject:{width}}  {finding.found}")
        if not finding.ok:
            print(f"{'':8} {messages.DOCTOR_FIX.format(command=finding.fix)}")
    missing = [finding for finding in findings if not finding.ok]
    if missing:
        print(messages.DOCTOR_SUMMARY_MISSING.format(count=len(missing)), file=sys.stderr)
        return 1
    print(messages.DOCTOR_SUMMARY_OK)
    return 0
