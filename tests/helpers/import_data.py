"""Small import payloads and CSV files for the intake tests."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from workstation.services.importer import ImportReport, import_payload

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)  # when the intake tests import
Sessions = sessionmaker[Session]

MUG_EAN = "5901234123457"  # GTIN-13, valid check digit
MUG_CASE = "15901234123454"  # GTIN-14 of a case of 12 mugs
TEE_UPC = "614141000036"  # GTIN-12

ORDER_HEADER = [
    "order_number", "channel", "customer_name", "customer_email", "ship_to_name",
    "ship_to_company", "address1", "address2", "address3", "city", "region", "postcode",
    "country", "phone", "carrier", "service", "priority", "ship_by", "notes", "language",
    "currency", "return_label", "tote", "sku", "quantity", "unit_price", "quantity_entry",
]


def products() -> list[dict[str, Any]]:
    return [
        {"sku": "MUG-1", "name": "Ceramic Mug Batik", "fragile": True, "weight_grams": 380,
         "barcodes": [{"code": MUG_EAN, "pack_quantity": 1},
                      {"code": MUG_CASE, "pack_quantity": 12}]},
        {"sku": "TEE-M", "name": "T-Shirt Black M", "barcodes": [TEE_UPC, "INT-000777"]},
        {"sku": "PHONE", "name": "Phone", "serial_tracked": True, "barcodes": ["96385074"]},
    ]


def order(number: str = "SO-1", **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": number, "channel": "web",
        "customer": {"name": "Budi Santoso", "email": "budi@example.com"},
        "ship_to": {"name": "Budi Santoso", "address_lines": ["Jl. Sudirman No. 12",
                                                             "RT 03/RW 05, Kel. Karet"],
                    "city": "Jakarta Selatan", "postcode": "12930", "country": "ID",
                    "phone": "+62 812-3456-7890"},
        "carrier": "JNE", "service": "REG", "ship_by": "2025-03-03T17:00:00+07:00",
        "language": "id", "currency": "IDR",
        "lines": [{"sku": "MUG-1", "quantity": 2, "unit_price": "45000.00"},
                  {"sku": "TEE-M", "quantity": 1}],
    }
    data.update(changes)
    return data


def csv_text(header: list[str], rows: list[dict[str, Any]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def order_row(number: str = "SO-1", sku: str = "MUG-1", quantity: Any = 1,
              **changes: Any) -> dict[str, Any]:
    row = {
        "order_number": number, "channel": "csv", "customer_name": "张伟",
        "ship_to_name": "张伟", "address1": "北京市朝阳区建国路88号", "city": "北京市",
        "postcode": "100022", "country": "CN", "phone": "+86 138 0013 8000",
        "carrier": "SF Express", "service": "标准快递", "ship_by": "2025-03-03T18:00:00+08:00",
        "language": "zh", "currency": "CNY", "sku": sku, "quantity": quantity,
        "unit_price": "19.90",
    }
    row.update(changes)
    return row


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def run(sessions: Sessions, payload: dict[str, Any], **kw: Any) -> ImportReport:
    """Import a JSON payload as ``test.json`` at ``NOW``."""
    return import_payload(sessions, payload, source="test.json", now=NOW, **kw)
