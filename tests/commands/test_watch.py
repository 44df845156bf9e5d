"""`pressroom watch`: rebuild on save, preview in a real browser, last good PDF kept."""

from __future__ import annotations

import io
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from pressroom import messages, quick_preview
from pressroom.cli import main
from pressroom.preview import PreviewPage, PreviewServer
from pressroom.quick_preview import edited_line
from pressroom.resources import organisations_dir, styles_dir, templates_dir
from pressroom.watch import Watcher, font_files, take_snapshot, watched_roots

from .browser import CHROMIUM, Browser

NEW_PARAGRAPH = "A paragraph written while the preview was open."
BROKEN_CALL = "A call to a note that does not exist.[^nowhere]"


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


class WatchProcess:
    """`pressroom watch` as the user runs it, in its own process; its output read line by line."""

    def __init__(self, source: Path, output: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "pressroom", "watch", str(source), "-o", str(output), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:  # type: ignore[union-attr]
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if match := re.search(pattern, line):
                return match
        raise TimeoutError(f"watch never printed {pattern!r}; it printed: {self.seen}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=10)


@pytest.fixture
def watching(report_copy: Path, tmp_path: Path) -> Iterator[tuple[WatchProcess, Path, str]]:
    output = tmp_path / "out" / "report.pdf"
    watch = WatchProcess(report_copy, output)
    try:
        url = watch.wait_for_line(r"Preview: (http://127\.0\.0\.1:\d+/)")[1]
        watch.wait_for_line(r"build 1: .*19 notes")
        yield watch, output, url
    finally:
        if watch.process.poll() is None:
            watch.process.kill()
            watch.process.wait()


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail("Debian's chromium is needed for this test: apt-get install -y chromium")
    opened = Browser()
    try:
        yield opened
    finally:
        opened.close()


def _page_at(browser: Browser, version: int) -> None:
    browser.wait_for(f"document.body && document.body.dataset.version === '{version}'")


def test_preview_reloads_on_save_and_keeps_the_last_good_pdf(watching: tuple[WatchProcess, Path, str], report_copy: Path, browser: Browser) -> None:
    watch, output, url = watching
    text_file = report_copy / "briefing-paper.md"
    original = text_file.read_text()

    browser.open(url)
    _page_at(browser, 1)
    assert browser.evaluate("document.getElementById('pdf').getAttribute('src')") == "/report.pdf?build=1"
    browser.evaluate("window.beforeTheSave = true")

    # A save: the PDF is rebuilt and the page reloads itself.
    text_file.write_text(original + f"\n{NEW_PARAGRAPH}\n")
    watch.wait_for_line(r"build 2: .*19 notes")
    _page_at(browser, 2)
    assert browser.evaluate("window.beforeTheSave") is None, "the page reloaded"
    assert browser.evaluate("document.getElementById('pdf').getAttribute('src')") == "/report.pdf?build=2"
    assert NEW_PARAGRAPH in _pdf_text(output)
    good_pdf = output.read_bytes()

    # A mistake: the page lists it and still shows the last good PDF, which stays untouched.
    line = len((original + "\n").splitlines()) + 1
    text_file.write_text(original + f"\n{BROKEN_CALL}\n")
    watch.wait_for_line(r"build 3 failed")
    _page_at(browser, 3)
    assert browser.evaluate("document.body.dataset.ok") == "no"
    assert browser.evaluate("document.getElementById('summary').innerText") == "Build 3: " + messages.WATCH_FAILED_SUMMARY.format(count=1)
    problem = browser.evaluate("document.getElementById('problems').innerText").strip()
    column = BROKEN_CALL.index("[^") + 1
    assert problem.endswith(f"briefing-paper.md:{line}:{column}: {messages.NOTE_UNDEFINED.format(label='nowhere')}")
    assert browser.evaluate("document.getElementById('pdf').getAttribute('src')") == "/report.pdf?build=2"
    assert output.read_bytes() == good_pdf

    # Fixed: a new PDF again, and no problems on the page.
    text_file.write_text(original)
    watch.wait_for_line(r"build 4: ")
    _page_at(browser, 4)
    assert browser.evaluate("document.body.dataset.ok") == "yes"
    assert browser.evaluate("document.getElementById('problems')") is None
    assert NEW_PARAGRAPH not in _pdf_text(output)

    assert watch.stop() == 0
    assert watch.wait_for_line(messages.WATCH_STOPPED)


def test_a_save_rebuilds_once(report_copy: Path, tmp_path: Path) -> None:
    watcher = Watcher(report_copy, tmp_path / "report.pdf")
    first = watcher.poll()
    assert first is not None and first.ok
    assert watcher.poll() is None, "nothing changed, nothing built"
    text_file = report_copy / "briefing-paper.md"
    text_file.write_text(text_file.read_text() + "\nOne more sentence.\n")
    second = watcher.poll()
    assert second is not None and second.ok and second.number == 2


def test_everything_a_build_reads_is_watched(report_copy: Path, tmp_path: Path) -> None:
    roots = watched_roots(report_copy)
    assert roots == [report_copy.resolve(), styles_dir(), templates_dir(), organisations_dir()]
    fonts = font_files(styles_dir())
    assert any("Charis" in font.name for font in fonts) and any("NotoSans" in font.name for font in fonts)
    snapshot = take_snapshot(roots, fonts, tmp_path / "out.pdf")
    for path in (report_copy / "report.yaml", report_copy / "briefing-paper.md", styles_dir() / "report.css",
                 templates_dir() / "report.html.j2", organisations_dir() / "ecpat-international" / "en.md", fonts[0]):
        assert path in snapshot, path


def test_snapshot_sees_new_changed_and_deleted_files_but_not_the_output(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    image = tmp_path / "images" / "chart.png"
    image.write_bytes(b"one")
    output = tmp_path / "build" / "report.pdf"
    output.parent.mkdir()
    before = take_snapshot([tmp_path], [], output)
    output.write_bytes(b"%PDF")
    (tmp_path / ".report.yaml.swp").write_text("editor noise")
    (tmp_path / "watch.log").write_text("a program writing into the folder")
    assert take_snapshot([tmp_path], [], output) == before
    image.write_bytes(b"longer")
    assert take_snapshot([tmp_path], [], output) != before
    image.unlink()
    assert image not in take_snapshot([tmp_path], [], output)


def test_busy_port_is_a_message_not_a_traceback(report_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server = PreviewServer(tmp_path / "report.pdf", PreviewPage(title="other"), port=0)
    try:
        port = int(server.url.rsplit(":", 1)[1].strip("/"))
        assert main(["watch", str(report_copy), "--port", str(port)]) == 1
    finally:
        server.stop()
    assert f"cannot use port {port}" in capsys.readouterr().err


def test_preview_page_escapes_what_it_shows(tmp_path: Path) -> None:
    page = PreviewPage(title="<b>", version=2, ok=False, summary="failed", problems=("x.md:1:1: <script>",), pdf_version=1, has_pdf=True)
    html = PreviewServer(tmp_path / "r.pdf", page, port=0)
    try:
        text = html.html()
    finally:
        html.stop()
    assert "&lt;script&gt;" in text and "<script>alert" not in text and "&lt;b&gt;" in text
    assert 'data-version="2"' in text and "last good build" in text


def test_status_request_is_answered_when_the_next_build_is_published(tmp_path: Path) -> None:
    server = PreviewServer(tmp_path / "r.pdf", PreviewPage(title="t", version=1), port=0)
    try:
        assert server.page_after(1, timeout=0.05).version == 1, "no news: the same page after the timeout"
        threading.Timer(0.1, server.publish, [PreviewPage(title="t", version=2)]).start()
        started = time.monotonic()
        assert server.page_after(1, timeout=10).version == 2
        assert time.monotonic() - started < 5, "answered as soon as build 2 was published"
    finally:
        server.stop()


def _two_file_report(report_copy: Path) -> Path:
    """The briefing paper and an afterword of a few pages, in a file of its own."""
    paragraph = "The afterword restates the findings of the paper at some length, section by section. " * 8
    afterword = report_copy / "afterword.md"
    afterword.write_text("## Afterword\n\n" + "".join(f"{paragraph}[^a{n}]\n\n[^a{n}]: Note {n}.\n\n" for n in range(12)))
    settings = report_copy / "report.yaml"
    settings.write_text(settings.read_text().replace("  - briefing-paper.md", "  - briefing-paper.md\n  - afterword.md"))
    return afterword


def test_an_edit_to_one_file_of_several_is_previewed_alone_at_its_page_then_the_whole_report_built(report_copy: Path, tmp_path: Path) -> None:
    second = _two_file_report(report_copy)
    watcher = Watcher(report_copy, tmp_path / "report.pdf")
    first = watcher.poll()
    assert first is not None and first.ok and first.preview is None
    second.write_text(second.read_text() + f"\n{NEW_PARAGRAPH}\n")

    preview = watcher.poll()
    assert preview is not None and preview.number == 2 and preview.preview is not None
    part = preview.preview
    assert part.file == second
    pages = pypdf.PdfReader(io.BytesIO(part.pdf)).pages
    assert NEW_PARAGRAPH in " ".join(pages[part.page - 1].extract_text().split())
    assert not any(NEW_PARAGRAPH in " ".join(page.extract_text().split()) for page in pages[: part.page - 1])

    whole = watcher.poll()
    assert whole is not None and whole.ok and whole.number == 3 and whole.preview is None
    assert NEW_PARAGRAPH in _pdf_text(tmp_path / "report.pdf")
    assert watcher.poll() is None, "nothing changed since the whole report was built"


def test_an_edit_to_a_long_report_of_one_file_is_previewed_as_its_section(report_copy: Path, tmp_path: Path) -> None:
    """The briefing paper's text four times in one file (16 pages): an edit under the third
    copy's first heading is laid out with that section alone, then the whole report is
    built. (The four-page paper itself is rebuilt whole at once: test_a_save_rebuilds_once.)"""
    paper = report_copy / "briefing-paper.md"
    text = paper.read_text()
    paper.write_text("\n\n".join(text.replace("[^", f"[^c{copy}-") for copy in range(4)))
    assert len(paper.read_text()) >= quick_preview.SECTION_PREVIEW_MIN_CHARACTERS
    watcher = Watcher(report_copy, tmp_path / "report.pdf")
    first = watcher.poll()
    assert first is not None and first.ok
    whole_pages = len(pypdf.PdfReader(tmp_path / "report.pdf").pages)
    lines = paper.read_text().split("\n")
    third = [n for n, line in enumerate(lines) if line == "## Introduction"][2]
    lines.insert(third + 2, f"{NEW_PARAGRAPH}\n")
    paper.write_text("\n".join(lines))

    preview = watcher.poll()
    assert preview is not None and preview.preview is not None
    pages = pypdf.PdfReader(io.BytesIO(preview.preview.pdf)).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert NEW_PARAGRAPH in text and "major global threats" not in text
    assert len(pages) < whole_pages / 4
    whole = watcher.poll()
    assert whole is not None and whole.ok and whole.preview is None


def test_the_edited_line_is_the_first_that_differs() -> None:
    assert edited_line("a\nb\nc\n", "a\nB\nc\n") == "B"
    assert edited_line("a\nb\n", "a\nb\nnew\n") == "new"
    assert edited_line("a\nb\nc\n", "a\nc\n") == "c"
    assert edited_line("a\n", "a\n\nnew\n") == "new"
    assert edited_line("same\n", "same\n") == ""


def _get(server: PreviewServer, path: str, host: str | None = None) -> tuple[int, bytes]:
    import http.client

    port = int(server.url.rsplit(":", 1)[1].strip("/"))
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host.format(port=port)} if host else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


@pytest.mark.parametrize("host, status", [("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("evil.example:{port}", 421), ("127.0.0.1", 421)])
def test_preview_answers_only_its_own_host_names(tmp_path: Path, host: str, status: int) -> None:
    """A page elsewhere that rebinds its DNS name to 127.0.0.1 must not read the unpublished PDF."""
    (tmp_path / "r.pdf").write_bytes(b"%PDF-secret")
    server = PreviewServer(tmp_path / "r.pdf", PreviewPage(title="t"), port=0)
    server.start()
    try:
        code, body = _get(server, "/report.pdf", host)
    finally:
        server.stop()
    assert code == status and (b"secret" in body) == (status == 200)


def test_a_status_request_with_an_odd_number_is_answered(tmp_path: Path) -> None:
    server = PreviewServer(tmp_path / "r.pdf", PreviewPage(title="t", version=3), port=0)
    server.start()
    try:
        code, body = _get(server, "/status?after=%C2%B2")  # '²' passes isdigit(), not int()
    finally:
        server.stop()
    assert code == 200 and b'"version": 3' in body


def test_a_closed_connection_is_not_an_error(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    server = PreviewServer(tmp_path / "r.pdf", PreviewPage(title="t"), port=0)
    try:
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except BrokenPipeError:
            server._http.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.stop()
    assert "Traceback" not in capfd.readouterr().err


def test_watch_survives_a_build_that_fails_in_an_unexpected_way(report_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pressroom.watch

    def broken_build(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something no one foresaw")

    monkeypatch.setattr(pressroom.watch, "build", broken_build)
    outcome = Watcher(report_copy, tmp_path / "out.pdf").rebuild()
    assert not outcome.ok and "something no one foresaw" in outcome.problems[0].message


def test_sigterm_leaves_no_temporary_folder(report_copy: Path, tmp_path: Path) -> None:
    import os

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "pressroom", "build", str(report_copy), "-o", str(tmp_path / "out.pdf")],
        env={**os.environ, "TMPDIR": str(temporary)}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while not list(temporary.glob("pressroom-*")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert process.poll() is None, "the build ended before it could be stopped"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=30)
    assert list(temporary.glob("pressroom-*")) == [] and "Traceback" not in err
