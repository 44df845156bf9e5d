"""tags_split_paragraph.html: a paragraph broken by a page is one P element."""

from pathlib import Path

import weasyprint

import pdf_rules
from pressroom.engine import patched_engine, tags_split_blocks

from .conftest import REPROS, pdf_pages, repro

HTML = repro("tags_split_paragraph.html")


def tagged(tmp_path: Path, patched: bool) -> Path:
    document = weasyprint.HTML(string=HTML, base_url=str(REPROS))
    path = tmp_path / "tagged.pdf"
    with patched_engine([tags_split_blocks] if patched else []):
        path.write_bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
    return path


def test_unpatched_the_paragraph_is_two_elements(tmp_path: Path):
    pdf = tagged(tmp_path, patched=False)
    assert len(pdf_pages(pdf.read_bytes())) == 2
    assert pdf_rules.structure_types(pdf).count("/P") == 3


def test_patched_the_paragraph_is_one_element_holding_both_pages(tmp_path: Path):
    pdf = tagged(tmp_path, patched=True)
    assert pdf_rules.structure_types(pdf).count("/P") == 2
    assert pdf_rules.orphan_marked_content(pdf) == []
