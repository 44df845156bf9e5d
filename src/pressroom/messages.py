"""Every sentence a user reads, in one place: what is wrong, then how to fix it."""

# Loading
SOURCE_MISSING = "There is no report here. Give a report folder (with report.yaml) or a Markdown file."
REPORT_YAML_MISSING = "This folder has no report.yaml. Create one (see `pressroom new`) or name a Markdown file."
FILE_MISSING = "The file '{name}' named in report.yaml does not exist. Check the spelling, or create the file."
FILE_OUTSIDE = "The file '{name}' named in report.yaml is outside the report folder. Move it into the report folder."
FILE_UNREADABLE = "This file cannot be read ({reason}). Check that it is a file and that you may open it."
NOT_UTF8 = "This file is not UTF-8 text (bad byte at offset {offset}). Save it as UTF-8 in your editor."
YAML_SYNTAX = "This is not valid YAML: {detail}. Check the indentation and that each line reads 'key: value'."
# PyYAML's problem (how it starts) -> the same in plain words, with the fix.
YAML_PROBLEMS = {
    "found unexpected end of stream": "A quotation mark opened here is never closed. Add the closing quote at the end of the value.",
    "mapping values are not allowed here": (
        "There is a second ':' on this line, or it is indented when it should not be. "
        "Put a value that contains ': ' in quotes, or remove the extra spaces at the start of the line."
    ),
    "found character '\\t'": "This line is indented with a tab. Indent with spaces instead.",
    "expected <block end>": (
        "This line is indented differently from the lines above it. "
        "Line up the items of one list, or the keys of one section, at the same indentation."
    ),
    "could not find expected ':'": "This line has no ':'. Write it as 'key: value'.",
    "expected ',' or ']'": "A list opened with '[' here is never closed. Add ']' at the end of the list.",
}
YAML_TOO_BIG = "This file is longer than {limit} characters, far more than a report's facts. Keep only the settings in it."
YAML_TOO_DEEP = "Lists or sections are nested more than {limit} deep here. Write the value as plain text, or remove the extra brackets."
YAML_TOO_MANY_VALUES = (
    "This file repeats parts of itself (with & and *) into more than {limit} values. "
    "Write each setting out once, without & and *."
)
YAML_BAD_CHARACTER = "This file contains a control character ({code}) that YAML does not allow. Delete it (your editor may show it as a box or as ^@)."
DUPLICATE_KEY = "'{key}' is written twice (first on line {first}). Keep one of them."
YAML_NOT_MAPPING = "report.yaml must be a list of 'key: value' lines. Start with 'title: Your title'."
FRONT_MATTER_MISSING = (
    "This Markdown file has no front matter. Start it with '---', the report's facts "
    "(title, kind, organisation, date, language), and '---'."
)
PANDOC_TITLE_BLOCK = {
    # pandoc's title block: line 1 the title, line 2 the authors, line 3 the date.
    1: "This is a pandoc title line ('% {value}'), which pressroom does not read. Start the file with front matter "
    "instead: a line '---', then 'title: {value}', 'organisation: ...', 'date: YYYY-MM-DD', 'language: ...', and '---'.",
    2: "This pandoc line names the authors ('% {value}'); pressroom prints the publishing organisation instead. "
    "Write 'organisation: ecpat-international' (or another organisation) in the front matter and delete this line.",
    3: "This pandoc line gives the date ('% {value}'). Write it in the front matter as 'date: YYYY-MM-DD' "
    "and delete this line.",
}
MARKDOWN_FRONT_MATTER = (
    "This file starts with front matter (lines {first} to {last}), which would be printed as text: in a report folder "
    "the report's facts are in report.yaml. Move the ones pressroom uses (title, date...) to report.yaml, then delete these lines."
)
MARKDOWN_TITLE_BLOCK = (
    "This file starts with a pandoc title block ('%' lines), which would be printed as text: in a report folder the "
    "report's facts are in report.yaml. Write the title and date there ('title: ...', 'date: YYYY-MM-DD'), then delete these lines."
)

