"""preflight/checks/ink.py: the pages shared among Ghostscripts give what one gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import weasyprint

from pressroom.preflight.checks import ink

PAGE = "<div style='break-after: page; width: 60mm; height: 60mm; background: device-cmyk({})'></div>"


@pytest.mark.parametrize("pages", [1, 2, 5, 7, 366])
def test_page_ranges_cover_every_page_once(pages: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1, 2}, raising=False)
    covered = []
    for options in ink._page_ranges(pages):
        first, last = (int(option.split("=")[1]) for option in options) if options else (1, pages)
        covered += range(first, last + 1)
    assert covered == list(range(1, pages + 1))


def test_the_pages_shared_among_ghostscripts_give_what_one_gives(tmp_path: Path) -> None:
    inks = ["0 0 0 1", "1 1 0 0", "0.6 0.4 0.4 1", "0 0 0 0.2", "1 0 1 0"]
    path = tmp_path / "inks.pdf"
    weasyprint.HTML(string="".join(PAGE.format(colour) for colour in inks)).write_pdf(path)
    alone = ink.render_max_coverage(path)
    shared = ink.render_max_coverage(path, pages=len(inks))
    assert [round(value) for value in alone] == [100, 200, 240, 20, 200]
    assert shared == alone
