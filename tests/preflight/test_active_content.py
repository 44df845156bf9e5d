"""A print file with scripts, actions, attachments or forms fails preflight."""

from __future__ import annotations

import io

import pypdf
import pytest
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from pressroom.preflight import PreflightOptions
from pressroom.preflight.checks import check_active_content


def pdf_with(change) -> pypdf.PdfReader:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(200, 200)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return pypdf.PdfReader(io.BytesIO(out.getvalue()))


def javascript_on_open(writer: pypdf.PdfWriter) -> None:
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")})
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})


@pytest.mark.parametrize(
    "change",
    [
        javascript_on_open,
        lambda writer: writer.add_open_action(pypdf.actions.JavaScript("app.alert(1)")),
        lambda writer: writer.add_attachment("a.txt", b"x"),
    ],
    ids=["page-action", "document-javascript", "embedded-file"],
)
def test_active_content_is_an_error(change):
    findings = check_active_content(pdf_with(change), PreflightOptions())
    assert [f.severity for f in findings] == ["error"]


def test_a_plain_file_passes():
    findings = check_active_content(pdf_with(lambda writer: None), PreflightOptions())
    assert [f.severity for f in findings] == ["info"]