# Validation
UNKNOWN_KEY = "'{key}' is not a report setting.{hint} Remove it or correct its name."
KEY_NOT_TEXT = "The key '{key}' is not a name. Keys are words such as 'title' or 'date'."
UNKNOWN_KEY_HINT = " Did you mean '{suggestion}'?"
# Front matter written for another tool (Jekyll, Hugo, pandoc...): what pressroom uses instead.
FOREIGN_KEY = "'{key}' is a setting of {tools}, which pressroom does not use: {instead} Remove the line '{key}: ...'."
WEBSITE_TOOLS = "website builders such as Jekyll and Hugo"
PANDOC = "pandoc"
FOREIGN_KEYS = {
    "layout": (WEBSITE_TOOLS, "every report is laid out by its style; choose another with 'style'."),
    "permalink": (WEBSITE_TOOLS, "a web page's address; a PDF has none."),
    "slug": (WEBSITE_TOOLS, "a web page's address; a PDF has none."),
    "url": (WEBSITE_TOOLS, "a web page's address; a PDF has none."),
    "aliases": (WEBSITE_TOOLS, "a web page's other addresses; a PDF has none."),
    "redirect_from": (WEBSITE_TOOLS, "a web page's other addresses; a PDF has none."),
    "tags": (WEBSITE_TOOLS, "write the words under 'keywords', which are stored in the PDF."),
    "categories": (WEBSITE_TOOLS, "write the words under 'keywords', which are stored in the PDF."),
    "description": (WEBSITE_TOOLS, "write the one-sentence summary as 'subject', which is stored in the PDF."),
    "summary": (WEBSITE_TOOLS, "write the one-sentence summary as 'subject', which is stored in the PDF."),
    "excerpt": (WEBSITE_TOOLS, "write the one-sentence summary as 'subject', which is stored in the PDF."),
    "abstract": (PANDOC, "write the one-sentence summary as 'subject', which is stored in the PDF."),
    "draft": (WEBSITE_TOOLS, "pressroom builds what it is given; leave a draft out of the report's files instead."),
    "published": (WEBSITE_TOOLS, "pressroom builds what it is given; leave a draft out of the report's files instead."),
    "author": (f"{PANDOC} and {WEBSITE_TOOLS}", "a report is published by its organisation: write 'organisation: ...'."),
    "authors": (f"{PANDOC} and {WEBSITE_TOOLS}", "a report is published by its organisation: write 'organisation: ...'."),
    "lang": (PANDOC, "write the language as 'language', for example 'language: en-GB'."),
    "languageCode": (WEBSITE_TOOLS, "write the language as 'language', for example 'language: en-GB'."),
    "weight": (WEBSITE_TOOLS, "the order of pages on a website; a report's files are read in the order of 'files'."),
    "menu": (WEBSITE_TOOLS, "the order of pages on a website; a report's files are read in the order of 'files'."),
    "nav_order": (WEBSITE_TOOLS, "the order of pages on a website; a report's files are read in the order of 'files'."),
    "image": (WEBSITE_TOOLS, "a designer's cover is a PDF named with 'cover'."),
    "papersize": (PANDOC, "write the page size as 'page_size' (A4 or Letter)."),
    "geometry": (PANDOC, "the margins come from the style; write the page size as 'page_size' (A4 or Letter)."),
    "documentclass": (PANDOC, "the style sets the layout and the type; choose another with 'style'."),
    "mainfont": (PANDOC, "the style sets the type; choose another with 'style'."),
    "fontsize": (PANDOC, "the style sets the type; choose another with 'style'."),
    "toc": (PANDOC, "the PDF's bookmarks list the headings."),
    "output": ("R Markdown", "pressroom makes the PDFs itself: run `pressroom build`."),
}
MISSING_KEY = "The report needs '{key}'. Add a line '{key}: ...'."
EMPTY_VALUE = "'{key}' is empty. Write its value after '{key}:'."
BAD_DATE = "'{key}: {value}' is not a date. Write the date as YYYY-MM-DD, for example 2017-01-31."
BAD_CHOICE = "'{key}: {value}' is not one of the choices. Use one of: {choices}."
BAD_TYPE = "'{key}: {value}' is the wrong kind of value. {fix}"
# pydantic's error type (how it starts) -> how to write the value instead.
TYPE_FIXES = {
    "list": "Write a list: one item a line under the key, each line starting with '  - '.",
    "string": "Write text after the colon; put it in quotes if it starts with [, {, or a number.",
    "float": "Write a number, such as 3 or 2.5.",
    "int": "Write a whole number, such as 3.",
    "bool": "Write true or false.",
    "model": "Write a section: the key alone on its line, then its settings below it, each indented by two spaces.",
}
OUT_OF_RANGE = "'{key}: {value}' is out of range. Write a number {limit}."
# pydantic's limit error type -> the limit in words.
LIMITS = {
    "greater_than_equal": "of at least {:g}",
    "less_than_equal": "of at most {:g}",
    "greater_than": "above {:g}",
    "less_than": "below {:g}",
}
TOO_MANY_ITEMS = "'{key}' has {count} items; at most {limit} are taken. Keep the {limit} that matter most."
UNKNOWN_ORGANISATION = "There is no organisation '{name}'. Use one of: {choices}."
UNKNOWN_STYLE = "There is no style '{name}'. Use one of: {choices}."
BAD_LANGUAGE = "'language: {value}' is not a language tag. Write a tag such as en, en-GB, fr or es."
EMPTY_REPORT = "The report has no text. Write the report in the Markdown files named under 'files'."
NO_FILES = "The report names no Markdown files. List them under 'files:' in reading order."

