"""Worker processes that import only what their stage needs.

The process that reads a report needs YAML, Markdown, citations, CLDR and ICU; laying out
pages needs the engine; checking the print file needs pypdf, qpdf and Pillow. In one process
they came to 45-50 MB on top of the engine: the peak memory of a small build was 1.67 times
the engine's alone. So a build reads and finishes in its own process and sends the layouts
(layout_process.py) and the preflight (preflight/job.py) to workers.

The workers are forked by a zygote: a new Python (`python -c`, not multiprocessing's spawn,
which would import the caller's main script, and fails on a script without a __main__ guard)
that loads the engine once and forks a worker whenever one is asked for; a worker then loads
what else its jobs need. The zygote starts with the command, before the rest of pressroom
loads, and serves every build of the process (a batch, watch, the tests). A worker talks to
the build over a socket pair: pickles, each preceded by its length. A job is any object with
`run(report)`, `report` passing progress back.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import queue
import select
import signal
import socket
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


class Zygote:
    """A Python that has loaded the engine and forks the workers (`zygote` below): each starts
    with the engine loaded, and the engine is loaded once, not once per worker."""

    def __init__(self) -> None:
        ours, theirs = socket.socketpair()
        code = f"from pressroom.workers import zygote; zygote({theirs.fileno()})"
        self.process = subprocess.Popen([sys.executable, "-c", code], pass_fds=[theirs.fileno()], env=_worker_environment())
        self.owner = os.getpid()
        theirs.close()
        self.control = ours
        self.sending = threading.Lock()

    def fork(self, channel: socket.socket, preload: tuple[str, ...]) -> None:
        """Ask for a worker that talks over `channel` (handed over, closed here); it loads
        `preload` once forked. Returns at once: the zygote forks when its own loading is done."""
        try:
            with self.sending:
                socket.send_fds(self.control, [pickle.dumps(preload)], [channel.fileno()])
        except OSError:
            pass  # the zygote is gone: the worker's channel ends unanswered, and the wait says so
        finally:
            channel.close()

    def stop(self) -> None:
        self.control.close()  # the zygote ends when its control socket does
        try:
            _wait(self.process, seconds=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _wait(process: subprocess.Popen, seconds: float) -> None:
    """`process.wait(seconds)`, back the moment the process ends: Popen's own wait with a
    timeout polls, asleep up to 50 ms at a time at the end of every build."""
    try:
        ended = os.pidfd_open(process.pid)
    except (AttributeError, OSError):  # not Linux, or reaped already
        process.wait(timeout=seconds)
        return
    try:
        waited = select.select([ended], [], [], seconds)[0]
    finally:
        os.close(ended)
    process.wait(timeout=0 if not waited else seconds)


class Worker:
    def __init__(self, zygote: Zygote, preload: tuple[str, ...]) -> None:
        ours, theirs = socket.socketpair()
        self.channel = ours
        self.incoming, self.outgoing = ours.makefile("rb"), ours.makefile("wb")
        self.pid: int | None = None  # told by the worker first thing
        self.busy = False  # doing a job whose answer has not been read
        self.jobs = 0  # how many it has been sent
        # Read as they come, whoever waits: a worker whose progress nobody read would block
        # once its socket is full (the print file's layout, while the build waits on the screen's).
        self.answers: queue.SimpleQueue[Any] = queue.SimpleQueue()
        threading.Thread(target=self._listen, daemon=True).start()
        zygote.fork(theirs, preload)

    def send(self, job: Job) -> None:
        _write(self.outgoing, job)

    def _listen(self) -> None:
        try:
            while (message := _read(self.incoming)) is not None:
                kind, payload = message
                if kind == "started":
                    self.pid = payload
                    continue
                self.answers.put(message)
        except (OSError, ValueError):  # the socket closed under it: the worker was stopped
            pass
        self.answers.put(None)

    def stop(self) -> None:
        """Ends the worker: killed if it is still at a job, else it ends when its socket does."""
        if self.pid is not None and self.busy:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            # First, so the listening thread's read ends: closing the reader it is blocked in
            # would wait for it for ever.
            self.channel.shutdown(socket.SHUT_RDWR)
        for end in (self.outgoing, self.incoming, self.channel):
            with contextlib.suppress(OSError):
                end.close()


class Workers:
    """Some workers of one kind, in this process."""

    def __init__(self, count: int, preload: tuple[str, ...], zygote: Zygote) -> None:
        self.owner = os.getpid()
        self.preload = preload
        self.zygote = zygote
        self.workers = [Worker(zygote, preload) for _ in range(count)]
        self.choosing = threading.Lock()  # a batch's reports, built at once, send jobs from threads
        atexit.register(self.stop)

    def submit(self, job: Job) -> Ticket:
        """Send the job to an idle worker (a new one if none is idle); `wait` on the ticket
        for its result."""
        with self.choosing:
            worker = next((worker for worker in self.workers if not worker.busy), None)
            if worker is None:
                worker = Worker(self.zygote, self.preload)
                self.workers.append(worker)
            worker.busy = True
            worker.jobs += 1
            ticket = Ticket(worker, worker.jobs)
        worker.send(job)
        return ticket

    def wait(self, ticket: Ticket, report: ProgressReport | None = None) -> Any:
        """The result of the job, passing its progress on meanwhile."""
        worker = ticket.worker
        while True:
            message = worker.answers.get()
            if message is None:
                self._replace(worker)
                raise WorkerFailed("a worker process ended without an answer (see the messages above)")
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
                self.workers[self.workers.index(worker)] = Worker(self.zygote, self.preload)


_started: dict[tuple[str, ...], Workers] = {}
_zygote: Zygote | None = None
_starting = threading.Lock()


def workers_of(count: int, preload: tuple[str, ...]) -> Workers:
    """This process's workers that preload these modules, at least `count` of them started
    (a build starts those it will need; `submit` starts more if none is idle). A forked
    process starts a zygote and workers of its own: those whose handles it inherited are not
    its children."""
    global _zygote
    with _starting:
        workers = _started.get(preload)
        if workers is None or workers.owner != os.getpid():
            if _zygote is None or _zygote.owner != os.getpid():
                _zygote = Zygote()
                atexit.register(_zygote.stop)  # registered first, so it runs after the workers' stop
            workers = _started[preload] = Workers(count, preload, _zygote)
    with workers.choosing:
        while len(workers.workers) < count:
            workers.workers.append(Worker(workers.zygote, preload))
    return workers


def usable_cores() -> int:
    """The cores this process may use (a container or `taskset` may allow fewer than exist)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


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


