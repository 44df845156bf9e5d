"""tags_split_paragraph.html: the note is a Note with an ID and a Lbl, after its paragraph."""

from pathlib import Path

import weasyprint

import pdf_rules
from pressroom.engine import patched_engine, tags_footnotes, tags_split_blocks

from .conftest import REPROS, repro

HTML = repro("tags_split_paragraph.html")


def tagged(tmp_path: Path, patches: list) -> Path:
    document = weasyprint.HTML(string=HTML, base_url=str(REPROS))
    path = tmp_path / "tagged.pdf"
    with patched_engine(patches):
        path.write_bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
    return path


def test_unpatched_the_note_is_an_anonymous_span_between_the_paragraph_halves(tmp_path: Path):
    pdf = tagged(tmp_path, [])
    assert pdf_rules.notes(pdf) == []
    assert pdf_rules.structure_types(pdf)[:8] == ["/Document", "/P", "/Span", "/P", "/Span", "/Span", "/NonStruct", "/Span"]
    assert "/Lbl" not in pdf_rules.structure_types(pdf)


def test_patched_the_note_follows_its_whole_paragraph(tmp_path: Path):
    pdf = tagged(tmp_path, [tags_footnotes, tags_split_blocks])
    assert pdf_rules.notes(pdf) == [{"id": "footnote-1", "lbl": True, "after": "/P", "in": "/Document"}]
    types = pdf_rules.structure_types(pdf)
    assert types.count("/P") == 2 and types.index("/Note") > types.index("/P", 2)
    assert pdf_rules.orphan_marked_content(pdf) == []


def test_footnote_patch_alone_tags_the_note_after_the_first_half(tmp_path: Path):
    pdf = tagged(tmp_path, [tags_footnotes])
    assert pdf_rules.notes(pdf) == [{"id": "footnote-1", "lbl": True, "after": "/P", "in": "/Document"}]
