"""The two files one build makes: `screen` (tagged PDF/UA, RGB, small) and `print`
(PDF/X with a CMYK output intent, bleed and crop marks, no RGB anywhere).

A profile changes only what the template adds and how the engine writes the file;
the text, notes and layout rules are the same for both.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
import tinycss2
import tinycss2.color3
from PIL import Image

from pressroom import messages
from pressroom.images import SVG_SUFFIX, eight_bit
from pressroom.icc import cmyk_profile_path, rgb_to_cmyk, rgb_to_cmyk_image
from pressroom.model import ReportSettings
from pressroom.units import PT_PER_MM
from pressroom.problems import Problem
from pressroom.profile_names import ProfileChoice, ProfileName
from pressroom.resources import mount_url, path_of_file_url, unmounted

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
    """Every colour the print file can show, in CMYK: the style's print palette where it gives
    one (`--print-NAME` for `--NAME`: solid black text, two inks for small coloured type), else
    the style's colour custom properties converted with the print profile (neutral greys become
    black ink only); and the engine's own default colours."""
    colours: dict[str, str] = {}
    palette: dict[str, str] = {}
    for path in stylesheets:
        for selector, declaration in _declarations(path.read_text(encoding="utf-8")):
            if selector != ":root" or not declaration.name.startswith("--"):
                continue
            if declaration.name.startswith(PRINT_PALETTE_PREFIX):
                palette["--" + declaration.name.removeprefix(PRINT_PALETTE_PREFIX)] = tinycss2.serialize(declaration.value).strip()
            elif (value := _cmyk_value(declaration.value)) is not None:
                colours[declaration.name] = value
    declarations = [f"{name}: {palette.get(name, value)};" for name, value in colours.items()]
    return "\n".join(
        [
            ":root { " + " ".join(declarations) + " }",
            "html { color: var(--text, device-cmyk(0 0 0 1)); }",
            engine_default_colours(),
        ]
    )


@functools.cache
def engine_default_colours() -> str:
    """The engine's user-agent colours (link blue, grey rules and table borders, form controls...)
    in CMYK. Wrapped in :where(), so they weigh nothing and any rule of the style still wins.
    3D borders (inset, groove...) become solid: the engine shades them in RGB whatever the colour."""
    rules = []
    for selector, declaration in _declarations(_engine_stylesheet()):
        value = _cmyk_value(declaration.value)
        if value is None and declaration.lower_name in ("border", "border-style"):
            value = tinycss2.serialize(declaration.value).strip()
        if value is None:
            continue
        value = THREE_D_BORDER.sub("solid", value)
        rules.append(f"{_weightless(selector)} {{ {declaration.name}: {value}; }}")
    return "\n".join(rules)


THREE_D_BORDER = re.compile(r"\b(inset|outset|groove|ridge)\b")
PSEUDO_ELEMENT = re.compile(r"^(.*?)((?:::?(?:before|after|marker|first-line|first-letter))?)$", re.S)


def _engine_stylesheet() -> str:
    """The engine's own stylesheet, read where it is installed: importing the engine to find it
    would load it into the process that only reads the report."""
    engine = importlib.util.find_spec("weasyprint")
    assert engine is not None and engine.origin is not None, "weasyprint is a dependency"
    return (Path(engine.origin).parent / "css" / "html5_ua.css").read_text(encoding="utf-8")


def _declarations(css: str) -> Iterator[tuple[str, tinycss2.ast.Declaration]]:
    """(selector list, declaration) for every declaration of the sheet's top-level rules."""
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(rule.prelude).strip()
        for declaration in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
            if declaration.type == "declaration":
                yield selector, declaration


def _weightless(selectors: str) -> str:
    """`a:link, hr::before` -> `:where(a:link), :where(hr)::before` (a pseudo-element stays outside)."""
    parts = []
    for selector in _top_level_split(selectors):
        match = PSEUDO_ELEMENT.match(selector.strip())
        parts.append(f":where({match[1]}){match[2]}" if match[1] else selector.strip())
    return ", ".join(parts)


def _top_level_split(selectors: str) -> list[str]:
    parts, current = [], []
    for token in tinycss2.parse_component_value_list(selectors):
        if token.type == "literal" and token.value == ",":
            parts.append(tinycss2.serialize(current))
            current = []
        else:
            current.append(token)
    return [*parts, tinycss2.serialize(current)]


def _cmyk_value(tokens: list) -> str | None:
    """The value with every opaque RGB colour in it written as device-cmyk(); None if it has none."""
    converted, changed = [], False
    for token in tokens:
        colour = tinycss2.color3.parse_color(token)
        if colour is None or isinstance(colour, str) or colour.alpha == 0:
            converted.append(tinycss2.serialize([token]))
            continue
        c, m, y, k = rgb_to_cmyk(*(round(channel * 255) for channel in colour[:3]))
        converted.append(f"device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f})")
        changed = True
    return "".join(converted).strip() if changed else None


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
