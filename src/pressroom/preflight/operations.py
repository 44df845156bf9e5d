"""A content stream's operations, parsed by qpdf (pikepdf) rather than in pure Python.

pypdf's ContentStream tokenises byte by byte in Python: it was 97% of the print file's
preflight (6 s for 92 pages). qpdf parses the same stream about ten times faster. The
operations come back in pypdf's shape, which the interpreter in content.py reads: a list of
(operands, operator bytes), names as NameObject, numbers as numbers, and an inline image as
({"settings": its dictionary, plain dict and lists}, b"INLINE IMAGE").
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal
from typing import Any

import pikepdf
from pypdf.generic import NameObject, StreamObject

INLINE_IMAGE = b"INLINE IMAGE"
_NUMBERS = frozenset({int, float, Decimal, bool})  # qpdf's numbers arrive as Python's


def content_operations(
    stream: StreamObject, only: Collection[bytes] = (), operands_of: Collection[bytes] | None = None
) -> list[tuple[list[Any], bytes]]:
    """The operations of a content stream (a page's, a form's, a pattern's) in pypdf's shape.

    `only`: the operators wanted (all when empty); qpdf drops the others as it parses, so a
    page of text does not cost a Python tuple for each line's move and marked-content tag.
    `operands_of`: the operators whose operands are read (all when None); the others come
    back with none, which spares converting the shown text of every Tj and TJ."""
    # qpdf parses a stream only inside some document. A new, empty one each time: a shared
    # one would keep every stream it was given for as long as the process lives.
    owner = pikepdf.new()
    parsed = pikepdf.parse_content_stream(pikepdf.Stream(owner, stream.get_data()), " ".join(op.decode() for op in only))
    operations: list[tuple[list[Any], bytes]] = []
    for instruction in parsed:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            operations.append(({"settings": _pypdf_object(instruction.iimage.obj)}, INLINE_IMAGE))  # type: ignore[arg-type]
            continue
        operator = bytes(instruction.operator)
        read = operands_of is None or operator in operands_of
        operations.append(([_operand(value) for value in instruction.operands] if read else [], operator))
    return operations


def _operand(value: Any) -> Any:
    """Names for the resource look-ups; numbers as they are. Arrays (the shown text of TJ, a
    dash pattern) are never read by the interpreter and come back empty: nothing returned
    may refer to the qpdf document, which is gone once the stream is parsed."""
    if type(value) in _NUMBERS:  # most operands: matrices, colours, rectangles
        return value
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
