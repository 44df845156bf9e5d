"""A content stream's operations, parsed by qpdf (pikepdf) rather than in pure Python.

pypdf's ContentStream tokenises byte by byte in Python: it was 97% of the print file's
preflight (6 s for 92 pages). qpdf parses the same stream about ten times faster. The
operations come back in pypdf's shape, which the interpreter in content.py reads: a list of
(operands, operator bytes), names as NameObject, numbers as numbers, and an inline image as
({"settings": its dictionary, plain dict and lists}, b"INLINE IMAGE").
"""

from __future__ import annotations

from typing import Any

import pikepdf
from pypdf.generic import NameObject, StreamObject

INLINE_IMAGE = b"INLINE IMAGE"


def content_operations(stream: StreamObject) -> list[tuple[list[Any], bytes]]:
    """The operations of a content stream (a page's, a form's, a pattern's) in pypdf's shape."""
    # qpdf parses a stream only inside some document. A new, empty one each time: a shared
    # one would keep every stream it was given for as long as the process lives.
    owner = pikepdf.new()
    parsed = pikepdf.parse_content_stream(pikepdf.Stream(owner, stream.get_data()))
    operations: list[tuple[list[Any], bytes]] = []
    for instruction in parsed:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            operations.append(({"settings": _pypdf_object(instruction.iimage.obj)}, INLINE_IMAGE))  # type: ignore[arg-type]
            continue
        operands = [_operand(value) for value in instruction.operands]
        operations.append((operands, bytes(instruction.operator)))
    return operations


def _operand(value: Any) -> Any:
    """Names for the resource look-ups; numbers as they are. Arrays (the shown text of TJ, a
    dash pattern) are never read by the interpreter and come back empty: nothing returned
    may refer to the qpdf document, which is gone once the stream is parsed."""
    if isinstance(value, pikepdf.Name):
        return NameObject(str(value))
    if isinstance(value, pikepdf.Object):
        return [] if isinstance(value, pikepdf.Array) else _pypdf_object(value)
    return value


def _pypdf_object(value: Any) -> Any:
    if isinstance(value, pikepdf.Name):
        return NameObject(str(value))
    if isinstance(value, pikepdf.Dictionary):
        return {str(key): _pypdf_object(item) for key, item in value.items()}
    if isinstance(value, pikepdf.Array):
        return [_pypdf_object(item) for item in value]
    if isinstance(value, pikepdf.String):
        return bytes(value)
    return value
