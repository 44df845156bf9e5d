"""preflight/operations.py: qpdf's parse of a content stream, in the shape pypdf gives."""

from __future__ import annotations

from decimal import Decimal

from pypdf.generic import ContentStream, DecodedStreamObject, NameObject

from pressroom.preflight.operations import INLINE_IMAGE, content_operations

STREAM = (
    b"q 0.5 0 0 0.5 10 20 cm /GS1 gs /Cs1 cs 0.1 0.2 0.3 0.4 scn 1 0 0 RG 2 w "
    b"0 0 100 50 re f BT /F1 12 Tf [(Hi) -20 (there)] TJ ET /P0 scn /X1 Do "
    b"BI /W 2 /H 1 /CS /RGB /BPC 8 ID \x00\x00\x00\xff\xff\xff EI Q"
)


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _comparable(operations):
    """Operators, names and numbers as plain values (text arrays left out)."""
    shown = []
    for operands, operator in operations:
        if operator == INLINE_IMAGE:
            settings = operands["settings"]
            shown.append((operator, {str(key).lstrip("/")[:1]: str(value) for key, value in settings.items()}))
            continue
        values = [str(v) if isinstance(v, str) else float(v) for v in operands if not isinstance(v, (list, tuple)) and not hasattr(v, "append")]
        shown.append((operator, values))
    return shown


def test_operations_match_pypdfs_parse():
    ours = content_operations(_stream(STREAM))
    theirs = ContentStream(_stream(STREAM), None).operations
    assert [operator for _, operator in ours] == [operator for _, operator in theirs]
    ours_shown, theirs_shown = _comparable(ours), _comparable(theirs)
    for (operator, mine), (_, pypdfs) in zip(ours_shown, theirs_shown):
        if operator != INLINE_IMAGE:
            assert mine == pypdfs, operator


def test_names_are_pypdf_names_and_numbers_are_numbers():
    operations = dict((operator, operands) for operands, operator in content_operations(_stream(STREAM)))
    assert operations[b"gs"] == [NameObject("/GS1")] and isinstance(operations[b"gs"][0], NameObject)
    assert [float(v) for v in operations[b"cm"]] == [0.5, 0, 0, 0.5, 10, 20]
    assert isinstance(operations[b"w"][0], (int, float, Decimal))


def test_an_inline_image_keeps_its_colour_space_and_size():
    (settings_holder, operator), = [op for op in content_operations(_stream(STREAM)) if op[1] == INLINE_IMAGE]
    settings = settings_holder["settings"]
    assert settings["/Width"] == 2 and settings["/Height"] == 1
    assert settings["/ColorSpace"] == NameObject("/DeviceRGB")


def test_nothing_returned_refers_to_the_parsing_document():
    """The qpdf document is dropped once the stream is parsed: reading an operand later must
    not reach into it."""
    import gc

    operations = content_operations(_stream(STREAM + b" /Span <</MCID 0>> BDC (text) Tj EMC"))
    gc.collect()
    shown = [(operator, repr(operands)) for operands, operator in operations]
    assert (b"Tj", "[b'text']") in shown
    assert (b"BDC", "['/Span', {'/MCID': 0}]") in shown


def test_only_the_operators_asked_for_and_only_the_operands_read():
    operations = content_operations(_stream(STREAM), only=(b"cm", b"TJ", b"BI", b"ID", b"EI"), operands_of=(b"cm",))
    assert [operator for _, operator in operations] == [b"cm", b"TJ", INLINE_IMAGE]
    (cm, _), (tj, _), _ = operations
    assert [float(v) for v in cm] == [0.5, 0, 0, 0.5, 10, 20]
    assert tj == []
