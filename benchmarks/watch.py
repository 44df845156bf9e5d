"""`pressroom watch`: seconds from a save to the edited page in the browser, end to end.

    .venv/bin/python benchmarks/watch.py [--repeat 3] [--copies 7] [--one-file]

A 30-page report (the briefing paper's text seven times, one file per copy, see sizes.py) is
watched by `pressroom watch` in its own process, with the preview open in headless Chromium
as tests/commands/test_watch.py drives it. Each run appends a paragraph to one file and
times, from the write (with --one-file, the copies are one file and the edit goes under the
fifth copy's first heading): the page showing that file alone at the edit (target: 1 s), then the
page showing the whole report rebuilt. Needs Debian's chromium.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from sizes import write_one_file_report, write_repeated_report  # noqa: E402
from tests.commands.browser import Browser  # noqa: E402
from tests.commands.test_watch import WatchProcess  # noqa: E402

TARGET_SECONDS = 1.0
EDITED = "part-005.md"


def _version(browser: Browser, version: int, timeout: float = 120.0) -> None:
    browser.wait_for(f"document.body && document.body.dataset.version === '{version}'", timeout)


def _edit(folder: Path, sentence: str, one_file: bool) -> None:
    if not one_file:
        edited = folder / EDITED
        edited.write_text(edited.read_text() + f"\n{sentence}\n")
        return
    edited = folder / "report.md"
    lines = edited.read_text().split("\n")
    fifth = [n for n, line in enumerate(lines) if line == "## Introduction"][4]
    lines.insert(fifth + 2, f"{sentence}\n")
    edited.write_text("\n".join(lines))


def main() -> None:
    # Run from a background job, this process ignores Ctrl+C, and so would the watch process
    # it starts (an ignored signal stays ignored across exec): stopping it would then hang.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=7, help="copies of the briefing paper's text (7: 30 pages)")
    parser.add_argument("--one-file", action="store_true", help="the copies in one file: the preview is the edited section")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        write = write_one_file_report if args.one_file else write_repeated_report
        folder = write(Path(temporary) / "report", args.copies)
        watch = WatchProcess(folder, Path(temporary) / "out" / "report.pdf")
        browser = Browser()
        try:
            url = watch.wait_for_line(r"Preview: (http://127\.0\.0\.1:\d+/)")[1]
            watch.wait_for_line(r"build 1: .* pages", timeout=300)
            browser.open(url)
            _version(browser, 1)
            previews, wholes, version = [], [], 1
            for run in range(args.repeat):
                sentence = f"Run {run} adds this sentence, written while the preview was open."
                saved = time.monotonic()
                _edit(folder, sentence, args.one_file)
                _version(browser, version + 1)
                previews.append(time.monotonic() - saved)
                laid_out = watch.wait_for_line(r"laid out alone in (\d+\.\d) s")[1]
                source = browser.evaluate("document.getElementById('pdf').getAttribute('src')")
                shown = urllib.request.urlopen(url + source.split("?")[0].lstrip("/")).read()
                assert source.startswith("/preview.pdf") and b"%PDF" in shown[:8], source
                _version(browser, version + 2, timeout=600)
                wholes.append(time.monotonic() - saved)
                version += 2
                print(f"run {run + 1}: edited page shown {previews[-1]:.2f} s after the save ({source}; its layout {laid_out} s); "
                      f"whole report {wholes[-1]:.2f} s")
        finally:
            browser.close()
            watch.stop()
    preview = statistics.median(previews)
    kind = "one-file" if args.one_file else f"{args.copies}-file"
    print(f"\nwatch, {args.copies}-copy {kind} report: save -> edited page in the browser: median {preview:.2f} s "
          f"(target {TARGET_SECONDS:.1f} s: {'met' if preview <= TARGET_SECONDS else 'NOT met'}); "
          f"save -> whole report: median {statistics.median(wholes):.2f} s")


if __name__ == "__main__":
    main()
