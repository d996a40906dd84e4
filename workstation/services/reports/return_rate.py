"""Return rate, per carrier, where returns are recorded (``workstation return``).

Definition: of the orders *handed over* in the window (their first ``order_status_history``
row to ``shipped`` is inside it, as for lead time), the share that has come back: at least one
``returns`` row recorded for the order, at any time up to now (a return comes days after the
hand-over, so a recent window's rate still grows). An order returned twice counts once.
``return_rate_percent`` = 100 x returned / shipped, rounded to 0.1. Per carrier. Narrowed to a
station or operator, it counts the orders whose completed pack session was theirs.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session, aliased

from db.enums import OrderStatus, SessionStatus
from db.models import Order, OrderReturn, OrderStatusChange, PackSession
from workstation.services.reports.model import Table, Window
from workstation.services.reports.prebuilt import params, prebuilt


@prebuilt
def _return_rate(window: Window) -> Any:
    earlier = aliased(OrderStatusChange, name="earlier")
    handed_over = OrderStatus.SHIPPED.value
    shipped = (
        select(OrderStatusChange.order_id.label("order_id")).distinct()
        .where(OrderStatusChange.to_status == handed_over,
               OrderStatusChange.at >= window.start, OrderStatusChange.at < window.end,
               ~exists().where(earlier.order_id == OrderStatusChange.order_id,
                               earlier.to_status == handed_over,
                               earlier.at < window.start))
    )
    packed_by = []
    if window.station_id is not None:
        packed_by.append(PackSession.station_id == window.station_id)
    if window.operator_id is not None:
        packed_by.append(PackSession.operator_id == window.operator_id)
    s = shipped.subquery("shipped")
    returned = exists().where(OrderReturn.order_id == s.c.order_id)
    query = (
        select(Order.carrier, func.count(), func.sum(case((returned, 1), else_=0)))
        .select_from(s).join(Order, Order.id == s.c.order_id)
        .group_by(Order.carrier).order_by(Order.carrier)
    )
    if packed_by:
        query = query.where(exists().where(
            PackSession.order_id == s.c.order_id,
            PackSession.status == SessionStatus.COMPLETED.value, *packed_by))
    return query


def return_rate(session: Session, window: Window) -> Table:
    rows = session.execute(_return_rate.get(session, window), params(window)).all()
    return Table("return_rate", "Return rate: orders handed over in the window that came back",
                 ("carrier", "shipped", "returned", "return_rate_percent"),
                 [(c, int(n), int(r), round(100 * int(r) / int(n), 1) if n else 0.0)
                  for c, n, r in rows])
