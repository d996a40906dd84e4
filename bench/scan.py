"""`python -m bench scan`: scans through the real service path on SQLite with production pragmas.

Orders of 5 lines x 10 units, packed by scanning the order number and then each unit: every
scan is timed, the one that opens the order and the one that completes it (writing and
rendering its shipping label and A4 packing slip in its transaction) included, and also shown
apart (``open_*``, ``item_*``, ``complete_*``). Prints p50/p99 latency per scan and, measured
in the same run on the same disk, the floor: a bare sqlite3 insert+commit of one row with the
same pragmas, interleaved with the scans (after each order, as many floor inserts as it had
scans). Target: p99 < 15 ms, ratio < 2. Also the pages an item scan and the floor's
insert each write to the WAL, which every commit writes and syncs (``item_wal_pages``,
``floor_wal_pages``): most of the ratio, counted rather than timed.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from biip.checksums import gs1_standard_check_digit
from sqlalchemy import event, insert

from bench._common import emit, fresh_sqlite, production_sqlite, summary_ms
from db.engine import make_engine, make_sessionmaker
from db.enums import Role
from db.models import Barcode, Order, OrderLine, Product
from devices.scan import ScanInput
from workstation.domain.outcomes import Outcome
from workstation.services.operators import add_operator
from workstation.services.pack import PackService
from workstation.settings import Settings

LINES_PER_ORDER = 5
UNITS_PER_LINE = 10


def gtin13(n: int) -> str:
    body = f"899{n:09d}"  # 899: Indonesia's GS1 prefix
    return body + str(gs1_standard_check_digit(body))


def build(url: str, scans: int) -> list[tuple[str, list[str]]]:
    """Orders of 5 lines x 10 units, enough for `scans` item scans; returns their scripts."""
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    n_orders = max(1, scans // (LINES_PER_ORDER * UNITS_PER_LINE))
    n_products = 200
    now = datetime.now(UTC)
    with sessions.begin() as s:
        s.execute(insert(Product), [
            {"id": i + 1, "sku": f"SKU-{i:05d}", "name": f"Product {i}", "weight_grams": 100,
             "fragile": False, "serial_tracked": False, "lot_tracked": False,
             "created_at": now, "updated_at": now}
            for i in range(n_products)])
        s.execute(insert(Barcode), [
            {"product_id": i + 1, "code": "0" + gtin13(i), "kind": "gtin", "pack_quantity": 1}
            for i in range(n_products)])
        s.execute(insert(Order), [
            {"id": o + 1, "number": f"BENCH-{o:06d}", "channel": "web", "customer_name": "x",
             "ship_to_name": "x", "address_lines": "x", "city": "x", "country": "ID",
             "carrier": "JNE", "priority": 0, "language": "id", "return_label": False,
             "status": "new", "imported_at": now, "updated_at": now}
            for o in range(n_orders)])
        s.execute(insert(OrderLine), [
            {"order_id": o + 1, "line_no": k + 1,
             "product_id": (o * LINES_PER_ORDER + k) % n_products + 1,
             "quantity": UNITS_PER_LINE, "quantity_entry": False}
            for o in range(n_orders) for k in range(LINES_PER_ORDER)])
        add_operator(s, "bench", "Bench Operator", Role.OPERATOR, badge="B-BENCH")
    engine.dispose()
    scripts = []
    for o in range(n_orders):
        codes = [gtin13((o * LINES_PER_ORDER + k) % n_products)
                 for k in range(LINES_PER_ORDER) for _ in range(UNITS_PER_LINE)]
        scripts.append((f"BENCH-{o:06d}", codes))
    return scripts


def measure_service(url: str, scripts: list[tuple[str, list[str]]], floor_path: Path
                    ) -> tuple[dict[str, list[float]], list[float]]:
    """Every scan timed, by kind: the order scan that opens it (``open``), an item accepted
    (``item``), the item that completes the order and writes its labels (``complete``); and,
    interleaved with them (as many floor inserts after each order as it had scans), the floor,
    so both are measured in the same moments of the disk's and the machine's weather (run one
    after the other, the floor's p50 moved by a third from run to run)."""
    engine = make_engine(url)
    service = PackService(make_sessionmaker(engine), Settings(station="BENCH"))
    service.sign_in("bench")
    floor = Floor(floor_path)
    samples: dict[str, list[float]] = {"open": [], "item": [], "complete": []}
    floor_samples: list[float] = []
    for number, codes in scripts:
        t0 = time.perf_counter()
        opened = service.handle_scan(ScanInput(text=number, source="bench"))
        samples["open"].append(time.perf_counter() - t0)
        assert opened.outcome is Outcome.ORDER_OPENED, opened.message
        for code in codes:
            t0 = time.perf_counter()
            result = service.handle_scan(ScanInput(text=code, source="bench"))
            elapsed = time.perf_counter() - t0
            if result.outcome is Outcome.ORDER_COMPLETE:
                samples["complete"].append(elapsed)
            else:
                assert result.outcome is Outcome.ACCEPTED, result.message
                samples["item"].append(elapsed)
        floor_samples.extend(floor.insert(len(codes) + 1))
    floor.close()
    engine.dispose()
    return samples, floor_samples


class Floor:
    """A bare sqlite3 insert+commit of one row, with the production pragmas."""

    def __init__(self, path: Path) -> None:
        self.conn = production_sqlite(path)
        self.conn.execute("CREATE TABLE floor (id INTEGER PRIMARY KEY, raw TEXT, at TEXT)")
        self.count = 0

    def insert(self, rows: int) -> list[float]:
        conn, samples = self.conn, []
        for _ in range(rows):
            self.count += 1
            row = (gtin13(self.count), "2026-11-23")  # made before the clock starts
            t0 = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO floor (raw, at) VALUES (?, ?)", row)
            conn.execute("COMMIT")
            samples.append(time.perf_counter() - t0)
        return samples

    def close(self) -> None:
        self.conn.close()


WAL_FRAME = 24 + 4096  # a frame's header and one page (SQLite's default page size)


def wal_pages(directory: Path, orders: int = 10) -> tuple[float, float]:
    """Pages an item scan writes to the WAL (each one written and synced by its commit), and
    the floor's insert's: what the latency ratio is made of, counted, not timed. Auto
    checkpoints are off for the count; the WAL is emptied before each order's item scans."""
    url = fresh_sqlite(directory, "pages.db")
    scripts = build(url, orders * LINES_PER_ORDER * UNITS_PER_LINE)
    engine = make_engine(url)
    event.listen(engine, "connect",
                 lambda dbapi, _record: dbapi.execute("PRAGMA wal_autocheckpoint=0"))
    service = PackService(make_sessionmaker(engine), Settings(station="BENCH"))
    service.sign_in("bench")
    wal = directory / "pages.db-wal"
    frames = scans = 0
    for number, codes in scripts:
        service.handle_scan(ScanInput(text=number, source="bench"))
        checkpoint = production_sqlite(directory / "pages.db")
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint.close()
        before = wal.stat().st_size
        for code in codes[:-1]:  # the items, not the completing scan
            service.handle_scan(ScanInput(text=code, source="bench"))
            scans += 1
        frames += (wal.stat().st_size - before) // WAL_FRAME
        service.handle_scan(ScanInput(text=codes[-1], source="bench"))
    engine.dispose()
    floor = Floor(directory / "pages-floor.db")
    floor.conn.execute("PRAGMA wal_autocheckpoint=0")
    floor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    floor.insert(scans)
    floor_frames = (directory / "pages-floor.db-wal").stat().st_size // WAL_FRAME
    floor.close()
    return round(frames / scans, 2), round(floor_frames / scans, 2)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench scan")
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=None,
                        help="Where the database files go (default: a temporary directory).")
    args = parser.parse_args(argv)
    directory = args.dir or Path(tempfile.mkdtemp(prefix="ws-bench-scan-"))
    url = fresh_sqlite(directory, "scan.db")
    scripts = build(url, args.scans)
    kinds, floor = measure_service(url, scripts, directory / "floor.db")
    service = [x for samples in kinds.values() for x in samples]
    s, f = summary_ms(service), summary_ms(floor)
    item_pages, floor_pages = wal_pages(directory)
    emit({
        "benchmark": "scan",
        "scans": len(service),
        **{f"{kind}_{key}": value for kind, samples in kinds.items()
           for key, value in ({"count": len(samples)} | summary_ms(samples)).items()
           if key in ("count", "p50_ms", "p99_ms")},
        "service_p50_ms": s["p50_ms"], "service_p99_ms": s["p99_ms"],
        "service_mean_ms": s["mean_ms"],
        "floor_p50_ms": f["p50_ms"], "floor_p99_ms": f["p99_ms"],
        "ratio_p50": round(s["p50_ms"] / f["p50_ms"], 2),
        "ratio_p99": round(s["p99_ms"] / f["p99_ms"], 2),
        "item_wal_pages": item_pages, "floor_wal_pages": floor_pages,
        "target": "p99 < 15 ms, ratio < 2",
    })
    return 0
