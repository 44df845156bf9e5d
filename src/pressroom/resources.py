"""Where pressroom's own files live: styles, templates, organisations, schema."""

from __future__ import annotations

from pathlib import Path
from urllib.request import url2pathname

PACKAGE_DIR = Path(__file__).resolve().parent


def styles_dir() -> Path:
    """The styles folder: shipped inside the wheel, or the checkout's top-level styles/."""
    for candidate in (PACKAGE_DIR / "styles", PACKAGE_DIR.parent.parent / "styles"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("pressroom's styles folder is missing from the installation")


def templates_dir() -> Path:
    return PACKAGE_DIR / "templates"


def organisations_dir() -> Path:
    return PACKAGE_DIR / "organisations"


def available_styles() -> list[str]:
    return sorted(p.stem for p in styles_dir().glob("*.css") if not p.stem.startswith("_"))


def available_organisations() -> list[str]:
    return sorted(p.parent.name for p in organisations_dir().glob("*/en.md"))


def path_of_file_url(url: str) -> Path:
    """The local path of a file:// URL (query and fragment dropped)."""
    return Path(url2pathname(url.split("?")[0].split("#")[0].removeprefix("file://").removeprefix("file:")))
