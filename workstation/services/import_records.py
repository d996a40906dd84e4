"""Validated products and orders, made from raw records of a CSV or a JSON file.

The CSV and JSON readers turn their input into ``RawProduct``/``RawOrder`` (canonical keys, the
CSV column names, holding only what the file provides) plus how to name each field in messages;
this module checks every field and returns ``ProductIn``/``OrderIn`` or the issues found.
Pure: the database checks (unknown SKUs, barcodes of other products) come later.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from biip.checksums import gs1_standard_check_digit

from db.enums import BarcodeKind, OrderStatus
from workstation.domain.barcodes import normalise_gtin
from workstation.services import import_fields as f
from workstation.services.import_fields import FieldError
from workstation.services.import_report import ImportIssue

DEFAULT_MAX_LINE_QUANTITY = 100_000
MAX_PACK_QUANTITY = 100_000
MAX_DIMENSION_MM = 100_000
MAX_WEIGHT_GRAMS = 10_000_000
# Statuses a channel may send; the others are set by the stations only.
IMPORTABLE_STATUSES = (OrderStatus.NEW.value, OrderStatus.ON_HOLD.value,
                       OrderStatus.CANCELLED.value)

PRODUCT_KEYS = ("sku", "name", "barcodes", "weight_grams", "length_mm", "width_mm",
                "height_mm", "fragile", "serial_tracked", "lot_tracked", "image")
ORDER_KEYS = ("order_number", "channel", "external_id", "customer_name", "customer_email",
              "ship_to_name", "ship_to_company", "address", "city", "region", "postcode",
              "country", "phone", "carrier", "service", "priority", "ship_by", "notes",
              "language", "currency", "return_label", "status", "hold_reason", "totes",
              "tracking_number", "carrier_label", "carrier_label_format")
# A carrier's own label (base64 in JSON): a 4x6 ZPL label with graphics stays well under this.
MAX_CARRIER_LABEL_BYTES = 2_000_000
LINE_KEYS = ("sku", "quantity", "unit_price", "quantity_entry")


@dataclass(frozen=True, slots=True)
class BarcodeIn:
    code: str  # 14 digits for a GTIN, as given (stripped) for an internal code
    kind: str
    pack_quantity: int


@dataclass
class ProductIn:
    sku: str
    row: int | None
    values: dict[str, Any]  # Product columns the file gives (always "name")
    barcodes: list[BarcodeIn] | None  # None: the file says nothing about barcodes


@dataclass(frozen=True, slots=True)
class LineIn:
    sku: str
    quantity: int
    unit_price: Decimal | None
    quantity_entry: bool
    row: int | None
    field_prefix: str  # "" in CSV, "lines[2]." in JSON

    @property
    def place(self) -> str:
        return self.field_prefix.rstrip(".") if self.field_prefix else f"row {self.row}"


@dataclass
class OrderIn:
    number: str
    row: int | None
    values: dict[str, Any]  # Order columns the file gives, except number and status
    status: str | None  # None: not given (a new order starts as "new")
    totes: list[str] | None  # None: the file says nothing about totes
    lines: list[LineIn]


@dataclass
class RawLine:
    values: dict[str, Any]
    row: int | None
    field_prefix: str = ""


@dataclass
class RawProduct:
    values: dict[str, Any]  # canonical keys; barcodes as a list of (code, pack_quantity)
    row: int | None
    names: dict[str, str] = field(default_factory=dict)  # canonical key -> name in this file
    problems: list[ImportIssue] = field(default_factory=list)  # found while reading the file


@dataclass
class RawOrder:
    values: dict[str, Any]  # canonical keys; "address" and "totes" as lists
    row: int | None
    lines: list[RawLine]
    names: dict[str, str] = field(default_factory=dict)
    # The row of each field where it differs by row (CSV header columns repeat on each row).
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[ImportIssue] = field(default_factory=list)


class _Collector:
    """Runs field readers and gathers their errors with file, row and field."""

    def __init__(self, file: str, names: dict[str, str], problems: list[ImportIssue]) -> None:
        self.file = file
        self.names = names
        self.errors: list[ImportIssue] = list(problems)
        self.warnings: list[ImportIssue] = []

    def name(self, key: str, prefix: str = "") -> str:
        return prefix + self.names.get(key, key)

    def error(self, row: int | None, key: str | None, message: str, prefix: str = "") -> None:
        self.errors.append(
            ImportIssue(self.file, row, self.name(key, prefix) if key else None, message)
        )

    def warn(self, row: int | None, key: str | None, message: str, prefix: str = "") -> None:
        self.warnings.append(
            ImportIssue(self.file, row, self.name(key, prefix) if key else None, message)
        )

    def read(self, reader: Callable[[Any], Any], values: dict[str, Any], key: str,
             row: int | None, prefix: str = "") -> Any:
        try:
            return reader(values.get(key))
        except FieldError as exc:
            self.error(row, key, f"{exc}", prefix)
            return None


def barcode(code: Any, pack_quantity: Any) -> BarcodeIn:
    """A barcode as stored: GTINs checked and normalised to 14 digits, anything else as given."""
    raw = f.required_text(code, max_len=128)
    quantity = f.whole_number(pack_quantity, minimum=1, maximum=MAX_PACK_QUANTITY,
                              what="a whole number of units per pack") or 1
    if raw.isascii() and raw.isdigit() and len(raw) in (8, 12, 13, 14):
        gtin = normalise_gtin(raw)
        if gtin is None:
            expected = gs1_standard_check_digit(raw[:-1])
            raise FieldError(
                f"{raw} is not a valid GTIN-{len(raw)}: its check digit should be {expected}. "
                "Check the code for a typo"
            )
        return BarcodeIn(gtin, BarcodeKind.GTIN.value, quantity)
    return BarcodeIn(raw, BarcodeKind.INTERNAL.value, quantity)


def validate_product(raw: RawProduct, file: str
                     ) -> tuple[ProductIn | None, list[ImportIssue], list[ImportIssue]]:
    c = _Collector(file, raw.names, raw.problems)
    v, row = raw.values, raw.row
    sku = c.read(lambda x: f.required_text(x, max_len=64), v, "sku", row)
    values: dict[str, Any] = {
        "name": c.read(lambda x: f.required_text(x, max_len=300), v, "name", row),
    }
    limits = {"weight_grams": MAX_WEIGHT_GRAMS, "length_mm": MAX_DIMENSION_MM,
              "width_mm": MAX_DIMENSION_MM, "height_mm": MAX_DIMENSION_MM}
    for key, maximum in limits.items():
        if key in v:
            values[key] = c.read(
                partial(f.whole_number, minimum=0, maximum=maximum), v, key, row)
    for key in ("fragile", "serial_tracked", "lot_tracked"):
        if key in v:
            values[key] = bool(c.read(f.boolean, v, key, row))
    if "image" in v:
        values["image_path"] = c.read(lambda x: f.text(x, max_len=500), v, "image", row)
    barcodes: list[BarcodeIn] | None = None
    if "barcodes" in v:
        barcodes = _barcodes(c, v["barcodes"], row)
        if not barcodes and not c.errors:
            c.warn(row, "barcodes", f"product {sku} has no barcode: it cannot be scanned")
    if c.errors or sku is None:
        return None, c.errors, c.warnings
    return ProductIn(sku, row, values, barcodes), c.errors, c.warnings


def _barcodes(c: _Collector, items: Any, row: int | None) -> list[BarcodeIn]:
    if items is None:
        return []
    if not isinstance(items, list):
        c.error(row, "barcodes", "must be a list of codes")
        return []
    out: dict[str, BarcodeIn] = {}
    for code, quantity in items:
        try:
            item = barcode(code, quantity)
        except FieldError as exc:
            c.error(row, "barcodes", str(exc))
            continue
        seen = out.get(item.code)
        if seen is not None and seen.pack_quantity != item.pack_quantity:
            c.error(row, "barcodes", f"{code} is listed twice with different pack quantities")
        out[item.code] = item
    return list(out.values())


def validate_order(raw: RawOrder, file: str, max_line_quantity: int
                   ) -> tuple[OrderIn | None, list[ImportIssue], list[ImportIssue]]:
    c = _Collector(file, raw.names, raw.problems)
    v = raw.values

    def row_of(key: str) -> int | None:
        return raw.rows.get(key, raw.row)

    def read(reader: Callable[[Any], Any], key: str) -> Any:
        return c.read(reader, v, key, row_of(key))

    number = read(lambda x: f.required_text(x, max_len=64), "order_number")
    values: dict[str, Any] = {}
    texts = {"channel": 32, "external_id": 128, "customer_email": 300, "ship_to_company": 300,
             "region": 200, "postcode": 32, "phone": 64, "service": 64}
    for key, max_len in texts.items():
        if key in v:
            values[key] = read(partial(f.text, max_len=max_len), key)
    for key, max_len in (("city", 200), ("carrier", 64)):
        values[key] = read(partial(f.required_text, max_len=max_len), key)
    values["country"] = read(f.country, "country")
    customer = read(lambda x: f.text(x, max_len=300), "customer_name")
    ship_to = read(lambda x: f.text(x, max_len=300), "ship_to_name")
    if customer is None and ship_to is None and not c.errors:
        c.error(row_of("ship_to_name"), "ship_to_name",
                "is required (or customer_name): who receives the parcel?")
    if "customer_name" in v or "ship_to_name" in v:
        values["customer_name"] = customer or ship_to
        values["ship_to_name"] = ship_to or customer
    values["address_lines"] = _address(c, v.get("address"), row_of("address"))
    if "priority" in v:
        values["priority"] = read(
            lambda x: f.whole_number(x, minimum=-99, maximum=99), "priority") or 0
    for key, reader in (("ship_by", f.timestamp), ("language", f.language),
                        ("currency", f.currency)):
        if key in v:
            values[key] = read(reader, key)
    if values.get("language", "") is None:
        values["language"] = "en"
    for key in ("notes", "hold_reason"):
        if key in v:
            values[key] = read(lambda x: f.text(x, max_len=10_000, multiline=True), key)
    if "return_label" in v:
        values["return_label"] = bool(read(f.boolean, "return_label"))
    if "tracking_number" in v:
        values["carrier_tracking_number"] = read(lambda x: f.text(x, max_len=64),
                                                 "tracking_number")
    if "carrier_label" in v or "carrier_label_format" in v:
        label = _carrier_label(c, v, row_of("carrier_label"))
        if label is not None:
            values["carrier_label"], values["carrier_label_format"] = label
    status = read(_status, "status") if "status" in v else None
    totes = _totes(c, v["totes"], row_of("totes")) if "totes" in v else None
    lines = _lines(c, raw.lines, max_line_quantity)
    if not raw.lines:
        c.error(raw.row, None, f"order {number} has no lines: add at least one line (sku, "
                               "quantity)")
    if c.errors or number is None:
        return None, c.errors, c.warnings
    return OrderIn(number, raw.row, values, status, totes, lines), c.errors, c.warnings


def _carrier_label(c: _Collector, v: dict[str, Any], row: int | None
                   ) -> tuple[bytes, str] | None:
    """The carrier's label: printed byte for byte, so it must be exactly what they sent."""
    fmt = str(v.get("carrier_label_format") or "").strip().lower()
    if fmt not in ("zpl", "pdf"):
        c.error(row, "carrier_label_format", f"is {fmt!r}: a carrier label must be zpl or pdf")
        return None
    data = v.get("carrier_label")
    if not isinstance(data, str) or not data.strip():
        c.error(row, "carrier_label", "is missing: give the label's bytes in base64")
        return None
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        c.error(row, "carrier_label", "is not valid base64: export the label again")
        return None
    if len(raw) > MAX_CARRIER_LABEL_BYTES:
        c.error(row, "carrier_label", f"is {len(raw)} bytes: more than "
                                      f"{MAX_CARRIER_LABEL_BYTES} is not a label")
        return None
    if fmt == "zpl" and b"^XA" not in raw[:1000]:
        c.error(row, "carrier_label", "does not start a ZPL label (^XA): is it really ZPL?")
        return None
    if fmt == "pdf" and not raw.startswith(b"%PDF"):
        c.error(row, "carrier_label", "is not a PDF (no %PDF header)")
        return None
    return raw, fmt


