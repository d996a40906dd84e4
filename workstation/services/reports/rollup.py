"""The rollups the reports read instead of every raw row, and the catch-up that keeps them.

Two derived tables (migration 0006), both rebuilt from raw rows only, never edited by hand
(a third, lead time's, migration 0007, is kept by the same catch-up: see :mod:`rollup_lead`):

- ``report_scan_hours``: scan events counted per UTC hour, station and operator (0: nobody
  signed in), with their wrong-item and over-scan counts. Rolled up by id: the row
  ``report_rollup_state('scans').last_id`` says every event with an id up to it is counted.
- ``report_packed_orders``: one fact row per completed pack session, the very row
  :func:`throughput.completed_sessions` makes (station, operator, carrier, hour, units,
  seconds). Triggers queue a session in ``report_dirty_sessions`` whenever its fact may change
  (it completes or stops being completed, a label is confirmed on one of its parcels later,
  the order's carrier changes, ...); the catch-up remakes the queued ones.

**Exact whatever the catch-up's progress.** A figure reads, in one statement (one snapshot):
the rollup *plus* the raw rows it does not hold yet: scan events with an id above the
watermark, and sessions still queued (computed the raw way). So a report is the same with
the catch-up done, half done or never run; only its speed differs. Windows that do not start
and end on a whole hour (the CLI and the board always do) read scan events raw.

**The catch-up** (:func:`catch_up`) runs off the scan path: the report service and the board
call it before they read. It is idempotent, works in batches (a scan never waits long behind
it) and is safe with several leads running it at once: on PostgreSQL one at a time under an
advisory lock (the others skip it: their report stays exact), in REPEATABLE READ
transactions; on SQLite the write lock serialises it. On PostgreSQL ids are not committed in
order (a scan's transaction may commit after a later id's), so the watermark only moves up to
an id below which nothing can still commit: ``max(id)`` read under a momentary ``SHARE`` lock
on ``scan_events`` (it waits for scans in flight, at most ``lock_timeout``, and holds off new
ones for one index look-up). When nothing is new, the catch-up only reads (no write lock).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    case,
    delete,
    exists,
    func,
    insert,
    literal_column,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.models import (
    PackSession,
    ReportCutoffChange,
    ReportDirtyOrder,
    ReportDirtySession,
    ReportPackedOrder,
    ReportRollupState,
    ReportScanHour,
    ScanEvent,
)
from workstation.domain.outcomes import Outcome
from workstation.services.reports import rollup_cutoffs
from workstation.services.reports.accuracy import NOBODY, ScanCell, scan_cells
from workstation.services.reports.accuracy import rollup as rollup_accuracy
from workstation.services.reports.model import Table, Window
from workstation.services.reports.prebuilt import params, prebuilt
from workstation.services.reports.rollup_lead import ORDER_BATCH, remake_orders
from workstation.services.reports.sql import AnySelect, hour_bucket, unindexed
from workstation.services.reports.state import SCANS, first_id, names, rollup_state
from workstation.services.reports.throughput import (
    Dimension,
    PackedOrder,
    completed_sessions,
    packed_orders,
    packed_sessions,
)

log = logging.getLogger(__name__)

SCAN_BATCH = 500_000  # scan ids per transaction
SESSION_BATCH = 50_000  # queued sessions per transaction
VACUUM_AFTER = 10_000  # queue rows handled in one catch-up
ID_CHUNK = 5_000  # session ids per statement (SQLite allows 32,766 parameters)
# One catch-up at a time per schema (advisory locks are per database: key on the schema too).
_PG_LOCK = "hashtextextended('workstation report rollup ' || current_schema(), 0)"
# NOTIFY'd (payload: the schema) by migration 0006's triggers when a session completes (see
# reports.notify). Not by the catch-up: boards run it, so each would wake the others for ever.
BOARD_CHANNEL = "workstation_board"


@dataclass(frozen=True, slots=True)
class CatchUp:
    scans: int = 0  # scan events rolled up
    sessions: int = 0  # queued session changes handled (a session may be queued twice)
    orders: int = 0  # queued order changes handled (lead time, rollup_lead)
    cutoffs: int = 0  # order cut-off changes folded (progress, rollup_cutoffs)
    seconds: float = 0.0
    skipped: bool = False  # another catch-up was running (PostgreSQL)


# -- the catch-up ---------------------------------------------------------------------------

def _watermark(conn: Connection) -> int:
    return int(conn.scalar(select(ReportRollupState.last_id)
                           .where(ReportRollupState.name == SCANS)) or 0)


def _pending(conn: Connection) -> tuple[int, int, bool]:
    """(watermark, newest scan id, anything queued): read only, one statement."""
    row = conn.execute(select(
        select(ReportRollupState.last_id).where(ReportRollupState.name == SCANS)
        .scalar_subquery(),
        select(func.max(ScanEvent.id)).scalar_subquery(),
        first_id(ReportDirtySession), first_id(ReportDirtyOrder),
        first_id(ReportCutoffChange))).one()
    return int(row[0] or 0), int(row[1] or 0), any(x is not None for x in row[2:])


def _ensure_state(conn: Connection) -> None:
    """The watermark row exists (a table emptied by hand, e.g. TRUNCATE, starts again at 0:
    then the rollup it describes is emptied too, so nothing is counted twice)."""
    if conn.scalar(select(ReportRollupState.name).where(ReportRollupState.name == SCANS)):
        return
    conn.execute(delete(ReportScanHour))
    conn.execute(insert(ReportRollupState).values(name=SCANS, last_id=0))


def _settled_max_pg(conn: Connection, lock_timeout_ms: int) -> int | None:
    """The highest scan id below which no transaction can still commit a row, or None when
    the brief lock could not be had in time."""
    try:
        with conn.begin():
            conn.execute(text(f"SET LOCAL lock_timeout = '{int(lock_timeout_ms)}ms'"))
            conn.execute(text("LOCK TABLE scan_events IN SHARE MODE"))
            return int(conn.scalar(select(func.max(ScanEvent.id))) or 0)
    except OperationalError as exc:  # lock_timeout: scans were busy; next time
        log.debug("scan rollup waits for the next catch-up: %s", exc)
        return None


def _roll_scans(conn: Connection, lo: int, hi: int) -> int:
    hour = hour_bucket(ScanEvent.recorded_at)
    operator = func.coalesce(ScanEvent.operator_id, literal_column("0"))
    counts = (
        select(hour, ScanEvent.station_id, operator,
               func.count(),
               func.sum(case((ScanEvent.outcome == Outcome.WRONG_ITEM.value, 1), else_=0)),
               func.sum(case((ScanEvent.outcome == Outcome.OVER_SCAN.value, 1), else_=0)))
        .where(ScanEvent.id > lo, ScanEvent.id <= hi)
        .group_by(hour, ScanEvent.station_id, operator)
    )
    columns = ["hour", "station_id", "operator_id", "scans", "wrong_item", "over_scan"]
    t = ReportScanHour.__table__
    if conn.dialect.name == "postgresql":
        pg_stmt = pg_insert(ReportScanHour).from_select(columns, counts)
        conn.execute(pg_stmt.on_conflict_do_update(
            index_elements=columns[:3],
            set_={name: t.c[name] + pg_stmt.excluded[name] for name in columns[3:]}))
    else:
        lite_stmt = sqlite_insert(ReportScanHour).from_select(columns, counts)
        conn.execute(lite_stmt.on_conflict_do_update(
            index_elements=columns[:3],
            set_={name: t.c[name] + lite_stmt.excluded[name] for name in columns[3:]}))
    moved = conn.execute(update(ReportRollupState).where(ReportRollupState.name == SCANS)
                         .values(last_id=hi, updated_at=datetime.now(UTC)))
    assert moved.rowcount == 1, "the scans watermark row is missing (see _ensure_state)"
    return int(conn.scalar(select(func.count()).select_from(ScanEvent)
                           .where(ScanEvent.id > lo, ScanEvent.id <= hi)) or 0)


def _remake_sessions(conn: Connection) -> int:
    """Remake the fact rows of up to SESSION_BATCH queued sessions; returns how many queue
    rows it handled."""
    queued = conn.execute(select(ReportDirtySession.id, ReportDirtySession.session_id)
                          .order_by(ReportDirtySession.id).limit(SESSION_BATCH)).all()
    if not queued:
        return 0
    ids = sorted({session_id for _id, session_id in queued})
    for at in range(0, len(ids), ID_CHUNK):  # a list of ids: the plan starts from them
        chunk = ids[at:at + ID_CHUNK]
        conn.execute(delete(ReportPackedOrder).where(ReportPackedOrder.session_id.in_(chunk)))
        facts = completed_sessions().where(PackSession.id.in_(chunk)).subquery()
        conn.execute(insert(ReportPackedOrder).from_select(
            ["session_id", "station_id", "operator_id", "carrier", "ended_at", "hour", "units",
             "seconds"],
            select(facts.c.session_id, facts.c.station_id, facts.c.operator_id,
                   facts.c.carrier, facts.c.ended_at, facts.c.hour, facts.c.units,
                   facts.c.seconds)))
    # Only the rows this transaction saw (REPEATABLE READ on PostgreSQL): a session queued
    # meanwhile stays queued.
    upper = queued[-1][0]
    conn.execute(delete(ReportDirtySession).where(ReportDirtySession.id <= upper))
    return len(queued)


def catch_up(engine: Engine, *, lock_timeout_ms: int = 50) -> CatchUp:
    """Bring both rollups up to date (see the module docstring); returns what it did."""
    t0 = time.perf_counter()
    pg = engine.dialect.name == "postgresql"
    with engine.connect() as conn:
        with conn.begin():
            wm, newest, queued = _pending(conn)
        if newest <= wm and not queued:
            return CatchUp(seconds=time.perf_counter() - t0)
        if pg:
            with conn.begin():
                got = conn.scalar(text(f"SELECT pg_try_advisory_lock({_PG_LOCK})"))
            if not got:
                return CatchUp(seconds=time.perf_counter() - t0, skipped=True)
        try:
            rolled, remade, leads, cutoffs = _catch_up_locked(conn, pg, newest,
                                                              lock_timeout_ms)
            for queue, handled in (("report_dirty_sessions", remade),
                                   ("report_dirty_orders", leads),
                                   ("report_cutoff_changes", cutoffs)):
                if pg and handled >= VACUUM_AFTER:  # the queue's dead rows, now
                    auto = conn.execution_options(isolation_level="AUTOCOMMIT")
                    with auto.begin():  # (no transaction at the database: VACUUM needs none)
                        auto.exec_driver_sql(f"VACUUM {queue}")
        finally:
            if pg:
                with conn.begin():
                    conn.execute(text(f"SELECT pg_advisory_unlock({_PG_LOCK})"))
    return CatchUp(rolled, remade, leads, cutoffs, time.perf_counter() - t0)


def _catch_up_locked(conn: Connection, pg: bool, newest: int,
                     lock_timeout_ms: int) -> tuple[int, int, int, int]:
    bound: int | None = newest
    if pg:  # READ COMMITTED: max(id) is read after the lock is granted
        bound = _settled_max_pg(conn, lock_timeout_ms)
    rr = conn.execution_options(isolation_level="REPEATABLE READ") if pg else conn
    with rr.begin():
        _ensure_state(rr)
    rolled = 0
    while bound is not None:
        with rr.begin():
            wm = _watermark(rr)
            if not pg:
                bound = int(rr.scalar(select(func.max(ScanEvent.id))) or 0)
            if bound <= wm:
                break
            hi = min(bound, wm + SCAN_BATCH)
            rolled += _roll_scans(rr, wm, hi)
    sessions = _drain(rr, _remake_sessions, SESSION_BATCH)
    orders = _drain(rr, remake_orders, ORDER_BATCH)
    # (the batch read at call time, as the fold itself reads it)
    cutoffs = _drain(rr, rollup_cutoffs.fold_cutoff_changes, rollup_cutoffs.CUTOFF_BATCH)
    return rolled, sessions, orders, cutoffs


def _drain(conn: Connection, remake: Callable[[Connection], int], batch: int) -> int:
    """Run ``remake`` (one batch of a queue, in a transaction of its own) until a batch comes
    back short; returns how many queue rows were handled."""
    handled = 0
    while True:
        with conn.begin():
            done = remake(conn)
        handled += done
        if done < batch:
            return handled


# -- reading: the rollup plus what it does not hold yet --------------------------------------

def _hour_text(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:00")


def _whole_hours(window: Window) -> bool:
    return all(t.minute == 0 and t.second == 0 and t.microsecond == 0
               and t.utcoffset() is not None for t in (window.start, window.end))


def _scan_rows(window: Window) -> Any:
    """The rollup's cells in the window, and the scan events above its watermark counted the
    same way (as rows of station_id, operator_id, hour, scans, wrong_item, over_scan)."""
    r = ReportScanHour
    rolled = select(r.station_id, r.operator_id, r.hour, r.scans, r.wrong_item, r.over_scan
                    ).where(r.hour >= bindparam("w_hour_from", type_=r.hour.type),
                            r.hour < bindparam("w_hour_to", type_=r.hour.type))
    if window.station_id is not None:
        rolled = rolled.where(r.station_id == window.station_id)
    if window.operator_id is not None:
        rolled = rolled.where(r.operator_id == window.operator_id)
    # The watermark (w_watermark) is read first, in the same snapshot (model.reading: one
    # transaction, REPEATABLE READ on PostgreSQL).
    watermark = bindparam("w_watermark", type_=ScanEvent.id.type)
    at = unindexed(ScanEvent.recorded_at)
    in_window = [at >= window.start, at < window.end]
    if window.station_id is not None:
        in_window.append(unindexed(ScanEvent.station_id) == window.station_id)
    if window.operator_id is not None:
        in_window.append(unindexed(ScanEvent.operator_id) == window.operator_id)
    hour = hour_bucket(ScanEvent.recorded_at)
    operator = func.coalesce(ScanEvent.operator_id, literal_column("0"))
    station = unindexed(ScanEvent.station_id)  # else SQLite scans a whole index for order
    tail = (
        select(station, operator, hour, func.count(),
               func.sum(case((ScanEvent.outcome == Outcome.WRONG_ITEM.value, 1), else_=0)),
               func.sum(case((ScanEvent.outcome == Outcome.OVER_SCAN.value, 1), else_=0)))
        .where(ScanEvent.id > watermark, *in_window)
        .group_by(station, operator, hour)
    )
    return union_all(rolled, tail).subquery("scan_rows")


def scan_cells_rolled(session: Session, window: Window) -> list[ScanCell]:
    """The same cells as :func:`accuracy.scan_cells`, from the hourly rollup and the scan
    events above its watermark."""
    if not _whole_hours(window):
        return scan_cells(session, window)
    return _cells_by(session, window, _CUBE)


_CUBE = ("station_id", "operator_id", "hour")
_BY_STATION_AND_OPERATOR = ("station_id", "operator_id")


@prebuilt
def _cells_query(window: Window, by: Dimension | tuple[str, ...]) -> Any:
    rows = _scan_rows(window)
    c = list(rows.c)
    if isinstance(by, tuple):
        keys = [c[_CUBE.index(name)] for name in by]
    else:
        keys = {Dimension.TOTAL: [], Dimension.STATION: [c[0]],
                Dimension.OPERATOR: [c[1]], Dimension.HOUR: [c[2]]}[by]
    sums = (func.sum(c[3]), func.sum(c[4]), func.sum(c[5]))
    query = select(*keys, *sums)
    if keys:
        query = query.group_by(*keys)
    return query


def _cells_by(session: Session, window: Window, by: Dimension | tuple[str, ...]
              ) -> list[ScanCell]:
    """Cells summed over every dimension but ``by`` (a dimension, or the names of the cube's
    keys to keep), in SQL: what :func:`accuracy.rollup` needs, without the whole cube."""
    query = _cells_query.get(session, window, by)
    keys = [c.name for c in query.selected_columns][:-3]
    stations, operators = names(session)
    out = []
    watermark = rollup_state(session).watermark
    values = params(window, w_watermark=watermark, w_hour_from=_hour_text(window.start),
                    w_hour_to=_hour_text(window.end))
    for row in session.execute(query, values).all():
        n, w, v = (int(x or 0) for x in row[-3:])
        if by is Dimension.TOTAL and n == 0:
            continue
        key = dict(zip(keys, row[:-3], strict=True))
        out.append(ScanCell(stations.get(key.get("station_id", -1), ""),
                            operators.get(key.get("operator_id", 0), NOBODY),
                            key.get("hour", ""), n, w, v))
    return out


def accuracy_tables_rolled(session: Session, window: Window, dims: list[Dimension]
                           ) -> dict[Dimension, Table]:
    """The accuracy tables of :mod:`accuracy`, one small GROUP BY each over the rollup."""
    if not _whole_hours(window):
        cells = scan_cells(session, window)
        return {by: rollup_accuracy(cells, by) for by in dims}
    # Two small GROUP BYs over the rollup, not one per table: per station and operator (the
    # station and operator tables), per hour (the hour table); the total from either.
    by_pair = [Dimension.STATION, Dimension.OPERATOR]
    pairs = (_cells_by(session, window, _BY_STATION_AND_OPERATOR)
             if any(by in dims for by in by_pair) else None)
    hours = _cells_by(session, window, Dimension.HOUR) if Dimension.HOUR in dims else None
    tables = {}
    for by in dims:
        some = pairs if by in by_pair else hours if by is Dimension.HOUR else (
            hours if hours is not None else pairs)
        tables[by] = rollup_accuracy(
            some if some is not None else _cells_by(session, window, by), by)
    return tables


def _facts(window: Window, queued: bool) -> AnySelect:
    """The window's fact rows; with sessions ``queued``, only those of sessions not queued
    (no per-row look-up when the queue is empty, as it is after a catch-up)."""
    f = ReportPackedOrder
    query = select(f.station_id, f.operator_id, f.carrier, f.hour, f.units, f.seconds).where(
        f.ended_at >= window.start, f.ended_at < window.end)
    if queued:
        query = query.where(~exists().where(ReportDirtySession.session_id == f.session_id))
    if window.station_id is not None:
        query = query.where(f.station_id == window.station_id)
    if window.operator_id is not None:
        query = query.where(f.operator_id == window.operator_id)
    return query


def packed_rows(session: Session, window: Window) -> tuple[Any, dict[str, Any]]:
    """The rows :func:`packed_orders_rolled` returns, as a SELECT of station_id, operator_id,
    carrier, hour, units, seconds: fact rows, and the queued sessions computed the raw way;
    and its parameters."""
    # The queue is read in the same snapshot (model.reading), and is empty after a catch-up.
    queued = rollup_state(session).sessions_queued
    return _packed_rows.get(session, window, queued), params(window)


@prebuilt
def _packed_rows(window: Window, queued: bool) -> Any:
    both: Any = _facts(window, queued)
    if queued:
        raw = packed_sessions(window).where(
            PackSession.id.in_(select(ReportDirtySession.session_id))).subquery("raw")
        both = union_all(both, select(raw.c.station_id, raw.c.operator_id, raw.c.carrier,
                                      raw.c.hour, raw.c.units, raw.c.seconds))
    return both


def packed_orders_rolled(session: Session, window: Window) -> list[PackedOrder]:
    """The same rows as :func:`throughput.packed_orders`, from :func:`packed_rows`."""
    stations, operators = names(session)
    return [PackedOrder(stations[s], operators[o], c, h, int(u), float(sec))
            for s, o, c, h, u, sec in session.execute(*packed_rows(session, window))]


__all__ = ["BOARD_CHANNEL", "CatchUp", "catch_up", "names", "packed_orders", "packed_orders_rolled",
           "packed_rows", "scan_cells", "scan_cells_rolled"]
