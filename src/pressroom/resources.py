"""Where pressroom's own files live: styles, templates, organisations, schema."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote, urlsplit

# What urllib.request.url2pathname is, without importing urllib.request (8 MB: http, email, ssl).
if os.name == "nt":
    from nturl2path import url2pathname
else:
    from urllib.parse import unquote as url2pathname

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
    return sorted(p.parent.name for p in organisations_dir().glob("*/en.md"))


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


# The engine sees every folder it reads under a fixed name (file:///pressroom/report/...), never
# where it lies on the writer's machine: the PDF's bytes (WeasyPrint names images by a hash of
# their URL) then do not depend on the folder a report is built in.
MOUNT = "file:///pressroom/"
REPORT_MOUNT = "report"
ORGANISATIONS_MOUNT = "organisations"


def mounted_url(root: Path, path: Path) -> str:
    """The engine's URL for `path`, a file inside `root` (the report or organisations folder)."""
    name = ORGANISATIONS_MOUNT if root.resolve() == organisations_dir() else REPORT_MOUNT
    return mount_url(name, path.resolve().relative_to(root.resolve()).as_posix())


def mount_url(name: str, relative: str) -> str:
    return f"{MOUNT}{name}/{quote(relative)}"


def source_mounts(report_root: Path) -> dict[str, Path]:
    return {REPORT_MOUNT: report_root.resolve(), ORGANISATIONS_MOUNT: organisations_dir()}


def unmounted(url: str, mounts: dict[str, Path]) -> str:
    """The real file: URL behind a mounted one (other URLs unchanged)."""
    if not url.startswith(MOUNT):
        return url
    name, _, rest = url.removeprefix(MOUNT).partition("/")
    root = mounts.get(name)
    return url if root is None else root.as_uri() + "/" + rest


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