def _status(value: Any) -> str | None:
    raw = f.text(value, max_len=16)
    if raw is None:
        return None
    folded = raw.lower().replace(" ", "_").replace("-", "_")
    if folded not in IMPORTABLE_STATUSES:
        raise FieldError(
            f"must be one of {', '.join(IMPORTABLE_STATUSES)} (the other statuses are set by "
            f"the stations), got {raw!r}"
        )
    return folded


def _address(c: _Collector, lines: Any, row: int | None) -> str | None:
    if lines is not None and not isinstance(lines, list):
        c.error(row, "address", "must be a list of address lines")
        return None
    out: list[str] = []
    for line in lines or []:
        try:
            cleaned = f.text(line, max_len=300, multiline=True)
        except FieldError as exc:
            c.error(row, "address", str(exc))
            continue
        if cleaned:
            out.extend(part.strip() for part in cleaned.splitlines() if part.strip())
    if not out:
        c.error(row, "address", "is required: give at least one address line")
        return None
    return "\n".join(out)


def _totes(c: _Collector, codes: Any, row: int | None) -> list[str]:
    if codes is None:
        return []
    if not isinstance(codes, list):
        c.error(row, "totes", "must be a list of tote codes")
        return []
    out: list[str] = []
    for code in codes:
        try:
            cleaned = f.text(code, max_len=64)
        except FieldError as exc:
            c.error(row, "totes", str(exc))
            continue
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return out


