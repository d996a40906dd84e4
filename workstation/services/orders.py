"""Order queries and the lead's order actions (hold, release, cancel)."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import OrderStatus, SessionStatus
from db.models import (
    Barcode,
    LineException,
    Operator,
    Order,
    OrderLine,
    OrderStatusChange,
    PackSession,
    Parcel,
    ParcelItem,
    PrintJob,
    Product,
    ScanEvent,
    Station,
    Tote,
)
from workstation.services import pack_store as store
from workstation.services.audit import audit
from workstation.services.errors import ConflictError, NotFoundError
from workstation.services.operators import OperatorInfo, require_lead


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def list_orders(session: Session, status: str | None = None,
                limit: int = 200) -> list[dict[str, Any]]:
    units = (
        select(OrderLine.order_id, func.sum(OrderLine.quantity).label("units"),
               func.count().label("lines"))
        .group_by(OrderLine.order_id)
        .subquery()
    )
    query = (
        select(Order, units.c.units, units.c.lines)
        .outerjoin(units, units.c.order_id == Order.id)
        .order_by(Order.priority.desc(), Order.ship_by, Order.number)
        .limit(limit)
    )
    if status:
        query = query.where(Order.status == status)
    return [
        {"number": o.number, "status": o.status, "channel": o.channel,
         "customer": o.customer_name, "carrier": o.carrier, "service": o.service,
         "priority": o.priority, "ship_by": _iso(o.ship_by), "lines": int(n_lines or 0),
         "units": int(n_units or 0)}
        for o, n_units, n_lines in session.execute(query).all()
    ]


def get_order(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).where(Order.number == number))
    if order is None:
        raise NotFoundError(f"no order {number!r}: list orders with `workstation order list`")
    return order


def show_order(session: Session, number: str, *, events: bool = True) -> dict[str, Any]:
    """Everything about one order, as the JSON of `workstation order show --json`."""
    order = get_order(session, number)
    pack = session.scalar(
        select(PackSession).where(PackSession.order_id == order.id)
        .order_by(PackSession.id.desc()).limit(1)
    )
    barcodes: dict[int, list[str]] = defaultdict(list)
    for product_id, code in session.execute(
        select(Barcode.product_id, Barcode.code)
        .join(OrderLine, OrderLine.product_id == Barcode.product_id)
        .where(OrderLine.order_id == order.id).order_by(Barcode.id)
    ):
        if code not in barcodes[product_id]:
            barcodes[product_id].append(code)
    counts: dict[int, tuple[int, int]] = {}
    if pack is not None:
        state = store.load_state(session, pack, order.number)
        counts = {x.line_id: (x.scanned, x.short) for x in state.lines}
    lines = []
    for line, product in session.execute(
        select(OrderLine, Product).join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id == order.id).order_by(OrderLine.line_no)
    ).all():
        scanned, short = counts.get(line.id, (0, 0))
        lines.append({
            "line_no": line.line_no, "sku": product.sku, "name": product.name,
            "barcodes": barcodes[product.id], "ordered": line.quantity, "scanned": scanned,
            "short": short, "serial_tracked": product.serial_tracked,
            "lot_tracked": product.lot_tracked, "fragile": product.fragile,
            "quantity_entry": line.quantity_entry,
            "unit_price": str(line.unit_price) if line.unit_price is not None else None,
        })
    out: dict[str, Any] = {
        "number": order.number, "status": order.status, "channel": order.channel,
        "customer": {"name": order.customer_name, "email": order.customer_email},
        "ship_to": {"name": order.ship_to_name, "company": order.ship_to_company,
                    "address_lines": order.address_lines.splitlines(), "city": order.city,
                    "region": order.region, "postcode": order.postcode,
                    "country": order.country, "phone": order.phone},
        "carrier": order.carrier, "service": order.service, "priority": order.priority,
        "ship_by": _iso(order.ship_by), "notes": order.notes, "language": order.language,
        "hold_reason": order.hold_reason, "return_label": order.return_label,
        "totes": list(session.scalars(select(Tote.code).where(Tote.order_id == order.id))),
        "claimed_by": _claim(session, order),
        "lines": lines,
        "parcels": _parcels(session, order.id),
        # Documents of the whole order (return label, packing slip), not of one parcel.
        "documents": [_job(j) for j in session.scalars(
            select(PrintJob).where(PrintJob.order_id == order.id, PrintJob.parcel_id.is_(None))
            .order_by(PrintJob.id))],
        "session": _session(session, pack),
        "history": [
            {"from": h.from_status, "to": h.to_status, "at": _iso(h.at), "reason": h.reason}
            for h in session.scalars(
                select(OrderStatusChange).where(OrderStatusChange.order_id == order.id)
                .order_by(OrderStatusChange.id))
        ],
    }
    if pack is not None:
        out["exceptions"] = [
            {"kind": e.kind, "line_id": e.order_line_id, "quantity": e.quantity,
             "reason": e.reason, "at": _iso(e.at)}
            for e in session.scalars(select(LineException).where(
                LineException.session_id == pack.id).order_by(LineException.id))
        ]
    if events:
        out["events"] = [
            {"id": e.id, "at": _iso(e.recorded_at), "raw": e.raw, "symbology": e.symbology,
             "outcome": e.outcome, "message": e.message, "quantity": e.quantity,
             "session_id": e.session_id, "interpretation": e.interpretation}
            for e in session.scalars(
                select(ScanEvent).where(ScanEvent.order_id == order.id).order_by(ScanEvent.id))
        ]
    return out


def _claim(session: Session, order: Order) -> dict[str, Any] | None:
    if order.claim_station_id is None:
        return None
    station = session.get(Station, order.claim_station_id)
    op = session.get(Operator, order.claim_operator_id) if order.claim_operator_id else None
    return {"station": station.name if station else None, "operator": op.code if op else None,
            "since": _iso(order.claimed_at)}


def _session(session: Session, pack: PackSession | None) -> dict[str, Any] | None:
    if pack is None:
        return None
    station = session.get(Station, pack.station_id)
    op = session.get(Operator, pack.operator_id)
    return {"id": pack.id, "status": pack.status, "station": station.name if station else None,
            "operator": op.code if op else None, "started_at": _iso(pack.started_at),
            "ended_at": _iso(pack.ended_at), "pending": pack.pending}


def _parcels(session: Session, order_id: int) -> list[dict[str, Any]]:
    parcels = session.scalars(
        select(Parcel).join(PackSession, PackSession.id == Parcel.session_id)
        .where(Parcel.order_id == order_id,
               PackSession.status != SessionStatus.CANCELLED.value)
        .order_by(Parcel.session_id, Parcel.seq)
    ).all()
    out = []
    for parcel in parcels:
        items = session.execute(
            select(Product.sku, ParcelItem.quantity, ParcelItem.serial, ParcelItem.lot,
                   ParcelItem.expiry)
            .join(OrderLine, OrderLine.id == ParcelItem.order_line_id)
            .join(Product, Product.id == OrderLine.product_id)
            .where(ParcelItem.parcel_id == parcel.id).order_by(ParcelItem.id)
        ).all()
        jobs = session.scalars(
            select(PrintJob).where(PrintJob.parcel_id == parcel.id).order_by(PrintJob.id)
        ).all()
        out.append({
            "seq": parcel.seq, "status": parcel.status, "box_type": parcel.box_type,
            "weight_grams": parcel.weight_grams, "tracking_number": parcel.tracking_number,
            "sscc": parcel.sscc, "closed_at": _iso(parcel.closed_at),
            "label_confirmed_at": _iso(parcel.label_confirmed_at),
            "items": [{"sku": sku, "quantity": q, "serial": s, "lot": lot, "expiry": exp}
                      for sku, q, s, lot, exp in items],
            "labels": [_job(j) for j in jobs],
        })
    return out


def _job(j: PrintJob) -> dict[str, Any]:
    return {"id": j.id, "kind": j.kind, "format": j.format, "printer": j.printer_url,
            "state": j.state, "attempts": j.attempts, "error": j.last_error,
            "reprint_of": j.reprint_of_id, "reason": j.reason, "created_at": _iso(j.created_at),
            "sent_at": _iso(j.sent_at), "bytes": len(j.data) if j.data is not None else None}


def hold_order(session: Session, number: str, reason: str, who: OperatorInfo,
               now: datetime) -> None:
    order = get_order(session, number)
    if order.status in (OrderStatus.PACKED.value, OrderStatus.SHIPPED.value,
                        OrderStatus.CANCELLED.value):
        raise ConflictError(f"order {number} is {order.status}: it cannot be put on hold")
    if order.claim_station_id is not None:
        raise ConflictError(f"order {number} is open at a station: park it there first")
    order.hold_reason = reason
    store.set_order_status(session, order, OrderStatus.ON_HOLD, at=now, station_id=None,
                           operator_id=who.id, reason=reason)
    audit(session, "order_on_hold", at=now, operator_id=who.id, order_id=order.id,
          reason=reason)


def release_order(session: Session, number: str, reason: str, lead: OperatorInfo,
                  now: datetime, *, ship_partial: bool = False) -> None:
    """A lead releases a held order: back to packing, or (short) shipped as packed."""
    require_lead(lead, "release an order on hold")
    order = get_order(session, number)
    if order.status != OrderStatus.ON_HOLD.value:
        raise ConflictError(f"order {number} is {order.status}, not on hold")
    completed = session.scalar(
        select(PackSession.id).where(PackSession.order_id == order.id,
                                     PackSession.status == SessionStatus.COMPLETED.value)
    )
    target = OrderStatus.PACKED if ship_partial and completed else OrderStatus.NEW
    if target is OrderStatus.PACKED:
        order.packed_at = now
    order.hold_reason = None
    store.set_order_status(session, order, target, at=now, station_id=None,
                           operator_id=lead.id, reason=reason)
    audit(session, "order_released", at=now, operator_id=lead.id, authorised_by_id=lead.id,
          order_id=order.id, reason=reason, details={"to": target.value})


def cancel_order(session: Session, number: str, reason: str, lead: OperatorInfo,
                 now: datetime) -> None:
    require_lead(lead, "cancel an order")
    order = get_order(session, number)
    if order.claim_station_id is not None:
        raise ConflictError(f"order {number} is open at a station: cancel it there first")
    if order.status in (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value):
        raise ConflictError(f"order {number} is already {order.status}")
    store.set_order_status(session, order, OrderStatus.CANCELLED, at=now, station_id=None,
                           operator_id=lead.id, reason=reason)
    audit(session, "order_cancelled", at=now, operator_id=lead.id, authorised_by_id=lead.id,
          order_id=order.id, reason=reason)

