"""`pressroom watch`, the logic: which files a report uses, whether they changed, one rebuild.

The process stays alive between builds, so WeasyPrint, fonts and templates are imported
once and a rebuild costs only the build itself. Polling mtimes every few tenths of a
second needs no extra dependency and sees every editor's way of saving.

When one Markdown file of a report of several changes, that file alone is laid out first
(quick_preview.py) and shown at the edit; the whole report is built on the next poll.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pressroom import messages
from pressroom.build import BuildResult, build
from pressroom.doctor import font_families
from pressroom.problems import Problem, UserError
from pressroom.quick_preview import PartPreview, edited_line, preview_part
from pressroom.resources import organisations_dir, styles_dir, templates_dir

POLL_SECONDS = 0.1  # a save is seen within a tenth of a second; a look costs a few stat calls
SETTLE_SECONDS = 0.05  # an editor may write a file in several steps
SKIPPED_FOLDERS = {"__pycache__", "node_modules"}
# The kinds of file a build can read. Others (a log, a PDF, notes to self) may change
# without a rebuild, and a program writing into the folder cannot start an endless loop.
WATCHED_SUFFIXES = {
    ".yaml", ".yml", ".md", ".markdown", ".css", ".j2", ".html",
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".tif", ".tiff",
    ".ttf", ".otf", ".woff", ".woff2", ".icc",
}
MARKDOWN_SUFFIXES = {".md", ".markdown"}

# path -> (modification time in ns, size): a change in either is a change.
Snapshot = dict[Path, tuple[int, int]]


@dataclass(frozen=True)
class Outcome:
    """One rebuild: its number (1, 2, ...), and the result or the problems that stopped it;
    or the quick preview of the one file edited, before the whole report is built."""

    number: int
    result: BuildResult | None
    problems: tuple[Problem, ...]
    seconds: float
    preview: PartPreview | None = None

    @property
    def ok(self) -> bool:
        return self.result is not None


def watched_roots(source: Path) -> list[Path]:
    """The folders whose files a build may read: the report's own, the styles (with any
    fonts there), the templates and the organisations' background texts."""
    report_folder = source if source.is_dir() else source.parent
    return [report_folder.resolve(), styles_dir(), templates_dir(), organisations_dir()]


def font_files(styles: Path) -> list[Path]:
    """The installed font files of every family the styles ask for, as fontconfig finds them."""
    files = []
    for family in font_families(styles):
        listing = subprocess.run(["fc-list", f":family={family}", "file"], capture_output=True, text=True, check=False)
        files += [Path(line.split(":")[0]) for line in listing.stdout.splitlines() if line.strip()]
    return sorted(set(files))


def take_snapshot(roots: Iterable[Path], files: Iterable[Path], output: Path) -> Snapshot:
    """Every file a build could read under the roots (hidden files and the output aside),
    and the given files."""
    found: Snapshot = {}
    output = output.resolve()
    for root in roots:
        for path in _files_under(root, output):
            _record(found, path)
    for path in files:
        _record(found, path)
    return found


def _files_under(root: Path, output: Path) -> Iterable[Path]:
    for path in root.iterdir() if root.is_dir() else ():
        if path.name.startswith(".") or path == output:
            continue
        if path.is_dir():
            if path.name not in SKIPPED_FOLDERS and path != output.parent:
                yield from _files_under(path, output)
        elif path.suffix.lower() in WATCHED_SUFFIXES:
            yield path


def _record(found: Snapshot, path: Path) -> None:
    try:
        status = path.stat()
    except OSError:  # deleted while we looked: the next poll sees it gone
        return
    found[path] = (status.st_mtime_ns, status.st_size)


class Watcher:
    """Rebuilds `source` into `output` whenever a file it uses changes."""

    def __init__(self, source: Path, output: Path, *, strict: bool = False):
        self.source, self.output, self.strict = source, output, strict
        self.roots = watched_roots(source)
        self.fonts = font_files(styles_dir())
        self.snapshot: Snapshot = {}
        self.texts: dict[Path, str] = {}  # each Markdown file as last seen, to find the edit
        self.builds = 0
        self.whole_report_due = False

    def poll(self) -> Outcome | None:
        """Build if anything changed since the last look (the first look always builds); one
        Markdown file of several edited: its preview now, the whole report on the next poll."""
        current = self._look()
        if current == self.snapshot and self.builds:
            return self.rebuild() if self.whole_report_due else None
        while True:  # wait until the editor has finished writing
            time.sleep(SETTLE_SECONDS)
            settled = self._look()
            if settled == current:
                break
            current = settled
        changed = {path for path in current.keys() | self.snapshot.keys() if current.get(path) != self.snapshot.get(path)}
        first = not self.builds
        self.snapshot = current
        edited = self._remember_texts(changed)
        if not first and len(changed) == 1 and edited:
            outcome = self.preview(*edited[0])
            if outcome:
                return outcome
        return self.rebuild()

    def preview(self, path: Path, line: str) -> Outcome | None:
        started = time.perf_counter()
        part = preview_part(self.source, path, line)
        if part is None:
            return None
        self.builds += 1
        self.whole_report_due = True
        return Outcome(self.builds, None, (), time.perf_counter() - started, part)

    def _remember_texts(self, changed: set[Path]) -> list[tuple[Path, str]]:
        """The changed Markdown files, each with its first edited line; their new text kept."""
        edited = []
        for path in sorted(changed):
            if path.suffix.lower() not in MARKDOWN_SUFFIXES:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):  # deleted or half-written: the build will say
                continue
            if path in self.texts:
                edited.append((path, edited_line(self.texts[path], text)))
            self.texts[path] = text
        return edited

    def rebuild(self) -> Outcome:
        self.whole_report_due = False
        self.builds += 1
        started = time.perf_counter()
        try:
            result = build(self.source, self.output, strict=self.strict)
        except UserError as error:
            return Outcome(self.builds, None, tuple(error.problems), time.perf_counter() - started)
        except Exception as error:  # noqa: BLE001 - a bug must not end the writer's session
            problem = Problem.at(messages.WATCH_BUG.format(error=f"{type(error).__name__}: {error}"))
            return Outcome(self.builds, None, (problem,), time.perf_counter() - started)
        return Outcome(self.builds, result, tuple(result.warnings), time.perf_counter() - started)

    def _look(self) -> Snapshot:
        return take_snapshot(self.roots, self.fonts, self.output)
