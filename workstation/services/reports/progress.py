"""Order lead time, progress against the day, and the orders at risk of missing a cut-off.

Definitions:

- *Lead time*, for orders packed in the window (the first ``order_status_history`` row to
  ``packed`` inside the window): imported (``orders.imported_at``) -> packed (that row's
  ``at``) and packed -> handed over (the first row to ``shipped``, where there is one), in
  hours, per carrier: average and p90 (nearest rank), and how many were handed over.
- *Due*: orders (not cancelled) whose ship-by cut-off falls in the window, plus orders with an
  earlier cut-off that are still not packed (overdue, carried over). *Done*: packed or shipped.
  *Remaining*: the rest; *on hold* and *parked* are counted among them. Per carrier and cut-off.
- *At risk*: remaining orders whose cut-off is within ``risk_minutes`` (default 60) of now, or
  already past; the earliest cut-off first, then priority.
"""

from __future__ import annotations

from datetime import timedelta
from math import fsum
from typing import Any

from sqlalchemy import and_, bindparam, case, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from db.enums import OrderStatus
from db.models import Order, OrderStatusChange
from workstation.services.reports.model import Table, Window, bulk_rows, factorised, plain_rows
from workstation.services.reports.prebuilt import params, prebuilt
from workstation.services.reports.sql import (
    AnySelect,
    indexed_by,
    percentile_disc_90,
    seconds_between,
)
from workstation.services.reports.throughput import p90_index

DONE = (OrderStatus.PACKED.value, OrderStatus.SHIPPED.value)
OPEN = (OrderStatus.NEW.value, OrderStatus.IN_PROGRESS.value, OrderStatus.PARKED.value,
        OrderStatus.ON_HOLD.value)
RISK_MINUTES = 60
HANDED_OVER = aliased(OrderStatusChange, name="handed_over")
# The open orders, through the (status, cut-off) index: few, among every order ever packed.
OPEN_ORDERS = indexed_by(Order.__table__, "ix_orders_status_ship_by")  # type: ignore[arg-type]


def lead_rows(window: Window, orders: Any = None) -> AnySelect:
    """One row per order packed in the window: its carrier, the hours imported -> packed and
    packed -> handed over (None while not handed over). ``orders``: only those (a SELECT of
    order ids)."""
    packed = (
        select(OrderStatusChange.order_id.label("order_id"),
               func.min(OrderStatusChange.at).label("packed_at"))
        .where(OrderStatusChange.to_status == OrderStatus.PACKED.value,
               OrderStatusChange.at >= window.start, OrderStatusChange.at < window.end)
        .group_by(OrderStatusChange.order_id)
    )
    if window.station_id is not None:
        packed = packed.where(OrderStatusChange.station_id == window.station_id)
    if window.operator_id is not None:
        packed = packed.where(OrderStatusChange.operator_id == window.operator_id)
    if orders is not None:
        packed = packed.where(OrderStatusChange.order_id.in_(orders))
    p = packed.subquery("p")
    return (
        select(Order.carrier.label("carrier"),
               (seconds_between(Order.imported_at, p.c.packed_at) / 3600.0)
               .label("hours_to_packed"),
               (seconds_between(p.c.packed_at, handed_over_at(p.c.order_id)) / 3600.0)
               .label("hours_to_shipped"))
        .join(Order, Order.id == p.c.order_id)
    )


def handed_over_at(order_id: Any) -> Any:
    """When the order was first handed over (its first status row to shipped), or NULL."""
    shipped = HANDED_OVER  # an alias: the outer query may read the history table itself
    return (
        select(func.min(shipped.at))
        .where(shipped.order_id == order_id, shipped.to_status == OrderStatus.SHIPPED.value)
        .scalar_subquery()
    )


def lead_table(session: Session, rows: Any, parameters: dict[str, Any] | None = None
               ) -> Table:
    """The lead-time table from a SELECT of (carrier, hours_to_packed, hours_to_shipped):
    averages and the nearest-rank p90 per carrier from one pass (no window-function sorts),
    over the driver's rows (text and numbers: no per-row ORM or Row work)."""
    with bulk_rows():
        fetched = plain_rows(session, rows, parameters)
    return _lead_table(lead_stats_of(fetched))


