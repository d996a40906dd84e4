"""CSV import files: products (one row per product) and orders (one row per order line).

Rows are numbered as a spreadsheet shows them: the header is row 1. The order header columns
repeat on every row of an order and must agree; the rows of one order need not be adjacent.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Any

from workstation.services.import_records import (
    LINE_KEYS,
    RawLine,
    RawOrder,
    RawProduct,
)
from workstation.services.import_report import ImportIssue
from workstation.services.import_source import ImportFileError, ParsedFile

ORDER_COLUMNS = (
    "order_number", "channel", "external_id", "customer_name", "customer_email",
    "ship_to_name", "ship_to_company", "address1", "address2", "address3", "city", "region",
    "postcode", "country", "phone", "carrier", "service", "priority", "ship_by", "notes",
    "language", "currency", "return_label", "status", "hold_reason", "tote",
    "tracking_number", "sku", "quantity", "unit_price", "quantity_entry",
)
ORDER_REQUIRED = ("order_number", "address1", "city", "country", "carrier", "sku", "quantity")
PRODUCT_COLUMNS = ("sku", "name", "barcodes", "weight_grams", "length_mm", "width_mm",
                   "height_mm", "fragile", "serial_tracked", "lot_tracked", "image")
PRODUCT_REQUIRED = ("sku", "name")
_ADDRESS = ("address1", "address2", "address3")
# Columns that belong to the order, not the line: they repeat on each row of the order.
_HEADER_COLUMNS = tuple(
    c for c in ORDER_COLUMNS if c not in (*LINE_KEYS, "order_number", "tote", *_ADDRESS)
)
_ORDER_NAMES = {"address": "address1", "totes": "tote"}


def _column_name(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def _delimiter(first_line: str) -> str:
    # A European Excel writes ";" and a copy from a spreadsheet gives tabs.
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def detect_kind(columns: list[str]) -> str | None:
    if "order_number" in columns:
        return "orders"
    if "sku" in columns and "name" in columns:
        return "products"
    return None


def parse_csv(text: str, file: str, kind: str | None = None) -> ParsedFile:
    """Raw records of a CSV file; raises ``ImportFileError`` if nothing can be taken from it."""
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFileError(file, f"{file}: the header row cannot be read: {exc}", 1) from exc
    if header is None or not any(cell.strip() for cell in header):
        raise ImportFileError(file, f"{file} is empty: the first row must name the columns", 1)
    columns = [_column_name(h) for h in header]
    duplicates = sorted({c for c in columns if c and columns.count(c) > 1})
    if duplicates:
        raise ImportFileError(
            file, f"{file}: the header names {', '.join(duplicates)} more than once: "
            "keep one column of each", 1)
    kind = kind or detect_kind(columns)
    if kind is None:
        raise ImportFileError(
            file, f"{file}: cannot tell whether it holds orders or products: the header needs "
            "order_number (orders) or sku and name (products), or pass --kind", 1)
    known = ORDER_COLUMNS if kind == "orders" else PRODUCT_COLUMNS
    required = list(ORDER_REQUIRED if kind == "orders" else PRODUCT_REQUIRED)
    if kind == "orders" and "ship_to_name" not in columns and "customer_name" not in columns:
        required.append("ship_to_name")
    missing = [c for c in required if c not in columns]
    if missing:
        raise ImportFileError(
            file, f"{file}: required column(s) missing: {', '.join(missing)}. Nothing was "
            f"imported from this file; add the column(s) to the first row "
            f"(see docs/import-format.md)", 1)
    parsed = ParsedFile(file, kind)
    unknown = [h for h, c in zip(header, columns, strict=True) if c and c not in known]
    if unknown:
        parsed.warnings.append(ImportIssue(
            file, 1, None, f"column(s) {', '.join(unknown)} are not {kind} columns and were "
            "ignored: check their spelling"))
    rows = _rows(reader, columns, file)
    if kind == "orders":
        parsed.orders = _orders(rows, columns, file)
    else:
        parsed.products = _products(rows, columns)
    if not rows:
        parsed.warnings.append(ImportIssue(file, None, None, f"{file} has no rows after the "
                                                             "header: nothing to import"))
    return parsed


Row = tuple[int, list[str], list[ImportIssue]]  # spreadsheet row, cells, its problems


def _rows(reader: Any, columns: list[str], file: str) -> list[Row]:
    """Each non-blank row, its cells padded to the header's width."""
    out: list[Row] = []
    width = len(columns)
    row = 1
    while True:
        try:
            cells = next(reader, None)
        except csv.Error as exc:
            raise ImportFileError(
                file, f"{file}, row {row + 1}: the CSV cannot be read further ({exc}). Nothing "
                "was imported from this file: fix that row (a stray quote?)", row + 1) from exc
        if cells is None:
            return out
        row += 1
        if not "".join(cells).strip():
            continue
        problems: list[ImportIssue] = []
        # Even empty extra cells: a comma in an unquoted value shifts every cell after it.
        if len(cells) > width:
            problems.append(ImportIssue(
                file, row, None, f"has {len(cells)} cells but the header has {width} "
                "columns: a value containing the delimiter must be in double quotes"))
        elif len(cells) < width:  # spreadsheets drop trailing empty cells
            cells.extend([""] * (width - len(cells)))
        out.append((row, cells, problems))


