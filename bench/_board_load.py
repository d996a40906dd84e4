"""What a lead's board refreshing every few seconds costs a packing station's scan.

A station packs orders through the real scan path (``PackService.handle_scan``) while, in
another process (as on the lead's own PC), a board refreshes on a timer; the same scans run
once without the board. Orders for the station are added beside the bulk data.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from datetime import UTC, date, datetime, timedelta
from multiprocessing.synchronize import Event

from sqlalchemy import func, insert, select, text, update

from bench._common import summary_ms
from bench.scan import gtin13
from db.engine import make_engine, make_sessionmaker
from db.enums import OrderStatus, Role, SessionStatus
from db.models import (
    Barcode,
    Operator,
    Order,
    OrderLine,
    OrderStatusChange,
    PackSession,
    Product,
)
from devices.scan import ScanInput
from workstation.domain.outcomes import Outcome
from workstation.services.operators import add_operator, find_operator
from workstation.services.pack import PackService
from workstation.services.reports import ReportService
from workstation.settings import Settings

LINES, UNITS = 5, 10  # per order: 50 item scans


def add_station_orders(url: str, scans: int, tag: str, offset: int
                       ) -> list[tuple[str, list[str]]]:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    orders = max(1, scans // (LINES * UNITS))
    now = datetime.now(UTC)
    with sessions.begin() as s:
        base = (s.scalar(select(Product.id).order_by(Product.id.desc()).limit(1)) or 0) + 1
        s.execute(insert(Product), [
            {"sku": f"{tag}-{i}", "name": f"Scan product {i}", "fragile": False,
             "serial_tracked": False, "lot_tracked": False, "created_at": now,
             "updated_at": now} for i in range(LINES)])
        ids = list(s.scalars(select(Product.id).where(Product.id >= base).order_by(Product.id)))
        s.execute(insert(Barcode), [
            {"product_id": pid, "code": "0" + gtin13(900_000 + offset + k),
             "kind": "gtin", "pack_quantity": 1} for k, pid in enumerate(ids)])
        for o in range(orders):
            order = Order(number=f"{tag}-{o:06d}", customer_name="x", ship_to_name="x",
                          address_lines="x", city="x", country="ID", carrier="JNE",
                          imported_at=now, updated_at=now)
            s.add(order)
            s.flush()
            s.execute(insert(OrderLine), [
                {"order_id": order.id, "line_no": k + 1, "product_id": pid, "quantity": UNITS,
                 "quantity_entry": False} for k, pid in enumerate(ids)])
        add_operator(s, f"scan-{tag}", "Scan Operator", Role.OPERATOR)
    engine.dispose()
    codes = [gtin13(900_000 + offset + k) for k in range(LINES) for _ in range(UNITS)]
    return [(f"{tag}-{o:06d}", codes) for o in range(orders)]


def time_scans(url: str, scripts: list[tuple[str, list[str]]], operator: str, *,
               count: int | None = None, seconds: float = 0.0) -> list[float]:
    """Pack orders until ``count`` scans are timed (or, without a count, until ``seconds``
    have passed); the first order only warms the caches up and is not timed."""
    engine = make_engine(url)
    service = PackService(make_sessionmaker(engine), Settings(station="BENCH-SCAN"))
    service.sign_in(operator)
    samples: list[float] = []
    deadline = time.monotonic() + seconds
    for n, (number, codes) in enumerate(scripts):
        if count is not None and len(samples) >= count:
            break
        if count is None and n > 1 and time.monotonic() >= deadline:
            break
        opened = service.handle_scan(ScanInput(text=number, source="bench"))
        assert opened.outcome is Outcome.ORDER_OPENED, opened.message
        for code in codes:
            t0 = time.perf_counter()
            result = service.handle_scan(ScanInput(text=code, source="bench"))
            if n:
                samples.append(time.perf_counter() - t0)
            assert result.outcome in (Outcome.ACCEPTED, Outcome.ORDER_COMPLETE), result.message
    engine.dispose()
    return samples[:count] if count is not None else samples


def _refresher(url: str, day: date, every: float, stop: Event, out: mp.Queue[float]) -> None:
    """The board's worker: the board's figures every ``every`` seconds until told to stop."""
    engine = make_engine(url)
    service = ReportService(make_sessionmaker(engine))
    with make_sessionmaker(engine)() as s:
        lead = find_operator(s, "lead")
    while not stop.is_set():
        t0 = time.perf_counter()
        service.board(lead, day, datetime.now(UTC))
        out.put(time.perf_counter() - t0)
        stop.wait(every)
    engine.dispose()


def _runs_before(url: str) -> int:
    """How many scan-cost runs this database has seen (their operators are kept)."""
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as s:
            return int(s.scalar(select(func.count()).select_from(Operator)
                                .where(Operator.code.like("scan-SA%"))) or 0)
    finally:
        engine.dispose()


def scan_cost(url: str, scans: int, day: date, every: float) -> dict[str, object]:
    """Scans with the board refreshing (for at least ``scans`` scans and three refreshes), and
    as many alone, half before and half after (so a machine that warms up or slows down during
    the run does not count as the board's doing)."""
    pool = max(scans, 20_000) + LINES * UNITS  # scans take 1-5 ms: enough for 20 s or more
    # A kept PostgreSQL schema (--keep-schema) holds the orders of earlier runs: new tags and
    # barcodes each run.
    run = _runs_before(url)
    tags = [(f"S{x}{run or ''}", (3 * run + i) * LINES) for i, x in enumerate("ABC")]
    before, beside, after = (add_station_orders(url, pool, tag, offset) for tag, offset in tags)
    quiet = time_scans(url, before, f"scan-{tags[0][0]}", count=scans // 2)
    ctx = mp.get_context("spawn")
    stop, refreshes = ctx.Event(), ctx.Queue()
    board = ctx.Process(target=_refresher, args=(url, day, every, stop, refreshes))
    board.start()
    first = refreshes.get(timeout=600)  # the board is up and has refreshed once
    busy = time_scans(url, beside, f"scan-{tags[1][0]}", seconds=3 * every)
    if len(busy) < scans:
        busy += time_scans(url, beside[len(busy) // (LINES * UNITS) + 2:], f"scan-{tags[1][0]}",
                           count=scans - len(busy))
    stop.set()
    board.join(timeout=600)
    took = [first]
    while not refreshes.empty():
        took.append(refreshes.get())
    quiet += time_scans(url, after, f"scan-{tags[2][0]}",
                        count=max(scans // 2, len(busy) - len(quiet)))
    q, b = summary_ms(quiet), summary_ms(busy)
    return {
        "scans_alone": len(quiet), "scans_with_board": len(busy),
        "scan_p50_ms_alone": q["p50_ms"], "scan_p99_ms_alone": q["p99_ms"],
        "scan_p50_ms_with_board": b["p50_ms"], "scan_p99_ms_with_board": b["p99_ms"],
        "board_extra_p50_ms": round(b["p50_ms"] - q["p50_ms"], 3),
        "board_extra_p99_ms": round(b["p99_ms"] - q["p99_ms"], 3),
        "board_refreshes": len(took), "board_refresh_every_s": every,
        "board_refresh_p50_ms": summary_ms(took)["p50_ms"],
    }


def yesterday() -> date:
    return datetime.now(UTC).date() - timedelta(days=1)


def trigger_cost(url: str, count: int) -> dict[str, object]:
    """What the rollups' triggers (migrations 0006, 0007 and 0008) add to the transaction that
    completes an order (the scan path's only contact with the rollups: rows queued or
    appended, and on PostgreSQL a NOTIFY): ``count`` sessions completed one per transaction,
    each with its order's status to packed and its status row to packed, with the triggers
    on, and again off."""
    engine = make_engine(url)
    with engine.begin() as conn:
        ids = [tuple(row) for row in conn.execute(
            select(PackSession.id, PackSession.order_id).where(
                PackSession.status == SessionStatus.COMPLETED.value)
            .order_by(PackSession.id.desc()).limit(count))]

    def complete_each() -> list[float]:
        with engine.begin() as conn:
            conn.execute(update(PackSession).where(PackSession.id.in_([i for i, _ in ids]))
                         .values(status=SessionStatus.OPEN.value, ended_at=None))
            conn.execute(update(Order).where(Order.id.in_([o for _, o in ids]))
                         .values(status=OrderStatus.IN_PROGRESS.value))
        took = []
        for id_, order_id in ids:
            t0 = time.perf_counter()
            with engine.begin() as conn:
                now = datetime.now(UTC)
                conn.execute(update(PackSession).where(PackSession.id == id_).values(
                    status=SessionStatus.COMPLETED.value, ended_at=now))
                conn.execute(update(Order).where(Order.id == order_id).values(
                    status=OrderStatus.PACKED.value, packed_at=now))
                conn.execute(insert(OrderStatusChange).values(
                    order_id=order_id, from_status="in_progress", to_status="packed", at=now))
            took.append(time.perf_counter() - t0)
        return took

    on = complete_each()
    triggers = (("pack_sessions", "trg_report_session_update"),
                ("order_status_history", "trg_report_history_insert"),
                ("orders", "trg_report_cutoff_update"))
    if engine.dialect.name == "postgresql":
        def toggle(state: str) -> None:
            with engine.begin() as conn:
                for table, name in triggers:
                    conn.execute(text(f"ALTER TABLE {table} {state} TRIGGER {name}"))
        toggle("DISABLE")
        try:
            off = complete_each()
        finally:
            toggle("ENABLE")
    else:  # SQLite has no switch: drop and re-create the triggers from their stored SQL
        with engine.begin() as conn:
            stored = [conn.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                       "AND name = :name"), {"name": name})
                      for _table, name in triggers]
            for _table, name in triggers:
                conn.execute(text(f"DROP TRIGGER {name}"))
        try:
            off = complete_each()
        finally:
            with engine.begin() as conn:
                for sql in stored:
                    conn.execute(text(sql))
    engine.dispose()
    a, b = summary_ms(on), summary_ms(off)
    return {"completions_timed": len(ids),
            "completion_p50_ms_triggers_on": a["p50_ms"],
            "completion_p50_ms_triggers_off": b["p50_ms"],
            "trigger_extra_p50_ms": round(a["p50_ms"] - b["p50_ms"], 3)}
