"""Bulk shift data for `python -m bench report`: set-based INSERT ... SELECT, no Python loops.

Orders are spread evenly over ``days`` days ending at today's UTC midnight, round-robin over
``stations`` stations (two operators each) and four carriers. Each order has two lines, one
completed pack session (every 50th still open), one parcel with its label confirmed, one
shipping print job (every 200th with a printer fault, every 500th reprinted), a status-history
row, and ``scans // orders`` scan events: the order scan, item scans (about 1 in 97 a wrong
item, 1 in 211 an over-scan) and the label scan. Every 1,000th order has a short line.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as dtime

from sqlalchemy import Connection, Engine, text

log = logging.getLogger(__name__)

PRODUCTS = 2000
CHUNK = 100_000  # orders per INSERT ... SELECT (keeps SQLite's WAL and PG's memory modest)
CARRIERS = "CASE i % 4 WHEN 0 THEN 'JNE' WHEN 1 THEN 'SICEPAT' WHEN 2 THEN 'JNT' ELSE 'POS' END"


@dataclass(frozen=True)
class Shape:
    scans: int
    orders: int
    days: int
    stations: int

    @property
    def per_order(self) -> int:
        return max(4, self.scans // self.orders)

    @property
    def base(self) -> datetime:
        today = datetime.combine(datetime.now(UTC).date(), dtime(0), UTC)
        return today - timedelta(days=self.days)


class _Sql:
    """The two spellings of a number sequence and of 'base + n seconds'."""

    def __init__(self, engine: Engine, base: datetime) -> None:
        self.pg = engine.dialect.name == "postgresql"
        self.base = base

    def seq(self, lo: int, hi: int, name: str = "seq") -> str:
        if self.pg:
            return f"generate_series({lo}::bigint, {hi}::bigint) AS {name}(i)"
        return name

    def with_seq(self, lo: int, hi: int, name: str = "seq") -> str:
        if self.pg:
            return ""
        return (f"WITH RECURSIVE {name}(i) AS (SELECT {lo} UNION ALL SELECT i + 1 FROM {name} "
                f"WHERE i < {hi}) ")

    def ts(self, seconds: str) -> str:
        if self.pg:
            return f"(TIMESTAMPTZ '{self.base.isoformat()}' + ({seconds}) * INTERVAL '1 second')"
        b = self.base.replace(tzinfo=None).isoformat(sep=" ")
        return f"(strftime('%Y-%m-%d %H:%M:%S', '{b}', ({seconds}) || ' seconds') " \
               "|| '.000000')"


def _fixed(conn: Connection, sql: _Sql, shape: Shape) -> None:
    run = conn.execute
    now = sql.ts("0")
    run(text(f"{sql.with_seq(1, shape.stations)}INSERT INTO stations (id, name, created_at) "
             f"SELECT i, 'ST-' || i, {now} FROM {sql.seq(1, shape.stations)}"))
    run(text(f"{sql.with_seq(1, shape.stations * 2)}INSERT INTO operators (id, code, name, "
             f"role, active, created_at) SELECT i, 'op' || i, 'Operator ' || i, 'operator', "
             f"{'true' if sql.pg else '1'}, {now} FROM {sql.seq(1, shape.stations * 2)}"))
    run(text("INSERT INTO operators (id, code, name, role, badge, active, created_at) VALUES "
             f"({shape.stations * 2 + 1}, 'lead', 'Bench Lead', 'lead', 'B-LEAD', "
             f"{'true' if sql.pg else '1'}, {now})"))
    false = "false" if sql.pg else "0"
    run(text(f"{sql.with_seq(1, PRODUCTS)}INSERT INTO products (id, sku, name, fragile, "
             f"serial_tracked, lot_tracked, created_at, updated_at) SELECT i, 'SKU-' || i, "
             f"'Product ' || i, {false}, {false}, {false}, {now}, {now} "
             f"FROM {sql.seq(1, PRODUCTS)}"))


def _chunk(conn: Connection, sql: _Sql, shape: Shape, lo: int, hi: int) -> None:
    run = conn.execute
    e = shape.per_order
    span = shape.days * 86400
    t = f"(((i - 1) * {span}) / {shape.orders})"  # the order's first scan, seconds after base
    station = f"((i - 1) % {shape.stations} + 1)"
    operator = f"({station} * 2 - (((i - 1) / {shape.stations}) % 2))"
    # Every 50th order of the last day is still being packed; cut-offs every 3 hours.
    done = f"(i % 50 <> 0 OR {t} < {(shape.days - 1) * 86400})"
    cutoff = f"((({t} + 14400) / 10800 + 1) * 10800)"
    q1, q2 = (e - 2 + 1) // 2, (e - 2) // 2
    w, s = sql.with_seq(lo, hi), sql.seq(lo, hi)
    run(text(
        f"{w}INSERT INTO orders (id, number, channel, customer_name, ship_to_name, "
        "address_lines, city, country, carrier, priority, ship_by, language, return_label, "
        "status, imported_at, updated_at, packed_at) "
        f"SELECT i, 'B' || i, 'web', 'Customer', 'Customer', 'Street 1', 'Jakarta', 'ID', "
        f"{CARRIERS}, 0, {sql.ts(cutoff)}, 'id', {'false' if sql.pg else '0'}, "
        f"CASE WHEN {done} THEN 'packed' ELSE 'in_progress' END, {sql.ts(t + ' - 7200')}, "
        f"{sql.ts(t)}, CASE WHEN {done} THEN {sql.ts(t + ' + 300')} END FROM {s}"))
    run(text(
        f"{w}INSERT INTO order_lines (id, order_id, line_no, product_id, quantity, "
        f"quantity_entry) SELECT i * 2 - 1, i, 1, (i * 7) % {PRODUCTS} + 1, {q1}, "
        f"{'false' if sql.pg else '0'} FROM {s} UNION ALL SELECT i * 2, i, 2, "
        f"(i * 13 + 1) % {PRODUCTS} + 1, {q2}, {'false' if sql.pg else '0'} FROM {s}"))
    run(text(
        f"{w}INSERT INTO pack_sessions (id, order_id, station_id, operator_id, status, "
        f"started_at, ended_at, version) SELECT i, i, {station}, {operator}, "
        f"CASE WHEN {done} THEN 'completed' ELSE 'open' END, {sql.ts(t)}, "
        f"CASE WHEN {done} THEN {sql.ts(t + ' + 300')} END, 1 FROM {s}"))
    run(text(
        f"{w}INSERT INTO parcels (id, session_id, order_id, seq, status, opened_at, closed_at, "
        f"label_confirmed_at) SELECT i, i, i, 1, 'closed', {sql.ts(t)}, {sql.ts(t + ' + 300')}, "
        f"CASE WHEN {done} THEN {sql.ts(t + ' + 330')} END FROM {s}"))
    run(text(
        f"{w}INSERT INTO parcel_items (id, parcel_id, order_line_id, quantity) "
        f"SELECT i * 2 - 1, i, i * 2 - 1, {q1} FROM {s} UNION ALL "
        f"SELECT i * 2, i, i * 2, {q2} FROM {s}"))
    run(text(
        f"{w}INSERT INTO order_status_history (order_id, from_status, to_status, at, "
        f"station_id, operator_id) SELECT i, 'in_progress', 'packed', {sql.ts(t + ' + 300')}, "
        f"{station}, {operator} FROM {s} WHERE {done}"))
    _events(run, sql, shape, lo, hi, t, station, operator)
    blob = "'\\x00'::bytea" if sql.pg else "x'00'"
    run(text(
        f"{w}INSERT INTO print_jobs (id, order_id, parcel_id, station_id, kind, format, "
        "printer_url, data, state, attempts, last_error, reprint_of_id, reason, created_at, "
        f"updated_at, sent_at) SELECT i, i, i, {station}, 'shipping', 'zpl', "
        f"'tcp://10.0.0.' || {station} || '\\:9100', {blob}, 'done', "
        "CASE WHEN i % 200 = 0 THEN 3 ELSE 1 END, CASE WHEN i % 200 = 0 THEN 'paper out' END, "
        f"NULL, NULL, {sql.ts(t + ' + 300')}, {sql.ts(t + ' + 300')}, "
        f"CASE WHEN i % 200 = 0 THEN {sql.ts(t + ' + 420')} ELSE {sql.ts(t + ' + 302')} END "
        f"FROM {s} WHERE {done}"))
    run(text(
        f"{w}INSERT INTO print_jobs (id, order_id, parcel_id, station_id, kind, format, "
        "printer_url, data, state, attempts, reprint_of_id, reason, created_at, updated_at, "
        f"sent_at) SELECT {shape.orders} + i, i, i, {station}, 'shipping', 'zpl', "
        f"'tcp://10.0.0.' || {station} || '\\:9100', {blob}, 'done', 1, i, 'label damaged', "
        f"{sql.ts(t + ' + 400')}, {sql.ts(t + ' + 400')}, {sql.ts(t + ' + 401')} "
        f"FROM {s} WHERE i % 500 = 0 AND {done}"))
    run(text(
        f"{w}INSERT INTO line_exceptions (session_id, order_line_id, kind, quantity, reason, "
        f"operator_id, at) SELECT i, i * 2, 'short', 1, 'OUT_OF_STOCK', {operator}, "
        f"{sql.ts(t + ' + 200')} FROM {s} WHERE i % 1000 = 0"))


def _events(run: Callable[..., object], sql: _Sql, shape: Shape, lo: int, hi: int, t: str,
            station: str, operator: str) -> None:
    e = shape.per_order
    k = "(i * 1000 + j)"
    item = f"CASE WHEN j % 2 = 1 THEN (i * 7) % {PRODUCTS} + 1 " \
           f"ELSE (i * 13 + 1) % {PRODUCTS} + 1 END"
    outcome = (f"CASE WHEN j = 0 THEN 'order_opened' WHEN j = {e - 1} THEN 'label_confirmed' "
               f"WHEN {k} % 97 = 0 THEN 'wrong_item' WHEN {k} % 211 = 0 THEN 'over_scan' "
               f"WHEN j = {e - 2} THEN 'order_complete' ELSE 'accepted' END")
    product = (f"CASE WHEN j = 0 OR j = {e - 1} THEN NULL WHEN {k} % 97 = 0 "
               f"THEN (i * 31 + 5) % {PRODUCTS} + 1 ELSE {item} END")
    if sql.pg:
        source = f"generate_series({lo}::bigint, {hi}::bigint) AS seq(i) CROSS JOIN " \
                 f"generate_series(0, {e - 1}) AS ev(j)"
        head = ""
    else:
        head = (f"WITH RECURSIVE seq(i) AS (SELECT {lo} UNION ALL SELECT i + 1 FROM seq "
                f"WHERE i < {hi}), ev(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM ev "
                f"WHERE j < {e - 1}) ")
        source = "seq CROSS JOIN ev"
    run(text(
        f"{head}INSERT INTO scan_events (id, session_id, order_id, station_id, operator_id, "
        "raw, outcome, product_id, quantity, received_at, recorded_at) "
        f"SELECT (i - 1) * {e} + j + 1, i, i, {station}, {operator}, 'x', {outcome}, "
        f"{product}, CASE WHEN j > 0 AND j < {e - 1} THEN 1 ELSE 0 END, "
        f"{sql.ts(t + ' + j * 30')}, {sql.ts(t + ' + j * 30')} FROM {source}"))


def _fix_sequences(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        for table in ("stations", "operators", "products", "orders", "order_lines",
                      "pack_sessions", "parcels", "parcel_items", "scan_events", "print_jobs",
                      "order_status_history", "line_exceptions"):
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"GREATEST(1, (SELECT max(id) FROM {table})))"))
    # As autovacuum would in time: statistics, and the visibility map index-only scans need.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def generate(engine: Engine, shape: Shape) -> float:
    """Fill an empty, migrated database; returns the seconds it took."""
    t0 = time.perf_counter()
    sql = _Sql(engine, shape.base)
    with engine.begin() as conn:
        _fixed(conn, sql, shape)
    for lo in range(1, shape.orders + 1, CHUNK):
        hi = min(shape.orders, lo + CHUNK - 1)
        with engine.begin() as conn:
            _chunk(conn, sql, shape, lo, hi)
        log.info("orders %d-%d written", lo, hi)
    _fix_sequences(engine)
    if engine.dialect.name == "sqlite":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return time.perf_counter() - t0
