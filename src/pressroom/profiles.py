"""The two files one build makes: `screen` (tagged PDF/UA, RGB, small) and `print`
(PDF/X with a CMYK output intent, bleed and crop marks, no RGB anywhere).

A profile changes only what the template adds and how the engine writes the file;
the text, notes and layout rules are the same for both.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import tinycss2
import tinycss2.color3
from PIL import Image

from pressroom import messages
from pressroom.images import SVG_SUFFIX, eight_bit
from pressroom.icc import cmyk_profile_path, rgb_to_cmyk, rgb_to_cmyk_image
from pressroom.model import ReportSettings
from pressroom.problems import Problem
from pressroom.resources import mount_url, path_of_file_url, unmounted

ProfileName = Literal["screen", "print"]
ProfileChoice = Literal["screen", "print", "both"]
PROFILE_CHOICES: tuple[ProfileChoice, ...] = ("both", "screen", "print")
PRINT_SUFFIX = "-print"
IMAGE_SRC = re.compile(r'(<img src=")(file://[^"]+)(")')


@dataclass(frozen=True)
class Profile:
    name: ProfileName
    pdf_variant: str
    output_intent: str | None = None  # the CSS colour space WeasyPrint writes as the OutputIntent


def profiles_for(choice: ProfileChoice, settings: ReportSettings) -> tuple[Profile, ...]:
    screen = Profile("screen", "pdf/ua-1")
    printed = Profile("print", f"pdf/{settings.print.standard}", "device-cmyk")
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
    marks = "crop" if options.marks else "none"
    return "\n".join(
        [
            page_size,
            # The output intent: WeasyPrint embeds this profile and writes device-cmyk() as DeviceCMYK.
            f'@color-profile device-cmyk {{ src: url("{cmyk_profile_path().as_uri()}"); '
            "components: cyan, magenta, yellow, black; }",
            f"@page {{ bleed: {options.bleed_mm}mm; marks: {marks}; }}",
            cmyk_overrides(stylesheets),
        ]
    )


def cmyk_overrides(stylesheets: tuple[Path, ...]) -> str:
    """Every colour custom property of the style, converted to CMYK with the print profile.
    Neutral greys become black ink only, so text prints in K."""
    declarations = []
    for path in stylesheets:
        rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
        for rule in rules:
            if rule.type != "qualified-rule" or tinycss2.serialize(rule.prelude).strip() != ":root":
                continue
            for declaration in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if declaration.type != "declaration" or not declaration.name.startswith("--"):
                    continue
                colour = tinycss2.color3.parse_color(tinycss2.serialize(declaration.value).strip())
                if colour is None or isinstance(colour, str):
                    continue
                c, m, y, k = rgb_to_cmyk(*(round(channel * 255) for channel in colour[:3]))
                declarations.append(f"{declaration.name}: device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f});")
    return ":root { " + " ".join(declarations) + " }\nhtml { color: var(--text, device-cmyk(0 0 0 1)); }"


def cmyk_images(html: str, workdir: Path, mounts: dict[str, Path] | None = None) -> tuple[str, list[Problem]]:
    """Point every image at a CMYK copy made with the print profile (the screen file keeps RGB).
    The copies are named by the image's place in its (mounted) folder, and the engine reads
    them as mounted too, so the print file does not depend on where the report lies."""
    problems: list[Problem] = []

    def convert(match: re.Match) -> str:
        source = path_of_file_url(unmounted(match[2], mounts or {}))
        if source is None:  # not a file the Markdown stage checked: the fetcher judges it
            return match[0]
        # Named after the source, so a second layout (saddle-stitch padding) reuses the copy.
        digest = hashlib.sha1(match[2].encode()).hexdigest()[:12]
        drawing = source.suffix.lower() == SVG_SUFFIX
        target = workdir / f"{digest}-{source.stem}{SVG_SUFFIX if drawing else '.jpg'}"
        url = mount_url(workdir.name, target.name)
        if target.is_file():
            return f"{match[1]}{url}{match[3]}"
        try:
            if drawing:  # the engine draws it: a copy with CMYK colours, not a bitmap
                target.write_bytes(cmyk_svg(source.read_bytes()))
                return f"{match[1]}{url}{match[3]}"
            with Image.open(source) as opened:
                opened.load()
                image = eight_bit(opened)
                cmyk = image if image.mode == "CMYK" else rgb_to_cmyk_image(image)
                cmyk.save(target, "JPEG", quality=95, dpi=opened.info.get("dpi", (300, 300)))
        except (OSError, ElementTree.ParseError) as error:
            problems.append(Problem.at(messages.IMAGE_UNREADABLE.format(src=source.name, detail=error), source))
            return match[0]
        return f"{match[1]}{url}{match[3]}"

    return IMAGE_SRC.sub(convert, html), problems


SVG_COLOUR_PROPERTIES = ("fill", "stroke", "stop-color", "flood-color", "lighting-color", "color")


def cmyk_svg(data: bytes) -> bytes:
    """An SVG drawing with every colour written as device-cmyk() through the print profile;
    black is the default fill, so the drawing's root gets it in CMYK too."""
    ElementTree.register_namespace("", "http://www.w3.org/2000/svg")
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ElementTree.fromstring(data)
    root.set("fill", root.get("fill", "black"))
    for element in root.iter():
        for name in SVG_COLOUR_PROPERTIES:
            if name in element.attrib:
                element.set(name, _cmyk_colour(element.get(name, "")))
        if "style" in element.attrib:
            declarations = [part.partition(":") for part in element.get("style", "").split(";")]
            element.set("style", ";".join(
                f"{key}:{_cmyk_colour(value) if key.strip() in SVG_COLOUR_PROPERTIES else value}" if colon else key
                for key, colon, value in declarations
            ))
    return ElementTree.tostring(root)


def _cmyk_colour(value: str) -> str:
    colour = tinycss2.color3.parse_color(value.strip())
    if colour is None or isinstance(colour, str):  # none, currentColor, url(#gradient)...
        return value
    c, m, y, k = rgb_to_cmyk(*(round(channel * 255) for channel in colour[:3]))
    return f"device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f})"
