"""Every sentence a user reads, in one place: what is wrong, then how to fix it."""

# Loading
SOURCE_MISSING = "There is no report here. Give a report folder (with report.yaml) or a Markdown file."
REPORT_YAML_MISSING = "This folder has no report.yaml. Create one (see `pressroom new`) or name a Markdown file."
FILE_MISSING = "The file '{name}' named in report.yaml does not exist. Check the spelling, or create the file."
NOT_UTF8 = "This file is not UTF-8 text (bad byte at offset {offset}). Save it as UTF-8 in your editor."
YAML_SYNTAX = "This is not valid YAML: {detail}. Check the indentation and that each line reads 'key: value'."
YAML_NOT_MAPPING = "report.yaml must be a list of 'key: value' lines. Start with 'title: Your title'."
FRONT_MATTER_MISSING = (
    "This Markdown file has no front matter. Start it with '---', the report's facts "
    "(title, kind, organisation, date, language), and '---'."
)

# Validation
UNKNOWN_KEY = "'{key}' is not a report setting.{hint} Remove it or correct its name."
UNKNOWN_KEY_HINT = " Did you mean '{suggestion}'?"
MISSING_KEY = "The report needs '{key}'. Add a line '{key}: ...'."
BAD_VALUE = "'{key}' {detail}. {fix}"
BAD_DATE_FIX = "Write the date as YYYY-MM-DD, for example 2017-01-31."
BAD_CHOICE_FIX = "Use one of: {choices}."
BAD_TYPE_FIX = "Write it as {expected}."
UNKNOWN_ORGANISATION = "There is no organisation '{name}'. Use one of: {choices}."
UNKNOWN_STYLE = "There is no style '{name}'. Use one of: {choices}."
BAD_LANGUAGE = "'{value}' is not a language tag. Write a tag such as en, en-GB, fr or es."
EMPTY_REPORT = "The report has no text. Write the report in the Markdown files named under 'files'."
NO_FILES = "The report names no Markdown files. List them under 'files:' in reading order."

# Markdown
NOTE_UNDEFINED = "The note [^{label}] is called here but never written. Add a line '[^{label}]: the note's text'."
NOTE_UNUSED = "The note [^{label}] is written here but never called. Call it with [^{label}] in the text, or delete it."
NOTE_DUPLICATE = "The note [^{label}] is written twice (first on line {first}). Give each note its own label."
IMAGE_NO_ALT = "The image '{src}' has no description. Write one between the brackets: ![what the image shows]({src})."
IMAGE_MISSING = "The image '{src}' does not exist. Check the path; it is read relative to this file."
IMAGE_OUTSIDE = "The image '{src}' is outside the report folder. Copy it into the report folder."
IMAGE_UNREADABLE = "The image '{src}' cannot be read as an image ({detail}). Save it again as PNG or JPEG."
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
FONT_NOT_EMBEDDED = "The font '{font}' is not embedded in the PDF. This is a bug in pressroom; please report it."
NOTE_LOST = "Note {number} (called on page {call_page}) is missing from the PDF."
NOTE_MISPLACED = "Note {number} is called on page {call_page} but printed on page {note_page}."
NOTE_DUPLICATED = "Note {number} is printed {count} times (pages {pages})."
NOTE_CLIPPED = "Note {number} on page {note_page} does not fit on the page and is cut off."
NOTE_TEXT_INCOMPLETE = "Note {number} on page {note_page} is not printed in full."
AUDIT_FIX = "The previous PDF was kept. Shorten the note or the paragraph that calls it, and build again."
BACK_PAGE_NOT_LAST = "The organisation's background page is not the last page on its own (page {page} of {pages})."
LINE_OUTSIDE = "A line on page {page} runs outside the text block ('{text}'). Add a space or line break opportunity."

# CLI
BUILT = "{path}: {pages} pages, {notes} notes, {seconds:.1f} s"
FAILED = "The build failed; {output} was not changed."
BUG = "pressroom hit an internal error. This is a bug, not your mistake: please report it with the text above."
CONTINUED_NOTES = "Notes continued on the next page: {notes}."