# Markdown
NOTE_UNDEFINED = "The note [^{label}] is called here but never written. Add a line '[^{label}]: the note's text'."
NOTE_UNUSED = "The note [^{label}] is written here but never called. Call it with [^{label}] in the text, or delete it."
NOTE_IN_NOTE = "The note [^{note}] calls another note, [^{label}], which cannot be printed. Write that reference into the note's own text instead."
NOTE_IN_INLINE_NOTE = (
    "A note written in place, ^[...], calls another note, [^{label}], which cannot be printed. "
    "Write that reference into the note's own text instead."
)
NOTE_DUPLICATE = "The note [^{label}] is written twice (first on line {first}). Give each note its own label."
IMAGE_NO_ALT = "The image '{src}' has no description. Write one between the brackets: ![what the image shows]({src})."
IMAGE_MISSING = "The image '{src}' does not exist. Check the path; it is read relative to this file."
IMAGE_OUTSIDE = "The image '{src}' is outside the report folder. Copy it into the report folder."
IMAGE_UNREADABLE = "The image '{src}' cannot be read: it is damaged or not a picture. Save it again as PNG or JPEG."
RAW_HTML_PRINTED = (
    "'{html}' is HTML that pressroom does not lay out, so it is printed as text. Write it in Markdown instead, "
    "or delete it (pressroom keeps only sup, sub, br, small, abbr and simple tables, and drops HTML comments)."
)
RAW_HTML_ATTRIBUTE_DROPPED = (
    "The HTML attribute '{attribute}' of <{tag}> was left out: pressroom keeps no attribute that loads or styles anything. "
    "Delete it; the report's style sets how text looks."
)
LINK_NOT_WEB = (
    "The link '{target}' is not a web address, so a reader of the PDF could not follow it: its words are "
    "printed without the link. Write the full address (https://...) if readers should be able to open it."
)
REPORT_TOO_LONG = (
    "The report's text grows past {limit} characters with this file, more than one PDF can hold in reasonable time. "
    "Split it into several reports, or check that this is the right file."
)
TABLE_TOO_WIDE = "This table has more than {limit} columns, more than a page can show. Split it, or turn it so that columns become rows."
TOO_MANY_NOTES = "The report has more than {limit} notes from here on, more than pressroom sets. Split the report, or merge notes."
IMAGE_FILE_TOO_BIG = "The image '{src}' is {megabytes} MB, too large to place. Save it again at print size (300 ppi at the size it is shown)."
IMAGE_TOO_LARGE = (
    "The image '{src}' is {width} x {height} pixels, more than the {limit} million pixels pressroom places. "
    "Scale it down to the size it is printed at 300 ppi (an A4 page is 2480 x 3508 pixels)."
)
IMAGE_TRUNCATED = "The image '{src}' is cut off: the file ends before the picture does. Copy or export it again."
IMAGE_FLOAT = "The image '{src}' stores its pixels as floating-point numbers, which a PDF cannot hold. Save it again as an 8-bit PNG or as JPEG."
SVG_BROKEN = "The SVG drawing '{src}' is not valid SVG (line {line}, column {column} of that file). Export it again from the drawing program."
SVG_TOO_COMPLEX = (
    "The SVG drawing '{src}' draws more than {limit} shapes once its <use> copies are counted, or nests them more than "
    "{depth} deep. Simplify it, or export it as PNG at 300 ppi."
)
LABEL_DUPLICATE = "The label #{label} is given to two figures, tables or boxes. Give each its own label."
LABEL_WRONG_KIND = "The label #{label} is on a {kind}; a {kind}'s label starts with '{prefix}:'. Change the label to start with '{prefix}:'."
LABEL_UNDEFINED = (
    "@{label} refers to a figure, table or box that does not exist. "
    "Check the spelling against its '::: figure #{label} ...' line, or remove the reference."
)
CITATION_UNKNOWN = "The citation key @{key} is not in the bibliography. Check its spelling, or add the work to the bibliography file."
CITATION_STYLE_UNKNOWN = "There is no citation style '{name}'. Use one of: {choices}, or put {name}.csl in the report folder."
BIBLIOGRAPHY_UNREADABLE = "The bibliography '{name}' cannot be read ({detail}). Save it again as CSL-JSON or BibTeX."
RESOURCE_REFUSED = "The document asked for '{url}', which is outside the report and styles folders, so it was not loaded."