def _lines(c: _Collector, raw_lines: list[RawLine], max_quantity: int) -> list[LineIn]:
    out: list[LineIn] = []
    read_sku = partial(f.required_text, max_len=64)
    read_quantity = partial(f.whole_number, minimum=1, maximum=max_quantity,
                            what="a whole number of units")
    by_sku: dict[str, list[LineIn]] = {}
    for raw in raw_lines:
        v, row, prefix = raw.values, raw.row, raw.field_prefix
        before = len(c.errors)
        sku = c.read(read_sku, v, "sku", row, prefix)
        quantity = c.read(read_quantity, v, "quantity", row, prefix)
        if quantity is None and len(c.errors) == before:
            c.error(row, "quantity", "is required: how many units of this SKU?", prefix)
        price = c.read(f.money, v, "unit_price", row, prefix)
        entry = bool(c.read(f.boolean, v, "quantity_entry", row, prefix))
        if len(c.errors) > before:
            continue
        line = LineIn(sku, quantity, price, entry, row, prefix)
        same_sku = by_sku.setdefault(sku, [])
        twin = next((o for o in same_sku if (o.quantity, o.unit_price, o.quantity_entry)
                     == (quantity, price, entry)), None)
        if twin is not None:
            c.warn(row, "sku", f"repeats the line of {sku} on {twin.place} exactly: counted "
                   "once. If both were meant, put the total quantity on one line", prefix)
            continue
        clash = next((o for o in same_sku if o.unit_price == price), None)
        if clash is not None:
            c.error(row, "sku", f"{sku} is already on {clash.place} at the same price: put "
                   "the total quantity on one line (lines of one SKU are kept apart only when "
                   "their prices differ)", prefix)
            continue
        out.append(line)
        same_sku.append(line)
    return out
