"""`python -m bench lookup`: opening an order among 1,000,000 (and 5,000,000 scan events).

An order is found by its number, by a tote linked to it, or by a pick-list barcode, and its
lines are loaded with their counts: the read a station does when an order is scanned. Also
timed: the whole "scan an order" action through the service (claim, session, commit).
Target: lookup p99 under 5 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench._common import emit, fresh_sqlite, summary_ms
from db.engine import make_engine, make_sessionmaker, read_only_session
from db.enums import Role
from db.models import PackSession
from devices.scan import ScanInput
from workstation.domain.outcomes import Outcome
from workstation.services import pack_store as store
from workstation.services.operators import add_operator
from workstation.services.pack import PackService
from workstation.settings import Settings

BATCH = 50_000


def _ts(dt: datetime) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def populate(path: Path, orders: int, events: int, seed: int = 1) -> None:
    """Bulk rows straight through sqlite3: the benchmark is about reading them back."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # loading only; the app's pragmas apply when timed
    now = _ts(datetime.now(UTC))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO products (id, sku, name, fragile, serial_tracked, lot_tracked, created_at, "
        "updated_at) VALUES (?, ?, ?, 0, 0, 0, ?, ?)",
        [(i, f"SKU-{i:05d}", f"Product {i}", now, now) for i in range(1, 1001)])
    conn.executemany(
        "INSERT INTO barcodes (product_id, code, kind, pack_quantity) VALUES (?, ?, 'internal', 1)",
        [(i, f"INT-{i:06d}") for i in range(1, 1001)])
    conn.execute(
        "INSERT INTO stations (id, name, created_at, last_seen_at) VALUES (1, 'ST-01', ?, ?)",
        (now, now))
    conn.execute("COMMIT")
    for start in range(0, orders, BATCH):
        ids = range(start + 1, min(orders, start + BATCH) + 1)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO orders (id, number, channel, customer_name, ship_to_name, "
            "address_lines, city, country, carrier, priority, language, return_label, status, "
            "imported_at, updated_at) VALUES (?, ?, 'web', 'Budi', 'Budi', 'Jl. Sudirman 1', "
            "'Jakarta', 'ID', 'JNE', 0, 'id', 0, ?, ?, ?)",
            [(i, f"SO-{i:08d}", "new" if i % 10 else "packed", now, now) for i in ids])
        conn.executemany(
            "INSERT INTO order_lines (order_id, line_no, product_id, quantity, quantity_entry) "
            "VALUES (?, ?, ?, ?, 0)",
            [(i, k + 1, rng.randint(1, 1000), rng.randint(1, 3)) for i in ids
             for k in range(1 + i % 3)])
        conn.executemany(
            "INSERT INTO totes (code, order_id, updated_at) VALUES (?, ?, ?)",
            [(f"TOTE-{i:08d}", i, now) for i in ids if i % 4 == 0])
        conn.execute("COMMIT")
    for start in range(0, events, BATCH):
        n = min(BATCH, events - start)
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO scan_events (order_id, station_id, raw, outcome, quantity, "
            "received_at, recorded_at) VALUES (?, 1, ?, 'accepted', 1, ?, ?)",
            [(rng.randint(1, orders), f"INT-{rng.randint(1, 1000):06d}", now, now)
             for _ in range(n)])
        conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def measure_lookups(url: str, orders: int, samples: int, seed: int = 2) -> dict[str, list[float]]:
    rng = random.Random(seed)
    engine = make_engine(url)
    out: dict[str, list[float]] = {"number": [], "tote": [], "pick_list": []}
    for kind in out:
        for _ in range(samples):
            i = rng.randint(1, orders // 4) * 4  # every 4th order has a tote
            code = {"number": f"SO-{i:08d}", "tote": f"TOTE-{i:08d}",
                    "pick_list": f"PL-SO-{i:08d}"}[kind]
            t0 = time.perf_counter()
            with read_only_session(engine) as session:
                order = store.find_order_by_code(session, code, "PL-")
                assert order is not None and order.id == i
                pack = PackSession(id=0, order_id=order.id)
                state = store.load_state(session, pack, order.number)
                assert state.lines
            out[kind].append(time.perf_counter() - t0)
    engine.dispose()
    return out


def measure_open(url: str, orders: int, samples: int, seed: int = 3) -> list[float]:
    """The whole action: scan an order number -> claimed, session opened, committed."""
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    with sessions.begin() as session:
        add_operator(session, "bench", "Bench", Role.OPERATOR)
    service = PackService(sessions, Settings(station="ST-01"))
    service.sign_in("bench")
    rng = random.Random(seed)
    out = []
    for _ in range(samples):
        i = rng.randint(1, orders)
        if i % 10 == 0:
            i += 1
        t0 = time.perf_counter()
        result = service.handle_scan(ScanInput(text=f"SO-{i:08d}", source="bench"))
        out.append(time.perf_counter() - t0)
        assert result.outcome in (Outcome.ORDER_OPENED, Outcome.ORDER_RESUMED), result.message
        service.handle_scan(ScanInput(text="CMD:PAUSE", source="bench"))
    engine.dispose()
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench lookup")
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=5_000_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args(argv)
    directory = args.dir or Path(tempfile.mkdtemp(prefix="ws-bench-lookup-"))
    url = fresh_sqlite(directory, "lookup.db")
    t0 = time.perf_counter()
    populate(directory / "lookup.db", args.orders, args.events)
    load_s = time.perf_counter() - t0
    lookups = measure_lookups(url, args.orders, args.samples)
    opened = measure_open(url, args.orders, min(args.samples, 500))
    figures: dict[str, object] = {"benchmark": "lookup", "orders": args.orders,
                                  "scan_events": args.events, "load_s": round(load_s, 1)}
    for kind, samples in lookups.items():
        s = summary_ms(samples)
        figures[f"{kind}_p50_ms"] = s["p50_ms"]
        figures[f"{kind}_p99_ms"] = s["p99_ms"]
    o = summary_ms(opened)
    figures["open_action_p50_ms"] = o["p50_ms"]
    figures["open_action_p99_ms"] = o["p99_ms"]
    figures["target"] = "lookup p99 < 5 ms"
    emit(figures)
    return 0