# Layout and audit
ENGINE_WARNING = "The layout engine reported: {detail}"
NOTDEF_GLYPH = (
    "The character {character} is in none of the style's fonts, so it was drawn as an empty box. "
    "Replace it, or use a style whose fonts have it."
)
FONT_NO_SCRIPT = (
    "The text uses the {script} script (first here: '{character}'), but the style '{style}' names no font for it. "
    "Use a style with a font for {script}, or add one to the style as --serif-<script code> and --sans-<script code>."
)
FONT_SCRIPT_MISSING = (
    "The text uses the {script} script (first here: '{character}'), and its font {fonts} is not installed. "
    "Install it: `apt-get install {package}` (or run `pressroom doctor` on the report)."
)
FONT_FALLBACK = (
    "Text was set in '{used}', which the styles do not ask for (they ask for {wanted}). "
    "Install the missing font: run `pressroom doctor`, or `apt-get install {package}`."
)
FONT_SUBSTITUTED = (
    "Some characters are not in the style's fonts ({wanted}), so they were set in '{used}'. "
    "Replace those characters, or use a style whose fonts have them."
)
FONT_NOT_EMBEDDED = "The font '{font}' is not embedded in the PDF. This is a bug in pressroom; please report it."
NOTE_LOST = "Note {number} (called on page {call_page}) is missing from the PDF."
NOTE_MISPLACED = "Note {number} is called on page {call_page} but printed on page {note_page}."
NOTE_DUPLICATED = "Note {number} is printed {count} times (pages {pages})."
NOTE_CLIPPED = "Note {number} on page {note_page} does not fit on the page and is cut off."
NOTE_TEXT_INCOMPLETE = "Note {number} on page {note_page} is not printed in full."
AUDIT_FIX = "The previous PDF was kept. Shorten the note or the paragraph that calls it, and build again."
BACK_PAGE_NOT_LAST = "The organisation's background page is not the last page on its own (page {page} of {pages})."
RUNNING_HEAD_TOO_LONG = (
    "The title does not fit in the running head at the top of page {page}. "
    "Add a shorter title for it to report.yaml: 'short_title: ...'."
)
LINE_OUTSIDE = "A line on page {page} runs outside the text block ('{text}'). Add a space or line break opportunity."

