"""`pressroom build A B C D --jobs N`: four reports one at a time against N at a time, and the
command line's start-up time.

    .venv/bin/python benchmarks/batch.py [--copies 3] [--repeat 3]

Four copies of the briefing paper (each its text `--copies` times over, sizes.py: 3 is about
14 pages, 7 about 30), built with --jobs 1 and --jobs 2, alternating, for the screen profile
(one layout at a time per report) and the default (screen and print laid out side by side,
so one report already keeps two cores busy). Target: --jobs 2 at least 1.8x faster than
--jobs 1 on two cores. Then `pressroom --version` and `--help` (target: under 0.4 s).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sizes import write_repeated_report  # noqa: E402

PRESSROOM = str(Path(sys.executable).parent / "pressroom")
REPORTS = 4
JOBS_TARGET = 1.8
STARTUP_TARGET = 0.4


def wall(argv: list[str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        names = [f"report-{n}" for n in range(REPORTS)]
        for name in names:
            write_repeated_report(root / name, args.copies)
        for profile in ("screen", "both"):
            times: dict[int, list[float]] = {1: [], 2: []}
            for _ in range(args.repeat):
                for jobs in times:
                    times[jobs].append(wall([PRESSROOM, "build", *names, "--jobs", str(jobs), "--profile", profile, "-q"], cwd=root))
            one, two = (statistics.median(times[jobs]) for jobs in (1, 2))
            verdict = "met" if one / two >= JOBS_TARGET else "NOT met"
            print(f"{REPORTS} reports, --profile {profile}: --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s: {one / two:.2f}x (target {JOBS_TARGET}x: {verdict})")
    for option in ("--version", "--help"):
        seconds = statistics.median(wall([PRESSROOM, option]) for _ in range(5))
        print(f"pressroom {option}: {seconds:.2f} s (target {STARTUP_TARGET} s: {'met' if seconds < STARTUP_TARGET else 'NOT met'})")


if __name__ == "__main__":
    main()
