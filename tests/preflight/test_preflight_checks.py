"""Unit tests of single checks on small hand-built PDFs."""

from __future__ import annotations

from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
)

from pressroom.preflight import PreflightOptions
from pressroom.preflight.checks import (
    check_boxes,
    check_colour_spaces,
    check_hairlines,
    check_image_resolution,
    check_output_intent,
    check_transparency,
)
from pressroom.preflight.report import page_ranges

OPTS = PreflightOptions()
TRIM = (0, 0, 595.28, 841.89)
BLEED = (-8.5, -8.5, 603.78, 850.39)


def by_severity(findings, severity):
    return [f for f in findings if f.severity == severity]


def test_hairline_width_is_scaled_by_ctm(raw_pdf):
    # 0.4 w under a 0.5 scale = 0.2 pt -> warning; 1 w unscaled is fine.
    path = raw_pdf(b"0 0 0 1 K q 0.5 0 0 0.5 0 0 cm 0.4 w 0 0 m 100 0 l S Q "
                   b"1 w 0 10 m 100 10 l S")
    warnings = by_severity(check_hairlines(path, OPTS), "warning")
    assert len(warnings) == 1 and "0.20 pt" in warnings[0].message and warnings[0].page == 1
    # The same stroke restored by Q: the graphics state stack works.
    path = raw_pdf(b"q 0.1 w Q 0 0 m 100 0 l S")
    assert by_severity(check_hairlines(path, OPTS), "warning") == []


def test_zero_width_line_is_an_error(raw_pdf):
    path = raw_pdf(b"0 w 0 0 m 100 0 l S")
    assert by_severity(check_hairlines(path, OPTS), "error")


def test_line_width_from_extgstate(raw_pdf):
    gs = DictionaryObject({NameObject("/LW"): FloatObject(0.1)})
    path = raw_pdf(b"/G1 gs 0 0 m 100 0 l S", resources={"/ExtGState": {"/G1": gs}})
    assert by_severity(check_hairlines(path, OPTS), "warning")


def test_rgb_inside_form_xobject_is_found(raw_pdf):
    path = raw_pdf(b"0 0 0 1 k 0 0 10 10 re f /Fm1 Do",
                   forms={"/Fm1": (b"1 0 0 rg 0 0 50 50 re f", DictionaryObject())})
    found = by_severity(check_colour_spaces(path, OPTS), "error")
    assert len(found) == 1 and "fill in DeviceRGB" in found[0].message


def test_rgb_set_but_never_painted_is_ignored(raw_pdf):
    path = raw_pdf(b"1 0 0 rg 0 0 0 1 k 0 0 10 10 re f")
    assert by_severity(check_colour_spaces(path, OPTS), "error") == []


def test_iccbased_rgb_colour_space(raw_pdf):
    icc = DecodedStreamObject()
    icc.set_data(b"\0" * 128)
    icc[NameObject("/N")] = NumberObject(3)
    cs = ArrayObject([NameObject("/ICCBased"), icc])
    path = raw_pdf(b"/CS0 CS 0.2 0.3 0.4 SC 0 0 m 10 10 l S",
                   resources={"/ColorSpace": {"/CS0": cs}})
    found = by_severity(check_colour_spaces(path, OPTS), "error")
    assert found and "stroke in ICCBased (3 components)" in found[0].message


def test_inline_image_resolution(raw_pdf):
    # A 16 x 16 px inline image drawn 72 pt (1 in) wide: 16 ppi.
    data = b"\xff" * (16 * 16)
    content = (b"q 72 0 0 72 100 100 cm BI /W 16 /H 16 /CS /G /BPC 8 ID " + data +
               b" EI Q")
    found = by_severity(check_image_resolution(raw_pdf(content), OPTS), "error")
    assert len(found) == 1 and "16 ppi" in found[0].message


def test_boxes_missing_and_bleed_too_small(raw_pdf):
    missing = check_boxes(raw_pdf(b""), OPTS)
    assert {"TrimBox" in f.message for f in by_severity(missing, "error")} >= {True}
    small = raw_pdf(b"", media=(-2, -2, 597.28, 843.89), trim=TRIM,
                    bleed=(-2, -2, 597.28, 843.89))
    found = by_severity(check_boxes(small, OPTS), "error")
    assert len(found) == 1 and "only 0.7 mm of bleed" in found[0].message
    outside = raw_pdf(b"", media=TRIM, trim=TRIM, bleed=BLEED)
    assert any("beyond the MediaBox" in f.message for f in check_boxes(outside, OPTS))
    ok = raw_pdf(b"", media=BLEED, trim=TRIM, bleed=BLEED)
    assert [f.severity for f in check_boxes(ok, OPTS)] == ["info"]


