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
  A session parked and resumed keeps its ``started_at``: the time parked counts.
- *p90*: nearest rank: the ceil(0.9 n)-th shortest time of the n orders.
- Rolled up per total, hour, station, operator and carrier from one pass over the sessions
  (:func:`packed_orders`), so a report reads them once.
- *Orders per hour*: orders / active hours, an active hour being a clock hour (UTC) in which
  the group packed at least one order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from db.enums import SessionStatus
from db.models import Operator, Order, PackSession, Parcel, ParcelItem, Station
from workstation.services.reports.model import Table, Window
from workstation.services.reports.sql import AnySelect, hour_bucket, seconds_between


class Dimension(StrEnum):
    TOTAL = "total"
    HOUR = "hour"
    STATION = "station"
    OPERATOR = "operator"
    CARRIER = "carrier"


THROUGHPUT_COLUMNS = ("orders", "units", "orders_per_hour", "avg_seconds", "p90_seconds")


def completed_sessions() -> AnySelect:
    """One row per completed session (any time): who, where, when, how many units, how long."""
    # Correlated subqueries (each one index lookup by session) rather than a join and a
    # GROUP BY over every parcel and item: no sort of the whole window.
    label_at = (select(func.max(Parcel.label_confirmed_at))
                .where(Parcel.session_id == PackSession.id).scalar_subquery())
    units = (select(func.coalesce(func.sum(ParcelItem.quantity), 0))
             .join(Parcel, Parcel.id == ParcelItem.parcel_id)
             .where(Parcel.session_id == PackSession.id).scalar_subquery())
    return (
        select(
            PackSession.id.label("session_id"),
            PackSession.order_id.label("order_id"),
            PackSession.station_id.label("station_id"),
            PackSession.operator_id.label("operator_id"),
            Order.carrier.label("carrier"),
            PackSession.ended_at.label("ended_at"),
            hour_bucket(PackSession.ended_at).label("hour"),
            units.label("units"),
            seconds_between(PackSession.started_at,
                            func.coalesce(label_at, PackSession.ended_at)).label("seconds"),
        )
        .join(Order, Order.id == PackSession.order_id)
        .where(PackSession.status == SessionStatus.COMPLETED.value)
    )


def packed_sessions(window: Window) -> AnySelect:
    """One row per order packed in the window: who, where, when, how many units, how long."""
    query = completed_sessions().where(PackSession.ended_at >= window.start,
                                       PackSession.ended_at < window.end)
    if window.station_id is not None:
        query = query.where(PackSession.station_id == window.station_id)
    if window.operator_id is not None:
        query = query.where(PackSession.operator_id == window.operator_id)
    return query


def nearest_rank_p90(value: ColumnElement[Any], rank: ColumnElement[Any],
                     count: ColumnElement[Any]) -> ColumnElement[Any]:
    """In SQL: the value whose rank is ceil(0.9 n); (9n + 9) // 10 in integers is that rank."""
    return func.max(case((rank == (count * 9 + 9) // 10, value)))


def p90_index(n: int) -> int:
    """Where the nearest-rank p90 of ``n`` sorted values is (0-based): rank ceil(0.9 n)."""
    return (n * 9 + 9) // 10 - 1


def p90(values: list[float]) -> float | None:
    """The same nearest-rank p90 for values already fetched (sorted here)."""
    if not values:
        return None
    return sorted(values)[p90_index(len(values))]


@dataclass(frozen=True, slots=True)
class PackedOrder:
    station: str
    operator: str
    carrier: str
    hour: str
    units: int
    seconds: float


def packed_orders(session: Session, window: Window) -> list[PackedOrder]:
    """The rows every throughput figure is rolled up from: one pass over the sessions."""
    facts = packed_sessions(window).subquery("facts")
    rows = session.execute(
        select(Station.name, Operator.code, facts.c.carrier, facts.c.hour, facts.c.units,
               facts.c.seconds)
        .join(Station, Station.id == facts.c.station_id)
        .join(Operator, Operator.id == facts.c.operator_id)
    ).all()
    return [PackedOrder(s, o, c, h, int(u), float(sec)) for s, o, c, h, u, sec in rows]


def rollup(orders: list[PackedOrder], by: Dimension) -> Table:
    groups: dict[str, list[PackedOrder]] = defaultdict(list)
    if by is Dimension.TOTAL:
        groups["all"] = list(orders)
    else:
        attribute = str(by.value)  # looked up once: a report rolls up every order 5 times
        for order in orders:
            groups[getattr(order, attribute)].append(order)
    if by is Dimension.TOTAL:
        groups.setdefault("all", [])
    out = []
    for key in sorted(groups):
        group = groups[key]
        seconds = [o.seconds for o in group]
        active_hours = len({o.hour for o in group})
        slowest = p90(seconds)
        out.append((
            key, len(group), sum(o.units for o in group),
            round(len(group) / active_hours, 2) if active_hours else 0.0,
            round(sum(seconds) / len(seconds), 1) if seconds else None,
            round(slowest, 1) if slowest is not None else None,
        ))
    return Table(f"throughput_by_{by.value}", f"Throughput by {by.value}",
                 (by.value, *THROUGHPUT_COLUMNS), out)


def series(orders: list[PackedOrder]) -> Table:
    """Orders and units packed per station per hour (the board's and the PDF's time series)."""
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for order in orders:
        cell = cells[(order.station, order.hour)]
        cell[0] += 1
        cell[1] += order.units
    return Table("orders_per_hour_by_station", "Orders packed per hour, per station",
                 ("station", "hour", "orders", "units"),
                 [(s, h, n, u) for (s, h), (n, u) in sorted(cells.items())])


def throughput_tables(session: Session, window: Window, dims: list[Dimension]) -> list[Table]:
    orders = packed_orders(session, window)
    return [rollup(orders, by) for by in dims]


def throughput(session: Session, window: Window, by: Dimension) -> Table:
    return rollup(packed_orders(session, window), by)