# Words printed in the report itself, in the report's language (Language.words): CLDR has no
# words for these, so this is a small table of our own, English where a language or word is
# missing. Keys are CLDR language codes, with the script for Chinese. `note_call` is what a screen
# reader says for a note call (the link's description in the screen file); figure, table and box
# label numbered blocks, and `on_page` follows a reference to one ("Figure 3 on page 12").
REPORT_WORDS_BY_LANGUAGE = {
    "en": {
        "contents": "Contents", "acronyms": "Acronyms", "bibliography": "Bibliography", "note_call": "Note {number}",
        "key_messages": "Key messages", "figure": "Figure", "table": "Table", "box": "Box",
        "on_page": " on page {page}",
    },
    "fr": {
        "contents": "Sommaire", "acronyms": "Sigles et acronymes", "bibliography": "Bibliographie",
        "note_call": "Note {number}", "key_messages": "Messages clés", "figure": "Figure", "table": "Tableau",
        "box": "Encadré", "on_page": " à la page {page}",
    },
    "es": {
        "contents": "Índice", "acronyms": "Siglas y acrónimos", "bibliography": "Bibliografía",
        "note_call": "Nota {number}", "key_messages": "Mensajes clave", "figure": "Figura", "table": "Tabla",
        "box": "Recuadro", "on_page": " en la página {page}",
    },
    "pt": {
        "contents": "Índice", "acronyms": "Siglas e acrónimos", "bibliography": "Bibliografia",
        "note_call": "Nota {number}", "figure": "Figura", "table": "Tabela", "box": "Caixa",
        "on_page": " na página {page}",
    },
    "ru": {
        "contents": "Содержание", "acronyms": "Сокращения", "bibliography": "Библиография",
        "note_call": "Примечание {number}", "figure": "Рисунок", "table": "Таблица", "box": "Врезка",
        "on_page": " на с.\u00a0{page}",
    },
    "vi": {
        "contents": "Mục lục", "acronyms": "Từ viết tắt", "bibliography": "Tài liệu tham khảo",
        "note_call": "Chú thích {number}", "figure": "Hình", "table": "Bảng", "box": "Khung",
        "on_page": " ở trang {page}",
    },
    "id": {
        "contents": "Daftar isi", "acronyms": "Singkatan", "bibliography": "Daftar pustaka",
        "note_call": "Catatan {number}", "figure": "Gambar", "table": "Tabel", "box": "Kotak",
        "on_page": " di halaman {page}",
    },
    "th": {
        "contents": "สารบัญ", "acronyms": "อักษรย่อ", "bibliography": "บรรณานุกรม", "note_call": "เชิงอรรถ {number}",
        "figure": "ภาพที่", "table": "ตารางที่", "box": "กรอบที่", "on_page": " หน้า {page}",
    },
    "lo": {
        "contents": "ສາລະບານ", "acronyms": "ຕົວຫຍໍ້", "bibliography": "ເອກະສານອ້າງອີງ", "note_call": "ໝາຍເຫດ {number}",
        "figure": "ຮູບທີ", "table": "ຕາຕະລາງທີ", "box": "ກອບທີ", "on_page": " ໜ້າ {page}",
    },
    "km": {
        "contents": "មាតិកា", "acronyms": "អក្សរកាត់", "bibliography": "គន្ថនិទ្ទេស",
        "note_call": "កំណត់សម្គាល់ {number}", "figure": "រូបភាព", "table": "តារាង", "box": "ប្រអប់",
        "on_page": " ទំព័រ {page}",
    },
    "my": {
        "contents": "မာတိကာ", "acronyms": "အတိုကောက်များ", "bibliography": "ကျမ်းကိုးစာရင်း",
        "note_call": "မှတ်ချက် {number}", "figure": "ပုံ", "table": "ဇယား", "box": "ဘောင်",
        "on_page": " စာမျက်နှာ {page}",
    },
    "ar": {
        "contents": "المحتويات", "acronyms": "المختصرات", "bibliography": "المراجع", "note_call": "الحاشية {number}",
        "figure": "الشكل", "table": "الجدول", "box": "الإطار", "on_page": " في الصفحة {page}",
    },
    "fa": {
        "contents": "فهرست مطالب", "acronyms": "کوته‌نوشت‌ها", "bibliography": "کتاب‌نامه",
        "note_call": "یادداشت {number}", "figure": "شکل", "table": "جدول", "box": "کادر", "on_page": " در صفحهٔ {page}",
    },
    "ur": {
        "contents": "فہرست", "acronyms": "مخففات", "bibliography": "کتابیات", "note_call": "حاشیہ {number}",
        "figure": "شکل", "table": "جدول", "box": "خانہ", "on_page": " صفحہ {page} پر",
    },
    "hi": {
        "contents": "विषय सूची", "acronyms": "संक्षिप्ताक्षर", "bibliography": "ग्रंथ सूची",
        "note_call": "टिप्पणी {number}", "figure": "चित्र", "table": "तालिका", "box": "बॉक्स",
        "on_page": ", पृष्ठ {page} पर",
    },
    "ne": {
        "contents": "विषयसूची", "acronyms": "संक्षिप्त रूपहरू", "bibliography": "सन्दर्भ सामग्री",
        "note_call": "टिप्पणी {number}", "figure": "चित्र", "table": "तालिका", "box": "बाकस",
        "on_page": ", पृष्ठ {page} मा",
    },
    "bn": {
        "contents": "সূচিপত্র", "acronyms": "সংক্ষিপ্ত রূপ", "bibliography": "গ্রন্থপঞ্জি",
        "note_call": "টীকা {number}", "figure": "চিত্র", "table": "সারণি", "box": "বক্স", "on_page": ", পৃষ্ঠা {page}",
    },
    "zh-Hans": {
        "contents": "目录", "acronyms": "缩略语", "bibliography": "参考文献", "note_call": "注 {number}", "figure": "图",
        "table": "表", "box": "专栏", "on_page": "（第\u00a0{page}\u00a0页）",
    },
    "zh-Hant": {
        "contents": "目錄", "acronyms": "縮略語", "bibliography": "參考文獻", "note_call": "註 {number}", "figure": "圖",
        "table": "表", "box": "專欄", "on_page": "（第\u00a0{page}\u00a0頁）",
    },
    "ja": {
        "contents": "目次", "acronyms": "略語", "bibliography": "参考文献", "note_call": "注 {number}", "figure": "図",
        "table": "表", "box": "コラム", "on_page": "（{page}\u00a0ページ）",
    },
    "ko": {
        "contents": "목차", "acronyms": "약어", "bibliography": "참고 문헌", "note_call": "주 {number}", "figure": "그림",
        "table": "표", "box": "상자", "on_page": " ({page}쪽)",
    },
}
REPORT_WORDS = REPORT_WORDS_BY_LANGUAGE["en"]
BIBLIOGRAPHY_HEADING = REPORT_WORDS["bibliography"]

