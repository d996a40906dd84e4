"""`python -m bench report`: the shift report over bulk data, beside the bare SQL floor.

Generates ``--scans`` scan events and ``--orders`` orders over ``--days`` days across
``--stations`` stations (set-based INSERT ... SELECT; the full 10,000,000 / 1,000,000 / 90 /
40 works, the default is a tenth of it), then times, in the same run:

- the catch-up that fills the report rollups (``reports.rollup``) from the generated rows,
  once (``catch_up_initial_s``) and again with nothing new (``catch_up_idle_ms``: what each
  report and board refresh pays for it, and is included in their times);
- the one-day shift report (yesterday) and the 30-day report, every table a lead gets
  (``ReportService.report``: catch-up, then ``build_report``), median of ``--repeat`` runs;
- the floor: the bare SQL aggregate over the same rows, through the DBAPI cursor with nothing
  around it: the window's scan events per station and outcome, and its completed sessions
  per station (one pass over each: less than that no report can read);
- what a board refreshing every ``--board-every`` seconds (in another process) costs a
  packing station's scan: p50/p99 with and without it;
- what the rollups' triggers add to the transaction that completes an order (the only part
  of them on the scan path): completions (the session and its status row to packed) timed
  with the session and status-history triggers on and off.

Runs on SQLite (a temporary file) and, when ``WORKSTATION_TEST_PG`` is set (or ``--db`` names
one), on PostgreSQL in a private schema it creates and drops.
Targets: one day < 200 ms, 30 days < 2 s, ratio < 1.5; board costs a scan < 1 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from bench._board_load import scan_cost, trigger_cost, yesterday
from bench._common import emit, fresh_sqlite
from bench._report_data import Shape, generate
from db.engine import make_engine, make_sessionmaker
from db.migrate import upgrade
from workstation.services.operators import find_operator
from workstation.services.reports import ReportService
from workstation.services.reports.rollup import catch_up

FLOOR_SQL = (
    "SELECT station_id, outcome, count(*) FROM scan_events "
    "WHERE recorded_at >= {start} AND recorded_at < {end} GROUP BY station_id, outcome",
    "SELECT station_id, count(*) FROM pack_sessions WHERE status = 'completed' "
    "AND ended_at >= {start} AND ended_at < {end} GROUP BY station_id",
)


@contextmanager
def database(kind: str, url: str | None, keep: str | None = None) -> Iterator[tuple[str, bool]]:
    """A migrated database and whether it holds the data already: a fresh temporary SQLite
    file, or a private PostgreSQL schema, dropped afterwards unless ``keep`` names it (then a
    schema of that name left by an earlier run is used as it is: data made once, figures
    measured again and again while working on them)."""
    if kind == "sqlite":
        yield url or fresh_sqlite(Path(tempfile.mkdtemp(prefix="ws-bench-report-")),
                                  "report.db"), False
        return
    assert url is not None
    schema = keep or f"bench_report_{os.getpid()}"
    admin = make_engine(url)
    private = make_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    private_url = private.render_as_string(hide_password=False)
    with admin.begin() as conn:
        kept = keep is not None and conn.execute(text(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = :s "
            "AND table_name = 'report_rollup_state'"), {"s": schema}).scalar_one() > 0
        if not kept:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(private_url)
    upgrade(engine)
    engine.dispose()
    try:
        yield private_url, kept
    finally:
        if keep is None:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _literal(engine: Engine, at: datetime) -> str:
    if engine.dialect.name == "sqlite":
        return "'" + at.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ",
                                                                      timespec="microseconds") + "'"
    return f"TIMESTAMPTZ '{at.isoformat()}'"


def floor_once(engine: Engine, start: datetime, end: datetime) -> float:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        t0 = time.perf_counter()
        for sql in FLOOR_SQL:
            cursor.execute(sql.format(start=_literal(engine, start), end=_literal(engine, end)))
            cursor.fetchall()
        took = time.perf_counter() - t0
        raw.rollback()
        return took
    finally:
        raw.close()


def measure(url: str, repeat: int) -> dict[str, Any]:
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    service = ReportService(sessions)
    with sessions() as s:
        lead = find_operator(s, "lead")
    last = yesterday()
    now = datetime.now(UTC)
    out: dict[str, Any] = {}
    for label, first in (("1d", last), ("30d", last - timedelta(days=29))):
        start = datetime.combine(first, datetime.min.time(), UTC)
        end = datetime.combine(last + timedelta(days=1), datetime.min.time(), UTC)
        t0 = time.perf_counter()
        service.report(lead, first, last, now)  # cold: statements compiled, pages read
        cold = time.perf_counter() - t0
        floor_once(engine, start, end)
        report_s, floor_s = [], []
        for _ in range(repeat):  # interleaved, so both see the same cache state
            t0 = time.perf_counter()
            report = service.report(lead, first, last, now)
            report_s.append(time.perf_counter() - t0)
            floor_s.append(floor_once(engine, start, end))
        orders = report.table("throughput_by_total").rows[0][1]
        scans = report.table("accuracy_by_total").rows[0][1]
        r, f = statistics.median(report_s) * 1000, statistics.median(floor_s) * 1000
        out.update({f"{label}_orders": orders, f"{label}_scans": scans,
                    f"{label}_report_cold_ms": round(cold * 1000, 1),
                    f"{label}_report_ms": round(r, 1), f"{label}_floor_ms": round(f, 1),
                    f"{label}_ratio": round(r / f, 2) if f else None})
    engine.dispose()
    return out


def run(kind: str, url: str | None, shape: Shape, args: argparse.Namespace) -> dict[str, Any]:
    with database(kind, url, args.keep_schema) as (db_url, kept):
        engine = make_engine(db_url)
        generated = 0.0 if kept else generate(engine, shape)
        if kept:  # the data an earlier run left: its own size, not the options'
            with engine.connect() as conn:
                shape = Shape(
                    int(conn.execute(text("SELECT count(*) FROM scan_events")).scalar_one()),
                    int(conn.execute(text("SELECT count(*) FROM orders")).scalar_one()),
                    shape.days,
                    int(conn.execute(text("SELECT count(*) FROM stations")).scalar_one()))
        # The rollups are made off the scan path; timed apart, not hidden in the reports.
        initial = catch_up(engine)
        if engine.dialect.name == "postgresql":  # as autovacuum would, after the first fill
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE report_packed_orders, report_scan_hours, "
                                  "report_lead_times, report_cutoffs, report_cutoff_changes"))
        idle = catch_up(engine)
        engine.dispose()
        figures: dict[str, Any] = {"benchmark": "report", "backend": kind,
                                   "scans": shape.scans, "orders": shape.orders,
                                   "days": shape.days, "stations": shape.stations,
                                   "generate_s": round(generated, 1),
                                   "catch_up_initial_s": round(initial.seconds, 2),
                                   "catch_up_initial_scans": initial.scans,
                                   "catch_up_initial_sessions": initial.sessions,
                                   "catch_up_initial_orders": initial.orders,
                                   "catch_up_initial_cutoffs": initial.cutoffs,
                                   "catch_up_idle_ms": round(idle.seconds * 1000, 2)}
        figures.update(measure(db_url, args.repeat))
        if args.scan_cost:
            figures.update(scan_cost(db_url, args.scan_cost, yesterday(), args.board_every))
            figures.update(trigger_cost(db_url, min(args.scan_cost, 500)))
            engine = make_engine(db_url)
            after = catch_up(engine)  # whatever the board's last catch-up left
            engine.dispose()
            figures["catch_up_after_scans_ms"] = round(after.seconds * 1000, 2)
            figures["catch_up_after_scans_rolled"] = after.scans
        figures["target"] = ("1d < 200 ms, 30d < 2 s, ratio < 1.5; board costs a scan < 1 ms")
        return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench report")
    parser.add_argument("--scans", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--stations", type=int, default=40)
    parser.add_argument("--db", metavar="URL", default=None,
                        help="sqlite, or a PostgreSQL URL (a private schema is made in it). "
                             "Default: SQLite, then PostgreSQL if WORKSTATION_TEST_PG is set.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scan-cost", type=int, default=2000, metavar="SCANS",
                        help="Scans timed with and without the board (0: skip).")
    parser.add_argument("--board-every", type=float, default=5.0, metavar="SECONDS")
    parser.add_argument("--keep-schema", metavar="NAME", default=None,
                        help="PostgreSQL: keep the data in this schema, and use it as it is "
                             "if an earlier run left it (the shape options are then moot).")
    args = parser.parse_args(argv)
    if args.days < 31:
        parser.error("--days must be at least 31 (the 30-day report ends yesterday)")
    shape = Shape(args.scans, args.orders, args.days, args.stations)
    targets: list[tuple[str, str | None]] = []
    if args.db is None or args.db == "sqlite":
        targets.append(("sqlite", None))
    if args.db and args.db.startswith("postgres"):
        targets.append(("postgresql", args.db))
    elif args.db is None and os.environ.get("WORKSTATION_TEST_PG"):
        targets.append(("postgresql", os.environ["WORKSTATION_TEST_PG"]))
    for kind, url in targets:
        emit(run(kind, url, shape, args))
    return 0


