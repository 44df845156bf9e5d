"""`pressroom schema [--write | --check]`: the JSON Schema of report.yaml, for editors."""

from __future__ import annotations

import argparse
import sys

from pressroom import messages
from pressroom.commands.output import shown

HELP = "print the JSON Schema of report.yaml (editor completion), or refresh the shipped copy"


def register(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite the schema shipped with pressroom (after changing the model)")
    action.add_argument("--check", action="store_true", help="fail if the shipped schema does not match the model")


def run(args: argparse.Namespace) -> int:
    from pressroom.settings_schema import SCHEMA_FILE, schema_text, shipped_schema_is_current, write_schema  # here: `--help` need not load pydantic

    if args.check:
        if shipped_schema_is_current():
            print(messages.SCHEMA_CURRENT.format(path=shown(SCHEMA_FILE)))
            return 0
        print(messages.SCHEMA_STALE.format(path=shown(SCHEMA_FILE)), file=sys.stderr)
        return 1
    if args.write:
        write_schema()
        print(messages.SCHEMA_WRITTEN.format(path=shown(SCHEMA_FILE)))
        return 0
    sys.stdout.write(schema_text())
    return 0
