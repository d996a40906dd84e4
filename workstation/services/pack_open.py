"""The scan that opens an order, written on the fast path's connection.

Opening an order through the ORM (``PackService._open_order`` in pack.py) took about 25
statements and, like the completing scan (pack_complete.py), spent most of its time in the
ORM's own Python; then the fast path read the same session back to start (``_load_live``).
One scan in every order pays it. This module writes the common case -- an order or tote
scanned at a station with nothing open, the order new and unclaimed, no session of it open or
paused anywhere -- with SQLAlchemy Core statements built once, in one transaction with the scan
event, and hands back what the fast path needs for the next scan.

Anything else (a badge, a shipping label, an order that is parked, held, packed, claimed
elsewhere or unknown, a session to resume) finds ``None`` here and takes the full path, which
says what it is. tests/integration/test_pack_complete_fast.py opens the same orders both ways
and compares every row written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import Connection

from db.enums import OrderStatus, ParcelStatus, SessionStatus
from db.models import (
    AuditEntry,
    Barcode,
    Operator,
    Order,
    OrderStatusChange,
    PackSession,
    Parcel,
    Product,
    Tote,
    utcnow,
)
from workstation.domain.pack import ProductMatch
from workstation.services import pack_fast
from workstation.services import pack_store as store

_STATION_BUSY = select(PackSession.id).where(
    PackSession.station_id == bindparam("b_station"),
    PackSession.status == SessionStatus.OPEN.value).limit(1)
_BADGE = select(Operator.id).where(Operator.badge == bindparam("b_code"),
                                   Operator.active.is_(True)).limit(1)
_LABEL_BY_SSCC = select(Parcel.id).where(Parcel.sscc == bindparam("b_code")).limit(1)
_LABEL_BY_TRACKING = select(Parcel.id).where(
    Parcel.tracking_number == bindparam("b_code")).limit(1)
_ORDER_COLUMNS = (Order.id, Order.number, Order.status, Order.claim_station_id)
_ORDER_BY_NUMBER = select(*_ORDER_COLUMNS).where(Order.number == bindparam("b_code"))
_ORDER_BY_TOTE = (select(*_ORDER_COLUMNS).join(Tote, Tote.order_id == Order.id)
                  .where(Tote.code == bindparam("b_code")))
_SESSION_OF_ORDER = select(PackSession.id).where(
    PackSession.order_id == bindparam("b_order"),
    PackSession.status.in_([SessionStatus.OPEN.value, SessionStatus.PAUSED.value])).limit(1)
# Claim and status in one statement; only a new, unclaimed order (else: the full path).
_CLAIM = (
    update(Order)
    .where(Order.id == bindparam("b_id"), Order.status == OrderStatus.NEW.value,
           Order.claim_station_id.is_(None))
    .values(claim_station_id=bindparam("b_station"), claim_operator_id=bindparam("b_operator"),
            claimed_at=bindparam("b_now"), status=OrderStatus.IN_PROGRESS.value,
            updated_at=bindparam("b_updated"))
)
_NEW_SESSION = insert(PackSession).returning(PackSession.id)
_STATUS_CHANGE = insert(OrderStatusChange)
_AUDIT = insert(AuditEntry)
_NEW_PARCEL = insert(Parcel).returning(Parcel.id)
_PRODUCTS = (
    select(Barcode.kind, Barcode.code, Barcode.pack_quantity, Product.id, Product.sku,
           Product.name)
    .join(Product, Product.id == Barcode.product_id)
    .where(Barcode.product_id.in_(bindparam("b_products", expanding=True)))
)


def open_order(conn: Connection, code: str, sscc: str | None, pick_list_prefix: str,
               station_id: int, operator_id: int, now: datetime) -> pack_fast.Live | None:
    """Open a new session of the order this code names, or None: the full path's case (the
    caller rolls back: a claim taken here is not kept)."""
    if conn.execute(_STATION_BUSY, {"b_station": station_id}).first() is not None:
        return None
    if conn.execute(_BADGE, {"b_code": code}).first() is not None:
        return None
    if sscc and conn.execute(_LABEL_BY_SSCC, {"b_code": sscc}).first() is not None:
        return None
    if code.strip() and conn.execute(_LABEL_BY_TRACKING,
                                     {"b_code": code.strip()}).first() is not None:
        return None
    order = _find_order(conn, code, pick_list_prefix)
    if order is None or order.status != OrderStatus.NEW.value or order.claim_station_id:
        return None
    claimed = conn.execute(_CLAIM, {"b_id": order.id, "b_station": station_id,
                                    "b_operator": operator_id, "b_now": now,
                                    "b_updated": utcnow()})
    if claimed.rowcount != 1:
        return None
    # Checked with the order's row held (after the claim): a paused session of an order that
    # was parked, held and released is resumed by the full path (the caller rolls back).
    if conn.execute(_SESSION_OF_ORDER, {"b_order": order.id}).first() is not None:
        return None
    pack_id = int(conn.execute(_NEW_SESSION, {
        "order_id": order.id, "station_id": station_id, "operator_id": operator_id,
        "status": SessionStatus.OPEN.value, "started_at": now, "ended_at": None,
        "version": 0}).scalar_one())
    conn.execute(_AUDIT, {"at": now, "action": "session_opened", "station_id": station_id,
                          "operator_id": operator_id, "authorised_by_id": None,
                          "order_id": order.id, "reason": None, "details": None})
    conn.execute(_STATUS_CHANGE, {
        "order_id": order.id, "from_status": OrderStatus.NEW.value,
        "to_status": OrderStatus.IN_PROGRESS.value, "at": now, "station_id": station_id,
        "operator_id": operator_id, "reason": None})
    parcel_id = int(conn.execute(_NEW_PARCEL, {
        "session_id": pack_id, "order_id": order.id, "seq": 1,
        "status": ParcelStatus.OPEN.value, "opened_at": now}).scalar_one())
    state = store.read_state(conn, pack_id, order.id, order.number, None)
    products = {
        (kind, barcode): ProductMatch(product_id, sku, name, pack_quantity)
        for kind, barcode, pack_quantity, product_id, sku, name in conn.execute(
            _PRODUCTS, {"b_products": sorted({line.product_id for line in state.lines})})
    }
    return pack_fast.Live(pack_id, order.id, order.number, 0, state, parcel_id, 1, 1, products)


def _find_order(conn: Connection, code: str, pick_list_prefix: str) -> _OrderRow | None:
    """As ``pack_store.find_order_by_code``: by number, by tote, then as a pick list."""
    row = None
    for by, value in store.order_code_lookups(code, pick_list_prefix):
        row = conn.execute(_ORDER_BY_NUMBER if by == "number" else _ORDER_BY_TOTE,
                           {"b_code": value}).first()
        if row is not None:
            break
    return _OrderRow(int(row[0]), str(row[1]), str(row[2]), row[3]) if row else None


@dataclass(frozen=True, slots=True)
class _OrderRow:
    id: int
    number: str
    status: str
    claim_station_id: int | None
