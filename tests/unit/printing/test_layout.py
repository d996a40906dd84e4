"""Layout resolution: every element on the page, at every supported size and dpi."""

from __future__ import annotations

import unicodedata

import pytest

from printing.layout import (
    Bitmap,
    Layout,
    PlacedBarcode,
    PlacedBox,
    PlacedText,
    TextBlock,
    printer_font_can_draw,
    resolve,
)
from printing.model import LabelSize
from printing.render import Document, pages_for
from tests.helpers.printing_data import CJK_RECIPIENT, return_label, shipping


def _bottom_right(el: object) -> tuple[int, int]:
    if isinstance(el, PlacedBarcode):
        return el.x + el.width, el.y + (el.width if el.kind.value == "qr" else el.height)
    if isinstance(el, PlacedText):
        return el.x + el.reverse_width, el.y + el.height
    if isinstance(el, Bitmap):
        return el.x + el.image.width, el.y + el.image.height
    assert isinstance(el, PlacedBox)
    return el.x + el.width, el.y + el.height


@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("doc", [shipping(), shipping(recipient=CJK_RECIPIENT), return_label()],
                         ids=["shipping", "shipping-cjk", "return"])
def test_everything_fits_on_the_label(size: LabelSize, dpi: int, doc: Document) -> None:
    (page,) = pages_for(doc, size, dpi)
    assert page.width == round(size.width_mm * dpi / 25.4)
    for el in page.elements:
        right, bottom = _bottom_right(el)
        assert el.x >= 0 and el.y >= 0
        assert right <= page.width and bottom <= page.height, el


def test_long_tracking_number_shrinks_to_module_one_not_off_the_label() -> None:
    tracking = "1Z" + "ABCDEFGHJK" * 4  # ~475 modules: 3 dots each would not fit 4 in
    (page,) = pages_for(shipping(tracking_number=tracking), LabelSize.IN_4X4, 203)
    code = next(e for e in page.elements if isinstance(e, PlacedBarcode) and e.data == tracking)
    assert code.module < 3
    assert code.x + code.width <= page.width


def test_text_is_wrapped_and_limited() -> None:
    layout = Layout(50, 50, (TextBlock(0, 0, 20, 3, "word " * 40, max_lines=3),))
    lines = [e for e in resolve(layout, 203).elements if isinstance(e, PlacedText)]
    assert len(lines) == 3 and lines[-1].text.endswith("...")
    assert lines[0].y < lines[1].y < lines[2].y


def test_printer_font_decision() -> None:
    assert printer_font_can_draw("Zoë Müller, Łódź, Αθήνα, Москва")
    assert printer_font_can_draw("tab\tand NUL\x00 are escaped, not drawn")
    assert not printer_font_can_draw("李小龙")
    assert not printer_font_can_draw("שלום")
    assert not printer_font_can_draw("right-to-left mark \u200f")
    assert not printer_font_can_draw("📦")


def test_printer_font_check_matches_its_definition_for_every_code_point() -> None:
    """The check is one regular expression; its definition: control character, or in one of
    the font's ranges."""
    from printing.layout import _FONT0_RANGES

    def defined(cp: int) -> bool:
        return (unicodedata.category(chr(cp)) == "Cc"
                or any(lo <= cp <= hi for lo, hi in _FONT0_RANGES))

    wrong = [hex(cp) for cp in range(0x110000)
             if not 0xD800 <= cp <= 0xDFFF and printer_font_can_draw(chr(cp)) != defined(cp)]
    assert wrong == []
