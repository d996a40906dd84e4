"""Loading and saving the pack verifier's state: the SQL the pack service needs, kept apart.

The hot path (one scan) reads the session row, the order's lines with their counts, and the
product for the scanned code, then writes the event and the change. Each is one indexed query.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import and_, bindparam, delete, func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.enums import BarcodeKind, LineExceptionKind, OrderStatus, ParcelStatus
from db.models import (
    Barcode,
    LineException,
    Order,
    OrderLine,
    OrderStatusChange,
    PackSession,
    Parcel,
    ParcelItem,
    Product,
    Tote,
)
from workstation.domain.barcodes import CodeKind, Interpretation
from workstation.domain.pack import LineState, PackState, Pending, ProductMatch

# The statements of the hot paths are built once, with bound parameters: building and
# hashing a statement of this size costs more than running it on an indexed table.
_SCANNED = (
    select(ParcelItem.order_line_id, func.sum(ParcelItem.quantity).label("n"))
    .join(Parcel, Parcel.id == ParcelItem.parcel_id)
    .where(Parcel.session_id == bindparam("pack_id"))
    .group_by(ParcelItem.order_line_id)
    .subquery()
)
_SHORTED = (
    select(LineException.order_line_id, func.sum(LineException.quantity).label("n"))
    .where(LineException.session_id == bindparam("pack_id"),
           LineException.kind == LineExceptionKind.SHORT.value)
    .group_by(LineException.order_line_id)
    .subquery()
)
_LINES = (
    select(
        OrderLine.id, OrderLine.line_no, OrderLine.quantity, OrderLine.quantity_entry,
        Product.id, Product.sku, Product.name, Product.serial_tracked, Product.lot_tracked,
        Product.fragile, func.coalesce(_SCANNED.c.n, 0), func.coalesce(_SHORTED.c.n, 0),
    )
    .join(Product, Product.id == OrderLine.product_id)
    .outerjoin(_SCANNED, _SCANNED.c.order_line_id == OrderLine.id)
    .outerjoin(_SHORTED, _SHORTED.c.order_line_id == OrderLine.id)
    .where(OrderLine.order_id == bindparam("order_id"))
    .order_by(OrderLine.line_no)
)
_ORDER_BY_NUMBER = select(Order).where(Order.number == bindparam("code"))
_ORDER_BY_TOTE = (select(Order).join(Tote, Tote.order_id == Order.id)
                  .where(Tote.code == bindparam("code")))
_PRODUCT_BY_CODE = (
    select(Product.id, Product.sku, Product.name, Barcode.pack_quantity)
    .join(Barcode, Barcode.product_id == Product.id)
    .where(Barcode.code == bindparam("code"), Barcode.kind == bindparam("kind"))
)


def load_state(session: Session, pack: PackSession, order_number: str) -> PackState:
    return read_state(session, pack.id, pack.order_id, order_number,
                      Pending.from_json(pack.pending))


def read_state(db: Session | Connection, pack_id: int, order_id: int, order_number: str,
               pending: Pending | None) -> PackState:
    """A session's lines, scanned and shorted, through the ORM's Session or a Core connection
    (the fast path's, pack_open.py)."""
    rows = db.execute(_LINES, {"pack_id": pack_id, "order_id": order_id}).all()
    lines = tuple(
        LineState(
            line_id=r[0], line_no=r[1], ordered=r[2], quantity_entry=r[3], product_id=r[4],
            sku=r[5], name=r[6], serial_tracked=r[7], lot_tracked=r[8], fragile=r[9],
            scanned=int(r[10]), short=int(r[11]),
        )
        for r in rows
    )
    return PackState(order_number=order_number, lines=lines, pending=pending)


def resolve_product(session: Session, interp: Interpretation) -> ProductMatch | None:
    if interp.gtin is not None:
        code, kind = interp.gtin, BarcodeKind.GTIN
    elif interp.kind is CodeKind.TEXT:
        code, kind = interp.text, BarcodeKind.INTERNAL
    else:
        return None
    row = session.execute(_PRODUCT_BY_CODE, {"code": code, "kind": kind.value}).first()
    if row is None:
        return None
    return ProductMatch(product_id=row[0], sku=row[1], name=row[2], pack_quantity=row[3])


def order_code_lookups(code: str, pick_list_prefix: str) -> Iterator[tuple[str, str]]:
    """What a scanned code may name an order by, in the order to try: ("number", code),
    ("tote", code), then ("number", the code less the pick-list prefix) for a pick list."""
    yield "number", code
    yield "tote", code
    if pick_list_prefix and code.startswith(pick_list_prefix):
        yield "number", code[len(pick_list_prefix):]


def find_order_by_code(session: Session, code: str, pick_list_prefix: str) -> Order | None:
    """An order by its number, a tote linked to it, or a pick-list barcode."""
    for by, value in order_code_lookups(code, pick_list_prefix):
        order = session.scalar(_ORDER_BY_NUMBER if by == "number" else _ORDER_BY_TOTE,
                               {"code": value})
        if order is not None:
            return order
    return None


def serial_used_in(session: Session, product_id: int, serial: str) -> str | None:
    """The order a serial number of this product was already packed into, if any.

    The product's row is locked first (PostgreSQL; SQLite's writers take the database's lock
    at BEGIN): two stations checking serials of one product take turns until each commits, so
    a serial cannot be packed twice at once."""
    session.execute(select(Product.id).where(Product.id == product_id).with_for_update())
    return session.scalar(
        select(Order.number)
        .join(Parcel, Parcel.order_id == Order.id)
        .join(ParcelItem, ParcelItem.parcel_id == Parcel.id)
        .join(OrderLine, OrderLine.id == ParcelItem.order_line_id)
        .where(ParcelItem.serial == serial, OrderLine.product_id == product_id)
        .limit(1)
    )


def open_parcel(session: Session, pack: PackSession, now: datetime) -> Parcel:
    parcel = session.scalar(
        select(Parcel).where(Parcel.session_id == pack.id,
                             Parcel.status == ParcelStatus.OPEN.value)
    )
    if parcel is None:
        last = session.scalar(select(func.max(Parcel.seq)).where(Parcel.session_id == pack.id))
        parcel = Parcel(session_id=pack.id, order_id=pack.order_id, seq=(last or 0) + 1,
                        status=ParcelStatus.OPEN.value, opened_at=now)
        session.add(parcel)
        session.flush()
    return parcel


def remove_units(session: Session, pack: PackSession, line_id: int, quantity: int) -> None:
    """Take units of a line out, newest first (the open parcel's last scans)."""
    items = session.scalars(
        select(ParcelItem)
        .join(Parcel, Parcel.id == ParcelItem.parcel_id)
        .where(Parcel.session_id == pack.id, ParcelItem.order_line_id == line_id)
        .order_by((Parcel.status == ParcelStatus.OPEN.value).desc(), ParcelItem.id.desc())
    ).all()
    left = quantity
    for item in items:
        if left <= 0:
            break
        if item.quantity <= left:
            left -= item.quantity
            session.delete(item)
        else:
            item.quantity -= left
            left = 0


def parcel_counts(session: Session, pack_id: int) -> dict[int, int]:
    """Units per parcel id for a session."""
    rows = session.execute(
        select(Parcel.id, func.coalesce(func.sum(ParcelItem.quantity), 0))
        .outerjoin(ParcelItem, ParcelItem.parcel_id == Parcel.id)
        .where(Parcel.session_id == pack_id)
        .group_by(Parcel.id)
    ).all()
    return {r[0]: int(r[1]) for r in rows}


def set_order_status(
    session: Session, order: Order, status: OrderStatus, *, at: datetime,
    station_id: int | None, operator_id: int | None, reason: str | None = None,
) -> None:
    if order.status == status.value:
        return
    session.add(OrderStatusChange(order_id=order.id, from_status=order.status,
                                  to_status=status.value, at=at, station_id=station_id,
                                  operator_id=operator_id, reason=reason))
    order.status = status.value


def claim_order(session: Session, order_id: int, station_id: int, operator_id: int,
                now: datetime) -> bool:
    """Atomically take the order for this station: one UPDATE, so two stations can't both win."""
    claimable = (OrderStatus.NEW.value, OrderStatus.PARKED.value, OrderStatus.IN_PROGRESS.value)
    result = session.execute(
        update(Order)
        .where(
            Order.id == order_id,
            Order.status.in_(claimable),
            (Order.claim_station_id.is_(None)) | (Order.claim_station_id == station_id),
        )
        .values(claim_station_id=station_id, claim_operator_id=operator_id, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def release_claim(session: Session, order_id: int, station_id: int) -> None:
    session.execute(
        update(Order)
        .where(Order.id == order_id, Order.claim_station_id == station_id)
        .values(claim_station_id=None, claim_operator_id=None, claimed_at=None)
        .execution_options(synchronize_session=False)
    )


def delete_empty_open_parcels(session: Session, pack_id: int) -> None:
    empty = ~select(ParcelItem.id).where(ParcelItem.parcel_id == Parcel.id).exists()
    session.execute(
        delete(Parcel)
        .where(and_(Parcel.session_id == pack_id, Parcel.status == ParcelStatus.OPEN.value,
                    empty))
        .execution_options(synchronize_session=False)
    )
