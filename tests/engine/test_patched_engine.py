"""patched_engine(): version check, originals restored, nesting."""

import pytest
import weasyprint
from weasyprint.layout import LayoutContext, block, inline, page
from weasyprint.pdf import tags
from weasyprint.pdf.stream import Stream

import pressroom.engine as engine
from pressroom.engine import PATCHES, REQUIRED_WEASYPRINT, patched_engine


def _targets():
    return [(LayoutContext, "_update_footnote_area"), (block, "_linebox_layout"),
            (block, "block_level_layout"), (page, "make_page"),
            (page, "block_level_layout"), (weasyprint.document, "build_formatting_structure"), (weasyprint.document, "draw_page"),
            (Stream, "marked"), (tags, "_build_box_tree"), (weasyprint.pdf, "add_tags"), (inline, "justify_line")]


def _snapshot():
    return [getattr(owner, name) for owner, name in _targets()]


def test_pinned_version():
    assert weasyprint.__version__ == REQUIRED_WEASYPRINT == "70.0"
    assert [module.__name__.rsplit(".", 1)[1] for module in PATCHES] == [
        "footnote_area_rounding", "footnote_area_empty", "footnote_policy_line",
        "footnote_lost_on_orphans", "footnote_split_long", "footnote_whitespace", "justify_unlimited_stretch",
        "text_extraction_clusters", "rtl_ligature_letters", "line_breaks_house", "structure_lang",
        "tags_margin_boxes", "tags_split_blocks", "tags_footnotes", "page_references_quadratic",
        "page_styles_scan_every_element"]


def test_wrong_version_refused(monkeypatch):
    before = _snapshot()
    monkeypatch.setattr(weasyprint, "__version__", "71.0")
    with pytest.raises(RuntimeError, match="70.0"):
        with patched_engine():
            pass
    assert _snapshot() == before


def test_originals_restored_and_nesting():
    before = _snapshot()
    with patched_engine():
        patched = _snapshot()
        assert all(a is not b for a, b in zip(before, patched))
        with patched_engine():
            assert _snapshot() == patched  # nested use shares the application
        assert _snapshot() == patched
    assert _snapshot() == before


def test_restored_after_exception():
    before = _snapshot()
    with pytest.raises(ZeroDivisionError):
        with patched_engine():
            1 / 0
    assert _snapshot() == before


def test_nesting_with_other_patches_refused():
    with patched_engine():
        with pytest.raises(RuntimeError):
            with patched_engine([engine.footnote_area_rounding]):
                pass
