"""JSON import files and payloads: ``{"products": [...], "orders": [...]}``.

Positions in messages count from 1: ``orders[3].lines[2].quantity`` is the second line of the
third order, and the issue's row is 3.
"""

from __future__ import annotations

import json
from typing import Any

from workstation.services.import_records import RawLine, RawOrder, RawProduct
from workstation.services.import_report import ImportIssue
from workstation.services.import_source import ImportFileError, ParsedFile

PRODUCT_FIELDS = ("sku", "name", "barcodes", "weight_grams", "length_mm", "width_mm",
                  "height_mm", "fragile", "serial_tracked", "lot_tracked", "image")
# JSON path -> canonical (CSV) key of an order's fields.
ORDER_FIELDS = {
    "number": "order_number", "channel": "channel", "external_id": "external_id",
    "carrier": "carrier", "service": "service", "priority": "priority", "ship_by": "ship_by",
    "notes": "notes", "language": "language", "currency": "currency",
    "return_label": "return_label", "status": "status", "hold_reason": "hold_reason",
    "totes": "totes", "tracking_number": "tracking_number",
    "carrier_label.format": "carrier_label_format",
    "carrier_label.data_base64": "carrier_label",
    "customer.name": "customer_name", "customer.email": "customer_email",
    "ship_to.name": "ship_to_name", "ship_to.company": "ship_to_company",
    "ship_to.address_lines": "address", "ship_to.city": "city", "ship_to.region": "region",
    "ship_to.postcode": "postcode", "ship_to.country": "country", "ship_to.phone": "phone",
}
LINE_FIELDS = ("sku", "quantity", "unit_price", "quantity_entry")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def load_json(text: str, file: str) -> Any:
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            file, f"{file} is not valid JSON: {exc.msg} at line {exc.lineno}, column "
            f"{exc.colno}. Nothing was imported from this file", exc.lineno) from exc
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(file, f"{file} is not valid JSON: {exc}") from exc


def parse_payload(payload: Any, file: str) -> ParsedFile:
    """Raw records of a JSON-shaped payload; raises ``ImportFileError`` if it has none."""
    if not isinstance(payload, dict) or not ({"products", "orders"} & payload.keys()):
        raise ImportFileError(
            file, f'{file}: expected one object {{"products": [...], "orders": [...]}} '
            "(see docs/import-format.md). Nothing was imported from this file")
    parsed = ParsedFile(file, "json")
    for key in sorted(payload.keys() - {"products", "orders"}):
        parsed.warnings.append(ImportIssue(file, None, str(key), "unknown key, ignored"))
    unknown: dict[str, int] = {}
    for i, item in enumerate(_list(payload, "products", file), start=1):
        parsed.products.append(_product(item, i, file, unknown))
    for i, item in enumerate(_list(payload, "orders", file), start=1):
        parsed.orders.append(_order(item, i, file, unknown))
    for path, row in unknown.items():
        parsed.warnings.append(ImportIssue(file, row, path, "unknown field, ignored (a typo?)"))
    return parsed


def _list(payload: dict[str, Any], key: str, file: str) -> list[Any]:
    value = payload.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ImportFileError(file, f'{file}: "{key}" must be a list. Nothing was imported '
                                    "from this file")
    return value


def _not_object(file: str, row: int, path: str) -> ImportIssue:
    return ImportIssue(file, row, path, "must be an object {...}")


def _product(item: Any, row: int, file: str, unknown: dict[str, int]) -> RawProduct:
    prefix = f"products[{row}]"
    names = {key: f"{prefix}.{key}" for key in PRODUCT_FIELDS}
    if not isinstance(item, dict):
        return RawProduct({}, row, names, [_not_object(file, row, prefix)])
    values = {key: item[key] for key in PRODUCT_FIELDS if key in item}
    for key in item.keys() - set(PRODUCT_FIELDS):
        unknown.setdefault(f"{prefix}.{key}", row)
    if "barcodes" in values and isinstance(values["barcodes"], list):
        values["barcodes"] = [_barcode(code) for code in values["barcodes"]]
    return RawProduct(values, row, names)


def _barcode(code: Any) -> tuple[Any, Any]:
    if isinstance(code, dict):
        return code.get("code"), code.get("pack_quantity")
    return code, None


def _order(item: Any, row: int, file: str, unknown: dict[str, int]) -> RawOrder:
    prefix = f"orders[{row}]"
    names = {canonical: f"{prefix}.{path}" for path, canonical in ORDER_FIELDS.items()}
    if not isinstance(item, dict):
        return RawOrder({}, row, [], names, problems=[_not_object(file, row, prefix)])
    problems: list[ImportIssue] = []
    values: dict[str, Any] = {}
    for path, canonical in ORDER_FIELDS.items():
        parent, _, child = path.rpartition(".")
        source: Any = item
        if parent:
            source = item.get(parent)
            if source is None:
                continue
            if not isinstance(source, dict):
                if child == "name":  # report a bad sub-object once
                    problems.append(_not_object(file, row, f"{prefix}.{parent}"))
                continue
        if child in source:
            values[canonical] = source[child]
    known_top = {path.partition(".")[0] for path in ORDER_FIELDS} | {"lines"}
    for key in item.keys() - known_top:
        unknown.setdefault(f"{prefix}.{key}", row)
    for parent in ("customer", "ship_to", "carrier_label"):
        sub = item.get(parent)
        if isinstance(sub, dict):
            allowed = {p.partition(".")[2] for p in ORDER_FIELDS if p.startswith(parent + ".")}
            for key in sub.keys() - allowed:
                unknown.setdefault(f"{prefix}.{parent}.{key}", row)
    lines: list[RawLine] = []
    raw_lines = item.get("lines")
    if raw_lines is not None and not isinstance(raw_lines, list):
        problems.append(ImportIssue(file, row, f"{prefix}.lines", "must be a list of lines"))
        raw_lines = None
    for j, line in enumerate(raw_lines or [], start=1):
        line_prefix = f"{prefix}.lines[{j}]."
        if not isinstance(line, dict):
            problems.append(_not_object(file, row, line_prefix.rstrip(".")))
            continue
        for key in line.keys() - set(LINE_FIELDS):
            unknown.setdefault(f"{line_prefix}{key}", row)
        lines.append(RawLine({k: line[k] for k in LINE_FIELDS if k in line}, row, line_prefix))
    return RawOrder(values, row, lines, names, problems=problems)
