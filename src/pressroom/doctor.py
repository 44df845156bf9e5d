"""`pressroom doctor`: what a build needs on this machine, each missing piece with its fix.

Returns findings only; commands/doctor.py prints them. Nothing here imports WeasyPrint at
module level: a machine without Pango must still get an answer, not a traceback.
"""

from __future__ import annotations

import ctypes.util
import importlib.metadata
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pressroom import messages
from pressroom.icc import cmyk_profile_path
from pressroom.fonts import font_installed, font_package
from pressroom.resources import styles_dir

# WeasyPrint 70 needs Pango 1.44 or later (its documented minimum).
PANGO_MINIMUM = (1, 44)
# The custom properties through which the styles choose their fonts (see styles/_base.css).
FONT_PROPERTY = re.compile(r"--(serif|sans|mono)\s*:\s*([^;]+);")
PANGO_FIX = "apt-get install -y libpango-1.0-0 libpangoft2-1.0-0"
# Programs a build runs: name -> (Debian package, what for).
TOOLS = {
    "pdffonts": ("poppler-utils", "reads back the fonts of every PDF"),
    "gs": ("ghostscript", "measures the ink coverage of the print file"),
}
# The profile ships in the package; in a checkout it is rebuilt by a script.
ICC_FIX = "pip install --force-reinstall pressroom (in a checkout: scripts/build-icc-profile.sh)"


@dataclass(frozen=True)
class Finding:
    """One thing a build needs: found (with what was found) or missing (with the fix)."""

    subject: str
    found: str
    fix: str = ""

    @property
    def ok(self) -> bool:
        return not self.fix


def examine(
    styles: Path | None = None, icc_profile: Path | None = None, weasyprint_pin: str | None = None, report: Path | None = None
) -> list[Finding]:
    """Every check, in the order a fix should be applied; with a report, the fonts its text needs."""
    findings = [_harfbuzz_subset(), *_weasyprint(weasyprint_pin or _pinned_weasyprint()), *_tools()]
    findings += _fonts(styles or styles_dir())
    if report is not None:
        findings += report_fonts(report)
    findings.append(_icc_profile(icc_profile or cmyk_profile_path()))
    return findings


def report_fonts(path: Path) -> list[Finding]:
    """For each script of the report's text: the font its style declares, installed or not."""
    from pydantic import ValidationError

    from pressroom.fonts import plan_fonts, script_name
    from pressroom.language import language_of
    from pressroom.load import load_source
    from pressroom.model import ReportSettings
    from pressroom.validate import font_needs, load_organisation

    subject = messages.DOCTOR_REPORT.format(path=path)
    source, _ = load_source(path)
    try:
        settings = ReportSettings.model_validate(source.settings) if source else None
    except ValidationError:
        settings = None
    language = language_of(settings.language, settings.direction) if settings else None
    organisation = load_organisation(settings.organisation, language)[0] if settings else None
    stylesheet = styles_dir() / f"{settings.style}.css" if settings else None
    if source is None or settings is None or organisation is None or not stylesheet or not stylesheet.is_file():
        return [Finding(subject, messages.DOCTOR_REPORT_UNREADABLE, f"pressroom build {path}")]
    scripts, language, declared = font_needs(source, settings, organisation, stylesheet)
    _, problems = plan_fonts(scripts, language, declared, settings.style)
    findings = []
    for script, place in scripts.items():
        where = f"{place.path.name}:{place.line}:{place.column}"
        script_subject = messages.DOCTOR_SCRIPT.format(script=script_name(script), where=where)
        trouble = next((p for p in problems if (p.file, p.line, p.column) == (str(place.path), place.line, place.column)), None)
        families = [declared[(role, script)] for role in ("serif", "sans") if (role, script) in declared]
        families = families or [declared[(role, "")] for role in ("serif", "sans") if (role, "") in declared]
        listed = ", ".join(dict.fromkeys(families))
        if trouble is None:
            findings.append(Finding(script_subject, listed))
        elif families and any(not font_installed(f) for f in families):
            missing = [f for f in dict.fromkeys(families) if not font_installed(f)]
            packages = " ".join(dict.fromkeys(font_package(f) for f in missing))
            findings.append(Finding(script_subject, messages.DOCTOR_NOT_FOUND + f" ({', '.join(missing)})", f"apt-get install -y {packages}"))
        else:
            findings.append(Finding(script_subject, messages.DOCTOR_NO_SCRIPT_FONT.format(style=settings.style), messages.DOCTOR_SCRIPT_FIX))
    return findings


