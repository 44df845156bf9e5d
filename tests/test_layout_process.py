"""layout_process.py: the layout and audit in a worker that loads the engine and nothing of
what reads the report (the peak memory of a build is the engine's, not the engine's plus 45 MB)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from worker_jobs import ModulesLoaded

from pressroom.body import Body
from pressroom.document import HtmlDocument
from pressroom.layout_process import LayoutJob, layout_workers

READERS = {"icu", "babel", "pydantic", "yaml", "markdown_it", "citeproc", "nh3", "jinja2", "pikepdf"}


def test_the_layout_worker_loads_the_engine_and_none_of_the_readers() -> None:
    workers = layout_workers()
    modules = set(workers.wait(workers.submit(ModulesLoaded())))
    assert "weasyprint" in modules and "pressroom.audit" in modules
    assert not READERS & modules, sorted(READERS & modules)


def test_a_layout_job_makes_its_temporary_files_in_the_builds_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pressroom.layout

    seen = []

    def lay_out(*args):
        seen.append(tempfile.gettempdir())
        raise RuntimeError("enough")

    monkeypatch.setattr(pressroom.layout, "lay_out", lay_out)
    job = LayoutJob(HtmlDocument("<p>x</p>", (), tmp_path), "pdf/ua-1", None, "en", Body("", (), (), ""), frozenset(), "screen", tmp_path)
    with pytest.raises(RuntimeError):
        job.run()
    assert seen == [str(tmp_path)] and tempfile.gettempdir() != str(tmp_path)


def test_a_layout_job_lays_out_audits_and_reports_its_pages(tmp_path: Path) -> None:
    workers = layout_workers()
    html = "<html lang='en'><title>T</title><p>One.</p><p style='break-before: page'>Two.</p></html>"
    job = LayoutJob(HtmlDocument(html, (), tmp_path), "pdf/ua-1", None, "en", Body("", (), (), ""), frozenset(), "screen", tmp_path)
    heard = []
    laid_out = workers.wait(workers.submit(job), heard.append)
    assert laid_out.pdf.startswith(b"%PDF") and laid_out.audit.pages == 2
    assert [progress.stage for progress in heard][-1] == "audit"
    assert any(progress.stage == "layout" for progress in heard)
