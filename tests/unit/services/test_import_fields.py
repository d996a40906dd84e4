"""Field readers of the import: one rule for a CSV cell and a JSON value."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from biip.checksums import gs1_standard_check_digit
from hypothesis import given
from hypothesis import strategies as st

from workstation.services import import_fields as f
from workstation.services.import_csv import split_barcodes
from workstation.services.import_fields import FieldError
from workstation.services.import_records import barcode


@given(st.integers(1, 100_000))
def test_whole_numbers_read_from_text_and_json_alike(n: int) -> None:
    assert f.whole_number(str(n), minimum=1, maximum=100_000) == n
    assert f.whole_number(f" {n} ", minimum=1, maximum=100_000) == n
    assert f.whole_number(n, minimum=1, maximum=100_000) == n


@pytest.mark.parametrize(
    ("value", "message"),
    [("0", "at least 1"), ("-3", "at least 1"), ("2.5", "whole number"), (2.0, "whole number"),
     ("1e3", "whole number"), ("١٢", "whole number"), (True, "whole number"),
     ("100001", "at most 100000"), ("ten", "whole number")],
)
def test_bad_quantities_are_refused_with_a_reason(value: object, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        f.whole_number(value, minimum=1, maximum=100_000)


@given(st.decimals(min_value=0, max_value=Decimal("9999999999.99"), places=2))
def test_money_keeps_two_decimals_exactly(amount: Decimal) -> None:
    assert f.money(str(amount)) == amount


@pytest.mark.parametrize("value", ["12,50", "-1", "1.234", "abc", "1e5", "10000000000.00"])
def test_bad_money_is_refused(value: str) -> None:
    with pytest.raises(FieldError):
        f.money(value)


def test_times_need_their_utc_offset() -> None:
    jakarta = timezone(timedelta(hours=7))
    assert f.timestamp("2025-03-03T17:00:00+07:00") == datetime(2025, 3, 3, 17, tzinfo=jakarta)
    assert f.timestamp("2025-03-03T10:00:00Z") == datetime(2025, 3, 3, 10, tzinfo=UTC)
    with pytest.raises(FieldError, match="no UTC offset"):
        f.timestamp("2025-03-03T17:00:00")
    with pytest.raises(FieldError, match="ISO 8601"):
        f.timestamp("03/03/2025 5pm")


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")),
               min_size=1, max_size=60))
def test_text_in_any_script_survives_as_nfc(value: str) -> None:
    expected = unicodedata.normalize("NFC", value.strip())
    if expected.strip() != expected or not expected:
        return  # whitespace that NFC or strip() treat differently: not the point here
    assert f.text(value, max_len=300) == expected


def test_text_rules() -> None:
    decomposed = "Zoe\u0308 Mu\u0308ller"
    assert f.text(decomposed, max_len=50) == "Zoë Müller"
    assert f.text("北京市朝阳区建国路88号", max_len=50) == "北京市朝阳区建国路88号"
    assert f.text("Jl.\u00a0Sudirman", max_len=50) == "Jl.\u00a0Sudirman"
    assert f.text("  ", max_len=5) is None
    assert f.text(12930, max_len=5) == "12930"
    with pytest.raises(FieldError, match="U\\+0000"):
        f.text("a\x00b", max_len=5)
    with pytest.raises(FieldError, match="U\\+000A"):
        f.text("one\ntwo", max_len=50)
    assert f.text("one\ntwo", max_len=50, multiline=True) == "one\ntwo"
    with pytest.raises(FieldError, match="at most 3"):
        f.text("abcd", max_len=3)
    with pytest.raises(FieldError, match="required"):
        f.required_text("", max_len=3)


@pytest.mark.parametrize(("value", "expected"), [
    ("yes", True), ("TRUE", True), ("1", True), (True, True), ("no", False), ("0", False),
    (False, False), ("", None), (None, None),
])
def test_booleans(value: object, expected: bool | None) -> None:
    assert f.boolean(value) is expected


def test_country_currency_language() -> None:
    assert f.country("id") == "ID"
    assert f.currency("idr") == "IDR"
    assert f.language("zh_CN") == "zh-CN"
    for reader, value in ((f.country, "IDN"), (f.currency, "RP"), (f.language, "中文")):
        with pytest.raises(FieldError):
            reader(value)


@given(st.from_regex(r"[0-9]{12}", fullmatch=True))
def test_any_gtin13_is_stored_as_14_digits(payload: str) -> None:
    code = payload + str(gs1_standard_check_digit(payload))
    assert barcode(code, None).code == "0" + code
    assert barcode(code, None).kind == "gtin"
    wrong = payload + str((int(code[-1]) + 1) % 10)
    with pytest.raises(FieldError, match="check digit should be"):
        barcode(wrong, None)


def test_barcode_kinds() -> None:
    assert barcode("96385074", 1).code == "00000096385074"
    assert barcode("614141000036", 1).code == "00614141000036"
    case = barcode(" 15901234123454 ", "12")
    assert (case.code, case.kind, case.pack_quantity) == ("15901234123454", "gtin", 12)
    assert barcode("INT-000123", None).kind == "internal"
    assert barcode("1234567890", None).kind == "internal"  # digits, but no GTIN length
    assert barcode("ABC-5901234123457", None).code == "ABC-5901234123457"
    with pytest.raises(FieldError):
        barcode("15901234123454", "0")


def test_csv_barcode_cells() -> None:
    assert split_barcodes("5901234123457|15901234123454*12| INT-1 |") == [
        ("5901234123457", None), ("15901234123454", "12"), (" INT-1 ", None)]
    assert split_barcodes("") == []