# CLI
BUILT = "{path}: {pages} pages, {notes} notes, {seconds:.1f} s"
OUTPUT_IS_SOURCE = "This is a file of the report itself, which the PDF would replace. Give another name after -o, ending in .pdf."
OUTPUT_IS_FOLDER = "This is a folder. Give the name of the PDF to write after -o, for example -o build/report.pdf."
OUTPUT_UNWRITABLE = "The PDF cannot be written here ({reason}). Check that the folder exists, is a folder and that you may write to it, or give another path after -o."
SOURCE_DATE_EPOCH_BAD = "SOURCE_DATE_EPOCH={value} is not a time pressroom can write into a PDF. Give seconds since 1970 up to 253402300799 (year 9999), or unset it."
FAILED = "The build failed; {output} was not changed."
BUG = "pressroom hit an internal error. This is a bug, not your mistake: please report it with the text above."
BATCH_BUILT = "{source}: {files} ({pages} pages, {notes} notes), {seconds:.1f} s"
BATCH_FAILED = "{source}: the build failed; {output} was not changed."
BATCH_SUMMARY_FAILED = "{failed} of {total} reports failed."
BATCH_OUTPUT_GIVEN = "-o names one file, but {count} sources were given: leave -o out and each report is written to build/NAME.pdf."
JOBS_NOT_POSITIVE = "--jobs needs a whole number of at least 1, not '{value}'."
BATCH_SAME_OUTPUT = "{first} and {second} would both be written to {output}: build them one at a time with -o."
# The progress line on a terminal, for builds longer than a moment.
PROGRESS = "{stage}... {seconds:.0f} s"
PROGRESS_STAGES = {
    "reading": "Reading the report",
    "layout": "Laying out the {profile} file: page {pages}",
    "pdf": "Writing the {profile} file",
    "audit": "Checking the {profile} file's {pages} pages",
    "finish": "Finishing the {profile} file",
    "preflight": "Checking the print file as a printer would",
    "waiting": "Finishing the {profile} file",
}
HTML_WRITTEN = "{path}: the screen file's HTML, as the engine is given it (no PDF made). Render it with: weasyprint {path} OUT.pdf"
HTML_ONE_SOURCE = "--html writes the HTML of one report, but {count} sources were given: give one."
CONTINUED_NOTES = "Notes continued on the next page: {notes}."

# Schema
SCHEMA_CURRENT = "{path} matches the report settings."
SCHEMA_STALE = "{path} does not match the report settings. Run `pressroom schema --write` and commit the file."
SCHEMA_WRITTEN = "Wrote {path}."

# New
NEW_FOLDER_NOT_EMPTY = "This folder already has files in it. Give the name of a new folder, or of an empty one."
NEW_CREATED = "Created {folder}: {files}."
NEW_NEXT = "Next: `pressroom build {folder}` makes the PDF; `pressroom watch {folder}` shows it as you write."

# Doctor
DOCTOR_OK = "ok"
DOCTOR_MISSING = "MISSING"
DOCTOR_NOT_FOUND = "not found"
DOCTOR_NOT_FOUND_AT = "not found at {path}"
DOCTOR_CANNOT_LOAD = "{version} is installed but cannot start ({error})"
DOCTOR_TOOL = "{program} ({purpose})"
DOCTOR_FONT = "font '{family}' ({where})"
DOCTOR_FONT_FILES = "{count} files in {folder}"
DOCTOR_FONT_PACKAGE = "the package that provides the font {family}"
DOCTOR_FIX = "fix: {command}"
DOCTOR_REPORT = "the report {path}"
DOCTOR_REPORT_UNREADABLE = "cannot be read or validated"
DOCTOR_SCRIPT = "{script} text (first at {where})"
DOCTOR_NO_SCRIPT_FONT = "the style '{style}' names no font for it"
DOCTOR_SCRIPT_FIX = "use a style with a font for this script, or add --serif-<script code> and --sans-<script code> to the style"
DOCTOR_SUMMARY_OK = "This machine has everything a build needs."
DOCTOR_SUMMARY_MISSING = "{count} missing. Run the fix commands above (apt-get as root), then `pressroom doctor` again."

