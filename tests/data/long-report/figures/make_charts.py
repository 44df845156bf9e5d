"""Draws the sample report's charts with Pillow at 300 ppi (run: python make_charts.py).
The numbers are those quoted in the text, with their sources in the captions."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
WIDTH = 1650  # 140 mm at 300 ppi: the text block's width
ACCENT, MUTED, TEXT, TINT = (11, 92, 140), (94, 94, 94), (34, 34, 34), (218, 230, 239)
FONTS = Path("/usr/share/fonts/truetype/noto")


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")), size)


def bars(name: str, items: list[tuple[str, float]], unit: str = "%") -> None:
    """Horizontal bars, one a row, labelled on the left, value at the bar's end."""
    row, left = 150, 620
    image = Image.new("RGB", (WIDTH, row * len(items) + 60), "white")
    draw = ImageDraw.Draw(image)
    span = WIDTH - left - 160
    for index, (label, value) in enumerate(items):
        top = 30 + index * row
        draw.text((0, top + 28), label, fill=TEXT, font=font(40))
        draw.rectangle([left, top + 20, left + span * value / 100, top + 100], fill=ACCENT)
        draw.text((left + span * value / 100 + 16, top + 30), f"{value:g}{unit}", fill=TEXT, font=font(44, bold=True))
    draw.line([left, 20, left, row * len(items) + 40], fill=MUTED, width=3)
    image.save(HERE / f"{name}.png", dpi=(300, 300))


def matrix() -> None:
    """The Turing Way's matrix: same or different data against same or different analysis."""
    image = Image.new("RGB", (WIDTH, 900), "white")
    draw = ImageDraw.Draw(image)
    left, top, cell_w, cell_h = 420, 140, 600, 360
    cells = {(0, 0): "Reproducible", (1, 0): "Replicable", (0, 1): "Robust", (1, 1): "Generalisable"}
    draw.text((left + 170, 20), "Same data", fill=MUTED, font=font(40, bold=True))
    draw.text((left + cell_w + 110, 20), "Different data", fill=MUTED, font=font(40, bold=True))
    draw.text((0, top + 140), "Same analysis", fill=MUTED, font=font(40, bold=True))
    draw.text((0, top + cell_h + 140), "Different analysis", fill=MUTED, font=font(40, bold=True))
    for (column, line), label in cells.items():
        x, y = left + column * (cell_w + 20), top + line * (cell_h + 20)
        fill = ACCENT if (column, line) == (0, 0) else TINT
        draw.rectangle([x, y, x + cell_w, y + cell_h], fill=fill)
        colour = "white" if fill == ACCENT else ACCENT
        box = draw.textbbox((0, 0), label, font=font(56, bold=True))
        draw.text((x + (cell_w - box[2]) / 2, y + (cell_h - box[3]) / 2), label, fill=colour, font=font(56, bold=True))
    image.save(HERE / "matrix.png", dpi=(300, 300))


if __name__ == "__main__":
    matrix()
    bars("reproduced", [("Psychology (100 studies)", 36), ("Cancer biology (53 studies)", 11)])
    bars("sharing", [("Organising data", 46), ("Copyright, licensing", 37), ("Choosing a repository", 33)])
    bars("open-access", [("Open Access", 28), ("Subscription only", 72)])
