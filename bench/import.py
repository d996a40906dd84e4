"""`python -m bench import [--lines 100000] [--per-order 4]`: CSV order intake speed.

Writes a products CSV (the demo catalogue) and an orders CSV of ``--lines`` order lines, imports
both through ``import_files`` into a fresh SQLite file with the production pragmas, and then
measures the floor in the same run: a bare sqlite3 ``executemany`` of exactly the rows the import
wrote (orders, lines, status history, totes), same tables, same pragmas, one transaction.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sqlite3
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench._common import emit, fresh_sqlite, production_sqlite
from db.engine import make_engine, make_sessionmaker
from workstation.services.demo_data import generate
from workstation.services.import_csv import ORDER_COLUMNS, PRODUCT_COLUMNS
from workstation.services.importer import format_report, import_files

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)
# The tables an order import writes, parents first.
ORDER_TABLES = ("orders", "order_lines", "order_status_history", "totes")


def write_products_csv(path: Path, data: dict[str, Any]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(PRODUCT_COLUMNS)
        for p in data["products"]:
            codes = "|".join(
                b["code"] if b["pack_quantity"] == 1 else f"{b['code']}*{b['pack_quantity']}"
                for b in p["barcodes"]
            )
            out.writerow([p["sku"], p["name"], codes, p["weight_grams"], p["length_mm"],
                          p["width_mm"], p["height_mm"], p["fragile"], p["serial_tracked"],
                          p["lot_tracked"], ""])


def write_orders_csv(path: Path, data: dict[str, Any], lines: int, per_order: int) -> int:
    """One row per line, ``per_order`` distinct products per order; returns rows written."""
    skus = [p["sku"] for p in data["products"]]
    written = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(ORDER_COLUMNS)
        for n, order in enumerate(data["orders"]):
            ship_to, customer = order["ship_to"], order["customer"]
            address = [*ship_to["address_lines"], "", "", ""][:3]
            header = {
                "order_number": order["number"], "channel": order["channel"],
                "external_id": order["external_id"], "customer_name": customer["name"],
                "customer_email": customer["email"], "ship_to_name": ship_to["name"],
                "ship_to_company": ship_to["company"] or "", "address1": address[0],
                "address2": address[1], "address3": address[2], "city": ship_to["city"],
                "region": ship_to["region"] or "", "postcode": ship_to["postcode"],
                "country": ship_to["country"], "phone": ship_to["phone"],
                "carrier": order["carrier"], "service": order["service"],
                "priority": order["priority"], "ship_by": order["ship_by"],
                "notes": order["notes"] or "", "language": order["language"],
                "currency": order["currency"], "return_label": order["return_label"],
                "status": "", "hold_reason": "", "tote": (order.get("totes") or [""])[0],
            }
            for k in range(min(per_order, lines - written)):
                sku = skus[(n * per_order + k) % len(skus)]
                row = {**header, "sku": sku, "quantity": 1 + (n + k) % 3,
                       "unit_price": f"{10 + (n * 7 + k) % 500}.50", "quantity_entry": ""}
                out.writerow([row.get(c, "") for c in ORDER_COLUMNS])
                written += 1
            if written >= lines:
                break
    return written


def _copy_rows(source: Path, tables: tuple[str, ...]) -> list[tuple[str, list[str], list[Any]]]:
    with closing(sqlite3.connect(source)) as conn:
        out = []
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table}")  # our own table names
            columns = [d[0] for d in cursor.description]
            out.append((table, columns, cursor.fetchall()))
        return out


def _insert_all(conn: sqlite3.Connection, rows: list[tuple[str, list[str], list[Any]]]) -> None:
    for table, columns, values in rows:
        marks = ", ".join("?" for _ in columns)
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)


def floor_seconds(imported: Path, directory: Path) -> float:
    """A bare executemany of the rows the import wrote, into a fresh database, one transaction."""
    target = Path(fresh_sqlite(directory, "floor.db").removeprefix("sqlite:///"))
    catalogue = _copy_rows(imported, ("products", "barcodes"))
    rows = _copy_rows(imported, ORDER_TABLES)
    with closing(production_sqlite(target)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        _insert_all(conn, catalogue)
        conn.execute("COMMIT")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        _insert_all(conn, rows)
        conn.execute("COMMIT")
        return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench import", description=__doc__)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--per-order", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    directory = Path(tempfile.mkdtemp(prefix="ws-bench-import-"))
    orders = -(-args.lines // args.per_order)
    data = generate(orders, seed=args.seed, now=NOW)
    products_csv, orders_csv = directory / "products.csv", directory / "orders.csv"
    write_products_csv(products_csv, data)
    lines = write_orders_csv(orders_csv, data, args.lines, args.per_order)

    url = fresh_sqlite(directory, "import.db")
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    try:
        started = time.perf_counter()
        products = import_files(sessions, [products_csv], now=NOW)
        products_s = time.perf_counter() - started
        started = time.perf_counter()
        report = import_files(sessions, [orders_csv], now=NOW)
        import_s = time.perf_counter() - started
        started = time.perf_counter()
        again = import_files(sessions, [orders_csv], now=NOW)
        reimport_s = time.perf_counter() - started
    finally:
        engine.dispose()
    if report.exit_code or products.exit_code or report.lines != lines:
        print(format_report(products))
        print(format_report(report))
        return 1
    floor_s = floor_seconds(Path(url.removeprefix("sqlite:///")), directory)
    emit({
        "lines": lines,
        "orders": report.orders_created,
        "products": products.products_created,
        "csv_mb": round(orders_csv.stat().st_size / 1e6, 1),
        "products_import_s": round(products_s, 3),
        "import_s": round(import_s, 3),
        "lines_per_s": round(lines / import_s),
        "reimport_unchanged_s": round(reimport_s, 3),
        "reimport_unchanged": again.orders_unchanged,
        "floor_executemany_s": round(floor_s, 3),
        "floor_lines_per_s": round(lines / floor_s),
        "ratio": round(import_s / floor_s, 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    })
    return 0
