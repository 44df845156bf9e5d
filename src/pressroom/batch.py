"""Several reports built at once: a build is a pure function of its folder, so they share
nothing. Larger batches belong on a job runner or CI matrix (README).

Each report is built in a thread of this process; the work is in the layout and preflight
worker processes (workers.py), which the builds share: their start-up and their fonts are
paid once for the whole batch, not once per report. (A process per report paid them in each,
and four of them starting at once on two cores was most of what --jobs 2 lost.)"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pressroom.build import BuildResult, build
from pressroom.layout_process import start_workers
from pressroom.problems import Problem, UserError
from pressroom.profile_names import ProfileChoice


@dataclass(frozen=True)
class Job:
    source: Path
    output: Path


@dataclass(frozen=True)
class Done:
    """One report: its result, or the problems that stopped it (its last good PDF is kept)."""

    job: Job
    result: BuildResult | None
    problems: list[Problem] = field(default_factory=list)


def build_many(
    jobs: Sequence[Job], workers: int, *, profile: ProfileChoice, strict: bool, created: datetime | None
) -> Iterator[Done]:
    """Build every job, `workers` at a time; each report as soon as it is done."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield build_one(job, profile, strict, created)
        return
    at_once = min(workers, len(jobs))
    start_workers(profile, at_once)
    with ThreadPoolExecutor(max_workers=at_once) as pool:
        running = [pool.submit(build_one, job, profile, strict, created) for job in jobs]
        for finished in as_completed(running):
            yield finished.result()


def build_one(job: Job, profile: ProfileChoice, strict: bool, created: datetime | None) -> Done:
    """One report; a UserError's problems come back as data."""
    try:
        result = build(job.source, job.output, profile=profile, strict=strict, created=created)
    except UserError as error:
        return Done(job, None, list(error.problems))
    return Done(job, result, list(result.warnings))
