"""Generator of a footnote stress document (deterministic, seeded).

Notes carry unique tokens so they can be found in the PDF text: the call is
preceded by ``REF0123`` and the note reads ``NOTE0123_START ... NOTE0123_END``, with
``M0123x05`` marking every 10th word so continued notes can be checked for gaps.
Calls sit in paragraphs, list items, blockquotes, table cells and headings.
Notes run from one line to half a page; every 40th note is 1-2 pages long.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

WORDS = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud "
    "exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure "
    "in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
    "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est "
    "laborum report figure table section annex budget survey region result"
).split()


@dataclass(frozen=True)
class Variant:
    name: str
    font_size: float  # pt
    line_height: float
    spacing: float  # em, paragraph bottom margin


VARIANTS = (
    Variant("9pt-tight", 9, 1.2, 0.3),
    Variant("10pt", 10, 1.35, 0.6),
    Variant("11pt-loose", 11, 1.5, 1.0),
    Variant("12pt", 12, 1.4, 0.8),
)


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _note_length(rng: random.Random, index: int) -> int:
    """Words in a note: mostly one-liners, some paragraphs, a few half pages."""
    if index % 40 == 39:
        return rng.randint(350, 650)  # longer than a page: must be continued
    r = rng.random()
    if r < 0.6:
        return rng.randint(3, 15)
    if r < 0.9:
        return rng.randint(20, 70)
    return rng.randint(120, 220)


class _Notes:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.markers: list[int] = []  # per note

    def call(self) -> str:
        i = len(self.markers)
        words = _words(self.rng, _note_length(self.rng, i)).split()
        self.markers.append(len(words) // 10)
        for k in range(1, len(words) // 10 + 1):
            words[10 * k - 1] = f"M{i:04d}x{k:03d}"
        body = " ".join(words)
        return (f' REF{i:04d}<span class="fn">NOTE{i:04d}_START {body} '
                f'NOTE{i:04d}_END</span>')


def _text_with_calls(rng: random.Random, notes: _Notes, words: int, calls: int) -> str:
    parts = [_words(rng, words // (calls + 1)) for _ in range(calls + 1)]
    out = parts[0]
    for part in parts[1:]:
        out += notes.call() + " " + part
    return out


@dataclass
class Document:
    html: str
    markers: list[int]  # markers per note

    @property
    def notes(self) -> int:
        return len(self.markers)


def make_document(variant: Variant, chapters: int = 24, seed: int = 7) -> Document:
    rng = random.Random(seed)
    notes = _Notes(rng)
    body: list[str] = []
    for chapter in range(chapters):
        body.append(f"<h1>Chapter {chapter + 1}</h1>")
        for section in range(3):
            heading_call = notes.call() if rng.random() < 0.3 else ""
            body.append(f"<h2>Section {chapter + 1}.{section + 1}{heading_call}</h2>")
            for _ in range(rng.randint(3, 5)):
                kind = rng.random()
                calls = rng.choice((0, 1, 1, 1, 2))
                if kind < 0.65:
                    body.append(f"<p>{_text_with_calls(rng, notes, rng.randint(40, 140), calls)}</p>")
                elif kind < 0.77:
                    items = "".join(
                        f"<li>{_text_with_calls(rng, notes, rng.randint(8, 30), rng.choice((0, 1)))}</li>"
                        for _ in range(rng.randint(2, 5)))
                    body.append(f"<ul>{items}</ul>")
                elif kind < 0.88:
                    body.append(
                        f"<blockquote><p>{_text_with_calls(rng, notes, rng.randint(30, 80), calls)}"
                        "</p></blockquote>")
                else:
                    rows = "".join(
                        "<tr>" + "".join(
                            f"<td>{_text_with_calls(rng, notes, rng.randint(3, 12), int(rng.random() < 0.25))}</td>"
                            for _ in range(3)) + "</tr>"
                        for _ in range(rng.randint(2, 6)))
                    body.append(f"<table>{rows}</table>")
    css = f"""
@page {{ size: A5; margin: 18mm 15mm;
  @footnote {{ border-top: .5pt solid; margin-top: 8pt; padding-top: 4pt }} }}
body {{ font: {variant.font_size}pt/{variant.line_height} "DejaVu Serif"; }}
p, ul, blockquote, table {{ margin: 0 0 {variant.spacing}em 0; }}
h1 {{ break-before: page; font-size: 1.6em; }}
h2 {{ font-size: 1.2em; }}
table {{ border-collapse: collapse; width: 100%; }}
td {{ border: .5pt solid; padding: 2pt; vertical-align: top; }}
.fn {{ float: footnote; footnote-policy: line; font: {variant.font_size * 0.8:.2f}pt/1.25 "DejaVu Serif"; }}
"""
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<style>{css}</style></head><body>{''.join(body)}</body></html>")
    return Document(html, notes.markers)


@dataclass
class Placement:
    """Where each note ended up in the PDF, read back from per-page text."""

    notes: int
    on_call_page: list[int]
    continued: list[int]  # start on the call page, end on a later page
    misplaced: dict[int, tuple[list[int], list[int], list[int]]]  # (refs, starts, ends)

    @property
    def ratio_on_call_page(self) -> float:
        return len(self.on_call_page) / self.notes


def check_placement(pages: list[str], document: Document) -> Placement:
    """A note is well placed when its call, start and end are each printed once, it
    starts on its call's page and its markers run in order from start to end page."""
    found: dict[str, dict[int, list[int]]] = {"REF": {}, "START": {}, "END": {}}
    markers: dict[int, list[tuple[int, int]]] = {}  # note -> [(page, marker)]
    for number, text in enumerate(pages, 1):
        for kind, pattern in (("REF", r"REF(\d{4})"), ("START", r"NOTE(\d{4})_START"),
                              ("END", r"NOTE(\d{4})_END")):
            for match in re.findall(pattern, text):
                found[kind].setdefault(int(match), []).append(number)
        for note, marker in re.findall(r"M(\d{4})x(\d{3})", text):
            markers.setdefault(int(note), []).append((number, int(marker)))
    result = Placement(document.notes, [], [], {})
    for i in range(document.notes):
        refs, starts, ends = (found[kind].get(i, []) for kind in ("REF", "START", "END"))
        marks = markers.get(i, [])
        if (len(refs) == len(starts) == len(ends) == 1 and starts[0] == refs[0] and
                [m for _, m in marks] == list(range(1, document.markers[i] + 1)) and
                all(starts[0] <= page <= ends[0] for page, _ in marks) and
                [page for page, _ in marks] == sorted(page for page, _ in marks)):
            if ends[0] == starts[0]:
                result.on_call_page.append(i)
                continue
            if ends[0] > starts[0]:
                result.on_call_page.append(i)
                result.continued.append(i)
                continue
        result.misplaced[i] = (refs, starts, ends)
    return result
