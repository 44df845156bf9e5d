"""tags_running_head.html: running heads and folios are artifacts, not orphaned tags."""

import re
from pathlib import Path

import pypdf
import weasyprint

import pdf_rules
from pressroom.engine import patched_engine, tags_margin_boxes

from .conftest import REPROS, repro

HTML = repro("tags_running_head.html")


def tagged(tmp_path: Path, patched: bool) -> Path:
    document = weasyprint.HTML(string=HTML, base_url=str(REPROS))
    path = tmp_path / "tagged.pdf"
    if patched:
        with patched_engine([tags_margin_boxes]):
            path.write_bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
    else:
        path.write_bytes(document.write_pdf(pdf_variant="pdf/ua-1"))
    return path


def test_unpatched_running_heads_claim_a_parent_that_does_not_list_them(tmp_path: Path):
    orphans = pdf_rules.orphan_marked_content(tagged(tmp_path, patched=False))
    assert len(orphans) == 4  # the running head and the folio of both pages


def test_patched_running_heads_are_artifacts(tmp_path: Path):
    pdf = tagged(tmp_path, patched=True)
    assert pdf_rules.orphan_marked_content(pdf) == []
    text = pypdf.PdfReader(pdf).pages[1].extract_text()
    assert "RUNNING HEAD" in text and "Page 2 of 2" in text
    content = pypdf.PdfReader(pdf).pages[1].get_contents().get_data()
    assert len(re.findall(rb"/Artifact\s+BMC", content)) >= 2
