"""Reading a built PDF back with tools pressroom did not write: pdftotext and pypdf.

Used by the end-to-end tests, which must not trust pressroom's own audit.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float  # from the top of the page, as pdftotext gives it
    x1: float
    y1: float
    text: str

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: list[Word]


def pages(pdf: Path) -> list[Page]:
    """Every word of every page with its box, in pdftotext's reading order."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    result = []
    for number, match in enumerate(PAGE.finditer(xhtml), start=1):
        words = [
            Word(float(a), float(b), float(c), float(d), html.unescape(text))
            for a, b, c, d, text in WORD.findall(match[3])
        ]
        result.append(Page(number, float(match[1]), float(match[2]), words))
    return result


def note_positions(pdf: Path) -> dict[int, tuple[int, float]]:
    """Note number -> (page number, distance of the note's top from the page top), from named destinations."""
    return _destinations(pdf, "note")


def first_call_positions(pdf: Path) -> dict[int, tuple[int, float]]:
    """Note number -> (page, distance from the top) of its first call, from the named destination
    `call-N`: in the print file too, which keeps no link annotations."""
    return _destinations(pdf, "call")


def _destinations(pdf: Path, kind: str) -> dict[int, tuple[int, float]]:
    reader = pypdf.PdfReader(pdf)
    positions = {}
    for name, destination in reader.named_destinations.items():
        if match := re.fullmatch(rf"{kind}-(\d+)", name):
            page_index = reader.get_destination_page_number(destination)
            # From the MediaBox's top, as pdftotext measures: the print file's box starts below 0.
            top = float(reader.pages[page_index].mediabox.top)
            positions[int(match[1])] = (page_index + 1, top - float(destination.top))
    return positions


def call_pages(pdf: Path) -> dict[int, list[int]]:
    """Note number -> pages whose link annotations point at that note (its calls): the screen
    file only, as the print file carries no annotations."""
    reader = pypdf.PdfReader(pdf)
    calls: dict[int, list[int]] = {}
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            destination = str(annotation.get_object().get("/Dest", ""))
            if match := re.fullmatch(r"note-(\d+)", destination):
                calls.setdefault(int(match[1]), []).append(index + 1)
    return calls


def join_words(words: list[Word]) -> str:
    """Words as running text, joined by their geometry.

    Words closer than a space (a note call after its word) join without one; at a line end
    an automatic hyphen (U+2010) is dropped, a hard hyphen or slash kept, all without a space.
    """
    text = ""
    previous: Word | None = None
    for word in words:
        same_line = previous is not None and abs(word.middle - previous.middle) < 3
        if previous is None:
            text = word.text
        elif same_line:
            text += ("" if 0 <= word.x0 - previous.x1 < 1.0 else " ") + word.text
        elif text.endswith("\u2010"):
            text = text[:-1] + word.text
        elif text.endswith(("-", "/")) and not text.endswith(" -"):
            text += word.text
        else:
            text += " " + word.text
        previous = word
    return text


def in_lines(words: list[Word]) -> list[Word]:
    """Words re-read line by line, left to right (for text pdftotext reads as columns)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.middle):
        if lines and abs(word.middle - lines[-1][0].middle) < 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [word for line in lines for word in sorted(line, key=lambda w: w.x0)]


TYPOGRAPHIC = str.maketrans({**dict.fromkeys("“”„«»「」『』", '"'), **dict.fromkeys("‘’‚‹›", "'"),
                             "…": "...", "–": "--", "—": "---"})


def plain_typography(text: str) -> str:
    """Text with straight quotes, three dots and double hyphens, as a writer types them: the
    typographer prints the language's quotes, dashes and ellipses, never other words."""
    return text.translate(TYPOGRAPHIC)


def squash(text: str) -> str:
    """Text without spaces, hyphenation hyphens and the invisible joiners pressroom adds
    (U+2060 before a note call, U+200B break chances): none of them reach pdftotext.
    Quotes, dashes and ellipses are compared as typed (plain_typography)."""
    return plain_typography(re.sub(r"[\s\u200b\u2060]+", "", text).replace("\u2010", ""))
