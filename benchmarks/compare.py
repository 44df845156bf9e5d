"""pressroom against its engine, in one alternating run, at 4, 30, 92 and 367 pages.

    .venv/bin/python benchmarks/compare.py [--repeat 3] [--copies 1 7 23 91]

The report is the briefing paper, its text repeated (sizes.py). Each round runs every tool
once on every size, so a busy machine slows all of them alike; the table gives medians:
wall and CPU seconds (CPU includes child processes: the print worker, Ghostscript), the
peak resident memory of the largest single process, and wall seconds per page.

- pressroom screen: `pressroom build --profile screen`
- pressroom default: `pressroom build` (screen and print files, the print file preflighted)
- WeasyPrint alone: WeasyPrint's command line on pressroom's own HTML (`build --html`),
  unpatched (its notes may land on other pages, hence its own page count), PDF/UA like the
  screen file
- Typst and pdflatex, where installed, on the same text (pandoc converts it).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sizes import COPIES, write_repeated_report  # noqa: E402

from pressroom.workers import usable_cores  # noqa: E402

BIN = Path(sys.executable).parent
PRESSROOM = str(BIN / "pressroom")
WEASYPRINT = str(BIN / "weasyprint")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float


def measure(argv: list[str]) -> Run:
    """One command, timed with the resource use the kernel reports when it is reaped."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {process.stderr.read().decode()[-800:]}")  # type: ignore[union-attr]
    process.stderr.close()  # type: ignore[union-attr]
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def tools(folder: Path, out: Path) -> dict[str, list[str]]:
    html = out / "report.html"
    subprocess.run([PRESSROOM, "build", str(folder), "--html", str(html), "-q"], check=True)
    return {
        "pressroom screen": [PRESSROOM, "build", str(folder), "-o", str(out / "screen.pdf"), "--profile", "screen", "-q"],
        "pressroom default": [PRESSROOM, "build", str(folder), "-o", str(out / "default.pdf"), "-q"],
        # The screen file's PDF variant, so both write the same tagged PDF/UA.
        "WeasyPrint alone": [WEASYPRINT, "--pdf-variant", "pdf/ua-1", str(html), str(out / "weasyprint.pdf")],
    }


def peers_missing() -> list[str]:
    """Typst and pdflatex need the text converted by pandoc: which of the three are missing."""
    return [name for name in ("pandoc", "typst", "pdflatex") if shutil.which(name) is None]


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    return f"{usable_cores()} cores of {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, nargs="+", default=list(COPIES))
    args = parser.parse_args()
    print(f"machine: {machine()}; load average before: {os.getloadavg()[0]:.1f}", flush=True)
    missing = peers_missing()
    if missing:
        print(f"Typst and pdflatex left out: not installed here ({', '.join(missing)})", flush=True)
    with tempfile.TemporaryDirectory() as temporary:
        cases = {}
        for copies in args.copies:
            folder = write_repeated_report(Path(temporary) / f"x{copies}", copies)
            out = Path(temporary) / f"out{copies}"
            out.mkdir()
            cases[copies] = (out, tools(folder, out))
        runs: dict[tuple[int, str], list[Run]] = {}
        for round_number in range(args.repeat):
            for copies, (out, commands) in cases.items():
                for name, argv in commands.items():
                    run = measure(argv)
                    runs.setdefault((copies, name), []).append(run)
                    print(f"round {round_number + 1}, {copies}x, {name}: {run.wall:.2f} s", flush=True)
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
        print("\n| copies | pages | tool | wall s | CPU s | peak RSS MB | s/page |")
        print("|---|---|---|---|---|---|---|")
        for copies, (out, commands) in cases.items():
            pages = {"pressroom screen": pages_of(out / "screen.pdf"), "pressroom default": pages_of(out / "screen.pdf"), "WeasyPrint alone": pages_of(out / "weasyprint.pdf")}
            for name in commands:
                measured = runs[(copies, name)]
                wall = statistics.median(run.wall for run in measured)
                cpu = statistics.median(run.cpu for run in measured)
                rss = max(run.rss_mb for run in measured)
                print(f"| {copies}x | {pages[name]} | {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {wall / pages[name]:.3f} |")
        print("\n| copies | default / screen (wall) | peak RSS default / WeasyPrint alone |")
        print("|---|---|---|")
        for copies in cases:
            median = {name: statistics.median(run.wall for run in runs[(copies, name)]) for name in cases[copies][1]}
            rss = {name: max(run.rss_mb for run in runs[(copies, name)]) for name in cases[copies][1]}
            print(f"| {copies}x | {median['pressroom default'] / median['pressroom screen']:.2f} | {rss['pressroom default'] / rss['WeasyPrint alone']:.2f} |")


if __name__ == "__main__":
    main()
