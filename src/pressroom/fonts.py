"""Which fonts a report needs: the writing systems in its text, and the font the style names
for each. The style declares them (styles/report.css, `--serif-Thai: "Noto Serif Thai"`);
this module puts the report language's own first in each font stack, finds where each
script first appears in the source, and says which font is missing and which package has it.
The audit then accepts exactly the fonts of the plan.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from typing import TYPE_CHECKING

from pressroom import messages
from pressroom.problems import Problem

if TYPE_CHECKING:  # the layout process reads this module for its font check, without them
    from pressroom.language import Language

ROLES = ("serif", "sans", "mono")
# `--serif: ...` (the base, for Latin, Greek and Cyrillic) or `--serif-Thai: ...` (one script).
DECLARATION = re.compile(r"--(serif|sans|mono)(?:-([A-Z][a-z]{3}))?\s*:\s*([^;]+);")
# Scripts the base fonts (Charis SIL, Noto Sans) cover, and characters every script shares.
BASE_SCRIPTS = frozenset({"Latn", "Grek", "Cyrl"})
SHARED_SCRIPTS = frozenset({"Zyyy", "Zinh", "Zzzz"})
# Fonts for the symbols all scripts share (maths, arrows, dingbats): last in every stack,
# since fontTools files those characters under no script of their own.
SYMBOL_SCRIPTS = ("Zmth", "Zsym")
# The Debian package of a font family: the families the styles use, then by name.
FONT_PACKAGES = {
    "Charis SIL": "fonts-sil-charis",
    "Noto Sans Mono": "fonts-noto-mono",
}
PACKAGE_BY_PATTERN = ((re.compile(r"^Noto (Sans|Serif)( Mono)? CJK "), "fonts-noto-cjk"), (re.compile(r"^Noto "), "fonts-noto-core"))


@dataclass(frozen=True)
class Passage:
    """A piece of the report's text and where it starts (1-based line and column)."""

    path: Path
    text: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Place:
    """Where a script first appears: file:line:column and the character found there."""

    path: Path
    line: int
    column: int
    character: str


@dataclass(frozen=True)
class FontPlan:
    """The font stacks of one report (role -> families, first choice first) and the scripts
    they serve. Every family in the stacks is one the style declared."""

    stacks: dict[str, tuple[str, ...]]
    scripts: tuple[str, ...]

    @property
    def families(self) -> frozenset[str]:
        return frozenset(family for stack in self.stacks.values() for family in stack)

    def css(self) -> str:
        """The custom properties the stylesheets set their fonts through, with these stacks."""
        declarations = " ".join(f"--{role}: {', '.join(_quoted(f) for f in stack)};" for role, stack in self.stacks.items())
        return f":root {{ {declarations} }}"


def declared_fonts(stylesheets: Iterable[Path]) -> dict[tuple[str, str], str]:
    """(role, script) -> the family the styles name for it; script "" is the base font."""
    declared: dict[tuple[str, str], str] = {}
    for stylesheet in stylesheets:
        for role, script, value in DECLARATION.findall(stylesheet.read_text(encoding="utf-8")):
            declared[(role, script)] = value.split(",")[0].strip().strip("'\"")
    return declared


def scripts_in(passages: Iterable[Passage], language: Language) -> dict[str, Place]:
    """Each writing system of the text (as `language` writes it) -> where it first appears."""
    from fontTools.unicodedata import script as unicode_script  # large tables: load where used

    found: dict[str, Place] = {}
    for passage in passages:
        for number, line in enumerate(passage.text.split("\n")):
            start = passage.column if number == 0 else 1
            for index, character in enumerate(line):
                script = unicode_script(character)
                if script in SHARED_SCRIPTS:
                    continue
                script = language.writing_system(script)
                if script not in found:
                    found[script] = Place(passage.path, passage.line + number, start + index, character)
    return found


def plan_fonts(
    scripts: dict[str, Place], language: Language, declared: dict[tuple[str, str], str], style: str
) -> tuple[FontPlan, list[Problem]]:
    """The stacks for the scripts of the text, the language's own script first, and one problem
    for each script the style has no font for or whose font is not installed."""
    own = language.script
    ordered = sorted((s for s in scripts if s not in BASE_SCRIPTS), key=lambda s: (s != own, s))
    problems = []
    stacks: dict[str, list[str]] = {role: [declared[(role, "")]] for role in ROLES if (role, "") in declared}
    for script in ordered:
        place = scripts[script]
        families = [declared[(role, script)] for role in ROLES if (role, script) in declared]
        if not families:
            problems.append(_problem(messages.FONT_NO_SCRIPT, place, script=script_name(script), style=style))
            continue
        missing = [family for family in dict.fromkeys(families) if not font_installed(family)]
        if missing:
            packages = " ".join(dict.fromkeys(font_package(f) for f in missing))
            listed = ", ".join(f"'{family}'" for family in missing)
            problems.append(_problem(messages.FONT_SCRIPT_MISSING, place, script=script_name(script), fonts=listed, package=packages))
            continue
        for role in ROLES:
            # Code (mono) in another script is set in that script's sans-serif font.
            family = declared.get((role, script)) or declared.get(("sans", script))
            if family and role in stacks:
                stack = stacks[role]
                stack.insert(0 if script == own and role != "mono" else len(stack), family)
    for role, stack in stacks.items():
        stack += [declared[(role, s)] for s in SYMBOL_SCRIPTS if (role, s) in declared and font_installed(declared[(role, s)])]
    plan = FontPlan({role: tuple(dict.fromkeys(stack)) for role, stack in stacks.items()}, tuple(scripts))
    return plan, problems


def script_name(code: str) -> str:
    """The script's name in English, from CLDR (Thai, Arabic, Simplified Han, Nastaliq...)."""
    from babel import Locale  # CLDR data: load where used, not in the layout process

    name = Locale("en").scripts.get(code, code)
    return f"{name} Han" if code in ("Hans", "Hant") else name


def font_package(family: str) -> str:
    if family in FONT_PACKAGES:
        return FONT_PACKAGES[family]
    return next((package for pattern, package in PACKAGE_BY_PATTERN if pattern.match(family)), messages.DOCTOR_FONT_PACKAGE.format(family=family))


@cache
def font_installed(family: str) -> bool:
    """Whether fontconfig (which WeasyPrint uses) has a font of exactly this family."""
    listing = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True, text=True, check=False)
    return bool(listing.stdout.strip())


def _problem(template: str, place: Place, **values: str) -> Problem:
    return Problem.at(template.format(character=place.character, **values), place.path, place.line, place.column)


def _quoted(family: str) -> str:
    return '"' + family.replace('"', "") + '"'
