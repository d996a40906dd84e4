"""Scan interpretation: our kinds on top of biip's GS1 parsing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.barcodes import CodeKind, interpret, normalise_gtin

GS = "\x1d"


@pytest.mark.parametrize(
    ("raw", "gtin"),
    [
        ("5901234123457", "05901234123457"),  # EAN-13
        ("012345678905", "00012345678905"),  # UPC-A
        ("96385074", "00000096385074"),  # EAN-8
        ("15901234123454", "15901234123454"),  # GTIN-14 case code (ITF-14)
        ("]E05901234123457", "05901234123457"),  # with AIM identifier
    ],
)
def test_plain_gtins_in_every_form_become_14_digits(raw: str, gtin: str) -> None:
    result = interpret(raw)
    assert result.kind is CodeKind.GTIN
    assert result.gtin == gtin


def test_aim_identifier_is_split_off_and_kept() -> None:
    result = interpret("]E05901234123457")
    assert result.symbology == "]E0"
    assert result.text == "5901234123457"


def test_gs1_128_with_lot_expiry_and_serial() -> None:
    result = interpret(f"]C10105901234123457{GS}10LOT-7{GS}17261231{GS}21SN001")
    assert result.kind is CodeKind.GS1
    assert result.gtin == "05901234123457"
    assert result.lot == "LOT-7"
    assert result.expiry == date(2026, 12, 31)
    assert result.serial == "SN001"
    assert result.symbology == "]C1"


def test_gs1_datamatrix_with_symbology_passed_separately() -> None:
    result = interpret(f"010590123412345721ABC123{GS}10L1", symbology="]d2")
    assert (result.gtin, result.serial, result.lot) == ("05901234123457", "ABC123", "L1")


def test_contents_of_a_logistic_unit_count_ai_37() -> None:
    result = interpret("02059012341234573712")
    assert result.kind is CodeKind.GS1
    assert result.contents is True
    assert result.count == 12


def test_sscc_is_a_parcel_not_an_item() -> None:
    result = interpret("00376130321109103420")
    assert result.kind is CodeKind.SSCC
    assert result.sscc == "376130321109103420"


def test_digits_with_a_bad_check_digit_are_text_not_a_gtin() -> None:
    result = interpret("5901234123458")
    assert result.kind is CodeKind.TEXT
    assert result.gtin is None


@pytest.mark.parametrize("raw", ["", "   ", "\r\n"])
def test_empty_scan_is_invalid(raw: str) -> None:
    assert interpret(raw).kind is CodeKind.INVALID


def test_control_characters_are_refused_with_a_hint() -> None:
    result = interpret("ABC\x07DEF")
    assert result.kind is CodeKind.INVALID
    assert result.error is not None and "U+0007" in result.error


def test_merged_scans_are_refused() -> None:
    result = interpret("5901234123457" * 100)
    assert result.kind is CodeKind.INVALID
    assert result.error is not None and "run together" in result.error


def test_command_and_internal_codes() -> None:
    assert interpret("cmd:next-parcel").command == "NEXT-PARCEL"
    internal = interpret("INT-000123")
    assert (internal.kind, internal.text) == (CodeKind.TEXT, "INT-000123")


def test_normalise_gtin() -> None:
    assert normalise_gtin("5901234123457") == "05901234123457"
    assert normalise_gtin("5901234123458") is None
    assert normalise_gtin("INT-1") is None
    assert normalise_gtin("123") is None


@given(st.text(max_size=200))
def test_any_text_gets_an_interpretation_without_crashing(raw: str) -> None:
    result = interpret(raw)
    assert isinstance(result.kind, CodeKind)
    if result.kind is CodeKind.GTIN:
        assert result.gtin is not None and len(result.gtin) == 14
    assert result.as_record()["kind"] == result.kind.value
