"""Hostile customer data never changes the ZPL's structure and survives ^FH escaping."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from printing.barcodes import UnprintableBarcodeData
from printing.documents import shipping_label_layout
from printing.layout import Bitmap, PlacedText, resolve
from printing.model import LabelSize
from printing.render import pages_for, render
from printing.zpl import MAX_FIELD_CHARS, decode_field_data, field_data, render_zpl
from tests.helpers.printing_data import RECIPIENT, shipping

ALLOWED_COMMANDS = {"XA", "CI", "PW", "LL", "LH", "FO", "A0", "FH", "FD", "FS", "GB", "FR",
                    "BY", "BC", "BQ", "GF", "PQ", "XZ"}
HOSTILE = [
    "^XZ^XA^FO0,0^FDX^FS",
    "~JR",
    "Bob_5E_7E",
    "nul\x00here\x1b\x10\x1d",
    "line\r\nbreak",
    "\x85c1\x9bcontrol",
]


def _fields(zpl: str) -> list[str]:
    """The raw text between ^FD and ^FS of every field."""
    return re.findall(r"\^FD(.*?)\^FS", zpl, flags=re.DOTALL)


def _structure_ok(zpl: bytes, expected_fo: int) -> None:
    text = zpl.decode("utf-8")
    assert text.startswith("^XA") and text.rstrip().endswith("^XZ")
    assert text.count("^XA") == 1 and text.count("^XZ") == 1
    assert "~" not in text  # a tilde would be a control command, even inside ^FD
    commands = re.findall(r"\^([A-Z0-9@]{2})", text)
    assert set(commands) <= ALLOWED_COMMANDS
    assert text.count("^FO") == expected_fo
    assert text.count("^FS") == expected_fo
    # No control characters except the newlines between commands.
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)


def _expected_fo(data: object, dpi: int = 203) -> int:
    page = pages_for(data, LabelSize.IN_4X6, dpi)[0]  # type: ignore[arg-type]
    return sum(2 if isinstance(e, PlacedText) and e.reverse_width else 1 for e in page.elements)


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("dpi", [203, 300])
def test_hostile_fields_keep_one_label(hostile: str, dpi: int) -> None:
    recipient = dataclasses.replace(RECIPIENT, name=hostile, lines=(hostile,))
    data = shipping(recipient=recipient, order_number=hostile, reference=hostile,
                    carrier=hostile, service=hostile)
    zpl = render(data, "zpl", dpi=dpi)
    _structure_ok(zpl, _expected_fo(data, dpi))
    decoded = [decode_field_data(f) for f in _fields(zpl.decode("utf-8"))]
    # Every hostile line comes back exactly from its ^FH hex form.
    for piece in hostile.replace("\r\n", "\n").split("\n"):
        assert any(piece in d for d in decoded), (piece, decoded)


def test_hostile_order_number_is_text_not_command() -> None:
    zpl = render(shipping(order_number="^XZ^XA^FO0,0^FDX^FS"), "zpl").decode()
    assert "^FDOrder _5EXZ_5EXA_5EFO0,0_5EFDX_5EFS^FS" in zpl


@pytest.mark.parametrize("text", ["Ahmed \u200fأحمد\u200f", "Emoji 😀📦 fan", "\u202eevil"])
def test_scripts_the_printer_cannot_draw_become_one_graphic_field(text: str) -> None:
    data = shipping(recipient=dataclasses.replace(RECIPIENT, name=text))
    page = pages_for(data)[0]
    bitmaps = [e for e in page.elements if isinstance(e, Bitmap)]
    assert len(bitmaps) == 1 and text in bitmaps[0].source_text
    zpl = render_zpl(page)
    _structure_ok(zpl, _expected_fo(data))
    assert zpl.count(b"^GFA,") == 1


def test_graphic_field_geometry_matches_bitmap() -> None:
    page = pages_for(shipping(recipient=dataclasses.replace(RECIPIENT, name="李小龙")))[0]
    bitmap = next(e for e in page.elements if isinstance(e, Bitmap))
    zpl = render_zpl(page).decode()
    m = re.search(r"\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", zpl)
    assert m is not None
    total, _, row, hexdata = int(m[1]), m[2], int(m[3]), m[4]
    assert row == (bitmap.image.width + 7) // 8
    assert total == row * bitmap.image.height == len(hexdata) // 2
    # Dots set in the ZPL == black pixels in the bitmap (the preview pastes the same image).
    black = sum(1 for px in bitmap.image.get_flattened_data() if px == 0)
    assert sum(bin(b).count("1") for b in bytes.fromhex(hexdata)) == black


def test_two_kilobyte_fields_are_limited() -> None:
    big = "A" * 2048
    data = shipping(recipient=dataclasses.replace(RECIPIENT, name=big, lines=(big,)),
                    reference=big, service=big)
    zpl = render(data, "zpl").decode()
    _structure_ok(zpl.encode(), _expected_fo(data))
    assert all(len(decode_field_data(f)) <= MAX_FIELD_CHARS for f in _fields(zpl))
    assert len(zpl) < 10_000


def test_tracking_number_that_would_break_code128_is_refused() -> None:
    with pytest.raises(UnprintableBarcodeData):
        render(shipping(tracking_number="AB>;123"), "zpl")
    with pytest.raises(UnprintableBarcodeData):
        render(shipping(tracking_number="AB^XZ"), "zpl")


@given(st.text())
def test_field_data_round_trips(text: str) -> None:
    escaped = field_data(text, max_chars=10_000)
    assert decode_field_data(escaped) == text
    assert "^" not in escaped and "~" not in escaped
    assert not re.search(r"[\x00-\x1f\x7f-\x9f]", escaped)
    # Every underscore is the start of a two-hex-digit escape.
    assert all(re.fullmatch(r"_[0-9A-F]{2}", escaped[i:i + 3]) for i in
               [m.start() for m in re.finditer("_", escaped)])


@given(st.text(max_size=300), st.integers(203, 300))
@example("数\u2029据", 203)  # drawn as a graphic field: raqm's layout failed on U+2029
def test_any_recipient_name_keeps_structure(name: str, dpi: int) -> None:
    data = shipping(recipient=dataclasses.replace(RECIPIENT, name=name))
    page = resolve(shipping_label_layout(data), dpi)
    zpl = render_zpl(page)
    expected = sum(2 if isinstance(e, PlacedText) and e.reverse_width else 1
                   for e in page.elements)
    _structure_ok(zpl, expected)


def test_gs1_128_in_zpl_starts_with_fnc1() -> None:
    # >; = start code C, >8 = FNC1 in first position: the GS1-128 form a scanner reports as ]C1
    # (proved on the PDF/PNG of the same page in tests/integration/printing).
    zpl = render(shipping(), "zpl").decode()
    (field,) = re.findall(r"\^BCN,\d+,N,N,N,N\^FD(>;>8[0-9]+)\^FS", zpl)
    assert field == ">;>800" + shipping().sscc
    tracking = re.findall(r"\^BCN,\d+,N,N,N,N\^FD(>:[^\^]+)\^FS", zpl)
    assert tracking == [">:" + shipping().tracking_number]
