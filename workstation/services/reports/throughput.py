"""Throughput figures: orders and units packed, orders per hour, time per order.

Definitions (the README's "Figures" section says the same in prose):

- An order is *packed* in the window when its pack session was completed (every line scanned
  or shorted) at a time ``ended_at`` inside the window. An order completed short and put on
  hold counts too: the station did the work. It is counted for the session's station and
  operator (who opened it) and the order's carrier; its hour is the hour of ``ended_at``.
- *Units packed*: the units in that session's parcels (``parcel_items.quantity``).
- *Time per order*: from the session's first scan (``started_at``, the scan that opened the
  order) to the last shipping label confirmed on its parcels (``parcels.label_confirmed_at``);
  when no label was confirmed (labels not scanned back at that station), to ``ended_at``.
- *p90*: nearest rank: the ceil(0.9 n)-th shortest time of the n orders.
- *Orders per hour*: orders / active hours, an active hour being a clock hour (UTC) in which
  the group packed at least one order.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    case,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session

from db.enums import SessionStatus
from db.models import Operator, Order, PackSession, Parcel, ParcelItem, Station
from workstation.services.reports.model import Table, Window
from workstation.services.reports.sql import hour_bucket, seconds_between


class Dimension(StrEnum):
    TOTAL = "total"
    HOUR = "hour"
    STATION = "station"
    OPERATOR = "operator"
    CARRIER = "carrier"


THROUGHPUT_COLUMNS = ("orders", "units", "orders_per_hour", "avg_seconds", "p90_seconds")


def packed_sessions(window: Window) -> Select[Any]:
    """One row per order packed in the window: who, where, when, how many units, how long."""
    label_at = func.max(Parcel.label_confirmed_at)
    query = (
        select(
            PackSession.id.label("session_id"),
            PackSession.order_id.label("order_id"),
            PackSession.station_id.label("station_id"),
            PackSession.operator_id.label("operator_id"),
            Order.carrier.label("carrier"),
            hour_bucket(PackSession.ended_at).label("hour"),
            func.coalesce(func.sum(ParcelItem.quantity), 0).label("units"),
            seconds_between(PackSession.started_at,
                            func.coalesce(label_at, PackSession.ended_at)).label("seconds"),
        )
        .join(Order, Order.id == PackSession.order_id)
        .outerjoin(Parcel, Parcel.session_id == PackSession.id)
        .outerjoin(ParcelItem, ParcelItem.parcel_id == Parcel.id)
        .where(PackSession.status == SessionStatus.COMPLETED.value,
               PackSession.ended_at >= window.start, PackSession.ended_at < window.end)
        .group_by(PackSession.id, PackSession.order_id, PackSession.station_id,
                  PackSession.operator_id, Order.carrier, PackSession.ended_at,
                  PackSession.started_at)
    )
    if window.station_id is not None:
        query = query.where(PackSession.station_id == window.station_id)
    if window.operator_id is not None:
        query = query.where(PackSession.operator_id == window.operator_id)
    return query


def nearest_rank_p90(value: ColumnElement[Any], rank: ColumnElement[Any],
                     count: ColumnElement[Any]) -> ColumnElement[Any]:
    """The value whose rank is ceil(0.9 n); (9n + 9) / 10 in integer arithmetic is that rank."""
    return func.max(case((rank == (count * 9 + 9) / 10, value)))


def throughput(session: Session, window: Window, by: Dimension) -> Table:
    facts = packed_sessions(window).subquery("facts")
    key: ColumnElement[Any]
    joins: list[tuple[Any, ColumnElement[bool]]] = []
    if by is Dimension.TOTAL:
        key = literal("all")
    elif by is Dimension.HOUR:
        key = facts.c.hour
    elif by is Dimension.CARRIER:
        key = facts.c.carrier
    elif by is Dimension.STATION:
        key = Station.name
        joins.append((Station, Station.id == facts.c.station_id))
    else:
        key = Operator.code
        joins.append((Operator, Operator.id == facts.c.operator_id))
    base = select(key.label("key"), facts.c.units, facts.c.seconds, facts.c.hour).select_from(
        facts)
    for target, on in joins:
        base = base.join(target, on)
    inner = base.subquery("keyed")
    ranked = select(
        inner.c.key, inner.c.units, inner.c.seconds, inner.c.hour,
        func.row_number().over(partition_by=inner.c.key, order_by=inner.c.seconds).label("rn"),
        func.count().over(partition_by=inner.c.key).label("n"),
    ).subquery("ranked")
    rows = session.execute(
        select(
            ranked.c.key,
            func.count(),
            func.sum(ranked.c.units),
            func.count(func.distinct(ranked.c.hour)),
            func.avg(ranked.c.seconds),
            nearest_rank_p90(ranked.c.seconds, ranked.c.rn, ranked.c.n),
        ).group_by(ranked.c.key).order_by(ranked.c.key)
    ).all()
    out = []
    for key_value, orders, units, active_hours, avg_s, p90_s in rows:
        out.append((
            key_value, int(orders), int(units or 0),
            round(orders / active_hours, 2) if active_hours else 0.0,
            round(float(avg_s), 1) if avg_s is not None else None,
            round(float(p90_s), 1) if p90_s is not None else None,
        ))
    if by is Dimension.TOTAL and not out:
        out.append(("all", 0, 0, 0.0, None, None))
    return Table(f"throughput_by_{by.value}", f"Throughput by {by.value}",
                 (by.value, *THROUGHPUT_COLUMNS), out)