# Preflight and artwork
PREFLIGHT_FILE_MISSING = "There is no file '{path}'. Check the path; to make a print file, run `pressroom build`."
PREFLIGHT_NOT_A_FILE = "'{path}' is a folder. Give the path of a PDF file."
PREFLIGHT_CANNOT_READ = "'{path}' cannot be read ({reason}). Check that you may read it, or copy it somewhere you can."
PREFLIGHT_NOT_PDF = "{path}: {detail}"
PREFLIGHT_TOO_BIG = "'{path}' is larger than {limit} MB, more than a print file of a report. Check that it is the right file, or export it with images at 300 ppi."
PREFLIGHT_NO_HEADER = "This file is not a PDF (it does not start with %PDF-). Export or save it again as PDF, then check it again."
PREFLIGHT_BAD_TAC = "'{value}' is not an ink limit. Give a percentage above 0 and at most 400, for example 300."
PREFLIGHT_REPORT_WRITTEN = "Wrote the preflight report {path}."
PREFLIGHT_REPORT_FAILED = "The preflight report {path} could not be written ({reason}). Check that its folder exists and you may write to it."
ARTWORK_PAGE = " on page {page}"
ARTWORK_UNREADABLE = "The {role} '{name}' cannot be read as a PDF ({detail}). Export it again from the design program as PDF."
ARTWORK_ENCRYPTED = "The {role} '{name}' is protected by a password. Export it again without one."
ARTWORK_TOO_BIG = "The {role} '{name}' is larger than {limit} MB. Export it again with images at print resolution (300 ppi)."
ARTWORK_TOO_MANY_PAGES = "The {role} '{name}' has {count} pages; at most {limit} are taken. Export only the pages it needs."
ARTWORK_ROTATED = "The {role} '{name}' is saved turned sideways{where}. Export it upright, at the report's page size."
ARTWORK_SIZE = (
    "The {role} '{name}' is {found}{where}, but the report's pages are {expected}. "
    "Export it at the report's trimmed page size, with any bleed outside its trim box."
)
ARTWORK_NOT_CMYK = (
    "The {role} '{name}' uses RGB colour{where}. Export it from the design program as PDF/X-4 "
    "with CMYK output (FOGRA39 or ISO Coated v2), so that the print file is all CMYK."
)
LETTERHEAD_PAGES = "The letterhead '{name}' has {count} pages; a letterhead is one page. Export only the page to lay under the report's pages."
COVER_BLEED = (
    "The cover '{name}' has {found} mm of bleed; the print file needs {needed} mm, or a white edge can show "
    "after cutting. Export the cover with {needed} mm bleed (crop marks off)."
)
LETTERHEAD_BLEED = (
    "The letterhead '{name}' has {found} mm of bleed; the print file has {needed} mm. If its colours reach the edge "
    "of the page, export it with {needed} mm bleed, or a white edge can show after cutting."
)
COVER_PAGE_LABEL = "Cover "
# What a screen reader says for a note call (the link annotation's description).
NOTE_CALL_DESCRIPTION = REPORT_WORDS["note_call"]  # the fallback when a call has none of its own

# Watch
WATCH_STARTED = "Watching {source}. Preview: {url} (open it in a browser). Stop with Ctrl+C."
WATCH_FIRST_BUILD = "building..."
WATCH_BUILD = "build {number}:"
WATCH_PREVIEW = "{file}, page {page} of {pages}, laid out alone in {seconds:.1f} s; building the whole report..."
WATCH_FAILED = "{clock} build {number} failed; {output} was not changed. Fix the problems above and save again."
WATCH_FAILED_SUMMARY = "failed with {count} problem(s)"
WATCH_BUG = (
    "The build stopped on an internal error ({error}). This is a bug in pressroom, not your mistake: "
    "please report it. Watching goes on; the last good PDF is kept."
)
WATCH_STOPPED = "Stopped watching."
WATCH_PORT_BUSY = (
    "The preview cannot use port {port} ({error}): another `pressroom watch` may be running. "
    "Stop it, or choose another port: --port {next}."
)
# The print file's own check, said to the writer: only images and cover/letterhead artwork come
# from the writer (pressroom converts every colour of its styles and its engine to CMYK).
PREFLIGHT_FAILED = (
    "The print file fails the printer's check '{check}' on page {page}: {message} "
    "This is a fault in pressroom, not in your text: please report it, with your report's folder."
)
PREFLIGHT_FOR_WRITERS = {
    "colour": (
        "Page {page} of the print file has screen (RGB) colour, which a printing press cannot print. "
        "If the page carries the cover or the letterhead, export that PDF again from the design program "
        "as PDF/X-4 with CMYK output (FOGRA39 or ISO Coated v2). Otherwise this is a fault in pressroom: "
        "please report it, with your report's folder."
    ),
    "image-resolution": (
        "An image on page {page} is too coarse to print sharply. Use the original, larger image file "
        "(300 pixels per inch at the size it is printed), or print it smaller. The printer's check says: {message}"
    ),
    "ink-coverage": (
        "Page {page} would carry more ink than the press allows, usually because of a dark photograph or "
        "artwork. Use a lighter image, or ask the printer whether a higher limit is fine and set it as "
        "`max_ink` under `print:` in report.yaml. The printer's check says: {message}"
    ),
    "fonts": (
        "A font on page {page} is not included in the print file. If the page carries the cover or the "
        "letterhead, export that PDF again with all fonts embedded (PDF/X-4 does this)."
    ),
    "transparency": (
        "Page {page} uses transparency, which PDF/X-1a does not allow. Flatten the image or artwork on that "
        "page in the design program, or print as PDF/X-4: `standard: x-4` under `print:` in report.yaml."
    ),
    "hairlines": (
        "Page {page} has lines too thin to print. If the page carries the cover or the letterhead, thicken "
        "its lines to at least 0.25 pt in the design program and export it again."
    ),
}