Pick = Callable[[list[str]], tuple[str, ...]]


def _picker(columns: list[str], wanted: Iterable[str]) -> tuple[list[str], Pick]:
    """The wanted columns present in the file, and a fast function taking their cells."""
    present = [c for c in wanted if c in columns]
    indexes = [columns.index(c) for c in present]
    if not indexes:
        return present, lambda cells: ()
    if len(indexes) == 1:
        only = indexes[0]
        return present, lambda cells: (cells[only],)
    getter = itemgetter(*indexes)
    return present, lambda cells: tuple(getter(cells))


def _products(rows: list[Row], columns: list[str]) -> list[RawProduct]:
    present, pick = _picker(columns, PRODUCT_COLUMNS)
    out = []
    for row, cells, problems in rows:
        raw: dict[str, Any] = dict(zip(present, pick(cells), strict=True))
        if "barcodes" in raw:
            raw["barcodes"] = split_barcodes(raw["barcodes"])
        out.append(RawProduct(raw, row, problems=problems))
    return out


def split_barcodes(cell: str) -> list[tuple[str, str | None]]:
    """ "A|B*12" -> [("A", None), ("B", "12")]: "|" separates codes, "*N" gives a pack size."""
    out: list[tuple[str, str | None]] = []
    for part in cell.split("|"):
        if not part.strip():
            continue
        code, star, quantity = part.rpartition("*")
        out.append((code, quantity) if star else (part, None))
    return out


def _orders(rows: list[Row], columns: list[str], file: str) -> list[RawOrder]:
    # Pickers worked out once: this loop runs once per order line (100,000s of times).
    line_columns, pick_line = _picker(columns, LINE_KEYS)
    header_columns, pick_header = _picker(columns, _HEADER_COLUMNS)
    _, pick_address = _picker(columns, _ADDRESS)
    number_at = columns.index("order_number")
    tote_at = columns.index("tote") if "tote" in columns else None
    orders: dict[str, RawOrder] = {}
    signatures: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for row, cells, problems in rows:
        number = cells[number_at].strip()
        key = number or f"\0row {row}"  # a row without a number is an order of its own (bad)
        line = RawLine(dict(zip(line_columns, pick_line(cells), strict=True)), row)
        signature = (pick_header(cells), pick_address(cells))
        order = orders.get(key)
        if order is None:
            header: dict[str, Any] = dict(zip(header_columns, signature[0], strict=True))
            header["order_number"] = number
            header["address"] = list(signature[1])
            if tote_at is not None:
                header["totes"] = []
            orders[key] = order = RawOrder(header, row, [], names=dict(_ORDER_NAMES))
            signatures[key] = signature
        elif signature != signatures[key]:  # the usual case, equal rows, costs one comparison
            _report_differences(order, header_columns, signatures[key], signature, row, file)
        tote = cells[tote_at].strip() if tote_at is not None else ""
        if tote and tote not in order.values["totes"]:
            order.values["totes"].append(tote)
        order.lines.append(line)
        order.problems.extend(problems)
    return list(orders.values())


def _report_differences(order: RawOrder, header_columns: list[str],
                        first: tuple[tuple[str, ...], tuple[str, ...]],
                        now: tuple[tuple[str, ...], tuple[str, ...]], row: int,
                        file: str) -> None:
    checks = list(zip(header_columns, first[0], now[0], strict=True))
    checks.append(("address1", " / ".join(first[1]), " / ".join(now[1])))
    for column, was, is_now in checks:
        if was.strip() != is_now.strip():
            order.problems.append(ImportIssue(
                file, row, column,
                f"order {order.values['order_number']}: {is_now.strip()!r} differs from "
                f"{was.strip()!r} on row {order.row}: the order's columns must be the same on "
                "each of its rows"))
