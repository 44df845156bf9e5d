"""workers.py: worker processes, forked by a zygote, that run a job and send back its result
and progress."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest
from worker_jobs import Dies, Prints, Raises, WhereAmI

from pressroom.workers import WorkerFailed, Workers, Zygote, workers_of


@pytest.fixture(scope="module")
def workers():
    zygote = Zygote()
    started = Workers(1, (), zygote)
    yield started
    started.stop()
    zygote.stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_job_runs_in_a_worker_forked_by_the_zygote_and_its_progress_comes_back(workers: Workers) -> None:
    heard = []
    pid, parent = workers.wait(workers.submit(WhereAmI(steps=3)), heard.append)
    assert pid not in (os.getpid(), workers.zygote.process.pid) and parent == workers.zygote.process.pid
    assert [progress.pages for progress in heard] == [1, 2, 3]


def test_a_job_that_raises_is_a_bug_told_with_the_workers_traceback(workers: Workers) -> None:
    with pytest.raises(WorkerFailed, match="ValueError: a bug in a stage"):
        workers.wait(workers.submit(Raises()))
    assert workers.wait(workers.submit(WhereAmI()))  # and the worker goes on


def test_a_worker_that_dies_is_replaced(workers: Workers) -> None:
    ticket = workers.submit(Dies())
    with pytest.raises(WorkerFailed, match="ended without an answer"):
        workers.wait(ticket)
    pid, _ = workers.wait(workers.submit(WhereAmI()))
    assert pid != ticket.worker.pid and ticket.worker not in workers.workers


def test_what_a_library_prints_does_not_garble_the_answers(workers: Workers) -> None:
    assert workers.wait(workers.submit(Prints())) == "answered"


def test_a_second_job_while_the_worker_is_busy_gets_another_worker(workers: Workers) -> None:
    first, second = workers.submit(WhereAmI()), workers.submit(WhereAmI())
    assert first.worker is not second.worker
    assert workers.wait(first)[0] != workers.wait(second)[0]


def test_abandoning_a_job_already_answered_leaves_the_workers_next_job_alone(workers: Workers) -> None:
    """A finished build abandons what it sent; the worker may be doing another build's job by then."""
    first = workers.submit(WhereAmI())
    workers.wait(first)
    second = workers.submit(WhereAmI())
    assert second.worker is first.worker
    workers.abandon(first)
    assert workers.wait(second)


def test_abandoning_an_unanswered_job_stops_its_worker(workers: Workers) -> None:
    ticket = workers.submit(WhereAmI(steps=1))
    while ticket.worker.pid is None:
        time.sleep(0.01)
    workers.abandon(ticket)
    assert ticket.worker not in workers.workers
    for _ in range(200):
        if not _alive(ticket.worker.pid):
            break
        time.sleep(0.01)
    assert not _alive(ticket.worker.pid)


def test_ctrl_c_is_left_to_the_build(workers: Workers) -> None:
    """Ctrl-C reaches every process of the terminal: a worker goes on (no traceback of its
    own); the build stops it as it exits."""
    ticket = workers.submit(WhereAmI())
    workers.wait(ticket)
    os.kill(ticket.worker.pid, signal.SIGINT)
    os.kill(workers.zygote.process.pid, signal.SIGINT)
    assert workers.wait(workers.submit(WhereAmI()))[0] == ticket.worker.pid
    assert workers.zygote.process.poll() is None


def _workers_of_a_forked_process(answer) -> None:
    workers = workers_of(1, ())
    pid, zygote = workers.wait(workers.submit(WhereAmI()))
    answer.send((workers.zygote.process.pid, zygote))


def test_a_forked_process_starts_a_zygote_of_its_own() -> None:
    """The zygote it would inherit the handle of is not its child."""
    ours = workers_of(1, ()).zygote.process.pid
    mine, theirs = multiprocessing.Pipe()
    child = multiprocessing.get_context("fork").Process(target=_workers_of_a_forked_process, args=(theirs,))
    child.start()
    its_zygote, forked_by = mine.recv()
    child.join()
    assert its_zygote == forked_by != ours


def test_waiting_for_a_process_returns_once_it_ended_and_times_out_if_it_does_not() -> None:
    import subprocess
    import sys

    from pressroom.workers import _wait

    quick = subprocess.Popen([sys.executable, "-c", "pass"])
    _wait(quick, seconds=30)
    assert quick.returncode == 0, "reaped, as Popen.wait does"
    _wait(quick, seconds=1)  # and again, once reaped
    stuck = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            _wait(stuck, seconds=0.2)
    finally:
        stuck.kill()
        stuck.wait()
