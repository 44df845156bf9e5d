"""`pressroom preflight FILE.pdf`: check any PDF as a printer would; exit 0 pass, 1 fail."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pressroom import messages
from pressroom.commands.output import shown

HELP = "check a PDF for print (PDF/X, colour, fonts, boxes, ink, images) and say if a printer will accept it"
# The PDF header may start anywhere in the first 1024 bytes (ISO 32000-1, 7.5.2 note).
HEADER_WINDOW = 1024


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pdf", type=Path, help="the PDF to check")
    parser.add_argument("--json", action="store_true", help="print the findings as JSON (for scripts)")
    parser.add_argument("--standard", choices=("x-4", "x-1a"), default="x-4", help="PDF/X standard to check against (default: x-4)")
    parser.add_argument("--saddle-stitch", action="store_true", help="the page count must be a multiple of 4")
    parser.add_argument("--max-tac", type=_percentage, default=300.0, metavar="N", help="highest total ink coverage in %% (default: 300)")
    parser.add_argument("--report", type=Path, metavar="REPORT.pdf", help="also write a one-page PDF report to send with the file")


def run(args: argparse.Namespace) -> int:
    from pressroom.preflight import PreflightOptions, format_json, format_table, preflight, write_pdf_report  # here: `--help` need not load pypdf

    problem = _unreadable(args.pdf)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    options = PreflightOptions(standard=args.standard, max_tac=args.max_tac, saddle_stitch=args.saddle_stitch)
    report = preflight(args.pdf, options)
    opened = [f for f in report.findings if f.check == "open"]
    if opened:  # not a PDF pypdf can parse: one clear line beats a table of one row
        print(messages.PREFLIGHT_NOT_PDF.format(path=shown(args.pdf), detail=opened[0].message), file=sys.stderr)
        return 1
    sys.stdout.write(format_json(report) + "\n" if args.json else format_table(report))
    if args.report:
        # With --json, stdout carries only JSON; the note goes to stderr.
        note = sys.stderr if args.json else sys.stdout
        try:
            write_pdf_report(report, args.report)
        except OSError as error:
            print(messages.PREFLIGHT_REPORT_FAILED.format(path=shown(args.report), reason=error.strerror or error), file=sys.stderr)
            return 1
        print(messages.PREFLIGHT_REPORT_WRITTEN.format(path=shown(args.report)), file=note)
    return 0 if report.passed else 1


# A print file of a report is tens of megabytes; a photo book a few hundred.
MAX_PREFLIGHT_BYTES = 512 * 2**20


def _unreadable(path: Path) -> str | None:
    """A message when `path` is not a readable PDF file, before any check runs."""
    if not path.exists():
        return messages.PREFLIGHT_FILE_MISSING.format(path=shown(path))
    if not path.is_file():
        return messages.PREFLIGHT_NOT_A_FILE.format(path=shown(path))
    try:
        if path.stat().st_size > MAX_PREFLIGHT_BYTES:  # reading it whole would take gigabytes and minutes
            return messages.PREFLIGHT_TOO_BIG.format(path=shown(path), limit=MAX_PREFLIGHT_BYTES // 2**20)
        with path.open("rb") as file:
            head = file.read(HEADER_WINDOW)
    except OSError as error:
        return messages.PREFLIGHT_CANNOT_READ.format(path=shown(path), reason=error.strerror or error)
    if b"%PDF-" not in head:
        return messages.PREFLIGHT_NOT_PDF.format(path=shown(path), detail=messages.PREFLIGHT_NO_HEADER)
    return None


def _percentage(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 400:  # four inks at 100 % each is the most there can be
        raise argparse.ArgumentTypeError(messages.PREFLIGHT_BAD_TAC.format(value=text))
    return value
