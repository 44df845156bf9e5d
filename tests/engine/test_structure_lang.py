"""lang_passage.html: an element's own language reaches the tagged PDF's structure tree."""

import io

import pypdf
import weasyprint

from pressroom.engine import patched_engine, structure_lang

from .conftest import REPROS, repro

HTML = repro("lang_passage.html")


def _languages(patched: bool) -> list[str]:
    document = weasyprint.HTML(string=HTML, base_url=str(REPROS))
    if patched:
        with patched_engine([structure_lang]):
            pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    else:
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/Lang" in node and node.get("/Type") == "/StructElem":
                found.append(str(node["/Lang"]))
            kids = node.get("/K")
            for kid in (kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids] if kids is not None else []):
                walk(kid)
        elif isinstance(node, pypdf.generic.ArrayObject):
            for kid in node:
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def test_unpatched_the_passage_has_no_language():
    assert _languages(patched=False) == []


def test_patched_the_passage_carries_its_language():
    assert _languages(patched=True) == ["en"]
