"""`pressroom doctor`: every check, and each missing piece reported with its fix."""

from __future__ import annotations

import ctypes.util
import shutil
from pathlib import Path

import pytest

from pressroom import doctor
from pressroom.cli import main


def test_this_machine_has_what_a_build_needs(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["doctor"])
    out = capsys.readouterr().out
    assert code == 0, out
    for subject in ("libharfbuzz-subset", "WeasyPrint", "Pango", "pdffonts", "gs", "font 'Charis SIL'", "font 'Noto Sans'", "font 'Noto Sans Mono'", "ICC profile"):
        assert f"ok       {subject}" in out


def test_fonts_are_read_from_the_styles_custom_properties() -> None:
    families = doctor.font_families(doctor.styles_dir())
    assert families == {
        "Charis SIL": ["--serif in long-report.css", "--serif in report.css"],
        "Noto Sans": ["--sans in long-report.css", "--sans in report.css"],
        "Noto Sans Mono": ["--mono in long-report.css", "--mono in report.css"],
    }


def test_missing_font_names_the_package(tmp_path: Path) -> None:
    (tmp_path / "plain.css").write_text(':root { --serif: "No Such Family", serif; --sans: "Noto Sans"; }')
    findings = {f.subject: f for f in doctor.examine(styles=tmp_path)}
    missing = findings["font 'No Such Family' (--serif in plain.css)"]
    assert not missing.ok and missing.fix == "apt-get install -y the package that provides the font No Such Family"
    assert findings["font 'Noto Sans' (--sans in plain.css)"].ok


def test_wrong_weasyprint_version_says_which_to_install() -> None:
    finding = next(f for f in doctor.examine(weasyprint_pin="99.0") if f.subject == "WeasyPrint")
    assert (finding.found, finding.fix) == ("70.0", "pip install weasyprint==99.0")


def test_weasyprint_pin_comes_from_the_package_metadata() -> None:
    assert doctor._pinned_weasyprint() == "70.0"


def test_missing_harfbuzz_subset_and_icc_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    findings = {f.subject: f for f in doctor.examine(icc_profile=tmp_path / "gone.icc")}
    assert findings["libharfbuzz-subset"].fix == "apt-get install -y libharfbuzz-subset0"
    assert findings["ICC profile"].fix == doctor.ICC_FIX


def test_command_prints_each_fix_and_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    examine = doctor.examine
    monkeypatch.setattr(doctor, "examine", lambda: examine(icc_profile=tmp_path / "gone.icc"))
    assert main(["doctor"]) == 1
    captured = capsys.readouterr()
    assert "MISSING  ICC profile" in captured.out
    assert f"fix: {doctor.ICC_FIX}" in captured.out
    assert "1 missing" in captured.err


def test_missing_program_names_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "pdffonts" else real_which(name))
    finding = next(f for f in doctor.examine() if f.subject.startswith("pdffonts"))
    assert finding.fix == "apt-get install -y poppler-utils"


def test_doctor_with_a_report_checks_the_font_of_each_script(capsys: pytest.CaptureFixture[str]) -> None:
    report = Path(__file__).parents[1] / "data" / "languages" / "th"
    assert main(["doctor", str(report)]) == 0
    out = capsys.readouterr().out
    assert "ok       Thai text (first at report.yaml:1:8)" in out and "Noto Serif Thai, Noto Sans Thai" in out


def test_doctor_names_the_package_of_a_missing_script_font(monkeypatch: pytest.MonkeyPatch) -> None:
    from pressroom import fonts

    not_cjk = lambda family: "CJK" not in family  # noqa: E731
    monkeypatch.setattr(fonts, "font_installed", not_cjk)
    monkeypatch.setattr(doctor, "font_installed", not_cjk)
    findings = doctor.report_fonts(Path(__file__).parents[1] / "data" / "languages" / "zh-CN")
    chinese = next(f for f in findings if f.subject.startswith("Simplified Han text"))
    assert not chinese.ok and chinese.fix == "apt-get install -y fonts-noto-cjk"
