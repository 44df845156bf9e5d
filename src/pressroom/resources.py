"""Where pressroom's own files live: styles, templates, organisations, schema."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from pressroom.messages import DOCTOR_FONT_PACKAGE

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
    return sorted(p.stem for p in organisations_dir().glob("*.md"))


def path_of_file_url(url: str) -> Path | None:
    """The absolute local path a file: URL names (query and fragment dropped), or None when
    it names none on this machine: a host (localhost, an IP, a UNC share), a relative path,
    a NUL byte."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() != "file" or parts.netloc or parts.path.startswith("//"):
        return None
    path = Path(url2pathname(parts.path))
    return path if path.is_absolute() and "\0" not in str(path) else None


def confined_path(url: str, roots: tuple[Path, ...]) -> Path | None:
    """The real file a file: URL names (symlinks resolved) when it lies inside one of the
    (resolved) roots; None for any other URL. The one gate for everything the engine reads."""
    path = path_of_file_url(url)
    if path is None:
        return None
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return None
    return real if any(real.is_relative_to(root) for root in roots) else None


# The Debian package of each font family the styles use (for doctor and the audit's advice).
FONT_PACKAGES = {
    "Charis SIL": "fonts-sil-charis",
    "Noto Sans": "fonts-noto-core",
    "Noto Serif": "fonts-noto-core",
    "Noto Sans Mono": "fonts-noto-mono",
}


def font_package(family: str) -> str:
    return FONT_PACKAGES.get(family, DOCTOR_FONT_PACKAGE.format(family=family))
