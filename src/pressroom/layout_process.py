"""Layout and audit, in worker processes (workers.py) that import the engine and little else.

Only light modules are imported at the top: this module is read by the process that reads
the report too (it sends the jobs), and the engine is imported by the worker itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pressroom.audit_result import AuditResult
from pressroom.body import Body
from pressroom.collector import full_passes_deferred
from pressroom.document import HtmlDocument
from pressroom.problems import Problem
from pressroom.profile_names import ProfileChoice
from pressroom.progress import ProgressReport
from pressroom.workers import ZYGOTE_LOADS, Workers, workers_of
from pressroom.workspace import temporary_files_in

PRELOAD = ZYGOTE_LOADS  # loaded by the zygote already: a layout worker needs nothing more


@dataclass(frozen=True)
class LaidOut:
    pdf: bytes
    problems: list[Problem]  # the engine's, and the fetcher's
    audit: AuditResult


@dataclass(frozen=True)
class LayoutJob:
    document: HtmlDocument
    pdf_variant: str
    output_intent: str | None
    language: str  # for the PDF's catalog
    body: Body  # the notes, for the audit
    fonts: frozenset[str]  # the families the style declares, for the audit
    profile: str
    workdir: Path  # the build's private folder: the worker's temporary files go there too

    def run(self, report: ProgressReport | None = None) -> LaidOut:
        """The pages laid out, the PDF written and the pages audited."""
        from pressroom.audit import audit
        from pressroom.catalog import catalog_finisher
        from pressroom.layout import lay_out
        from pressroom.progress import engine_progress, tell

        # The audit walks the pages laid out: no full pass of the collector over them either.
        with full_passes_deferred():
            with temporary_files_in(self.workdir), engine_progress(report, self.profile):
                layout, problems = lay_out(self.document, self.pdf_variant, self.output_intent, catalog_finisher(self.language))
            tell(report, "audit", self.profile, len(layout.document.pages))
            result = audit(layout, self.body, self.fonts)
        return LaidOut(layout.pdf, problems, result)


def layout_workers(count: int = 1) -> Workers:
    """The layout workers, at least `count` started: one per profile, so that the screen and
    print files are laid out side by side."""
    return workers_of(count, PRELOAD)


def start_workers(profile: ProfileChoice, builds_at_once: int = 1) -> None:
    """Start the workers that builds of this profile will need, `builds_at_once` at a time:
    called before the rest of pressroom loads, they load the engine meanwhile."""
    from pressroom.preflight.job import preflight_workers

    layout_workers(builds_at_once * (2 if profile == "both" else 1))
    if profile != "screen":
        preflight_workers(builds_at_once)
