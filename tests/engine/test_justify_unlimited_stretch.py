"""justify_long_word.html: a justified line before a long unbreakable word stretches its
spaces without limit; patched, no space grows by more than one word space."""

import weasyprint
from weasyprint.formatting_structure import boxes

from pressroom.engine import justify_unlimited_stretch, patched_engine

from .conftest import repro

HTML = repro("justify_long_word.html")


def widest_extra_space_em(patched: bool) -> float:
    """The largest width added to a space by justification, in em of the text."""
    def render() -> weasyprint.Document:
        return weasyprint.HTML(string=HTML).render()

    if patched:
        with patched_engine([justify_unlimited_stretch]):
            document = render()
    else:
        document = render()
    extra = [
        box.justification_spacing / box.style["font_size"]
        for page in document.pages
        for box in page._page_box.descendants()
        if isinstance(box, boxes.TextBox) and getattr(box, "justification_spacing", 0)
    ]
    return max(extra, default=0.0)


def test_unpatched_a_line_before_a_long_word_gets_gaps_over_twice_a_space():
    assert widest_extra_space_em(patched=False) > 2 * justify_unlimited_stretch.MAX_EXTRA_EM


def test_patched_no_space_grows_by_more_than_one_word_space():
    assert 0 < widest_extra_space_em(patched=True) <= justify_unlimited_stretch.MAX_EXTRA_EM
