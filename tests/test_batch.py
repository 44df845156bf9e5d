"""batch.py: several reports built at once, in threads sharing the worker processes, make
the same files as each built alone."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from report_folders import write_report

from pressroom.batch import Job, build_many
from pressroom.build import build

THAI = "การแสวงหาประโยชน์ทางเพศจากเด็กเป็นปัญหาที่ทุกประเทศต้องร่วมกันแก้ไขอย่างจริงจัง"
MORE_THAI = "เด็กทุกคนมีสิทธิได้รับการคุ้มครองจากการแสวงหาประโยชน์ทุกรูปแบบทั้งในโลกออนไลน์และออฟไลน์"


def _report(folder: Path, words: str, colour: tuple[int, int, int]) -> Path:
    """A Thai report (line breaks found by ICU) with an RGB picture (made CMYK for print)."""
    text = "\n\n".join(f"{words} {n}.[^{n}]\n\n[^{n}]: {words[: 20 + n]}." for n in range(1, 13))
    folder = write_report(folder, f"# {words[:12]}\n\n![A picture](picture.png)\n\n{text}\n", language="th")
    Image.new("RGB", (2000, 1300), colour).save(folder / "picture.png")
    return folder


def test_reports_built_at_once_are_the_same_as_each_built_alone(tmp_path: Path) -> None:
    sources = [_report(tmp_path / "a", THAI, (200, 40, 40)), _report(tmp_path / "b", MORE_THAI, (40, 40, 200))]
    jobs = [Job(source, tmp_path / "together" / f"{source.name}.pdf") for source in sources]
    done = list(build_many(jobs, 2, profile="both", strict=False, created=None))
    assert all(each.result is not None for each in done), [each.problems for each in done]
    for source in sources:
        alone = build(source, tmp_path / "alone" / f"{source.name}.pdf", profile="both")
        for name, made in alone.outputs.items():
            together = tmp_path / "together" / made.path.name
            assert together.read_bytes() == made.path.read_bytes(), f"{source.name} {name}"
