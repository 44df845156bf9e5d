"""Stage 7: finish the PDF with pypdf: viewer settings the engine does not write.

Nothing here reads the clock or draws random numbers, so the same input gives the same bytes.
"""

from __future__ import annotations

import io

import pypdf
from pypdf.generic import BooleanObject, DictionaryObject, NameObject

from pressroom.model import ReportSettings


def finish(pdf: bytes, settings: ReportSettings) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf)))
    root = writer._root_object
    # Show the title (not the file name) in the window, and open with bookmarks visible.
    root[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)}
    )
    root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    root[NameObject("/Lang")] = pypdf.generic.TextStringObject(settings.language)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
