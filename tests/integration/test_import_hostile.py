"""Hostile import files through import_files: encodings, BOMs, broken CSV and JSON, big files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Order, OrderLine, Product
from tests.helpers.import_data import (
    NOW,
    ORDER_HEADER,
    Sessions,
    csv_text,
    order_row,
    products,
    write,
)
from workstation.services.importer import format_report, import_files, import_payload


@pytest.fixture
def sessions(session_factory: Sessions) -> Sessions:
    assert import_payload(session_factory, {"products": products()}, now=NOW).exit_code == 0
    return session_factory


def _orders(sessions: Sessions) -> list[str]:
    with sessions() as s:
        return sorted(s.scalars(select(Order.number)))


def test_utf8_with_and_without_bom_import_the_same(sessions: Sessions, tmp_path: Path) -> None:
    text = csv_text(ORDER_HEADER, [order_row("SO-1"), order_row("SO-1", "TEE-M", 2)])
    plain = write(tmp_path / "plain.csv", text)
    bom = write(tmp_path / "bom.csv", text, "utf-8-sig")
    first = import_files(sessions, [plain], now=NOW)
    assert (first.orders_created, first.lines, first.exit_code) == (1, 2, 0)
    again = import_files(sessions, [bom], now=NOW)
    assert (again.orders_unchanged, again.exit_code) == (1, 0)
    with sessions() as s:
        found = s.scalars(select(Order)).one()
    assert (found.ship_to_name, found.address_lines, found.service) == (
        "张伟", "北京市朝阳区建国路88号", "标准快递")


@pytest.mark.parametrize(("encoding", "name"), [("latin-1", "Zoë Müller"), ("gbk", "张伟")])
def test_a_file_in_another_encoding_is_refused_not_misread(
    sessions: Sessions, tmp_path: Path, encoding: str, name: str,
) -> None:
    ascii_only = {"customer_name": "Budi", "ship_to_name": "Budi", "address1": "Jl. Braga 5",
                  "city": "Bandung", "service": "REG"}
    rows = [order_row("SO-1", **ascii_only), order_row("SO-2", **{**ascii_only,
                                                                  "ship_to_name": name})]
    path = write(tmp_path / "local.csv", csv_text(ORDER_HEADER, rows), encoding)
    report = import_files(sessions, [path], now=NOW)
    assert report.exit_code == 2 and report.files_failed == 1
    [issue] = report.errors
    assert str(path) in issue.message and "save it as UTF-8" in issue.message
    assert "byte " in issue.message and "line 3" in issue.message and issue.row == 3
    assert _orders(sessions) == []


def test_utf16_from_excel_is_refused_with_the_fix(sessions: Sessions, tmp_path: Path) -> None:
    path = write(tmp_path / "unicode.txt", csv_text(ORDER_HEADER, [order_row()], "\t"),
                 "utf-16")
    report = import_files(sessions, [path], now=NOW)
    assert report.exit_code == 2 and "UTF-16" in report.errors[0].message


def test_missing_columns_import_nothing_and_name_the_columns(
    sessions: Sessions, tmp_path: Path,
) -> None:
    header = [c for c in ORDER_HEADER if c not in ("carrier", "country")]
    rows = [{k: v for k, v in order_row().items() if k in header}]
    report = import_files(sessions, [write(tmp_path / "o.csv", csv_text(header, rows))],
                          now=NOW)
    assert report.exit_code == 2
    assert "required column(s) missing: country, carrier" in report.errors[0].message
    assert report.errors[0].row == 1 and _orders(sessions) == []


def test_bad_rows_reject_their_order_with_spreadsheet_row_numbers(
    sessions: Sessions, tmp_path: Path,
) -> None:
    rows = [
        order_row("SO-1"), order_row("SO-1", "TEE-M", 2),            # rows 2-3: fine
        order_row("SO-2", quantity=-1), order_row("SO-2", "TEE-M"),  # row 4: negative
        order_row("SO-3", quantity="1000000"),                       # row 6: absurd
        order_row("SO-4", quantity="1.5"),                           # row 7: not whole
        order_row("SO-5", quantity=""),                              # row 8: missing
        order_row("SO-6"), order_row("SO-6", city="上海市"),          # row 10: differs
        order_row("SO-7", sku="GHOST"),                              # row 11: unknown SKU
    ]
    path = write(tmp_path / "orders.csv", csv_text(ORDER_HEADER, rows))
    report = import_files(sessions, [path], now=NOW)
    assert report.exit_code == 1
    assert _orders(sessions) == ["SO-1"]
    where = sorted((e.row, e.field) for e in report.errors)
    assert where == [(4, "quantity"), (6, "quantity"), (7, "quantity"), (8, "quantity"),
                     (10, "city"), (11, "sku")]
    text = format_report(report)
    assert f"{path}, row 4, quantity: must be at least 1" in text
    assert "must be at most 100000" in text and "is it a typo?" in text


def test_duplicate_rows_are_merged_with_a_warning(sessions: Sessions, tmp_path: Path) -> None:
    rows = [order_row("SO-1"), order_row("SO-1"), order_row("SO-1", unit_price="9.90")]
    report = import_files(sessions, [write(tmp_path / "o.csv", csv_text(ORDER_HEADER, rows))],
                          now=NOW)
    assert (report.orders_created, report.lines, report.exit_code) == (1, 2, 0)
    [warning] = report.warnings
    assert (warning.row, warning.field) == (3, "sku") and "row 2" in warning.message


def test_broken_csv_structure(sessions: Sessions, tmp_path: Path) -> None:
    good = csv_text(ORDER_HEADER, [order_row("SO-1")])
    nul = write(tmp_path / "nul.csv", good + "SO-2,\x00csv\r\n")
    empty = write(tmp_path / "empty.csv", "")
    header_only = write(tmp_path / "header.csv", ",".join(ORDER_HEADER) + "\r\n")
    extra = write(tmp_path / "extra.csv", good.replace("SF Express", "SF, Express", 1)
                  .replace('"SF, Express"', "SF, Express"))
    report = import_files(sessions, [nul, empty, header_only, extra], now=NOW)
    messages = {e.file: e for e in report.errors}
    assert any(e.file == str(nul) and e.row == 3 and "U+0000" in e.message
               for e in report.errors)
    assert "is empty" in messages[str(empty)].message
    assert any(e.file == str(extra) and e.row == 2 and "cells but the header has" in e.message
               for e in report.errors)
    assert any("no rows" in w.message for w in report.warnings)
    # The good row of nul.csv is an order of its own: imported. An unreadable file: exit 2.
    assert report.exit_code == 2 and _orders(sessions) == ["SO-1"]


def test_products_csv_and_kind_detection(sessions: Sessions, tmp_path: Path) -> None:
    header = ["SKU", "Name", "Barcodes", "Weight Grams", "Fragile", "Colour"]
    rows = [{"SKU": "VASE", "Name": "Vase Crystal", "Barcodes": "8997770000090|18997770000097*6",
             "Weight Grams": "1100", "Fragile": "yes", "Colour": "clear"}]
    path = write(tmp_path / "catalogue.csv", csv_text(header, rows, ";"))
    report = import_files(sessions, [path], now=NOW)
    assert (report.products_created, report.exit_code) == (1, 0)
    assert "Colour" in report.warnings[0].message
    with sessions() as s:
        vase = s.scalars(select(Product).where(Product.sku == "VASE")).one()
        assert (vase.fragile, vase.weight_grams) == (True, 1100)
        assert sorted((b.code, b.pack_quantity) for b in vase.barcodes) == [
            ("08997770000090", 1), ("18997770000097", 6)]
    unknown = write(tmp_path / "what.csv", "a,b\r\n1,2\r\n")
    report = import_files(sessions, [unknown], now=NOW)
    assert "--kind" in report.errors[0].message
    forced = import_files(sessions, [unknown], kind="products", now=NOW)
    assert "required column(s) missing: sku, name" in forced.errors[0].message


def test_orders_file_may_come_before_its_products_file(
    session_factory: Sessions, tmp_path: Path,
) -> None:
    orders = write(tmp_path / "o.csv", csv_text(ORDER_HEADER, [order_row(sku="NEW-1")]))
    catalogue = write(tmp_path / "p.csv", "sku,name,barcodes\r\nNEW-1,New thing,INT-1\r\n")
    report = import_files(session_factory, [orders, catalogue], now=NOW)
    assert (report.orders_created, report.products_created, report.exit_code) == (1, 1, 0)


def test_broken_json_files(sessions: Sessions, tmp_path: Path) -> None:
    truncated = write(tmp_path / "cut.json", '{"orders": [{"number": "SO-1",\n "lines": [')
    nan = write(tmp_path / "nan.json", '{"orders": [{"number": NaN}]}')
    deep = write(tmp_path / "deep.json", '{"orders": ' + "[" * 100_000 + "]" * 100_000 + "}")
    not_object = write(tmp_path / "list.json", json.dumps([1, 2]))
    report = import_files(sessions, [truncated, nan, deep, not_object], now=NOW)
    by_file = {e.file: e.message for e in report.errors}
    assert "line 2" in by_file[str(truncated)]
    assert "NaN" in by_file[str(nan)]
    assert str(deep) in by_file
    assert "expected one object" in by_file[str(not_object)]
    assert report.files_failed == 4 and report.exit_code == 2


def test_an_unreadable_path_is_reported(sessions: Sessions, tmp_path: Path) -> None:
    report = import_files(sessions, [tmp_path / "missing.csv", tmp_path], now=NOW)
    assert report.files_failed == 2 and report.exit_code == 2
    assert all("cannot read" in e.message for e in report.errors)


def test_100k_rows(sqlite_url: str, tmp_path: Path) -> None:
    """Correctness at size (speed is measured by `python -m bench import`)."""
    from db.engine import make_engine, make_sessionmaker

    engine = make_engine(sqlite_url)
    sessions = make_sessionmaker(engine)
    try:
        import_payload(sessions, {"products": products()}, now=NOW)
        skus = ["MUG-1", "TEE-M", "PHONE", "MUG-1"]
        rows = [order_row(f"SO-{n // 4}", skus[n % 4], 1 + n % 4, unit_price=f"{n % 4}.50")
                for n in range(100_000)]
        path = write(tmp_path / "big.csv", csv_text(ORDER_HEADER, rows))
        report = import_files(sessions, [path], now=NOW)
        assert (report.orders_created, report.lines, report.exit_code) == (25_000, 100_000, 0)
        with sessions() as s:
            assert s.scalar(select(func.count()).select_from(OrderLine)) == 100_000
            assert s.scalar(select(func.sum(OrderLine.quantity))) == 25_000 * (1 + 2 + 3 + 4)
    finally:
        engine.dispose()
