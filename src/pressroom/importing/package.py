"""What pandoc does not carry from a draft's package, read from its XML parts.

pandoc converts the text (notes, lists, tables, images); these are the few facts it leaves
out: the document properties (title, date, language, keywords...), how much direct
formatting Markdown cannot say, the comments, and in an .odt the tracked changes, image
descriptions and note cross-references, which pandoc's ODT reader drops.
"""

from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "custom": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
KIND_PROPERTIES = ("category", "kind")
# Word's run properties, and ODF's text properties, that Markdown has no way to say.
WORD_FORMATTING = {"color": "colour", "highlight": "colour", "shd": "colour", "rFonts": "font", "sz": "size"}
ODF_FORMATTING = {
    "{%s}color" % NS["fo"]: "colour",
    "{%s}background-color" % NS["fo"]: "colour",
    "{%s}font-name" % NS["style"]: "font",
    "{%s}font-family" % NS["fo"]: "font",
    "{%s}font-size" % NS["fo"]: "size",
}
WORD_TEXT_PARTS = ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml")
# Page widths in millimetres, for the page sizes report.yaml offers.
PAGE_WIDTHS_MM = {"A4": 210.0, "Letter": 215.9}
PAGE_WIDTH_TOLERANCE_MM = 2.0
UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72}
TWIPS_PER_INCH = 1440
# A NOTEREF field's instruction, in w:instrText or w:fldSimple's w:instr, up to its end.
WORD_NOTEREF = re.compile(r"NOTEREF\s+(\S+)[^<\"]*")
NOTE_REF = re.compile(r"<text:note-ref\b[^>]*?text:ref-name=\"([^\"]+)\"[^>]*>(.*?)</text:note-ref>", re.S)


@dataclass(frozen=True)
class TrackedChange:
    kind: str  # "insertion" or "deletion"
    author: str
    text: str
    context: str  # the opening words of its paragraph


@dataclass
class PackageFacts:
    title: str = ""
    subject: str = ""
    kind: str = ""
    keywords: list[str] = field(default_factory=list)
    language: str = ""
    created: str = ""  # YYYY-MM-DD
    page_size: str = ""  # "A4" or "Letter" when the draft's page is one of them
    comments: int = 0
    formatting: Counter = field(default_factory=Counter)  # "colour"/"font"/"size" -> places
    # .odt only: pandoc's ODT reader drops these, so they are read here.
    changes: list[TrackedChange] = field(default_factory=list)
    image_descriptions: list[str] = field(default_factory=list)
    note_ids: list[str] = field(default_factory=list)
    styled: dict[str, str] = field(default_factory=dict)  # "Title"/"Subtitle" -> that paragraph's words


def read_package(draft: Path) -> PackageFacts:
    with zipfile.ZipFile(draft) as package:
        return _read_odt(package) if draft.suffix.lower() == ".odt" else _read_docx(package)


def _part(package: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        return ET.fromstring(package.read(name))
    except KeyError:
        return None


def _text(root: ET.Element | None, path: str) -> str:
    found = root.find(path, NS) if root is not None else None
    return (found.text or "").strip() if found is not None else ""


def _keywords(text: str) -> list[str]:
    return [word.strip() for word in re.split(r"[,;]", text) if word.strip()]


def _read_docx(package: zipfile.ZipFile) -> PackageFacts:
    core, custom = _part(package, "docProps/core.xml"), _part(package, "docProps/custom.xml")
    styles, comments = _part(package, "word/styles.xml"), _part(package, "word/comments.xml")
    facts = PackageFacts(
        title=_text(core, "dc:title"),
        subject=_text(core, "dc:subject"),
        keywords=_keywords(_text(core, "cp:keywords")),
        created=_text(core, "dcterms:created")[:10],
        comments=len(comments.findall("w:comment", NS)) if comments is not None else 0,
    )
    facts.kind = _text(core, "cp:category") or _custom_property(custom)
    default_language = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS) if styles is not None else None
    facts.language = (default_language.get(f"{{{W}}}val", "") if default_language is not None else "") or _text(core, "dc:language")
    document = _part(package, "word/document.xml")
    sizes = document.findall(".//w:sectPr/w:pgSz", NS) if document is not None else []
    if sizes and sizes[-1].get(f"{{{W}}}w", "").isdigit():
        facts.page_size = _page_size(int(sizes[-1].get(f"{{{W}}}w")) / TWIPS_PER_INCH * UNIT_MM["in"])
    for name in WORD_TEXT_PARTS:
        root = document if name == "word/document.xml" else _part(package, name)
        for run in root.iter(f"{{{W}}}r") if root is not None else ():
            properties = run.find("w:rPr", NS)
            kinds = {_word_formatting(child) for child in (properties if properties is not None else [])}
            for kind in kinds - {""}:
                facts.formatting[kind] += 1
    return facts