def _pinned_weasyprint() -> str:
    """The exact version pyproject.toml pins: the engine patches are written for it."""
    requirements = importlib.metadata.requires("pressroom") or []
    pin = next(r for r in requirements if re.match(r"weasyprint\s*==", r, re.I))
    return pin.split("==", 1)[1].strip()


def _harfbuzz_subset() -> Finding:
    library = ctypes.util.find_library("harfbuzz-subset")
    if library:
        return Finding("libharfbuzz-subset", library)
    return Finding("libharfbuzz-subset", messages.DOCTOR_NOT_FOUND, "apt-get install -y libharfbuzz-subset0")


def _weasyprint(pin: str) -> list[Finding]:
    try:
        version = importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return [Finding("WeasyPrint", messages.DOCTOR_NOT_FOUND, f"pip install weasyprint=={pin}")]
    if version != pin:
        return [Finding("WeasyPrint", version, f"pip install weasyprint=={pin}")]
    try:
        from weasyprint.text.ffi import pango
    except OSError as error:  # a system library is missing
        return [Finding("WeasyPrint", messages.DOCTOR_CANNOT_LOAD.format(version=version, error=error), PANGO_FIX)]
    number = pango.pango_version()
    pango_version = (number // 10000, number // 100 % 100, number % 100)
    shown = ".".join(map(str, pango_version))
    pango_finding = Finding("Pango", shown, "" if pango_version[:2] >= PANGO_MINIMUM else PANGO_FIX)
    return [Finding("WeasyPrint", version), pango_finding]


def _tools() -> list[Finding]:
    findings = []
    for program, (package, purpose) in TOOLS.items():
        subject = messages.DOCTOR_TOOL.format(program=program, purpose=purpose)
        path = shutil.which(program)
        findings.append(Finding(subject, path) if path else Finding(subject, messages.DOCTOR_NOT_FOUND, f"apt-get install -y {package}"))
    return findings


def font_families(styles: Path) -> dict[str, list[str]]:
    """Each font family the styles ask for -> the custom properties that name it."""
    families: dict[str, list[str]] = {}
    for stylesheet in sorted(styles.glob("*.css")):
        for prop, value in FONT_PROPERTY.findall(stylesheet.read_text(encoding="utf-8")):
            family = value.split(",")[0].strip().strip("'\"")
            families.setdefault(family, []).append(f"--{prop} in {stylesheet.name}")
    return families


def _fonts(styles: Path) -> list[Finding]:
    if not shutil.which("fc-list"):
        return [Finding("fontconfig (fc-list)", messages.DOCTOR_NOT_FOUND, "apt-get install -y fontconfig")]
    findings = []
    for family, where in font_families(styles).items():
        subject = messages.DOCTOR_FONT.format(family=family, where=", ".join(where))
        listing = subprocess.run(["fc-list", f":family={family}", "file"], capture_output=True, text=True, check=False)
        files = [line.split(":")[0] for line in listing.stdout.splitlines() if line.strip()]
        if files:
            findings.append(Finding(subject, messages.DOCTOR_FONT_FILES.format(count=len(files), folder=Path(files[0]).parent)))
        else:
            findings.append(Finding(subject, messages.DOCTOR_NOT_FOUND, f"apt-get install -y {font_package(family)}"))
    return findings


def _icc_profile(path: Path) -> Finding:
    if path.is_file() and path.stat().st_size > 0:
        return Finding("ICC profile", str(path))
    return Finding("ICC profile", messages.DOCTOR_NOT_FOUND_AT.format(path=path), ICC_FIX)
