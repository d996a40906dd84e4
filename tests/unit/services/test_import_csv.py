"""The CSV and JSON readers, without a database: property-based round trips and edge cases."""

from __future__ import annotations

import string
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.import_data import ORDER_HEADER, csv_text, order_row
from workstation.services.import_csv import parse_csv
from workstation.services.import_records import validate_order
from workstation.services.import_source import ImportFileError, decode

# Any printable text, any script, including the delimiter, quotes and leading/trailing spaces.
names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp")),
    min_size=1, max_size=40,
).filter(lambda s: s.strip() == s and s != "")
skus = st.text(string.ascii_uppercase + string.digits + "-", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    number=st.text(string.ascii_letters + string.digits + "-/", min_size=1, max_size=20),
    name=names,
    city=names,
    lines=st.lists(st.tuples(skus, st.integers(1, 100_000)), min_size=1, max_size=6,
                   unique_by=lambda t: t[0]),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_orders_survive_a_csv_round_trip(number: str, name: str, city: str,
                                         lines: list[tuple[str, int]], delimiter: str) -> None:
    rows = [order_row(number, sku, quantity, ship_to_name=name, city=city)
            for sku, quantity in lines]
    parsed = parse_csv(csv_text(ORDER_HEADER, rows, delimiter), "f.csv")
    [raw] = parsed.orders
    order, errors, warnings = validate_order(raw, "f.csv", 100_000)
    assert errors == [] and warnings == [] and order is not None
    assert order.number == number.strip()
    # Text is stored NFC-normalised (e.g. a CJK compatibility ideograph becomes the unified one).
    assert order.values["ship_to_name"] == unicodedata.normalize("NFC", name)
    assert order.values["city"] == unicodedata.normalize("NFC", city)
    assert [(ln.sku, ln.quantity, ln.row) for ln in order.lines] == [
        (sku, quantity, row) for (sku, quantity), row in zip(lines, range(2, 99), strict=False)]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_decoding_any_bytes_either_works_or_says_save_as_utf8(data: bytes) -> None:
    try:
        text = decode(data, "x.csv")
    except ImportFileError as exc:
        assert "UTF-8" in str(exc)
    else:
        assert text.encode("utf-8") in (data, data.removeprefix(b"\xef\xbb\xbf"))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_records_or_a_file_error_never_a_crash(text: str) -> None:
    try:
        parsed = parse_csv("order_number,ship_to_name,address1,city,country,carrier,sku,"
                           "quantity\n" + text, "f.csv")
    except ImportFileError:
        return
    for raw in parsed.orders:
        validate_order(raw, "f.csv", 100_000)


def test_quoted_values_keep_delimiters_quotes_and_line_breaks() -> None:
    row = order_row(ship_to_name='Toko "Maju", Jaya', notes="line one\nline two")
    [raw] = parse_csv(csv_text(ORDER_HEADER, [row]), "f.csv").orders
    order, errors, _ = validate_order(raw, "f.csv", 100_000)
    assert errors == [] and order is not None
    assert order.values["ship_to_name"] == 'Toko "Maju", Jaya'
    assert order.values["notes"] == "line one\nline two"


def test_duplicate_header_is_refused() -> None:
    with pytest.raises(ImportFileError, match="sku more than once"):
        parse_csv("order_number,sku,SKU\n1,a,b\n", "f.csv")
