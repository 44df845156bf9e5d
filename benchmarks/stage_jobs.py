"""The jobs stages.py sends to the build's worker processes, timed there (a worker imports a
job's class by its module's name, so they live in a module of their own)."""

from __future__ import annotations

import resource
from dataclasses import dataclass
from pathlib import Path

from pressroom.layout_process import LayoutJob


def cpu_seconds() -> float:
    """This process's CPU time and its children's (Ghostscript), to the microsecond (os.times
    counts in 10 ms ticks, a tenth of a small stage): unlike the wall clock, it barely moves
    when other work shares the machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(times: dict[str, float], name: str, function, *args, **kwargs):
    started = cpu_seconds()
    result = function(*args, **kwargs)
    times[name] = times.get(name, 0.0) + cpu_seconds() - started
    return result


@dataclass(frozen=True)
class TimedLayout:
    """LayoutJob.run, stage by stage."""

    job: LayoutJob

    def run(self, report):
        from pressroom.audit import audit
        from pressroom.catalog import catalog_finisher
        from pressroom.collector import full_passes_deferred
        from pressroom.layout import lay_out

        job, times = self.job, {}
        with full_passes_deferred():  # as LayoutJob.run
            layout, _ = timed(times, f"{job.profile}: layout and PDF", lay_out, job.document, job.pdf_variant, job.output_intent, catalog_finisher(job.language))
            result = timed(times, f"{job.profile}: audit", audit, layout, job.body, job.fonts)
        return layout.pdf, result.pages, times


@dataclass(frozen=True)
class TimedPreflight:
    """Each preflight check on its own."""

    path: Path

    def run(self, report):
        import logging

        import pypdf

        from pressroom.preflight.checks import ALL_CHECKS
        from pressroom.preflight.model import PreflightOptions
        from pressroom.preflight.pdfutil import SOURCE_PATH_ATTR

        logging.getLogger("pypdf").setLevel(logging.ERROR)
        times: dict[str, float] = {}
        reader = timed(times, "preflight: open", pypdf.PdfReader, str(self.path))
        setattr(reader, SOURCE_PATH_ATTR, self.path)
        for check_name, check in ALL_CHECKS:
            timed(times, f"preflight: {check_name}", check, reader, PreflightOptions())
        return times
