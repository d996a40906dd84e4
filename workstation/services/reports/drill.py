"""Drill-down: from a figure to the orders and scan events behind it.

A figure is named by its *kind* and the cell it was read from (station, operator, UTC hour):
``packed`` (orders and units packed, time per order), ``wrong_item`` and ``over_scan``
(accuracy), ``short``, ``damaged`` and ``override`` (exceptions), ``reprint`` and ``fault``
(print jobs). The same definitions as the figures pick the rows, so the drill-down of a cell
counts exactly what the cell shows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import (
    AuditEntry,
    LineException,
    Operator,
    Order,
    PackSession,
    PrintJob,
    ScanEvent,
    Station,
)
from workstation.domain.outcomes import Outcome
from workstation.services.errors import WorkstationError
from workstation.services.operators import OperatorInfo
from workstation.services.reports import access
from workstation.services.reports.accuracy import misscans_in
from workstation.services.reports.exceptions import OVERRIDE_ACTION, faulted
from workstation.services.reports.model import Table, Window, in_zone, reading
from workstation.services.reports.sql import AnySelect
from workstation.services.reports.throughput import packed_sessions

MAX_ROWS = 2000


class DrillKind(StrEnum):
    PACKED = "packed"
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    SHORT = "short"
    DAMAGED = "damaged"
    OVERRIDE = "override"
    REPRINT = "reprint"
    FAULT = "fault"


@dataclass(frozen=True, slots=True)
class Drill:
    kind: DrillKind
    window: Window
    orders: Table
    events: Table


def hour_window(window: Window, hour: str) -> Window:
    """Narrow to one clock hour written as the report shows it (``YYYY-MM-DD HH:00``, on the
    window's clock: ``Window.tz``)."""
    try:
        start = window.utc_hour(hour)
    except ValueError as exc:
        raise WorkstationError(f"hour {hour!r}: write it as YYYY-MM-DD HH:00") from exc
    return replace(window, start=max(window.start, start),
                   end=min(window.end, start + timedelta(hours=1)))


def _order_ids(window: Window, kind: DrillKind) -> AnySelect:
    if kind is DrillKind.PACKED:
        facts = packed_sessions(window).subquery()
        return select(facts.c.order_id)
    if kind in (DrillKind.WRONG_ITEM, DrillKind.OVER_SCAN):
        return select(ScanEvent.order_id).where(*misscans_in(window, Outcome(kind.value)))
    if kind in (DrillKind.SHORT, DrillKind.DAMAGED):
        query: AnySelect = (select(PackSession.order_id)
                 .join(LineException, LineException.session_id == PackSession.id)
                 .where(LineException.kind == kind.value, LineException.at >= window.start,
                        LineException.at < window.end))
        if window.station_id is not None:
            query = query.where(PackSession.station_id == window.station_id)
        if window.operator_id is not None:
            query = query.where(LineException.operator_id == window.operator_id)
        return query
    if kind is DrillKind.OVERRIDE:
        override: AnySelect = select(AuditEntry.order_id).where(
            AuditEntry.action == OVERRIDE_ACTION, AuditEntry.at >= window.start,
            AuditEntry.at < window.end)
        if window.station_id is not None:
            override = override.where(AuditEntry.station_id == window.station_id)
        if window.operator_id is not None:
            override = override.where(AuditEntry.operator_id == window.operator_id)
        return override
    where = [PrintJob.created_at >= window.start, PrintJob.created_at < window.end]
    if window.station_id is not None:
        where.append(PrintJob.station_id == window.station_id)
    where.append(PrintJob.reprint_of_id.is_not(None) if kind is DrillKind.REPRINT
                 else faulted())
    return select(PrintJob.order_id).where(*where)


def _events_query(window: Window, kind: DrillKind, order_ids: list[int]) -> AnySelect:
    query: AnySelect = (
        select(ScanEvent.id, ScanEvent.recorded_at, Station.name, Operator.code, Order.number,
               ScanEvent.raw, ScanEvent.outcome, ScanEvent.message)
        .join(Station, Station.id == ScanEvent.station_id)
        .outerjoin(Operator, Operator.id == ScanEvent.operator_id)
        .outerjoin(Order, Order.id == ScanEvent.order_id)
    )
    if kind in (DrillKind.WRONG_ITEM, DrillKind.OVER_SCAN):
        # Exactly the events the accuracy figure counted.
        return query.where(*misscans_in(window, Outcome(kind.value)))
    return query.where(ScanEvent.order_id.in_(order_ids))


def drill(session: Session, window: Window, kind: DrillKind) -> Drill:
    ids = sorted({i for i in session.scalars(_order_ids(window, kind)) if i})
    ids = ids[:MAX_ROWS]
    orders = session.execute(
        select(Order.number, Order.carrier, Order.status, Order.ship_by, Order.packed_at)
        .where(Order.id.in_(ids)).order_by(Order.number)
    ).all()
    events = session.execute(
        _events_query(window, kind, ids).order_by(ScanEvent.id).limit(MAX_ROWS)).all()

    def iso(value: datetime | None) -> str | None:
        return value.isoformat(timespec="seconds") if value else None

    tables = in_zone([
        Table("orders", f"Orders behind {kind.value}",
              ("order", "carrier", "status", "ship_by", "packed_at"),
              [(n, c, s, iso(sb), iso(pa)) for n, c, s, sb, pa in orders]),
        Table("events", f"Scan events behind {kind.value}",
              ("id", "recorded_at", "station", "operator", "order", "raw", "outcome",
               "message"),
              [(i, iso(t), s, o, n, r, out, m) for i, t, s, o, n, r, out, m in events]),
    ], window)
    return Drill(kind, window, tables[0], tables[1])


def drill_for(sessions: sessionmaker[Session], viewer: OperatorInfo, first: date, last: date,
              now: datetime, kind: DrillKind, *, station: str | None = None,
              operator: str | None = None, hour: str | None = None,
              tz: tzinfo = UTC) -> Drill:
    """Drill into one cell of a report over ``first``..``last`` (days of ``tz``). An
    operator may drill only into their own figures (the same rule, and the same check, as
    the report)."""
    with reading(sessions) as session:
        window = access.report_window(session, viewer, first, last, now, station=station,
                                      operator=operator, tz=tz)
        if hour:
            window = hour_window(window, hour)
        return drill(session, window, kind)
