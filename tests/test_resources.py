"""Where pressroom reads from: one resolver for every URL, and no absolute path in the output."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from pressroom.resources import confined_path, path_of_file_url
from report_folders import write_report


@pytest.mark.parametrize(
    "url",
    ["file://localhost/etc/passwd", "file://127.0.0.1/etc/passwd", "file:////server/share/a.png", "file:a.png", "https://x/a.png"],
)
def test_only_an_absolute_local_path_without_a_host_is_a_file(url: str):
    assert path_of_file_url(url) is None


def test_a_plain_file_url_is_decoded(tmp_path: Path):
    assert path_of_file_url((tmp_path / "café chart.png").as_uri() + "?x#y") == tmp_path / "café chart.png"


def test_a_symlink_is_judged_by_where_it_leads(tmp_path: Path):
    (tmp_path / "report").mkdir()
    (tmp_path / "secret").write_text("x")
    (tmp_path / "report" / "link").symlink_to(tmp_path / "secret")
    assert confined_path((tmp_path / "report" / "link").as_uri(), ((tmp_path / "report").resolve(),)) is None


def test_the_same_report_built_in_two_folders_gives_the_same_bytes(tmp_path: Path):
    from pressroom.build import build

    made = []
    for folder in (tmp_path / "a" / "report", tmp_path / "elsewhere" / "deeper" / "report"):
        write_report(folder, "Text.\n\n![A red square](red.png)\n")
        Image.new("RGB", (2100, 2100), "red").save(folder / "red.png", dpi=(300, 300))
        build(folder, folder.parent / "out.pdf", profile="both")
        made.append([(folder.parent / name).read_bytes() for name in ("out.pdf", "out-print.pdf")])
    assert made[0] == made[1]
    assert b"/a/report" not in made[0][0] + made[0][1]
