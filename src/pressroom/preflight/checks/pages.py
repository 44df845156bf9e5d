"""Page count: saddle-stitched booklets need a multiple of 4 pages."""

from __future__ import annotations

from ..model import Finding, PreflightOptions
from ..pdfutil import PdfSource, open_pdf

CHECK = "page-count"


def check_page_count(pdf: PdfSource, options: PreflightOptions) -> list[Finding]:
    count = len(open_pdf(pdf).pages)
    if count == 0:
        return [Finding(CHECK, "error", "The PDF has no pages.")]
    if options.saddle_stitch and count % 4:
        missing = 4 - count % 4
        return [Finding(
            CHECK, "error",
            f"The document has {count} pages; a saddle-stitched booklet needs a multiple of 4. "
            f"Add {missing} page(s) (e.g. blank pages before the back cover) or remove "
            f"{count % 4}.")]
    extra = " (multiple of 4, fine for saddle stitch)" if options.saddle_stitch else ""
    return [Finding(CHECK, "info", f"{count} page{'s' if count != 1 else ''}{extra}.")]
