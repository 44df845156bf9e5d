"""`pressroom import DRAFT.docx|.odt [-o FOLDER] [--organisation ID]`: a draft becomes a report folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from pressroom import messages
from pressroom.commands.output import print_problems, shown

HELP = messages.IMPORT_HELP


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", type=Path, help="the Word (.docx) or LibreOffice (.odt) file")
    parser.add_argument("-o", "--output", type=Path, help="the report folder to create (default: the draft's name)")
    parser.add_argument("--organisation", help="the publishing organisation's id (default: the first pressroom knows)")
    changes = parser.add_mutually_exclusive_group()
    changes.add_argument("--accept-changes", action="store_true", help="import the draft as if every tracked change were accepted")
    changes.add_argument("--reject-changes", action="store_true", help="import the draft as if every tracked change were rejected")


def run(args: argparse.Namespace) -> int:
    # Here, not at the top: `--help` need not load pandoc, Pillow or the report model.
    from pressroom.importing import default_folder, import_draft
    from pressroom.problems import errors_in

    folder = args.output or default_folder(args.draft)
    changes = "accept" if args.accept_changes else "reject" if args.reject_changes else "stop"
    imported, problems = import_draft(args.draft, folder, organisation=args.organisation, changes=changes)
    if imported is None:
        print_problems(problems)
        return 1
    files = ", ".join(path.name for path in imported.files)
    print(messages.IMPORT_WROTE.format(draft=shown(args.draft), folder=shown(folder), files=files, notes=imported.notes, images=imported.images))
    if imported.guessed:
        print(messages.IMPORT_CHECK_GUESSES.format(settings=shown(imported.files[0]), keys=", ".join(imported.guessed)))
    print_problems(problems)
    if errors_in(problems):
        print(messages.IMPORT_FIX_FIRST.format(folder=shown(folder)))
        return 1
    print(messages.IMPORT_NEXT.format(folder=shown(folder)))
    return 0
