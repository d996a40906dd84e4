"""Lead time's rollup: one fact row per status change of an order to packed (migration 0007).

``report_lead_times`` holds, for every ``order_status_history`` row to ``packed``, what
:func:`progress.lead_rows` computes for it: the order's carrier, hours imported -> packed and
packed -> first hand-over. Triggers queue an order in ``report_dirty_orders`` whenever its rows
may change; the catch-up (:func:`rollup.catch_up`) remakes the queued ones.

Read like the other rollups (see :mod:`rollup`): in one snapshot, the fact rows of orders not
queued, plus the queued orders computed the raw way, so the figure is the same whatever the
catch-up's progress. An order counts once, with its first packed row in the window (the raw
definition's ``min(at)``): a fact row counts only when no earlier one of the same order is in
the window (under the same station/operator filter). Unfiltered, that is its ``prev_packed_at``
(the order's previous packed row, migration 0008) being before the window: no look-up per row.
On PostgreSQL the averages and the p90 are computed in SQL (``percentile_disc``: nearest rank).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, delete, exists, func, insert, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from db.enums import OrderStatus
from db.models import Order, OrderStatusChange, ReportDirtyOrder, ReportLeadTime
from workstation.services.reports.model import Table, Window
from workstation.services.reports.prebuilt import params, prebuilt
from workstation.services.reports.progress import (
    handed_over_at,
    lead_rows,
    lead_stats,
    lead_stats_table,
    lead_table,
)
from workstation.services.reports.sql import seconds_between
from workstation.services.reports.state import rollup_state

ORDER_BATCH = 50_000  # queued orders per transaction
ID_CHUNK = 5_000  # order ids per statement (SQLite allows 32,766 parameters)
FACT_COLUMNS = ["history_id", "order_id", "packed_at", "station_id", "operator_id", "carrier",
                "hours_to_packed", "hours_to_shipped", "prev_packed_at"]
EARLIER = aliased(ReportLeadTime, name="earlier")
PREVIOUS = aliased(OrderStatusChange, name="previous")


def remake_orders(conn: Connection) -> int:
    """Remake the lead-time rows of up to ORDER_BATCH queued orders; returns how many queue
    rows it handled."""
    queued = conn.execute(select(ReportDirtyOrder.id, ReportDirtyOrder.order_id)
                          .order_by(ReportDirtyOrder.id).limit(ORDER_BATCH)).all()
    if not queued:
        return 0
    ids = sorted({order_id for _id, order_id in queued})
    h, e = OrderStatusChange, PREVIOUS
    # The order's packed row before this one, by (time, id): lead_time_rolled's order.
    prev_packed_at = (select(func.max(e.at))
                      .where(e.order_id == h.order_id, e.to_status == OrderStatus.PACKED.value,
                             or_(e.at < h.at, and_(e.at == h.at, e.id < h.id)))
                      .scalar_subquery())
    for at in range(0, len(ids), ID_CHUNK):
        chunk = ids[at:at + ID_CHUNK]
        conn.execute(delete(ReportLeadTime).where(ReportLeadTime.order_id.in_(chunk)))
        conn.execute(insert(ReportLeadTime).from_select(FACT_COLUMNS, (
            select(h.id, h.order_id, h.at, h.station_id, h.operator_id, Order.carrier,
                   seconds_between(Order.imported_at, h.at) / 3600.0,
                   seconds_between(h.at, handed_over_at(h.order_id)) / 3600.0,
                   prev_packed_at)
            .join(Order, Order.id == h.order_id)
            .where(h.to_status == OrderStatus.PACKED.value, h.order_id.in_(chunk)))))
    # Only the rows this transaction saw: an order queued meanwhile stays queued.
    conn.execute(delete(ReportDirtyOrder).where(ReportDirtyOrder.id <= queued[-1][0]))
    return len(queued)


def _filtered(row: Any, window: Window) -> list[Any]:
    where = []
    if window.station_id is not None:
        where.append(row.station_id == window.station_id)
    if window.operator_id is not None:
        where.append(row.operator_id == window.operator_id)
    return where


def _first_in_window(f: Any, window: Window) -> Any:
    """The fact row is its order's first packed row in the window (under the window's
    station/operator filter): from prev_packed_at when unfiltered, else by a look-up."""
    if window.station_id is None and window.operator_id is None:
        return or_(f.prev_packed_at.is_(None), f.prev_packed_at < window.start)
    e = EARLIER
    return ~exists().where(
        e.order_id == f.order_id, e.packed_at >= window.start,
        or_(e.packed_at < f.packed_at,
            and_(e.packed_at == f.packed_at, e.history_id < f.history_id)),
        *_filtered(e, window))


@prebuilt
def _lead_rows(window: Window, queued: bool) -> Any:
    f = ReportLeadTime
    rows: Any = (select(f.carrier, f.hours_to_packed, f.hours_to_shipped)
                 .where(f.packed_at >= window.start, f.packed_at < window.end,
                        *_filtered(f, window), _first_in_window(f, window)))
    if queued:
        rows = rows.where(~exists().where(ReportDirtyOrder.order_id == f.order_id))
        raw = lead_rows(window, orders=select(ReportDirtyOrder.order_id)).subquery("raw")
        rows = union_all(rows, select(raw.c.carrier, raw.c.hours_to_packed,
                                      raw.c.hours_to_shipped))
    return rows


@prebuilt
def _lead_stats(window: Window, queued: bool) -> Any:
    return lead_stats(_lead_rows.build(window, queued))


def lead_time_rolled(session: Session, window: Window) -> Table:
    """The same table as :func:`progress.lead_time`, from the fact rows."""
    queued = rollup_state(session).orders_queued  # same snapshot (model.reading)
    if session.get_bind().dialect.name == "postgresql":
        return lead_stats_table(session.connection().execute(
            _lead_stats.get(session, window, queued), params(window)))
    return lead_table(session, _lead_rows.get(session, window, queued), params(window))
