from __future__ import annotations

import dataclasses
import re

import pytest
from escpos.printer import Dummy

from printing.escpos_receipt import RECEIPT_58MM, RECEIPT_80MM, clean_text, render_receipt
from printing.render import UnsupportedFormat, render
from tests.helpers.printing_data import CJK_RECIPIENT, RECIPIENT, shipping, slip

ESC_T = re.compile(rb"\x1bt.", re.DOTALL)
RASTER = re.compile(rb"\x1dv0\x00(.)(.)(.)(.)", re.DOTALL)  # GS v 0 m xL xH yL yH


def _dummy_text(profile: str, text: str) -> bytes:
    """What python-escpos itself sends for ``text`` on that profile."""
    d = Dummy(profile=profile)
    d.textln(text)
    return bytes(d.output)


@pytest.mark.parametrize("receipt", [RECEIPT_80MM, RECEIPT_58MM])
def test_latin_text_matches_python_escpos_bytes(receipt: object) -> None:
    out = render_receipt(slip(), receipt)  # type: ignore[arg-type]
    assert out.startswith(b"\x1b@")
    expected = _dummy_text(receipt.profile, "Zoë Müller")  # type: ignore[attr-defined]
    # Same encoded bytes as python-escpos's Dummy; which ESC t code-page switches precede them
    # depends on the code page already selected, so those are left out of the comparison.
    assert ESC_T.sub(b"", expected) in ESC_T.sub(b"", out)


def test_cut_only_where_the_profile_has_a_cutter() -> None:
    assert render_receipt(slip(), RECEIPT_80MM).endswith(b"\x1dV\x00")  # TM-T88V: GS V 0
    assert b"\x1dV" not in render_receipt(slip(), RECEIPT_58MM)[-8:]  # POS-5890: no cutter


def test_order_barcode_selects_code_set_b() -> None:
    assert b"\x1dkI\x09{BSO-1001" in render_receipt(slip(), RECEIPT_80MM)


def test_prices_and_totals_only_when_present() -> None:
    with_prices = render_receipt(slip(n_lines=2))
    assert b"4.90 EUR" in with_prices and b"Total" in with_prices
    without = render_receipt(slip(n_lines=2, prices=False))
    assert b"EUR" not in without and b"Total" not in without


def test_control_bytes_in_customer_data_are_removed() -> None:
    hostile = "Bob\x1b@\x1dV\x00\x10\x04\x01\x9b2J"
    data = slip(ship_to=dataclasses.replace(RECIPIENT, name=hostile), notes=hostile)
    out = render_receipt(data)
    assert clean_text(hostile) == "Bob@V2J"
    assert out.count(b"Bob@V2J") == 2
    assert out.count(b"\x1b@") == 1  # only our own initialise
    assert b"\x10\x04" not in out  # no DLE EOT smuggled in
    assert b"\x00\x10" not in out


@pytest.mark.parametrize("receipt", [RECEIPT_80MM, RECEIPT_58MM])
def test_text_no_code_page_has_is_printed_as_image(receipt: object) -> None:
    data = slip(ship_to=CJK_RECIPIENT, notes="Danke 😀")
    out = render_receipt(data, receipt)  # type: ignore[arg-type]
    for text in ("李小龙", "上海"):
        assert text.encode("gb18030") not in out
        assert text.encode("utf-8") not in out
    rasters = RASTER.findall(out)
    assert len(rasters) >= 3  # name line, street line, city line, notes line
    width_px = receipt.width_px  # type: ignore[attr-defined]
    for x_lo, x_hi, _y_lo, _y_hi in rasters:
        assert (x_lo[0] + 256 * x_hi[0]) * 8 <= width_px
    assert b"Danke ?" not in out and b"Danke" not in out  # the whole line went to an image


def test_escpos_only_for_slips() -> None:
    with pytest.raises(UnsupportedFormat):
        render(shipping(), "escpos")
    assert render(slip(), "escpos") == render_receipt(slip())