def _word_formatting(setting: ET.Element) -> str:
    """What a run property sets that Markdown cannot say: "" for the rest, and for Word's
    automatic colour and its script hints (w:rFonts w:hint alone), which set nothing visible."""
    name = setting.tag.split("}")[1]
    if name not in WORD_FORMATTING or setting.get(f"{{{W}}}val") == "auto":
        return ""
    if name == "rFonts" and set(setting.attrib) <= {f"{{{W}}}hint"}:
        return ""
    return WORD_FORMATTING[name]


def _custom_property(custom: ET.Element | None) -> str:
    for prop in custom.findall("custom:property", NS) if custom is not None else ():
        if prop.get("name", "").lower() in KIND_PROPERTIES:
            return "".join(prop.itertext()).strip()
    return ""


def _read_odt(package: zipfile.ZipFile) -> PackageFacts:
    meta, styles = _part(package, "meta.xml"), _part(package, "styles.xml")
    content_xml = package.read("content.xml")
    content = ET.fromstring(content_xml)
    info = meta.find("office:meta", NS) if meta is not None else None
    facts = PackageFacts(
        title=_text(info, "dc:title"),
        subject=_text(info, "dc:subject"),
        keywords=[k for node in (info.findall("meta:keyword", NS) if info is not None else []) for k in _keywords(node.text or "")],
        created=_text(info, "meta:creation-date")[:10],
        language=_text(info, "dc:language") or _odt_default_language(styles),
        comments=sum(1 for _ in content.iter(f"{{{NS['office']}}}annotation")),
    )
    for node in info.findall("meta:user-defined", NS) if info is not None else []:
        if node.get(f"{{{NS['meta']}}}name", "").lower() in KIND_PROPERTIES:
            facts.kind = (node.text or "").strip()
    facts.formatting = _odt_formatting(content)
    facts.page_size = _odt_page_size(styles)
    facts.changes = _odt_changes(content)
    facts.image_descriptions = [
        _text(frame, "svg:desc") or _text(frame, "svg:title")
        for frame in content.iter(f"{{{NS['draw']}}}frame")
        if frame.find("draw:image", NS) is not None
    ]
    facts.note_ids = [note.get(f"{{{NS['text']}}}id", "") for note in content.iter(f"{{{NS['text']}}}note")]
    facts.styled = _odt_title_paragraphs(content)
    return facts


def _odt_title_paragraphs(content: ET.Element) -> dict[str, str]:
    """The words of the first paragraphs in the Title and Subtitle styles (Word's docx reader does this itself)."""
    style_name, parent_name = f"{{{NS['style']}}}name", f"{{{NS['style']}}}parent-style-name"
    parents = {style.get(style_name): style.get(parent_name) for style in content.iterfind("office:automatic-styles/style:style", NS)}
    styled: dict[str, str] = {}
    for paragraph in content.iter(f"{{{NS['text']}}}p"):
        name = paragraph.get(f"{{{NS['text']}}}style-name", "")
        role = next((r for r in ("Title", "Subtitle") if r in (name, parents.get(name))), None)
        if role and role not in styled:
            styled[role] = " ".join(_visible_text(paragraph).split())
    return styled


def _odt_default_language(styles: ET.Element | None) -> str:
    for default in styles.iter(f"{{{NS['style']}}}default-style") if styles is not None else ():
        props = default.find("style:text-properties", NS)
        if default.get(f"{{{NS['style']}}}family") == "paragraph" and props is not None:
            language, country = props.get(f"{{{NS['fo']}}}language", ""), props.get(f"{{{NS['fo']}}}country", "")
            return f"{language}-{country}" if language and country else language
    return ""


def _page_size(width_mm: float) -> str:
    return next((name for name, width in PAGE_WIDTHS_MM.items() if abs(width - width_mm) <= PAGE_WIDTH_TOLERANCE_MM), "")


