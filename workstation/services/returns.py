"""Returns received at the warehouse: the record the return-rate figure is made from.

``record_return`` notes one parcel (or several) of an order come back: found by the order's
number or the tracking number on its label, with a reason, optionally the marketplace's RMA
number (unique: the same RMA received twice is refused), who received it and at which
station; audited (``return_received``). Only an order that was packed or shipped can come
back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.enums import OrderStatus
from db.models import Order, OrderReturn, Parcel, Station
from workstation.services.audit import audit
from workstation.services.errors import ConflictError, NotFoundError, WorkstationError
from workstation.services.operators import OperatorInfo

RETURNABLE = (OrderStatus.PACKED.value, OrderStatus.SHIPPED.value)


@dataclass(frozen=True, slots=True)
class ReturnReceived:
    id: int
    order: str
    carrier: str
    rma: str | None
    reason: str
    received_at: datetime
    returns_of_order: int  # receipts recorded for the order, this one included


def _order(session: Session, ref: str) -> Order:
    found = session.scalar(select(Order).where(Order.number == ref))
    if found is None:
        found = session.scalar(select(Order).join(Parcel, Parcel.order_id == Order.id).where(
            or_(Parcel.tracking_number == ref, Order.carrier_tracking_number == ref)))
    if found is None:
        raise NotFoundError(f"no order numbered {ref!r} and no parcel with that tracking "
                            "number: check the label, or find it with `workstation order list`")
    return found


def record_return(session: Session, ref: str, reason: str, now: datetime, *,
                  rma: str | None = None, receiver: OperatorInfo | None = None,
                  station: str | None = None) -> ReturnReceived:
    """Record a return received now (the caller commits)."""
    reason = reason.strip()
    if not reason:
        raise WorkstationError("a return needs a reason (--reason), e.g. DAMAGED or WRONG_SIZE")
    order = _order(session, ref)
    if order.status not in RETURNABLE:
        raise ConflictError(f"order {order.number} is {order.status}: only an order packed or "
                            "shipped can come back")
    if rma and session.scalar(select(OrderReturn.id).where(OrderReturn.rma == rma)):
        raise ConflictError(f"RMA {rma} was already received")
    station_id = (session.scalar(select(Station.id).where(Station.name == station))
                  if station else None)
    row = OrderReturn(order_id=order.id, rma=rma or None, reason=reason, received_at=now,
                      station_id=station_id, operator_id=receiver.id if receiver else None)
    session.add(row)
    session.flush()
    audit(session, "return_received", at=now, station_id=station_id,
          operator_id=receiver.id if receiver else None, order_id=order.id, reason=reason,
          details={"rma": rma, "return_id": row.id})
    count = len(session.scalars(select(OrderReturn.id)
                                .where(OrderReturn.order_id == order.id)).all())
    return ReturnReceived(row.id, order.number, order.carrier, row.rma, reason, now, count)
