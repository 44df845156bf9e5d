"""Make the Word (.docx) and LibreOffice (.odt) drafts the importer is tested on.

Word files are never hand-written here: this script writes each draft as a flat OpenDocument
file (.fodt) with real notes, lists, tables, images, tracked changes and comments, and
LibreOffice itself saves it as .docx and .odt (`soffice --headless --convert-to`), so the
tests read the structures a word processor really writes: w:footnoteReference, w:endnote,
w:ins/w:del, w:comment, NOTEREF cross-references, wp:docPr descr...

Word has no "same note twice": a writer inserts a cross-reference to the note's number
(Insert > Cross-reference > Footnote number), which is what the briefing paper's second call
of note 8 is here (text:note-ref, saved in .docx as a NOTEREF field to a bookmark).

Run after changing it (needs LibreOffice: apt-get install libreoffice-writer-nogui):
    .venv/bin/python tests/data/word/make_fixtures.py [OUTPUT_FOLDER (default: beside this script)]
The files it makes are kept in the repository, so the tests do not need LibreOffice.
"""

from __future__ import annotations

import base64
import io
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def el(name: str, attributes: dict[str, str] | None = None, *children: ET.Element | str) -> ET.Element:
    element = ET.Element(q(name), {q(k): v for k, v in (attributes or {}).items()})
    add(element, *children)
    return element


def add(element: ET.Element, *children: ET.Element | str) -> ET.Element:
    """Append children; a string is text after the last child."""
    for child in children:
        if isinstance(child, str):
            if len(element):
                element[-1].tail = (element[-1].tail or "") + child
            else:
                element.text = (element.text or "") + child
        else:
            element.append(child)
    return element


QUOTE_INDENT = {"fo:margin-left": "1cm", "fo:margin-right": "1cm"}
# LibreOffice's own note styles hang the number: many templates (and Word's, in some houses) indent notes.
HANGING_INDENT = {"fo:margin-left": "0.6cm", "fo:text-indent": "-0.6cm"}
PARAGRAPH_STYLES = [
    # name, display name, outline level, paragraph properties
    ("Standard", "Standard", None, None),
    ("Text_20_body", "Text body", None, None),
    ("Title", "Title", None, None),
    ("Subtitle", "Subtitle", None, None),
    ("Heading_20_1", "Heading 1", "1", None),
    ("Heading_20_2", "Heading 2", "2", None),
    ("Footnote", "Footnote", None, HANGING_INDENT),
    ("Endnote", "Endnote", None, HANGING_INDENT),
    ("Quote", "Quote", None, QUOTE_INDENT),
]


def styles(language: str, country: str) -> ET.Element:
    office_styles = el(
        "office:styles",
        None,
        el("style:default-style", {"style:family": "paragraph"}, el("style:text-properties", {"fo:language": language, "fo:country": country})),
    )
    for name, display, level, paragraph in PARAGRAPH_STYLES:
        style = el("style:style", {"style:name": name, "style:display-name": display, "style:family": "paragraph"})
        if level:
            style.set(q("style:default-outline-level"), level)
        if paragraph:
            style.append(el("style:paragraph-properties", paragraph))
        office_styles.append(style)
    return office_styles


def automatic_styles() -> ET.Element:
    def text_style(name: str, **properties: str) -> ET.Element:
        props = {f"fo:{k.replace('_', '-')}": v for k, v in properties.items()}
        return el("style:style", {"style:name": name, "style:family": "text"}, el("style:text-properties", props))

    bullets = el("text:list-style", {"style:name": "Bullets"})
    numbers = el("text:list-style", {"style:name": "Numbers"})
    for level in range(1, 4):
        indent = {"text:min-label-width": "0.6cm", "text:space-before": f"{0.6 * (level - 1):.1f}cm"}
        bullets.append(el("text:list-level-style-bullet", {"text:level": str(level), "text:bullet-char": "•"}, el("style:list-level-properties", indent)))
        numbers.append(
            el("text:list-level-style-number", {"text:level": str(level), "style:num-format": "1", "style:num-suffix": "."}, el("style:list-level-properties", indent))
        )
    return el(
        "office:automatic-styles",
        None,
        text_style("Bold", font_weight="bold"),
        text_style("Italic", font_style="italic"),
        text_style("RedLarge", color="#c00000", font_size="14pt"),
        bullets,
        numbers,
    )


