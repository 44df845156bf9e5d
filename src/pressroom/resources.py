"""Where pressroom's own files live: styles, templates, organisations, schema."""

from __future__ import annotations

from pathlib import Path
from urllib.request import url2pathname

from pressroom.messages import DOCTOR_FONT_PACKAGE

PACKAGE_DIR = Path(__file__).resolve().parent


def styles_dir() -> Path:
    """The styles folder: shipped inside the wheel, or the checkout's top-level styles/."""
    for candidate in (PACKAGE_DIR / "styles", PACKAGE_DIR.parent.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("pressroom's styles folder is missing from the installation")


def report_kinds() -> list[str]:
    """The kinds of report `pressroom new` can start (its starter folders)."""
    return sorted(path.name for path in (PACKAGE_DIR / "starter").iterdir() if path.is_dir())


def templates_dir() -> Path:
    return PACKAGE_DIR / "templates"


def organisations_dir() -> Path:
    return PACKAGE_DIR / "organisations"


def available_styles() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.css") if not p.stem.startswith("_"))


def available_organisations() -> list[str]:
    return sorted(p.stem for p in organisations_dir().glob("*.md"))


def path_of_file_url(url: str) -> Path:
    """The local path of a file:// URL (query and fragment dropped)."""
    return Path(url2pathname(url.split("?")[0].split("#")[0].removeprefix("file://").removeprefix("file:")))


# The Debian package of each font family the styles use (for doctor and the audit's advice).
FONT_PACKAGES = {
    "Charis SIL": "fonts-sil-charis",
    "Noto Sans": "fonts-noto-core",
    "Noto Serif": "fonts-noto-core",
    "Noto Sans Mono": "fonts-noto-mono",
}


def font_package(family: str) -> str:
    return FONT_PACKAGES.get(family, DOCTOR_FONT_PACKAGE.format(family=family))
