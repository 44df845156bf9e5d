"""Worker processes that import only what their stage needs.

The process that reads a report needs YAML, Markdown, citations, CLDR and ICU; laying out
pages needs the engine; checking the print file needs pypdf, qpdf and Pillow. In one process
they came to 45-50 MB on top of the engine: the peak memory of a small build was 1.67 times
the engine's alone. So a build reads and finishes in its own process and sends the layouts
(layout_process.py) and the preflight (preflight/job.py) to workers of their own.

A worker is a new Python (`python -c`, not multiprocessing's spawn, which would import the
caller's main script into it, and fails on a script without a __main__ guard). It is started
when a build begins, while the report is still being read, and kept for the builds that
follow in the same process (watch, the tests), so fonts and stylesheets are loaded once.
Parent and worker exchange pickles over the worker's stdin and stdout, each preceded by its
length. A job is any object with `run(report)`, `report` passing progress back.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
import traceback
from dataclasses import dataclass
from typing import IO, Any, Protocol

from pressroom.progress import Progress, ProgressReport

LENGTH = struct.Struct("!Q")


class Job(Protocol):
    def run(self, report: ProgressReport) -> Any: ...


class WorkerFailed(RuntimeError):
    """The job raised in the worker, or the worker died: a bug, with the worker's traceback."""


@dataclass(frozen=True)
class Ticket:
    """A job sent: the worker doing it, and which of its jobs it is."""

    worker: Worker
    number: int

    @property
    def open(self) -> bool:
        """Its answer is still to be read."""
        return self.worker.busy and self.worker.jobs == self.number


class Worker:
    def __init__(self, preload: tuple[str, ...]) -> None:
        code = f"from pressroom.workers import serve; serve({preload!r})"
        self.process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_worker_environment()
        )
        self.busy = False  # doing a job whose answer has not been read
        self.jobs = 0  # how many it has been sent

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


class Workers:
    """Some workers of one kind, in this process."""

    def __init__(self, count: int, preload: tuple[str, ...]) -> None:
        self.owner = os.getpid()
        self.preload = preload
        self.workers = [Worker(preload) for _ in range(count)]
        self.choosing = threading.Lock()  # a batch's reports, built at once, send jobs from threads
        atexit.register(self.stop)

    def submit(self, job: Job) -> Ticket:
        """Send the job to an idle worker (a new one if none is idle); `wait` on the ticket
        for its result."""
        with self.choosing:
            worker = next((worker for worker in self.workers if not worker.busy), None)
            if worker is None:
                worker = Worker(self.preload)
                self.workers.append(worker)
            worker.busy = True
            worker.jobs += 1
            ticket = Ticket(worker, worker.jobs)
        _write(worker.process.stdin, job)  # type: ignore[arg-type]
        return ticket

    def wait(self, ticket: Ticket, report: ProgressReport | None = None) -> Any:
        """The result of the job, passing its progress on meanwhile."""
        worker = ticket.worker
        while True:
            message = _read(worker.process.stdout)  # type: ignore[arg-type]
            if message is None:
                status = worker.process.wait()
                self._replace(worker)
                raise WorkerFailed(f"a worker process ended without an answer (exit status {status})")
            kind, payload = message
            if kind == "progress":
                if report is not None:
                    report(payload)
                continue
            worker.busy = False
            if kind == "failed":
                raise WorkerFailed(f"a worker process failed:\n{payload}")
            return payload

    def abandon(self, ticket: Ticket) -> None:
        """Stop the worker of a job whose answer will not be read (its build failed), if it is
        still at it: started again, it is ready for the next build instead of finishing what
        nobody will read."""
        if ticket.open:
            self._replace(ticket.worker)

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()

    def _replace(self, worker: Worker) -> None:
        worker.stop()
        with self.choosing:
            if worker in self.workers:
                self.workers[self.workers.index(worker)] = Worker(self.preload)


_started: dict[tuple[str, ...], Workers] = {}
_starting = threading.Lock()


def workers_of(count: int, preload: tuple[str, ...]) -> Workers:
    """This process's workers that preload these modules, at least `count` of them started
    (a build starts those it will need; `submit` starts more if none is idle). A process
    forked from one that had them (a batch build's) starts its own: the workers it inherited
    the handles of are not its children."""
    with _starting:
        workers = _started.get(preload)
        if workers is None or workers.owner != os.getpid():
            workers = _started[preload] = Workers(count, preload)
    with workers.choosing:
        while len(workers.workers) < count:
            workers.workers.append(Worker(preload))
    return workers


def _worker_environment() -> dict[str, str]:
    """The worker finds pressroom where this process did (a test run from a checkout too)."""
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    return environment


def _write(pipe: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(LENGTH.pack(len(data)) + data)
    pipe.flush()


def _read(pipe: IO[bytes]) -> Any | None:
    header = pipe.read(LENGTH.size)
    if len(header) < LENGTH.size:
        return None
    (length,) = LENGTH.unpack(header)
    return pickle.loads(pipe.read(length))


def serve(preload: tuple[str, ...]) -> None:
    """The worker's loop: a job in, its progress and result out, until the parent closes stdin.
    Anything printed goes to stderr: stdout carries only the answers. Ctrl-C reaches the whole
    terminal's process group: the build handles it, and stops its workers as it exits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    jobs = sys.stdin.buffer
    for module in preload:  # loaded before the first job comes
        __import__(module)

    def report(progress: Progress) -> None:
        _write(answers, ("progress", progress))

    while (job := _read(jobs)) is not None:
        try:
            result = job.run(report)
        except Exception:  # a bug: its traceback goes back to the build, which raises it
            _write(answers, ("failed", traceback.format_exc()))
            continue
        _write(answers, ("done", result))