def meta(title: str, subject: str, keywords: str, language: str, created: str, category: str) -> ET.Element:
    return el(
        "office:meta",
        None,
        el("dc:title", None, title),
        el("dc:subject", None, subject),
        el("meta:keyword", None, keywords),
        el("dc:language", None, language),
        el("meta:creation-date", None, created),
        el("meta:user-defined", {"meta:name": "Category"}, category),
    )


PAGE_SIZES = {"A4": ("21cm", "29.7cm"), "Letter": ("8.5in", "11in")}


def document(meta_element: ET.Element, body: list[ET.Element], language: str = "en-GB", page: str = "A4") -> ET.ElementTree:
    lang, country = language.split("-")
    root = el("office:document", {"office:version": "1.3", "office:mimetype": "application/vnd.oasis.opendocument.text"})
    text = el("office:text", None, *body)
    width, height = PAGE_SIZES[page]
    automatic = automatic_styles()
    automatic.append(el("style:page-layout", {"style:name": "Page"}, el("style:page-layout-properties", {"fo:page-width": width, "fo:page-height": height})))
    master = el("office:master-styles", None, el("style:master-page", {"style:name": "Standard", "style:page-layout-name": "Page"}))
    add(root, meta_element, styles(lang, country), automatic, master, el("office:body", None, text))
    return ET.ElementTree(root)


class Notes:
    """Real notes: text:note (footnote or endnote) and text:note-ref for a second call."""

    def __init__(self) -> None:
        self.count = {"footnote": 0, "endnote": 0}

    def note(self, paragraphs: list[list[ET.Element | str]], note_class: str = "footnote") -> ET.Element:
        self.count[note_class] += 1
        number = self.count[note_class]
        prefix, style = ("ftn", "Footnote") if note_class == "footnote" else ("edn", "Endnote")
        body = el("text:note-body", None, *(el("text:p", {"text:style-name": style}, *parts) for parts in paragraphs))
        citation = str(number) if note_class == "footnote" else "i" * number
        return el("text:note", {"text:id": f"{prefix}{number}", "text:note-class": note_class}, el("text:note-citation", None, citation), body)

    @staticmethod
    def reference(number: int) -> ET.Element:
        attributes = {"text:note-class": "footnote", "text:reference-format": "text", "text:ref-name": f"ftn{number}"}
        return el("text:note-ref", attributes, str(number))


def p(*parts: ET.Element | str, style: str = "Text_20_body") -> ET.Element:
    return el("text:p", {"text:style-name": style}, *parts)


def h(text: str, level: int = 1) -> ET.Element:
    return el("text:h", {"text:style-name": f"Heading_20_{level}", "text:outline-level": str(level)}, text)


def span(style: str, *parts: ET.Element | str) -> ET.Element:
    return el("text:span", {"text:style-name": style}, *parts)


def link(url: str, text: str | None = None) -> ET.Element:
    return el("text:a", {"xlink:type": "simple", "xlink:href": url}, text or url)


def items(style: str, *entries: str | tuple[str, ET.Element]) -> ET.Element:
    """A list; an entry (text, sublist) nests the sublist in that item."""
    result = el("text:list", {"text:style-name": style})
    for entry in entries:
        text, sublist = entry if isinstance(entry, tuple) else (entry, None)
        item = el("text:list-item", None, el("text:p", {"text:style-name": "Standard"}, text))
        if sublist is not None:
            item.append(sublist)
        result.append(item)
    return result


def cell(*parts: ET.Element | str) -> ET.Element:
    return el("table:table-cell", {"office:value-type": "string"}, el("text:p", None, *parts))