def test_transparency_soft_mask_in_x1a(raw_pdf):
    gs = DictionaryObject({NameObject("/SMask"): DictionaryObject(
        {NameObject("/S"): NameObject("/Luminosity")})})
    path = raw_pdf(b"/G1 gs 0 0 10 10 re f", resources={"/ExtGState": {"/G1": gs}})
    x1a = PreflightOptions(standard="x-1a")
    found = by_severity(check_transparency(path, x1a), "error")
    assert found and "soft mask" in found[0].message
    assert by_severity(check_transparency(path, OPTS), "error") == []


def test_output_intent_missing(raw_pdf):
    found = check_output_intent(raw_pdf(b""), OPTS)
    assert found[0].severity == "error" and "output intent" in found[0].message


def test_page_ranges():
    assert page_ranges([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"
    assert page_ranges([]) == "-"


def test_rgb_in_annotation_appearance(raw_pdf):
    path = raw_pdf(b"", annots=[((100, 100, 200, 150), b"0 0 1 RG 2 w 1 1 98 48 re S")])
    found = by_severity(check_colour_spaces(path, OPTS), "error")
    assert found and "stroke in DeviceRGB" in found[0].message


def test_type0_font_with_unembedded_descendant(raw_pdf):
    from pressroom.preflight.checks import check_fonts

    descriptor = DictionaryObject({NameObject("/Type"): NameObject("/FontDescriptor"),
                                   NameObject("/FontName"): NameObject("/ArialMT")})
    cid = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/CIDFontType2"),
        NameObject("/BaseFont"): NameObject("/ArialMT"),
        NameObject("/FontDescriptor"): descriptor,
    })
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/ABCDEF+ArialMT"),
        NameObject("/Encoding"): NameObject("/Identity-H"),
        NameObject("/DescendantFonts"): ArrayObject([cid]),
    })
    path = raw_pdf(b"BT /F1 12 Tf (A) Tj ET", resources={"/Font": {"/F1": font}}, pages=2)
    found = by_severity(check_fonts(path, OPTS), "error")
    assert [f.page for f in found] == [1, 2]
    assert found[0].message.startswith("Font 'ArialMT' is not embedded.")


def test_hundred_pages_are_fast(weasy_pdf, tmp_path):
    import time

    from pypdf import PdfReader, PdfWriter

    from pressroom.preflight import preflight

    html = ("<h1>Chapter</h1>" + "<p>" + "Lorem ipsum dolor sit amet. " * 120 + "</p>"
            "<table style='border-collapse: collapse'>" +
            "<tr><td style='border: 0.5pt solid device-cmyk(0 0 0 1)'>cell</td></tr>" * 20 +
            "</table>")
    one = PdfReader(weasy_pdf(html, variant="pdf/x-4"))
    writer = PdfWriter(clone_from=one)
    while len(writer.pages) < 100:
        writer.add_page(one.pages[len(writer.pages) % len(one.pages)])
    big = tmp_path / "hundred.pdf"
    with open(big, "wb") as fh:
        writer.write(fh)
    start = time.perf_counter()
    report = preflight(big, OPTS)
    elapsed = time.perf_counter() - start
    assert report.pages == 100
    assert elapsed < 15, f"preflight of 100 pages took {elapsed:.1f} s"


def test_iccbased_cmyk_is_fine_in_x4_but_not_x1a(raw_pdf):
    icc = DecodedStreamObject()
    icc.set_data(b"\0" * 128)
    icc[NameObject("/N")] = NumberObject(4)
    cs = ArrayObject([NameObject("/ICCBased"), icc])
    path = raw_pdf(b"/CS0 cs 0 0 0 1 sc 0 0 10 10 re f", resources={"/ColorSpace": {"/CS0": cs}})
    assert by_severity(check_colour_spaces(path, OPTS), "error") == []
    found = by_severity(check_colour_spaces(path, PreflightOptions(standard="x-1a")), "error")
    assert found and "PDF/X-1a" in found[0].message


def test_checks_accept_in_memory_reader(raw_pdf):
    import io

    from pypdf import PdfReader

    from pressroom.preflight.checks import check_total_ink

    path = raw_pdf(b"1 1 1 1 k 0 0 612 792 re f")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    found = check_total_ink(reader, OPTS)
    assert found[0].severity == "error" and "400%" in found[0].message
    assert check_total_ink(path, PreflightOptions(max_tac=400))[0].severity == "info"


