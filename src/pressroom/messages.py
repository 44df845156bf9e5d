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
DUPLICATE_KEY = "'{key}' is written twice (first on line {first}). Keep one of them."
YAML_NOT_MAPPING = "report.yaml must be a list of 'key: value' lines. Start with 'title: Your title'."
FRONT_MATTER_MISSING = (
    "This Markdown file has no front matter. Start it with '---', the report's facts "
    "(title, kind, organisation, date, language), and '---'."
)

# Validation
UNKNOWN_KEY = "'{key}' is not a report setting.{hint} Remove it or correct its name."
KEY_NOT_TEXT = "The key '{key}' is not a name. Keys are words such as 'title' or 'date'."
UNKNOWN_KEY_HINT = " Did you mean '{suggestion}'?"
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
LABEL_DUPLICATE = "The label #{label} is given to two figures, tables or boxes. Give each its own label."
LABEL_WRONG_KIND = "The label #{label} is on a {kind}; a {kind}'s label starts with '{prefix}:'. Change the label to start with '{prefix}:'."
LABEL_UNDEFINED = (
    "@{label} refers to a figure, table or box that does not exist. "
    "Check the spelling against its '::: figure #{label} ...' line, or remove the reference."
)
CITATION_UNKNOWN = "The citation key @{key} is not in the bibliography. Check its spelling, or add the work to the bibliography file."
CITATION_NO_BIBLIOGRAPHY = (
    "@{key} is cited, but the report has no bibliography. Name the file in report.yaml ('bibliography: references.json')."
)
CITATION_STYLE_UNKNOWN = "There is no citation style '{name}'. Use one of: {choices}, or put {name}.csl in the report folder."
BIBLIOGRAPHY_UNREADABLE = "The bibliography '{name}' cannot be read ({detail}). Save it again as CSL-JSON or BibTeX."
RESOURCE_REFUSED = "The document asked for '{url}', which is outside the report and styles folders, so it was not loaded."

# Layout and audit
ENGINE_WARNING = "The layout engine reported: {detail}"
NOTDEF_GLYPH = (
    "Some characters have no glyph in the fonts '{families}' and were drawn as empty boxes. "
    "Replace the characters, or use a style whose fonts have them."
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
LINE_OUTSIDE = "A line on page {page} runs outside the text block ('{text}'). Add a space or line break opportunity."

# Words printed in the report itself
BIBLIOGRAPHY_HEADING = "Bibliography"
REPORT_WORDS = {"contents": "Contents", "acronyms": "Acronyms"}

# CLI
BUILT = "{path}: {pages} pages, {notes} notes, {seconds:.1f} s"
FAILED = "The build failed; {output} was not changed."
BUG = "pressroom hit an internal error. This is a bug, not your mistake: please report it with the text above."
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
DOCTOR_SUMMARY_OK = "This machine has everything a build needs."
DOCTOR_SUMMARY_MISSING = "{count} missing. Run the fix commands above (apt-get as root), then `pressroom doctor` again."

# Preflight and artwork
PREFLIGHT_FILE_MISSING = "There is no file '{path}'. Check the path; to make a print file, run `pressroom build`."
PREFLIGHT_NOT_A_FILE = "'{path}' is a folder. Give the path of a PDF file."
PREFLIGHT_CANNOT_READ = "'{path}' cannot be read ({reason}). Check that you may read it, or copy it somewhere you can."
PREFLIGHT_NOT_PDF = "{path}: {detail}"
PREFLIGHT_NO_HEADER = "This file is not a PDF (it does not start with %PDF-). Export or save it again as PDF, then check it again."
PREFLIGHT_BAD_TAC = "'{value}' is not an ink limit. Give a percentage above 0 and at most 400, for example 300."
PREFLIGHT_REPORT_WRITTEN = "Wrote the preflight report {path}."
PREFLIGHT_REPORT_FAILED = "The preflight report {path} could not be written ({reason}). Check that its folder exists and you may write to it."
ARTWORK_PAGE = " on page {page}"
ARTWORK_UNREADABLE = "The {role} '{name}' cannot be read as a PDF ({detail}). Export it again from the design program as PDF."
ARTWORK_ENCRYPTED = "The {role} '{name}' is protected by a password. Export it again without one."
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

# Watch
WATCH_STARTED = "Watching {source}. Preview: {url} (open it in a browser). Stop with Ctrl+C."
WATCH_FIRST_BUILD = "building..."
WATCH_BUILD = "build {number}:"
WATCH_FAILED = "{clock} build {number} failed; {output} was not changed. Fix the problems above and save again."
WATCH_FAILED_SUMMARY = "failed with {count} problem(s)"
WATCH_STOPPED = "Stopped watching."
WATCH_PORT_BUSY = (
    "The preview cannot use port {port} ({error}): another `pressroom watch` may be running. "
    "Stop it, or choose another port: --port {next}."
)
PREFLIGHT_FAILED = "The print file fails the printer's check '{check}' (page {page}): {message}"