def picture(name: str, png: bytes, description: str | None) -> ET.Element:
    frame = el(
        "draw:frame",
        {"draw:name": name, "text:anchor-type": "as-char", "svg:width": "12cm", "svg:height": "4cm"},
        el("draw:image", None, el("office:binary-data", None, base64.b64encode(png).decode("ascii"))),
    )
    if description is not None:
        frame.append(el("svg:desc", None, description))
    return frame


def png(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


# --- the briefing paper, from report/ -------------------------------------------------------


def briefing_paper() -> ET.ElementTree:
    """report/briefing-paper.md as a word processor holds it: the same words, real notes."""
    import yaml
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    settings = yaml.safe_load((ROOT / "report" / "report.yaml").read_text(encoding="utf-8"))
    parser = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "linkify"]).use(footnote_plugin)
    parser.normalizeLinkText = lambda url: url  # a link's words as written (%20 stays), as pressroom prints them
    tokens = parser.parse((ROOT / "report" / "briefing-paper.md").read_text(encoding="utf-8"))
    definitions = _note_definitions(tokens)
    notes, numbers = Notes(), {}
    body: list[ET.Element] = []
    lists: list[ET.Element] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "footnote_block_open":
            break
        if token.type == "heading_open":
            body.append(h("", 1))
            _inline(body[-1], tokens[index + 1].children, definitions, notes, numbers)
        elif token.type == "bullet_list_open":
            lists.append(el("text:list", {"text:style-name": "Bullets"}))
        elif token.type == "bullet_list_close":
            body.append(lists.pop())
        elif token.type == "paragraph_open":
            paragraph = p(style="Standard" if lists else "Text_20_body")
            _inline(paragraph, tokens[index + 1].children, definitions, notes, numbers)
            if lists:
                lists[-1].append(el("text:list-item", None, paragraph))
            else:
                body.append(paragraph)
        index += 1
    keywords = ", ".join(settings["keywords"])
    facts = meta(settings["title"], settings["subject"], keywords, settings["language"], f"{settings['date']}T09:00:00", settings["kind"])
    return document(facts, body, settings["language"])


def _note_definitions(tokens: list) -> dict[int, list[list]]:
    """Note id -> its paragraphs' inline children."""
    definitions: dict[int, list[list]] = {}
    current = None
    for token in tokens:
        if token.type == "footnote_open":
            current = definitions.setdefault(token.meta["id"], [])
        elif token.type == "inline" and current is not None:
            current.append(token.children)
        elif token.type == "footnote_close":
            current = None
    return definitions


def _inline(parent: ET.Element, children: list, definitions: dict, notes: Notes, numbers: dict[int, int]) -> None:
    stack = [parent]
    for token in children:
        if token.type == "text":
            add(stack[-1], token.content)
        elif token.type == "softbreak":
            add(stack[-1], " ")
        elif token.type in ("strong_open", "em_open"):
            stack.append(span("Bold" if token.type == "strong_open" else "Italic"))
        elif token.type == "link_open":
            stack.append(el("text:a", {"xlink:type": "simple", "xlink:href": token.attrs["href"]}))
        elif token.type in ("strong_close", "em_close", "link_close"):
            element = stack.pop()
            add(stack[-1], element)
        elif token.type == "footnote_ref":
            note_id = token.meta["id"]
            if note_id in numbers:
                add(stack[-1], Notes.reference(numbers[note_id]))
            else:
                paragraphs = []
                for inline in definitions[note_id]:
                    holder = el("text:p")
                    _inline(holder, inline, definitions, notes, numbers)
                    paragraphs.append([holder.text or "", *holder])
                numbers[note_id] = notes.count["footnote"] + 1
                add(stack[-1], notes.note(paragraphs))
        else:
            raise ValueError(f"the briefing paper uses {token.type}, which this script does not write yet")


# --- every structure the importer must carry, and what it must stop on ----------------------