def _odt_page_size(styles: ET.Element | None) -> str:
    """The page of the first master page (LibreOffice's "Default Page Style")."""
    master = styles.find("office:master-styles/style:master-page", NS) if styles is not None else None
    if master is None:
        return ""
    name = master.get(f"{{{NS['style']}}}page-layout-name")
    layout = next((node for node in styles.iter(f"{{{NS['style']}}}page-layout") if node.get(f"{{{NS['style']}}}name") == name), None)
    properties = layout.find("style:page-layout-properties", NS) if layout is not None else None
    match = re.fullmatch(r"([\d.]+)(mm|cm|in|pt)", properties.get(f"{{{NS['fo']}}}page-width", "") if properties is not None else "")
    return _page_size(float(match[1]) * UNIT_MM[match[2]]) if match else ""


def _odt_formatting(content: ET.Element) -> Counter:
    """Spans whose automatic style sets a colour, font or size."""
    kinds_by_style: dict[str, set[str]] = {}
    for style in content.iterfind("office:automatic-styles/style:style", NS):
        props = style.find("style:text-properties", NS)
        if style.get(f"{{{NS['style']}}}family") == "text" and props is not None:
            kinds_by_style[style.get(f"{{{NS['style']}}}name", "")] = {kind for attr, kind in ODF_FORMATTING.items() if attr in props.attrib}
    counted: Counter = Counter()
    for span in content.iter(f"{{{NS['text']}}}span"):
        for kind in kinds_by_style.get(span.get(f"{{{NS['text']}}}style-name", ""), ()):
            counted[kind] += 1
    return counted


def _odt_changes(content: ET.Element) -> list[TrackedChange]:
    regions = {}
    for region in content.iter(f"{{{NS['text']}}}changed-region"):
        for kind in ("insertion", "deletion", "format-change"):
            change = region.find(f"text:{kind}", NS)
            if change is not None:
                author = _text(change, "office:change-info/dc:creator")
                deleted = " ".join("".join(p.itertext()) for p in change.findall("text:p", NS)).strip()
                regions[region.get(f"{{{NS['text']}}}id")] = (kind, author, deleted)
    changes = []
    for paragraph in _paragraphs(content):
        context = _visible_text(paragraph)
        for mark in paragraph.iter():
            change_id = mark.get(f"{{{NS['text']}}}change-id")
            if change_id not in regions or mark.tag == f"{{{NS['text']}}}change-end":
                continue
            kind, author, deleted = regions.pop(change_id)
            text = deleted if kind == "deletion" else _inserted_text(paragraph, change_id)
            changes.append(TrackedChange(kind, author, text, context))
    return changes


def _visible_text(node: ET.Element) -> str:
    """A paragraph's words without its comments and notes."""
    hidden = (f"{{{NS['office']}}}annotation", f"{{{NS['text']}}}note")
    return (node.text or "") + "".join(
        ("" if child.tag in hidden else _visible_text(child)) + (child.tail or "") for child in node
    )


def _paragraphs(content: ET.Element):
    for node in content.iter():
        if node.tag in (f"{{{NS['text']}}}p", f"{{{NS['text']}}}h"):
            yield node


def _inserted_text(paragraph: ET.Element, change_id: str) -> str:
    """The words between text:change-start and text:change-end in one paragraph."""
    words, inside = [], False
    for node in paragraph.iter():
        marker = node.get(f"{{{NS['text']}}}change-id")
        if marker == change_id:
            inside = node.tag.endswith("change-start")
            if inside:
                words.append(node.tail or "")
            continue
        if inside:
            words.append((node.text or "") + (node.tail or ""))
    return "".join(words).strip()


def with_note_links(draft: Path, copy: Path) -> Path:
    """A copy of the draft whose note cross-references are links pandoc keeps.

    pandoc links a .docx `REF bookmark \\h` field to its bookmark, but reads Word's own
    `NOTEREF bookmark \\f \\h` as plain text, and drops an .odt's text:note-ref altogether.
    """
    part, rewrite = ("content.xml", _odt_note_links) if draft.suffix.lower() == ".odt" else ("word/document.xml", _word_note_links)
    with zipfile.ZipFile(draft) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, rewrite(data.decode("utf-8")).encode("utf-8") if item.filename == part else data)
    return copy


def _odt_note_links(xml: str) -> str:
    return NOTE_REF.sub(r'<text:a xlink:type="simple" xlink:href="#\1">\2</text:a>', xml)


def _word_note_links(xml: str) -> str:
    return WORD_NOTEREF.sub(r"REF \1 \\h ", xml)