def test_total_ink_counts_the_bleed_and_not_the_marks_beyond_it(raw_pdf):
    from pressroom.preflight.checks import check_total_ink

    media = (-25, -25, 620.28, 866.89)
    # 400% in the bleed only (left of the trim): a vendor reads it, the cutter does not remove it first.
    in_bleed = raw_pdf(b"1 1 1 1 k -8 100 6 600 re f", media=media, trim=TRIM, bleed=BLEED, name="bleed.pdf")
    assert [f.severity for f in check_total_ink(in_bleed, OPTS)] == ["error"]
    # 400% crop marks beyond the BleedBox: printer's marks, not the page.
    marks = raw_pdf(b"1 1 1 1 K 0.25 w -23 0 m -9 0 l S 0.5 0 0 0.5 k 0 0 595 841 re f", media=media, trim=TRIM, bleed=BLEED, name="marks.pdf")
    found = check_total_ink(marks, OPTS)
    assert [f.severity for f in found] == ["info"] and "100%" in found[0].message


def test_text_under_12_pt_in_more_than_two_inks_is_a_warning(raw_pdf):
    from pressroom.preflight.checks import check_small_text_inks

    def text(colour: bytes, size: bytes, scale: bytes = b"1") -> bytes:
        return b"q %s 0 0 %s 0 0 cm BT /F1 %s Tf 1 0 0 1 72 700 Tm %s k (Note) Tj ET Q" % (scale, scale, size, colour)

    four_inks_small = raw_pdf(text(b"0.73 0.32 0.04 0.46", b"8"), name="small.pdf")
    (finding,) = check_small_text_inks(four_inks_small, OPTS)
    assert finding.severity == "warning" and "8 pt in C 73 M 32 Y 4 K 46" in finding.message
    # The size is what is printed: 16 pt scaled by 0.5 is 8 pt type; 8 pt scaled by 2 is 16 pt.
    assert check_small_text_inks(raw_pdf(text(b"0.73 0.32 0.04 0.46", b"16", b"0.5"), name="scaled.pdf"), OPTS)[0].severity == "warning"
    assert check_small_text_inks(raw_pdf(text(b"0.73 0.32 0.04 0.46", b"8", b"2"), name="large.pdf"), OPTS)[0].severity == "info"
    assert check_small_text_inks(raw_pdf(text(b"0.95 0.55 0 0", b"8"), name="two.pdf"), OPTS)[0].severity == "info"
    assert check_small_text_inks(raw_pdf(text(b"0 0 0 1", b"6"), name="black.pdf"), OPTS)[0].severity == "info"


def test_a_declared_and_unused_resource_is_a_warning(raw_pdf):
    from pressroom.preflight.checks import check_unused_resources

    def lab():
        return ArrayObject([NameObject("/Lab"), DictionaryObject({NameObject("/WhitePoint"): ArrayObject([FloatObject(0.95), FloatObject(1), FloatObject(1.09)])})])

    unused = raw_pdf(b"0 0 0 1 k 0 0 10 10 re f", resources={"/ColorSpace": {"/lab-d50": lab()}}, name="unused.pdf")
    (finding,) = check_unused_resources(unused, OPTS)
    assert finding.severity == "warning" and "ColorSpace/lab-d50" in finding.message
    used = raw_pdf(b"/lab-d50 cs 50 0 0 scn 0 0 10 10 re f", resources={"/ColorSpace": {"/lab-d50": lab()}}, name="used.pdf")
    assert [f.severity for f in check_unused_resources(used, OPTS)] == ["info"]


def test_an_annotation_inside_the_bleed_box_is_an_error(raw_pdf):
    from pressroom.preflight.checks import check_annotations

    media = (-30, -30, 625.28, 871.89)
    inside = raw_pdf(b"", media=media, trim=TRIM, bleed=BLEED, annots=[((100, 100, 200, 120), b"")], name="in.pdf")
    (finding,) = check_annotations(inside, OPTS)
    assert finding.severity == "error" and finding.page == 1 and "1 Square" in finding.message
    beyond = raw_pdf(b"", media=media, trim=TRIM, bleed=BLEED, annots=[((-29, -29, -12, -12), b"")], name="out.pdf")
    assert [f.severity for f in check_annotations(beyond, OPTS)] == ["info"]


def test_total_ink_measures_cmyk_as_written_and_grey_as_black_ink_only(raw_pdf):
    """Ghostscript renders Device colours by formula (-dUseFastColor): no ICC link to shift a
    CMYK value, and grey is black ink only, as a RIP prints it (not a rich black)."""
    from pressroom.preflight.checks.ink import render_max_coverage

    cmyk = raw_pdf(b"0.95 0.55 0.15 0.2 k 0 0 612 792 re f", name="cmyk.pdf")
    grey = raw_pdf(b"0.2 g 0 0 612 792 re f", name="grey.pdf")
    assert [round(value) for value in render_max_coverage(cmyk)] == [185]
    assert [round(value) for value in render_max_coverage(grey)] == [80]