# What a layout worker needs (layout_process.py), the engine first (see
# engine/library_lookup_spawns_compiler.py); the preflight worker loads its own on top.
ZYGOTE_LOADS = ("pressroom.engine", "pressroom.layout", "pressroom.audit")


def zygote(control_fd: int) -> None:
    """The zygote's loop: load the engine, then fork a worker for each request, until the
    build's process closes the control socket. Ctrl-C reaches the whole terminal's process
    group: the build handles it, and stops its workers as it exits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Its workers are waited for as they end (not left to the kernel with SIG_IGN): then their
    # time and peak memory count in the zygote's, and so in the build's (`time`, benchmarks).
    signal.signal(signal.SIGCHLD, _reap)
    os.dup2(2, 1)  # anything printed goes to stderr
    for module in ZYGOTE_LOADS:
        __import__(module)
    control = socket.socket(fileno=control_fd)
    while True:
        try:
            request, fds, _, _ = socket.recv_fds(control, 65536, 1)
        except OSError:
            break
        if not request or not fds:
            break
        if os.fork() == 0:
            try:
                control.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # its own children (Ghostscript) are waited for
                _serve(socket.socket(fileno=fds[0]), pickle.loads(request))
            finally:
                os._exit(0)  # never back into the zygote's loop, whatever happened
        os.close(fds[0])
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    with contextlib.suppress(ChildProcessError):
        while True:  # the workers end as the build closes their sockets
            os.wait()
    # Out without Python's teardown of the engine's modules: nothing is left to tidy, and the
    # build waited 55 ms for it at its end.
    sys.stderr.flush()
    os._exit(0)


def _reap(signum: int, frame: Any) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _serve(channel: socket.socket, preload: tuple[str, ...]) -> None:
    """A worker's loop: a job in, its progress and result out, until the build's process
    closes the channel."""
    jobs, answers = channel.makefile("rb"), channel.makefile("wb")
    _write(answers, ("started", os.getpid()))
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
