"""The typed model of a report: what validation produces and every later stage reads."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pressroom.fonts import FontPlan
from pressroom.language import Language


class PrintSettings(BaseModel):
    """How the print file is made (report.yaml's `print:` section)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    standard: Literal["x-4", "x-1a"] = Field("x-4", description="PDF/X standard of the print file.")
    # WeasyPrint caps the BleedBox at 10 pt (3.5 mm).
    bleed_mm: float = Field(3.0, ge=0, le=3.5, description="Bleed around the trimmed page, in millimetres.")
    marks: bool = Field(True, description="Crop marks outside the trim.")
    binding: Literal["none", "saddle-stitch"] = Field(
        "none", description="saddle-stitch pads the page count to a multiple of 4 with blank pages before the back page."
    )
    max_ink: float = Field(300.0, ge=100, le=400, description="Maximum total ink coverage (C+M+Y+K), in per cent.")


class ReportSettings(BaseModel):
    """The facts in report.yaml (or a Markdown file's front matter)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, description="The report's title, as printed on the first page.")
    subtitle: str | None = Field(None, description="An optional line under the title.")
    kind: str = Field("Report", min_length=1, description='The kind of document, shown above the title, e.g. "Briefing paper".')
    organisation: str = Field(description="The publishing organisation's id, e.g. ecpat-international.")
    date: datetime.date = Field(description="Publication date, YYYY-MM-DD. Also the PDF's creation date.")
    language: str = Field(
        "en",
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
        description="Language tag of the text (en, en-GB, fr, es...): used for hyphenation and accessibility.",
    )
    direction: Literal["ltr", "rtl"] | None = Field(
        None, description="Writing direction: ltr or rtl. Leave it out to follow the language (ar, fa, ur, he... are rtl)."
    )
    short_title: str | None = Field(
        None, min_length=1, description="A shorter title for the running head at the top of each page, when the title is long."
    )
    page_size: Literal["A4", "Letter"] = Field("A4", description="Trimmed page size.")
    style: str = Field("report", description="The stylesheet in styles/ to use.")
    files: list[str] = Field(default_factory=list, description="The Markdown files, in reading order.")
    subject: str | None = Field(None, description="A one-sentence summary, stored in the PDF's metadata.")
    # The engine compares each keyword with every other: thousands would take minutes.
    keywords: list[str] = Field(default_factory=list, max_length=100, description="Keywords stored in the PDF's metadata (at most 100).")
    print: PrintSettings = Field(default_factory=PrintSettings, description="Options for the print file.")
    cover: str | None = Field(None, description="A designer's cover PDF (in the report folder), placed before the report's pages.")
    letterhead: str | None = Field(None, description="A one-page PDF (in the report folder) laid under the report's pages.")
    letterhead_pages: Literal["all", "first"] = Field("all", description="Lay the letterhead under every page, or the first only.")
    note_numbering: Literal["report", "chapter"] = Field(
        "report", description="Number the notes 1..N through the whole report, or from 1 again in each chapter (# heading)."
    )
    acronyms: dict[str, str] = Field(
        default_factory=dict, description="Acronyms and what they stand for, listed after the contents (e.g. NGO: Non-governmental organisation)."
    )
    key_messages: list[str] = Field(
        default_factory=list, max_length=8, description="Key messages, printed in a box on the first page (a few short sentences)."
    )
    isbn: str | None = Field(None, min_length=10, description="The ISBN, printed on the back page, e.g. 978-616-8019-00-0.")
    licence: str | None = Field(
        None, min_length=1, description="The licence or copyright line for the back page, when it differs from the organisation's usual one."
    )
    bibliography: str | None = Field(
        None, description="A bibliography file in the report folder, CSL-JSON (.json) or BibTeX (.bib), for citations written [@key, p. 18]."
    )
    citation_style: str = Field(
        "chicago-notes-bibliography-16th-edition",
        description="The CSL style of citations: a style shipped with pressroom, or a .csl file in the report folder (named without .csl).",
    )


@dataclass(frozen=True)
class SourceFile:
    """One Markdown file of the report. first_line is where `text` starts in the file."""

    path: Path
    text: str
    first_line: int = 1


@dataclass(frozen=True)
class Organisation:
    """A publishing organisation; its background page is the same in every report."""

    slug: str
    name: str
    website: str
    heading: str
    background: SourceFile
    language: str = "en"  # the language the background is written in (it may differ from the report's)
    # The back page's facts (optional in the organisation's file; English's when a language lacks them).
    wordmark: tuple[str, ...] = ()  # the mark set in type, line by line (the name when empty)
    address: str = ""
    place: str = ""  # the place of publication, in the suggested citation
    phone: str = ""
    email: str = ""
    licence: str = ""
    citation_label: str = "Suggested citation"


@dataclass(frozen=True)
class Report:
    """A validated report, ready to be turned into HTML."""

    settings: ReportSettings
    root: Path
    files: tuple[SourceFile, ...]
    organisation: Organisation
    stylesheet: Path
    language: Language
    fonts: FontPlan
    cover: Path | None = None
    letterhead: Path | None = None
    bibliography: Path | None = None
