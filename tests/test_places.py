"""Problems found after layout get the place where their text is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressroom import messages
from pressroom.model import SourceFile
from pressroom.places import placed
from pressroom.problems import Problem, UserError
from report_folders import write_report


def test_a_problem_is_placed_at_the_first_place_its_text_is_written():
    files = (SourceFile(Path("a.md"), "One.\n"), SourceFile(Path("b.md"), "Two.\n\nA Longword here.\n", first_line=3))
    problem = Problem.at(messages.LINE_OUTSIDE.format(page=2, text="Longword"), excerpt="Longword")
    (found,) = placed([problem], files)
    assert (found.file, found.line, found.column) == ("b.md", 5, 3) and found == Problem("b.md", 5, 3, problem.message)


def test_a_problem_whose_text_is_nowhere_stays_as_it_is():
    problem = Problem.at("x", excerpt="absent")
    assert placed([problem], (SourceFile(Path("a.md"), "One.\n"),)) == [problem]


def test_a_character_no_font_has_is_named_by_its_code_at_its_place(tmp_path: Path):
    from pressroom.build import build

    folder = write_report(tmp_path / "report", "Text.\n\nA line with \ue000 in it.\n")
    with pytest.raises(UserError) as raised:
        build(folder, tmp_path / "out.pdf", profile="screen")
    assert [(Path(p.file).name, p.line, p.column, p.message) for p in raised.value.problems] == [
        ("text.md", 3, 13, messages.NOTDEF_GLYPH.format(character="U+E000"))
    ]


def test_an_address_a_drawing_asks_for_is_refused_at_its_line_in_the_drawing(tmp_path: Path):
    from PIL import Image

    from pressroom.build import build

    folder = write_report(tmp_path / "report", "Text.\n\n![A chart](chart.svg)\n")
    Image.new("RGB", (20, 20), "red").save(tmp_path / "secret.png")
    (folder / "chart.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">\n'
        f'  <image href="file://localhost{tmp_path}/secret.png" width="9" height="9"/>\n</svg>\n'
    )
    with pytest.raises(UserError) as raised:
        build(folder, tmp_path / "out.pdf", profile="screen")
    assert [(Path(p.file).name, p.line, p.column) for p in raised.value.problems] == [("chart.svg", 2, 16)]