def features() -> ET.ElementTree:
    notes = Notes()
    body = [
        p("Importer features", style="Title"),
        p("Everything a draft can hold", style="Subtitle"),
        h("What the importer keeps"),
        p(
            "Plain, ",
            span("Bold", "bold"),
            ", ",
            span("Italic", "italic"),
            ", ",
            span("RedLarge", "red and large"),
            " and ",
            link("https://www.ecpat.org", "a link"),
            ".",
            notes.note(
                [
                    ["The first paragraph of a long note, with ", span("Italic", "a title in italics"), "."],
                    ["Its second paragraph, with a link: ", link("https://www.iwf.org.uk/"), "."],
                ]
            ),
            " An endnote follows.",
            notes.note([["The endnote's text."]], "endnote"),
        ),
        h("Lists", 2),
        items("Bullets", ("Online grooming", items("Numbers", "first step", "second step")), "Live streaming"),
        items("Numbers", "One", "Two", "Three"),
        p("Reports rose sharply.", style="Text_20_body"),
        p("A quotation set apart from the text.", style="Quote"),
        el(
            "table:table",
            {"table:name": "Reports"},
            el("table:table-column", {"table:number-columns-repeated": "2"}),
            el("table:table-header-rows", None, el("table:table-row", None, cell("Region"), cell("Reports"))),
            el("table:table-row", None, cell("Asia", notes.note([["A note called from a table cell."]])), cell("12 400")),
            el("table:table-row", None, cell("Europe"), cell("8 100")),
            el(
                "table:table-row",
                None,
                cell("Africa"),
                el("table:table-cell", {"office:value-type": "string"}, el("text:p", None, "5 300"), el("text:p", None, "(estimate)")),
            ),
        ),
        p(picture("Chart", png((1200, 400), (0, 92, 151)), "Bar chart: reports received in each region")),
        p(picture("Photo", png((900, 600), (200, 120, 40)), None)),
        p(
            "A sentence a reviewer commented on.",
            el("office:annotation", None, el("dc:creator", None, "Bo Reviewer"), el("dc:date", None, "2017-01-21T10:00:00"), el("text:p", None, "Check this figure.")),
        ),
    ]
    facts = meta("What the importer keeps", "Import test", "import, notes", "en-GB", "2020-05-01T09:00:00", "Report")
    return document(facts, body, page="Letter")


def tracked_changes() -> ET.ElementTree:
    def change(change_id: str, kind: str, *deleted: ET.Element) -> ET.Element:
        info = el("office:change-info", None, el("dc:creator", None, "Ana Editor"), el("dc:date", None, "2017-01-20T10:00:00"))
        return el("text:changed-region", {"text:id": change_id}, el(f"text:{kind}", None, info, *deleted))

    regions = el("text:tracked-changes", None, change("ct1", "insertion"), change("ct2", "deletion", p("very ")))
    body = [
        regions,
        h("A draft under review"),
        p("The first paragraph has no change."),
        p(
            "Reports rose ",
            el("text:change-start", {"text:change-id": "ct1"}),
            "sharply",
            el("text:change-end", {"text:change-id": "ct1"}),
            " in a ",
            el("text:change", {"text:change-id": "ct2"}),
            "short time.",
            el("office:annotation", None, el("dc:creator", None, "Bo Reviewer"), el("dc:date", None, "2017-01-21T10:00:00"), el("text:p", None, "Source?")),
        ),
    ]
    facts = meta("A draft under review", "Import test", "import", "en-GB", "2020-05-01T09:00:00", "Report")
    return document(facts, body)


DRAFTS = {"briefing-paper": briefing_paper, "features": features, "tracked-changes": tracked_changes}


def main(outdir: Path = HERE) -> None:
    soffice = shutil.which("soffice") or sys.exit("LibreOffice is needed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as work:
        for name, make in DRAFTS.items():
            flat = Path(work) / f"{name}.fodt"
            make().write(flat, encoding="UTF-8", xml_declaration=True)
            for kind in ("docx", "odt"):
                # A private profile: a LibreOffice the user has open does not block the conversion.
                profile = f"-env:UserInstallation=file://{work}/profile"
                subprocess.run([soffice, profile, "--headless", "--convert-to", kind, "--outdir", str(outdir), str(flat)], check=True, capture_output=True)
                print(outdir / f"{name}.{kind}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
