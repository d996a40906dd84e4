"""The self-test sheet, rendered to PDF, rasterised and decoded: exactly the data meant."""

from __future__ import annotations

import zxingcpp

from tests.helpers.barcode_reader import decode, pdf_to_images
from workstation.services.selftest import selftest_sheet_pdf
from workstation.services.selftest_checks import GS, RULER_OK, RULER_WRONG, SHEET_CODES


def test_every_code_on_the_sheet_decodes_to_exactly_its_data() -> None:
    pages = pdf_to_images(selftest_sheet_pdf("ST-01"), dpi=300)
    decoded = [d for page in pages for d in decode(page)]
    texts = [d.text for d in decoded]
    assert texts == [e.data for e in SHEET_CODES] + [RULER_OK, RULER_WRONG]
    assert all(d.symbology == "CODE128" for d in decoded)


def test_the_gs1_code_starts_with_fnc1_and_carries_gs() -> None:
    [page] = pdf_to_images(selftest_sheet_pdf("ST-01"), dpi=300)[:1]
    gs1 = next(e for e in SHEET_CODES if e.gs1)
    results = [r for r in zxingcpp.read_barcodes(page.convert("L"))
               if r.symbology_identifier == "]C1"]
    assert len(results) == 1  # only the GS1-128 symbol starts with FNC1
    assert results[0].content_type == zxingcpp.ContentType.GS1
    # zxing shows the element strings in brackets; zbar gives the raw data with GS.
    assert results[0].text == "(01)08997770001042(10)LOT42(17)271231"
    assert GS in gs1.data