def lead_stats_of(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """(carrier, orders, avg to packed, p90 to packed, handed over, avg to handed over) per
    carrier from rows of (carrier, hours_to_packed, hours_to_shipped or None), with NumPy
    (a month's 333,000 orders in a Python loop were most of this table's time). The averages
    are ``statistics.fmean``'s own (``fsum / n``: the same to the last bit), the p90 the
    nearest rank of ``throughput.p90``."""
    import numpy as np  # (on first use: not in the station's start-up)

    if not rows:
        return []
    with bulk_rows():
        carriers, to_pack, to_ship = zip(*rows, strict=True)
        codes, keys = factorised(carriers)
        packed = np.asarray(to_pack, dtype=np.float64)
        shipped = np.asarray(to_ship, dtype=np.float64)  # not handed over (None): NaN
    stats = []
    for code, carrier in enumerate(keys):
        mine = codes == code
        hours, handed = packed[mine], shipped[mine]
        handed = handed[~np.isnan(handed)]
        stats.append((carrier, len(hours), fsum(hours.tolist()) / len(hours),
                      float(np.sort(hours)[p90_index(len(hours))]), len(handed),
                      fsum(handed.tolist()) / len(handed) if len(handed) else None))
    return stats


def lead_stats(rows: Any) -> AnySelect:
    """:func:`lead_table`'s figures per carrier, aggregated by the database (PostgreSQL: its
    ``percentile_disc(0.9)`` is the nearest-rank p90), so only one row per carrier is read."""
    r = rows.subquery("lead")
    return (select(r.c.carrier, func.count(), func.avg(r.c.hours_to_packed),
                   percentile_disc_90(r.c.hours_to_packed), func.count(r.c.hours_to_shipped),
                   func.avg(r.c.hours_to_shipped))
            .group_by(r.c.carrier))


def lead_stats_table(stats: Any) -> Table:
    """The same table as :func:`lead_table`, from the rows of :func:`lead_stats`."""
    return _lead_table([tuple(row) for row in stats])


def _lead_table(stats: list[tuple[Any, ...]]) -> Table:
    """From (carrier, orders, avg to packed, p90 to packed, handed over, avg to handed over)
    per carrier: rounded to 0.01 h, by carrier."""
    def hours(value: Any) -> float | None:
        return round(float(value), 2) if value is not None else None

    out = [(carrier, int(n), hours(avg_p), hours(p90_p), int(n_s), hours(avg_s))
           for carrier, n, avg_p, p90_p, n_s, avg_s in sorted(stats, key=lambda s: s[0])]
    return Table("lead_time", "Order lead time (hours): imported -> packed -> handed over",
                 ("carrier", "orders", "avg_hours_to_packed", "p90_hours_to_packed",
                  "handed_over", "avg_hours_packed_to_handed_over"), out)


def lead_time(session: Session, window: Window) -> Table:
    """Lead time from the raw status history (the definition; :mod:`rollup` reads the same
    from its fact rows)."""
    return lead_table(session, lead_rows(window))


def _due(window: Window) -> Any:
    return and_(
        Order.ship_by.is_not(None),
        or_(and_(Order.ship_by >= window.start, Order.ship_by < window.end,
                 Order.status != OrderStatus.CANCELLED.value),
            and_(Order.ship_by < window.start, Order.status.in_(OPEN))),
    )


def progress(session: Session, window: Window) -> Table:
    def count_of(*statuses: str) -> Any:
        return func.sum(case((due.c.status.in_(statuses), 1), else_=0))

    # _due() as two disjoint halves, each an index range (cut-off in the window; overdue and
    # still open), rather than one OR that reads every order with a cut-off.
    columns = (Order.carrier, Order.ship_by, Order.status)
    due = union_all(
        select(*columns).where(Order.ship_by >= window.start, Order.ship_by < window.end,
                               Order.status != OrderStatus.CANCELLED.value),
        # (the open orders by status: not every order ever by cut-off)
        select(OPEN_ORDERS.c.carrier, OPEN_ORDERS.c.ship_by, OPEN_ORDERS.c.status)
        .where(OPEN_ORDERS.c.ship_by < window.start, OPEN_ORDERS.c.status.in_(OPEN)),
    ).subquery("due")
    rows = session.execute(
        select(due.c.carrier, due.c.ship_by, func.count(), count_of(*DONE), count_of(*OPEN),
               count_of(OrderStatus.ON_HOLD.value), count_of(OrderStatus.PARKED.value))
        .group_by(due.c.carrier, due.c.ship_by)
        .order_by(due.c.ship_by, due.c.carrier)
    ).all()
    return progress_table(rows)


def progress_table(rows: Any) -> Table:
    """The progress table from rows of (carrier, cut-off, due, done, remaining, on hold,
    parked), in the order shown."""
    return Table("progress", "Progress against the day, by carrier and ship-by cut-off",
                 ("carrier", "cutoff", "due", "done", "remaining", "on_hold", "parked"),
                 [(c, cut.isoformat(timespec="minutes"), int(n), int(d), int(r), int(h), int(p))
                  for c, cut, n, d, r, h, p in rows])


@prebuilt
def _at_risk(window: Window, by_horizon: bool) -> Any:
    """The open orders due soonest: a cut-off up to the horizon (``w_horizon``) when that is
    before the window's end, else before the end. = _due(window) for an open order. One
    bound, the tighter (two make SQLite walk every status in the index)."""
    o = OPEN_ORDERS.c
    horizon = bindparam("w_horizon", type_=o.ship_by.type)
    return (
        select(o.number, o.carrier, o.ship_by, o.status, o.priority)
        .where(o.status.in_(OPEN),
               o.ship_by <= horizon if by_horizon else o.ship_by < window.end)
        .order_by(o.ship_by, o.priority.desc(), o.number)
        .limit(bindparam("w_limit"))
    )


def at_risk(session: Session, window: Window, risk_minutes: int = RISK_MINUTES,
            limit: int = 50) -> Table:
    horizon = window.now + timedelta(minutes=risk_minutes)
    rows = session.execute(_at_risk.get(session, window, horizon < window.end),
                           params(window, w_horizon=horizon, w_limit=limit)).all()
    out = []
    for number, carrier, ship_by, status, _priority in rows:
        assert ship_by is not None  # _due() keeps only orders with a cut-off
        left = (ship_by - window.now).total_seconds() / 60
        out.append((number, carrier, ship_by.isoformat(timespec="minutes"), status,
                    round(left)))
    return Table("at_risk", "Orders at risk of missing their cut-off (earliest first)",
                 ("order", "carrier", "cutoff", "status", "minutes_left"), out)
