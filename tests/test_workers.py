"""workers.py: worker processes that run a job and send back its result and progress."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from worker_jobs import Dies, Prints, Raises, WhereAmI

from pressroom.workers import WorkerFailed, Workers, workers_of


@pytest.fixture(scope="module")
def workers():
    started = Workers(1, ())
    yield started
    started.stop()


def test_a_job_runs_in_a_worker_of_this_process_and_its_progress_comes_back(workers: Workers) -> None:
    heard = []
    pid, parent = workers.wait(workers.submit(WhereAmI(steps=3)), heard.append)
    assert pid != os.getpid() and parent == os.getpid()
    assert [progress.pages for progress in heard] == [1, 2, 3]


def test_a_job_that_raises_is_a_bug_told_with_the_workers_traceback(workers: Workers) -> None:
    with pytest.raises(WorkerFailed, match="ValueError: a bug in a stage"):
        workers.wait(workers.submit(Raises()))
    assert workers.wait(workers.submit(WhereAmI()))  # and the worker goes on


def test_a_worker_that_dies_is_replaced(workers: Workers) -> None:
    before = workers.workers[0].process.pid  # the only worker: the others' jobs are done
    with pytest.raises(WorkerFailed, match="ended without an answer"):
        workers.wait(workers.submit(Dies()))
    pid, _ = workers.wait(workers.submit(WhereAmI()))
    assert pid != before


def test_what_a_library_prints_does_not_garble_the_answers(workers: Workers) -> None:
    assert workers.wait(workers.submit(Prints())) == "answered"


def test_a_second_job_while_the_worker_is_busy_gets_another_worker(workers: Workers) -> None:
    first, second = workers.submit(WhereAmI()), workers.submit(WhereAmI())
    assert first.worker is not second.worker
    assert workers.wait(first)[0] != workers.wait(second)[0]


def _workers_of_a_forked_process(answer) -> None:
    workers = workers_of(1, ())
    pid, parent = workers.wait(workers.submit(WhereAmI()))
    answer.send((parent, os.getpid()))


def test_a_forked_process_starts_workers_of_its_own() -> None:
    """A batch build forks: the workers it would inherit are not its children."""
    workers_of(1, ())  # this process has some
    ours, theirs = multiprocessing.Pipe()
    child = multiprocessing.get_context("fork").Process(target=_workers_of_a_forked_process, args=(theirs,))
    child.start()
    parent, child_pid = ours.recv()
    child.join()
    assert parent == child_pid


def test_abandoning_a_job_already_answered_leaves_the_workers_next_job_alone(workers: Workers) -> None:
    """A finished build abandons what it sent; the worker may be doing another build's job by then."""
    first = workers.submit(WhereAmI())
    workers.wait(first)
    second = workers.submit(WhereAmI())
    assert second.worker is first.worker
    workers.abandon(first)
    assert workers.wait(second)


def test_abandoning_an_unanswered_job_stops_its_worker(workers: Workers) -> None:
    ticket = workers.submit(WhereAmI())
    workers.abandon(ticket)
    assert ticket.worker.process.poll() is not None and ticket.worker not in workers.workers


def test_ctrl_c_is_left_to_the_build(workers: Workers) -> None:
    """Ctrl-C reaches every process of the terminal: a worker goes on (no traceback of its
    own); the build stops it as it exits."""
    import signal

    ticket = workers.submit(WhereAmI())
    workers.wait(ticket)
    ticket.worker.process.send_signal(signal.SIGINT)
    assert workers.wait(workers.submit(WhereAmI()))[0] == ticket.worker.process.pid