# Import (`pressroom import DRAFT.docx|.odt`)
IMPORT_HELP = "turn a Word (.docx) or LibreOffice (.odt) draft into a report folder, every footnote kept"
IMPORT_NOT_FOUND = "There is no file '{path}'. Check the name and the folder you are in."
IMPORT_NOT_A_DRAFT = (
    "'{path}' is not a Word (.docx) or OpenDocument (.odt) file. Open it in Word, LibreOffice or Google Docs, "
    "save or download it as .docx, then import that."
)
IMPORT_UNREADABLE = "'{path}' cannot be read ({reason}). Open it in Word or LibreOffice, save it again as .docx, then import that."
IMPORT_FOLDER_NOT_EMPTY = "The folder '{folder}' already has files in it. Choose a new folder with -o, or empty this one."
IMPORT_CHANGE = "A tracked {kind} by {author}: '{text}', in the paragraph that begins '{context}'."
IMPORT_CHANGE_UNKNOWN_AUTHOR = "someone"
IMPORT_CHANGES_STOP = (
    "The draft has {count} tracked change(s), listed above, so its final text is not settled. Accept or reject them "
    "in Word (Review > Accept > Accept All Changes) and save, or import again with --accept-changes or --reject-changes."
)
IMPORT_ODT_REJECT = (
    "Rejecting tracked changes works only for .docx drafts. In LibreOffice choose Edit > Track Changes > Manage > "
    "Reject All and save, or import with --accept-changes."
)
IMPORT_COMMENTS_DROPPED = "{count} comment(s) left out: a report has no comments. Read them in the draft before you put it away."
IMPORT_FORMATTING_DROPPED = "Formatting Markdown cannot say was left out ({kinds}): the report's style sets the fonts, sizes and colours."
IMPORT_CELL_JOINED = (
    "A table cell held several paragraphs or a list; a Markdown table cell is one line, so they were joined "
    "with ';': '{words}'. Check that table."
)
IMPORT_FORMATTING_KIND = "{kind} in {count} place(s)"
IMPORT_WROTE = "Imported {draft} into {folder}: {files}; {notes} note(s), {images} image(s)."
IMPORT_CHECK_GUESSES = "Read the lines of {settings} marked 'check' ({keys}): they were guessed from the draft."
IMPORT_NEXT = "Next: `pressroom build {folder}` makes the PDF."
IMPORT_FIX_FIRST = "Fix the problems above, then run `pressroom build {folder}`."
IMPORT_SETTINGS_HEADER = (
    "# The facts about this report, imported from {draft} by `pressroom import`.\n"
    "# Each line marked 'check' was guessed from the draft: read it before you build.\n"
)
IMPORT_FILES_COMMENT = "# The Markdown files, in reading order."
IMPORT_GUESS_PROPERTY = "check: the draft's {property} property"
IMPORT_GUESS_STYLE = "check: the paragraph in the {style} style"
IMPORT_GUESS_FIRST_HEADING = "check: the first heading (the draft has no title)"
IMPORT_GUESS_FILE_NAME = "check: the file name (the draft has no title or heading)"
IMPORT_GUESS_DEFAULT_KIND = "check: the draft does not say its kind (in Word: File > Info > Properties > Category)"
IMPORT_GUESS_CREATED = "check: the day the draft was created; write the publication date"
IMPORT_GUESS_TODAY = "check: the day of the import (the draft has no date); write the publication date"
IMPORT_GUESS_LANGUAGE = "check: the draft's language setting"
IMPORT_GUESS_DEFAULT_LANGUAGE = "check: the draft sets no language"
IMPORT_GUESS_PAGE = "check: the draft's page size"
IMPORT_GUESS_ORGANISATION = "check: or choose with --organisation, one of: {choices}"
