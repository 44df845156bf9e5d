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


def test_patched_a_link_across_the_page_break_is_one_element_owning_both_annotations(tmp_path: Path):
    """The link's fragment on the second page joins the first; its annotation must follow it
    (an element emptied by the join is in no tree). Only the join page's annotations are
    looked at."""
    import pypdf

    html = HTML.replace("It says once more", '<a href="https://example.org/">It says once more').replace("THE END.", "THE END</a>.")
    path = tmp_path / "linked.pdf"
    with patched_engine([tags_split_blocks]):
        path.write_bytes(weasyprint.HTML(string=html, base_url=str(REPROS)).write_pdf(pdf_variant="pdf/ua-1"))
    reader = pypdf.PdfReader(path)
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    parent_tree = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    owners = dict(zip(parent_tree[::2], parent_tree[1::2]))
    assert len(annotations) > 2
    for annotation in annotations:
        owner = owners[annotation["/StructParent"]].get_object()
        assert owner.get("/S") == "/Link" and owner.get("/K"), "owned by a link element that is in the tree"
    assert len({id(owners[a["/StructParent"]].get_object()) for a in annotations}) < len(annotations), "joined across the break"
