"""No stage may grow faster than the page count: each stage's time per page at about 367
pages must be within 1.15x of its time per page at 24 pages.

    .venv/bin/python benchmarks/stages.py [--small 6] [--large 91]

Times (median of --repeat alternating runs) the CPU seconds of every stage of a default
build, in the process the build runs it in (the layouts and the preflight in worker
processes, one after the other here, so that they do not compete), on the briefing paper's
text repeated (sizes.py), and each preflight check on its own. Stages under 1% of the large build's time are listed but
not held to the limit: at a few milliseconds, noise is larger than any growth. Exits 1 if a
stage grows too fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pressroom import build as build_module  # noqa: E402
from pressroom.collector import skips_existing_objects  # noqa: E402
from pressroom.finish import finish  # noqa: E402
from pressroom.layout_process import LayoutJob, layout_workers  # noqa: E402
from pressroom.load import load_source  # noqa: E402
from pressroom.markdown import render_markdown  # noqa: E402
from pressroom.preflight.job import preflight_workers  # noqa: E402
from pressroom.profiles import profiles_for  # noqa: E402
from pressroom.validate import validate  # noqa: E402
from pressroom.workspace import private_workspace  # noqa: E402
from sizes import write_repeated_report  # noqa: E402
from stage_jobs import TimedLayout, TimedPreflight, timed  # noqa: E402

LIMIT = 1.15
SMALL_SHARE = 0.01


def measure(folder: Path) -> tuple[int, dict[str, float]]:
    """Every stage where the build runs it: reading and finishing in this process, each
    profile's layout and audit in a layout worker, the preflight in the preflight worker
    (one after the other here, so that they do not compete)."""
    times: dict[str, float] = {}
    source, _ = timed(times, "load", load_source, folder)
    report, _ = timed(times, "validate", validate, source)
    body, _ = timed(times, "markdown", render_markdown, report)
    pages = 0
    with private_workspace() as workdir:
        inputs = build_module._Inputs(report, body, workdir, None, 0)
        for profile in profiles_for("both", report.settings):
            name = profile.name
            document, _ = timed(times, f"{name}: template", build_module._document, inputs, profile)
            job = LayoutJob(document, profile.pdf_variant, profile.output_intent, report.settings.language, body, report.fonts.families, name, workdir)
            workers = layout_workers()
            pdf, pages, layout_times = workers.wait(workers.submit(TimedLayout(job)))
            times.update(layout_times)
            with skips_existing_objects():  # as the build finishes
                pdf = timed(times, f"{name}: finish", finish, pdf, cmyk_only=name == "print", identity="x", sheet=profile.sheet)
            if name == "print":
                path = workdir / "print.pdf"
                path.write_bytes(pdf)
                checker = preflight_workers()
                times.update(checker.wait(checker.submit(TimedPreflight(path))))
    return pages, times


def measure_in_a_new_process(folder: Path, warm: Path) -> tuple[int, dict[str, float]]:
    """measure() in a Python of its own (`stages.py --measure`), as `pressroom build` starts,
    after one build of `warm` (imports and fonts out of the way), so that no run inherits what
    an earlier one left in the process."""
    argv = [sys.executable, __file__, "--measure", str(folder), "--warm", str(warm)]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    pages, times = json.loads(done.stdout.strip().splitlines()[-1])
    return pages, times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=6, help="copies of the text for the small report (6: about 24 pages)")
    parser.add_argument("--large", type=int, default=91, help="copies for the large one (91: about 367 pages)")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs of each size; the median is held to the limit")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # one run, for measure_in_a_new_process
    parser.add_argument("--warm", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # it notes that it repaired the engine's object count
    if args.measure:
        measure(args.warm)
        print(json.dumps(measure(args.measure)))
        return 0
    with tempfile.TemporaryDirectory() as temporary:
        warm = write_repeated_report(Path(temporary) / "warm", 1)
        small_folder = write_repeated_report(Path(temporary) / "small", args.small)
        large_folder = write_repeated_report(Path(temporary) / "large", args.large)
        small_runs, large_runs = [], []
        for _ in range(args.repeat):  # alternating, so a busy spell slows both sizes alike
            small_pages, times = measure_in_a_new_process(small_folder, warm)
            small_runs.append(times)
            large_pages, times = measure_in_a_new_process(large_folder, warm)
            large_runs.append(times)
    small = {name: statistics.median(run[name] for run in small_runs) for name in small_runs[0]}
    large = {name: statistics.median(run[name] for run in large_runs) for name in large_runs[0]}
    total = sum(large.values())
    print(f"{'stage (CPU s)':<32} {small_pages:>4} pages s  {large_pages:>4} pages s  per-page ratio")
    failed = []
    for name in small:
        ratio = (large[name] / large_pages) / (small[name] / small_pages) if small[name] else float("inf")
        held = large[name] >= SMALL_SHARE * total
        verdict = ("ok" if ratio <= LIMIT else "TOO FAST") if held else "(too small to hold)"
        if held and ratio > LIMIT:
            failed.append(name)
        print(f"{name:<32} {small[name]:>12.3f}  {large[name]:>12.3f}  {ratio:>6.2f} {verdict}")
    print(f"\nper-page growth limit {LIMIT}: " + ("every stage within it" if not failed else f"exceeded by {', '.join(failed)}"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
