"""The command line entry point.

Exit codes: 0 success; 1 a problem in the user's input or a failed audit (a clear message,
no traceback); 2 a usage error; 3 a bug in pressroom (traceback, asks for a report).
"""

from __future__ import annotations

import argparse
import gc
import logging
import signal
import sys
import threading
import traceback
from collections.abc import Sequence

from pressroom import __version__, messages
from pressroom.commands import COMMANDS

EXIT_BUG = 3


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="pressroom", description="Typeset reports into print-ready PDFs.")
    main_parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
    subparsers = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS:
        command_parser = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        module.register(command_parser)
        command_parser.set_defaults(run=module.run)
    return main_parser


def _stop_on_sigterm() -> object:
    """SIGTERM (a closed terminal, a stopped service) ends a run the way Ctrl+C does, so
    temporary folders are removed and no half-written PDF is left. Returns the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    # Libraries log as they please (pypdf notes that it repaired the engine's object count);
    # what matters to the user comes back as Problems, so their log lines are not printed.
    if not logging.getLogger().handlers:
        logging.getLogger().addHandler(logging.NullHandler())
    args = parser().parse_args(argv)
    previous = _stop_on_sigterm()
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug, not the user's mistake: show everything
        traceback.print_exc()
        print(messages.BUG, file=sys.stderr)
        return EXIT_BUG
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def command() -> None:
    """`pressroom` itself: main(), then out. What is left is not handed to the cycle
    collector on the way out: the interpreter's last collections walked every object the
    command had loaded, 55 ms at the end of each build. (Files are still closed: that is
    reference counting's doing, not the collector's.)"""
    code = main()
    gc.freeze()
    sys.exit(code)
