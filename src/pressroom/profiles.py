"""The two files one build makes: `screen` (tagged PDF/UA, RGB, small) and `print`
(PDF/X with a CMYK output intent, bleed and crop marks, no RGB anywhere).

A profile changes only what the template adds and how the engine writes the file;
the text, notes and layout rules are the same for both.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import tinycss2
import tinycss2.color3
from PIL import Image

from pressroom import messages
from pressroom.icc import cmyk_profile_path, rgb_to_cmyk, rgb_to_cmyk_image
from pressroom.model import ReportSettings
from pressroom.preflight.pdfutil import PT_PER_MM
from pressroom.problems import Problem
from pressroom.resources import path_of_file_url

ProfileName = Literal["screen", "print"]
ProfileChoice = Literal["screen", "print", "both"]
PROFILE_CHOICES: tuple[ProfileChoice, ...] = ("both", "screen", "print")
PRINT_SUFFIX = "-print"
PRINT_PALETTE_PREFIX = "--print-"
MIN_MARK_OFFSET_MM = 3.0  # InDesign's default, as printers expect it
# Clear of the BleedBox: a renderer (Ghostscript on -dUseBleedBox) paints any pixel a stroke touches.
MARK_GAP_MM = 1.0
IMAGE_SRC = re.compile(r'(<img src=")(file://[^"]+)(")')


@dataclass(frozen=True)
class PrintSheet:
    """What lies around the trimmed page of the print file, drawn by the finisher: the engine
    caps the BleedBox at 10 pt and draws its marks inside the bleed (MediaBox = bleed box).
    Marks sit outside the BleedBox, `mark_offset_mm` from the trim (at least the bleed),
    the way InDesign draws them by default; the MediaBox grows to hold them."""

    bleed_mm: float
    marks: bool
    mark_offset_mm: float
    mark_length_mm: float = 5.0
    mark_width_pt: float = 0.25

    @property
    def bleed_pt(self) -> float:
        return self.bleed_mm * PT_PER_MM

    @property
    def media_margin_pt(self) -> float:
        """From the trim to the edge of the MediaBox."""
        return (self.mark_offset_mm + self.mark_length_mm) * PT_PER_MM if self.marks else self.bleed_pt


@dataclass(frozen=True)
class Profile:
    name: ProfileName
    pdf_variant: str
    output_intent: str | None = None  # the CSS colour space WeasyPrint writes as the OutputIntent
    sheet: PrintSheet | None = None  # bleed and marks, for a file that goes to press


def profiles_for(choice: ProfileChoice, settings: ReportSettings) -> tuple[Profile, ...]:
    screen = Profile("screen", "pdf/ua-1")
    options = settings.print
    sheet = PrintSheet(options.bleed_mm, options.marks, mark_offset_mm=max(options.bleed_mm, MIN_MARK_OFFSET_MM) + MARK_GAP_MM)
    printed = Profile("print", f"pdf/{options.standard}", "device-cmyk", sheet)
    return {"screen": (screen,), "print": (printed,), "both": (screen, printed)}[choice]


def output_paths(output: Path, choice: ProfileChoice) -> dict[ProfileName, Path]:
    """`-o out.pdf` names the screen file; the print file goes beside it as out-print.pdf.
    Asked for the print file alone, `-o` names it."""
    if choice == "print":
        return {"print": output}
    paths: dict[ProfileName, Path] = {"screen": output}
    if choice == "both":
        paths["print"] = output.with_name(f"{output.stem}{PRINT_SUFFIX}{output.suffix}")
    return paths


def profile_css(profile: Profile, settings: ReportSettings, stylesheets: tuple[Path, ...]) -> str:
    """CSS the profile adds after the style's own sheets: the page size for every page
    (named pages too), and for print the output intent, bleed, marks and CMYK colours."""
    page_size = f"@page {{ size: {settings.page_size}; }}"
    if profile.name == "screen":
        return page_size
    options = settings.print
    return "\n".join(
        [
            page_size,
            # The output intent: WeasyPrint embeds this profile and writes device-cmyk() as DeviceCMYK.
            f'@color-profile device-cmyk {{ src: url("{cmyk_profile_path().as_uri()}"); '
            "components: cyan, magenta, yellow, black; }",
            # The finisher draws the marks (PrintSheet): the engine's would sit inside the bleed.
            f"@page {{ bleed: {options.bleed_mm}mm; marks: none; }}",
            cmyk_overrides(stylesheets),
        ]
    )


def cmyk_overrides(stylesheets: tuple[Path, ...]) -> str:
    """Every colour custom property of the style in CMYK: the style's print palette where it
    gives one (`--print-NAME` for `--NAME`: solid black text, two inks for small coloured
    type), else converted with the print profile (neutral greys become black ink only)."""
    colours: dict[str, str] = {}
    palette: dict[str, str] = {}
    for name, value in _root_custom_properties(stylesheets):
        if name.startswith(PRINT_PALETTE_PREFIX):
            palette["--" + name.removeprefix(PRINT_PALETTE_PREFIX)] = value
            continue
        colour = tinycss2.color3.parse_color(value)
        if colour is not None and not isinstance(colour, str):
            c, m, y, k = rgb_to_cmyk(*(round(channel * 255) for channel in colour[:3]))
            colours[name] = f"device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f})"
    declarations = [f"{name}: {palette.get(name, value)};" for name, value in colours.items()]
    return ":root { " + " ".join(declarations) + " }\nhtml { color: var(--text, device-cmyk(0 0 0 1)); }"


def _root_custom_properties(stylesheets: tuple[Path, ...]) -> list[tuple[str, str]]:
    """(name, value) of every custom property the sheets declare on :root, in order."""
    found = []
    for path in stylesheets:
        rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
        for rule in rules:
            if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != ":root":
                continue
            for declaration in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if declaration.type == "declaration" and declaration.name.startswith("--"):
                    found.append((declaration.name, tinycss2.serialize(declaration.value).strip()))
    return found


def cmyk_images(html: str, workdir: Path) -> tuple[str, list[Problem]]:
    """Point every image at a CMYK copy made with the print profile (the screen file keeps RGB)."""
    problems: list[Problem] = []

    def convert(match: re.Match) -> str:
        source = path_of_file_url(match[2])
        # Named after the source, so a second layout (saddle-stitch padding) reuses the copy.
        digest = hashlib.sha1(str(source).encode()).hexdigest()[:12]
        target = workdir / f"{digest}-{source.stem}.jpg"
        if target.is_file():
            return f"{match[1]}{target.as_uri()}{match[3]}"
        try:
            with Image.open(source) as image:
                image.load()
                cmyk = image if image.mode == "CMYK" else rgb_to_cmyk_image(image)
                cmyk.save(target, "JPEG", quality=95, dpi=image.info.get("dpi", (300, 300)))
        except OSError as error:
            problems.append(Problem.at(messages.IMAGE_UNREADABLE.format(src=source.name, detail=error), source))
            return match[0]
        return f"{match[1]}{target.as_uri()}{match[3]}"

    return IMAGE_SRC.sub(convert, html), problems
