"""When the cycle collector may walk the whole heap (collector.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import weasyprint

from pressroom.collector import full_passes_deferred, skips_existing_objects
from pressroom.document import HtmlDocument
from pressroom.layout import lay_out


def test_the_collector_skips_the_objects_of_a_block_and_takes_them_back_after_even_on_error():
    report_text = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), skips_existing_objects():
        assert gc.get_freeze_count() >= len(report_text), "what existed at the start is left alone"
        raise RuntimeError("a failing finish")
    assert gc.get_freeze_count() == 0, "and is back in the collector's care after the block"


def test_no_full_pass_inside_the_block_and_the_threshold_back_after_even_on_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), full_passes_deferred():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2], "the young generations are still collected"
        assert full >= 2**30
        raise RuntimeError("a failing layout")
    assert gc.get_threshold() == before


def test_two_threads_deferring_at_once_leave_the_threshold_as_it_was():
    """A batch lays out in threads too (watch's quick preview): the first block out must not
    bring the full passes back while the other is still inside, nor the last leave them off."""
    before = gc.get_threshold()
    inside, leave = threading.Barrier(2), threading.Event()
    seen: list[int] = []

    def lay_out(waits: bool) -> None:
        with full_passes_deferred():
            inside.wait()
            if waits:
                leave.wait()
            seen.append(gc.get_threshold()[2])

    first, second = threading.Thread(target=lay_out, args=(True,)), threading.Thread(target=lay_out, args=(False,))
    first.start(), second.start()
    second.join()
    assert gc.get_threshold()[2] >= 2**30, "one is still laying out"
    leave.set()
    first.join()
    assert gc.get_threshold() == before and all(full >= 2**30 for full in seen)


@pytest.fixture
def eager_collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[tuple[str, int]], int]]:
    """A collector that makes a full pass at almost every chance (nothing counts as long-lived:
    what exists is frozen; a full pass after each young one). For each full pass it starts:
    whether the PDF was being written, and how many objects it left alone (frozen); and how
    many it left alone at the start."""
    passes: list[tuple[str, int]] = []
    phase = ["layout"]

    def count(stage: str, info: dict) -> None:
        if stage == "start" and info["generation"] == 2:
            passes.append((phase[0], gc.get_freeze_count()))

    write_pdf = weasyprint.document.Document.write_pdf

    def writing(document, *args, **kwargs):
        phase[0] = "pdf"
        try:
            return write_pdf(document, *args, **kwargs)
        finally:
            phase[0] = "after"

    monkeypatch.setattr(weasyprint.document.Document, "write_pdf", writing)
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100, 1, 1)
    gc.callbacks.append(count)
    try:
        yield passes, gc.get_freeze_count()
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*before)
        gc.unfreeze()


def test_the_layout_makes_one_full_pass_the_one_before_the_pdf(tmp_path: Path, eager_collector: tuple[list[tuple[str, int]], int]):
    """None while the pages are made, one collection once they are, none while the PDF is
    written (its objects are all kept until the end too)."""
    passes, _ = eager_collector
    paragraphs = "".join(f"<p>Paragraph {n} of a page the layout keeps until the PDF is written.</p>" for n in range(200))
    lay_out(HtmlDocument(f'<html lang="en"><body>{paragraphs}</body></html>', (), tmp_path))
    assert [phase for phase, _ in passes if phase != "after"] == ["layout"], passes
