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
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from db.enums import OrderStatus
from db.models import Order, OrderStatusChange
from workstation.services.reports.model import Table, Window
from workstation.services.reports.sql import seconds_between
from workstation.services.reports.throughput import nearest_rank_p90

DONE = (OrderStatus.PACKED.value, OrderStatus.SHIPPED.value)
OPEN = (OrderStatus.NEW.value, OrderStatus.IN_PROGRESS.value, OrderStatus.PARKED.value,
        OrderStatus.ON_HOLD.value)
RISK_MINUTES = 60


def lead_time(session: Session, window: Window) -> Table:
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
    p = packed.subquery("p")
    shipped_at = (
        select(func.min(OrderStatusChange.at))
        .where(OrderStatusChange.order_id == p.c.order_id,
               OrderStatusChange.to_status == OrderStatus.SHIPPED.value)
        .scalar_subquery()
    )
    facts = (
        select(Order.carrier.label("carrier"),
               (seconds_between(Order.imported_at, p.c.packed_at) / 3600.0).label("to_pack"),
               (seconds_between(p.c.packed_at, shipped_at) / 3600.0).label("to_ship"))
        .join(Order, Order.id == p.c.order_id)
    ).subquery("facts")
    ranked = select(
        facts.c.carrier, facts.c.to_pack, facts.c.to_ship,
        func.row_number().over(partition_by=facts.c.carrier,
                               order_by=facts.c.to_pack).label("rn"),
        func.count().over(partition_by=facts.c.carrier).label("n"),
    ).subquery("ranked")
    rows = session.execute(
        select(ranked.c.carrier, func.count(), func.avg(ranked.c.to_pack),
               nearest_rank_p90(ranked.c.to_pack, ranked.c.rn, ranked.c.n),
               func.count(ranked.c.to_ship), func.avg(ranked.c.to_ship))
        .group_by(ranked.c.carrier).order_by(ranked.c.carrier)
    ).all()

    def hours(value: Any) -> float | None:
        return round(float(value), 2) if value is not None else None

    return Table("lead_time", "Order lead time (hours): imported -> packed -> handed over",
                 ("carrier", "orders", "avg_hours_to_packed", "p90_hours_to_packed",
                  "handed_over", "avg_hours_packed_to_handed_over"),
                 [(c, int(n), hours(a), hours(p90), int(s), hours(sa))
                  for c, n, a, p90, s, sa in rows])


def _due(window: Window) -> Any:
    return and_(
        Order.ship_by.is_not(None),
        or_(and_(Order.ship_by >= window.start, Order.ship_by < window.end,
                 Order.status != OrderStatus.CANCELLED.value),
            and_(Order.ship_by < window.start, Order.status.in_(OPEN))),
    )


def progress(session: Session, window: Window) -> Table:
    def count_of(*statuses: str) -> Any:
        return func.sum(case((Order.status.in_(statuses), 1), else_=0))

    rows = session.execute(
        select(Order.carrier, Order.ship_by, func.count(), count_of(*DONE), count_of(*OPEN),
               count_of(OrderStatus.ON_HOLD.value), count_of(OrderStatus.PARKED.value))
        .where(_due(window))
        .group_by(Order.carrier, Order.ship_by)
        .order_by(Order.ship_by, Order.carrier)
    ).all()
    return Table("progress", "Progress against the day, by carrier and ship-by cut-off",
                 ("carrier", "cutoff", "due", "done", "remaining", "on_hold", "parked"),
                 [(c, cut.isoformat(timespec="minutes"), int(n), int(d), int(r), int(h), int(p))
                  for c, cut, n, d, r, h, p in rows])


def at_risk(session: Session, window: Window, risk_minutes: int = RISK_MINUTES,
            limit: int = 50) -> Table:
    horizon = window.now + timedelta(minutes=risk_minutes)
    rows = session.execute(
        select(Order.number, Order.carrier, Order.ship_by, Order.status, Order.priority)
        .where(_due(window), Order.status.in_(OPEN), Order.ship_by <= horizon)
        .order_by(Order.ship_by, Order.priority.desc(), Order.number)
        .limit(limit)
    ).all()
    out = []
    for number, carrier, ship_by, status, _priority in rows:
        assert ship_by is not None  # _due() keeps only orders with a cut-off
        left = (ship_by - window.now).total_seconds() / 60
        out.append((number, carrier, ship_by.isoformat(timespec="minutes"), status,
                    round(left)))
    return Table("at_risk", "Orders at risk of missing their cut-off (earliest first)",
                 ("order", "carrier", "cutoff", "status", "minutes_left"), out)
