"""`pressroom new`: a small report folder, from starter/KIND, that builds on the first try."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import jinja2
from PIL import Image, ImageDraw

from pressroom import messages
from pressroom.problems import Problem
from pressroom.resources import PACKAGE_DIR, report_kinds
from pressroom.settings_schema import SCHEMA_FILE

STARTER_DIR = PACKAGE_DIR / "starter"
TEMPLATE_SUFFIX = ".j2"
FIGURE = "figure.png"
# Wide enough that, scaled to the 166 mm text block, it prints at about 367 ppi (print needs 300).
FIGURE_SIZE = (2400, 700)
BAR_HEIGHTS = (0.35, 0.48, 0.55, 0.71, 0.9)


def kinds() -> list[str]:
    return report_kinds()


def new_report(folder: Path, kind: str, today: datetime.date) -> tuple[list[Path], list[Problem]]:
    """Write the starter files into `folder` (new or empty); return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return [], [Problem.at(messages.NEW_FOLDER_NOT_EMPTY, folder)]
    starter = STARTER_DIR / kind
    folder.mkdir(parents=True, exist_ok=True)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(starter),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html"]),  # these are YAML and Markdown, not HTML
        keep_trailing_newline=True,
    )
    written = []
    for template in sorted(starter.iterdir()):
        if template.suffix == TEMPLATE_SUFFIX:
            target = folder / template.stem
            text = environment.get_template(template.name).render(schema=SCHEMA_FILE.as_posix(), date=today.isoformat())
            target.write_text(text, encoding="utf-8")
        else:
            target = folder / template.name
            shutil.copyfile(template, target)
        written.append(target)
    written.append(draw_figure(folder / FIGURE))
    return written, []


def draw_figure(path: Path) -> Path:
    """A plain bar chart, so the example has a real picture without shipping a binary file."""
    width, height = FIGURE_SIZE
    image = Image.new("RGB", FIGURE_SIZE, "white")
    draw = ImageDraw.Draw(image)
    baseline, slot = int(height * 0.92), width // len(BAR_HEIGHTS)
    for index, share in enumerate(BAR_HEIGHTS):
        left = index * slot + slot // 5
        draw.rectangle((left, baseline - int(share * baseline), left + slot * 3 // 5, baseline), fill=(0, 92, 151))
    draw.rectangle((0, baseline, width, baseline + 6), fill=(60, 60, 60))
    image.save(path, dpi=(300, 300))
    return path
