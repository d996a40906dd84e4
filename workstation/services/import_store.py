"""Writing validated products and orders to the database, in bulk.

New orders and their lines go in with Core ``executemany`` inserts (the bulk of any import);
orders that exist are loaded, compared and updated only when something differs and their status
allows it. The caller owns the transaction: everything here runs in the session it is given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, selectinload

from db.enums import OrderStatus
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
    ScanEvent,
    Tote,
)
from workstation.services.import_records import LineIn, OrderIn, ProductIn
from workstation.services.import_report import ImportReport

log = logging.getLogger(__name__)

# Orders per IN (...) lookup; well under SQLite's limit of bound parameters.
LOOKUP_CHUNK = 900
# Reason text of a status change made by an import; a hold with it may be lifted by a later
# import (the channel's hold), a hold set at a station may not.
IMPORT_REASON_PREFIX = "import"
_T = TypeVar("_T")
# Core tables: plain executemany inserts, without the ORM's per-row bookkeeping.
_TABLES = Order.metadata.tables
ORDERS, ORDER_LINES, BARCODES = _TABLES["orders"], _TABLES["order_lines"], _TABLES["barcodes"]
STATUS_HISTORY, TOTES = _TABLES["order_status_history"], _TABLES["totes"]

_ORDER_DEFAULTS: dict[str, Any] = {
    "channel": "import", "external_id": None, "customer_email": None, "ship_to_company": None,
    "region": None, "postcode": None, "phone": None, "service": None, "priority": 0,
    "ship_by": None, "notes": None, "language": "en", "currency": None, "return_label": False,
    "hold_reason": None, "carrier_tracking_number": None, "carrier_label": None,
    "carrier_label_format": None,
}
_PRODUCT_DEFAULTS: dict[str, Any] = {
    "weight_grams": None, "length_mm": None, "width_mm": None, "height_mm": None,
    "fragile": False, "serial_tracked": False, "lot_tracked": False, "image_path": None,
}
_SKIP_REASONS = {
    OrderStatus.IN_PROGRESS.value: "is being packed at a station",
    OrderStatus.PARKED.value: "was parked during packing at a station",
    OrderStatus.ON_HOLD.value: "was put on hold at a station (a lead must release it)",
    OrderStatus.PACKED.value: "is already packed",
    OrderStatus.SHIPPED.value: "has shipped",
    OrderStatus.CANCELLED.value: "is cancelled",
}


def chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class Catalogue:
    """What the database knows of the products, loaded once per import run."""

    sku_ids: dict[str, int] = field(default_factory=dict)
    barcode_owner: dict[str, str] = field(default_factory=dict)  # code -> sku

    @classmethod
    def load(cls, session: Session) -> Catalogue:
        skus = dict(session.execute(select(Product.sku, Product.id)).all())
        owners = dict(session.execute(
            select(Barcode.code, Product.sku).join(Product, Barcode.product_id == Product.id)
        ).all())
        return cls(skus, owners)


# ---------------------------------------------------------------- products


def write_products(session: Session, products: list[ProductIn], catalogue: Catalogue,
                   now: datetime, report: ImportReport) -> None:
    existing: dict[str, Product] = {}
    for part in chunks([p.sku for p in products], LOOKUP_CHUNK):
        query = (select(Product).where(Product.sku.in_(part))
                 .options(selectinload(Product.barcodes)))
        existing.update((p.sku, p) for p in session.scalars(query))
    new = [p for p in products if p.sku not in existing]
    changed: list[tuple[ProductIn, Product]] = []
    for item in products:
        current = existing.get(item.sku)
        if current is None:
            continue
        if _product_differs(item, current):
            changed.append((item, current))
        else:
            report.unchanged += 1
            report.products_unchanged += 1
    # Barcodes leave their old product before any product takes them (a code may move).
    for item, current in changed:
        if item.barcodes is not None:
            keep = {b.code for b in item.barcodes}
            for code in [b for b in current.barcodes if b.code not in keep]:
                current.barcodes.remove(code)
    session.flush()
    for item, current in changed:
        for key, value in item.values.items():
            setattr(current, key, value)
        current.updated_at = now
        if item.barcodes is not None:
            by_code = {b.code: b for b in current.barcodes}
            for wanted in item.barcodes:
                have = by_code.get(wanted.code)
                if have is None:
                    current.barcodes.append(Barcode(code=wanted.code, kind=wanted.kind,
                                                    pack_quantity=wanted.pack_quantity))
                else:
                    have.kind, have.pack_quantity = wanted.kind, wanted.pack_quantity
    session.flush()
    report.updated += len(changed)
    report.products_updated += len(changed)
    if new:
        rows = [{**_PRODUCT_DEFAULTS, **p.values, "sku": p.sku, "created_at": now,
                 "updated_at": now} for p in new]
        ids = session.scalars(
            insert(Product).returning(Product.id, sort_by_parameter_order=True), rows
        ).all()
        barcode_rows: list[dict[str, Any]] = []
        for item, product_id in zip(new, ids, strict=True):
            catalogue.sku_ids[item.sku] = product_id
            barcode_rows.extend(
                {"product_id": product_id, "code": b.code, "kind": b.kind,
                 "pack_quantity": b.pack_quantity}
                for b in item.barcodes or []
            )
        if barcode_rows:
            session.execute(insert(BARCODES), barcode_rows)
        report.created += len(new)
        report.products_created += len(new)
    for item in products:
        for b in item.barcodes or []:
            catalogue.barcode_owner[b.code] = item.sku


def _product_differs(item: ProductIn, current: Product) -> bool:
    if any(getattr(current, key) != value for key, value in item.values.items()):
        return True
    if item.barcodes is None:
        return False
    have = {(b.code, b.kind, b.pack_quantity) for b in current.barcodes}
    return have != {(b.code, b.kind, b.pack_quantity) for b in item.barcodes}


# ---------------------------------------------------------------- orders


@dataclass
class _Plan:
    """What one chunk of orders does to the database."""

    new_orders: list[OrderIn] = field(default_factory=list)
    line_rows: list[dict[str, Any]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    replace_lines: list[tuple[Order, OrderIn]] = field(default_factory=list)
    totes: dict[str, int] = field(default_factory=dict)  # tote code -> order id
    release_totes_of: set[int] = field(default_factory=set)


def write_orders(session: Session, orders: Sequence[OrderIn], catalogue: Catalogue,
                 now: datetime, source: str, report: ImportReport) -> None:
    """Create or update one chunk of orders (at most ``LOOKUP_CHUNK`` of them)."""
    # FOR UPDATE on PostgreSQL: a station cannot claim these orders while we decide about them.
    # (SQLite: this transaction already holds the write lock, taken at BEGIN IMMEDIATE.)
    existing = {
        o.number: o
        for o in session.scalars(
            select(Order).where(Order.number.in_([o.number for o in orders])).with_for_update()
        )
    }
    plan = _Plan()
    current_lines = _lines_of(session, [o.id for o in existing.values()])
    current_totes = _totes_of(session, [o.id for o in existing.values()])
    channel_holds = _channel_holds(session, [o.id for o in existing.values()
                                             if o.status == OrderStatus.ON_HOLD.value])
    in_use = _lines_in_use(session, [o.id for o in existing.values()])
    for item in orders:
        current = existing.get(item.number)
        if current is None:
            plan.new_orders.append(item)
            continue
        _plan_update(item, current, current_lines.get(current.id, []),
                     current_totes.get(current.id, set()), current.id in channel_holds,
                     current.id in in_use, plan, catalogue, now, source, report)
    session.flush()
    for order, item in plan.replace_lines:
        report.lines += _replace_lines(session, order.id,
                                       _line_rows(order.id, item.lines, catalogue),
                                       len(current_lines.get(order.id, [])), plan)
    if plan.new_orders:
        _insert_orders(session, plan, catalogue, now, source)
        report.created += len(plan.new_orders)
        report.orders_created += len(plan.new_orders)
    if plan.line_rows:
        session.execute(insert(ORDER_LINES), plan.line_rows)
        report.lines += len(plan.line_rows)
    _write_totes(session, plan, now)
    if plan.history:
        session.execute(insert(STATUS_HISTORY), plan.history)


def _insert_orders(session: Session, plan: _Plan, catalogue: Catalogue, now: datetime,
                   source: str) -> None:
    rows = [
        {**_ORDER_DEFAULTS, **item.values, "number": item.number,
         "status": item.status or OrderStatus.NEW.value, "imported_at": now,
         "updated_at": now}
        for item in plan.new_orders
    ]
    for row in rows:
        # A file that gives only one of the two names (CSV without customer_name) still fills
        # both required columns.
        row.setdefault("customer_name", row.get("ship_to_name"))
        row.setdefault("ship_to_name", row.get("customer_name"))
    # A plain executemany, then the ids by number: RETURNING with sort_by_parameter_order
    # makes SQLAlchemy insert row by row on SQLite (it cannot rely on the order there).
    session.execute(insert(ORDERS), rows)
    ids = dict(session.execute(
        select(Order.number, Order.id).where(Order.number.in_([r["number"] for r in rows]))
    ).all())
    for item, row in zip(plan.new_orders, rows, strict=True):
        order_id = ids[item.number]
        plan.line_rows.extend(_line_rows(order_id, item.lines, catalogue))
        plan.history.append({
            "order_id": order_id, "from_status": None, "to_status": row["status"], "at": now,
            "station_id": None, "operator_id": None,
            "reason": _reason(source, row["status"], row.get("hold_reason")),
        })
        for code in item.totes or []:
            plan.totes[code] = order_id


def _reason(source: str, status: str, hold_reason: str | None) -> str:
    text = f"{IMPORT_REASON_PREFIX}: {source}"
    if status == OrderStatus.ON_HOLD.value:
        text += f": on hold at the channel: {hold_reason or 'no reason given'}"
    elif status == OrderStatus.CANCELLED.value:
        text += ": cancelled at the channel"
    return text


_UPDATE_LINE = (
    update(ORDER_LINES)
    .where(ORDER_LINES.c.order_id == bindparam("b_order"),
           ORDER_LINES.c.line_no == bindparam("b_no"))
    .values(product_id=bindparam("b_product"), quantity=bindparam("b_quantity"),
            unit_price=bindparam("b_price"), quantity_entry=bindparam("b_entry"))
)


def _replace_lines(session: Session, order_id: int, rows: list[dict[str, Any]], had: int,
                   plan: _Plan) -> int:
    """The order's lines made ``rows`` (its lines are not in use: nothing refers to them);
    returns how many were changed in place (the new ones are in ``plan.line_rows``).

    Changed in place by line number, new ones added, and only surplus ones deleted: deleting
    a line makes the database look for rows that refer to it. ``scan_events`` has no index on
    ``order_line_id`` (one would cost every scan a page) and, since migration 0012, no foreign
    key from it either: with one, each deleted line read the whole scan log (4 s for one line
    among ten million events). Nothing refers to these lines (:func:`_lines_in_use`), so the
    check had nothing to find; ``parcel_items`` (indexed) and ``line_exceptions`` (a few
    rows) still check theirs.
    """
    kept = rows[:had]
    if kept:
        session.execute(_UPDATE_LINE, [
            {"b_order": order_id, "b_no": r["line_no"], "b_product": r["product_id"],
             "b_quantity": r["quantity"], "b_price": r["unit_price"],
             "b_entry": r["quantity_entry"]} for r in kept])
    plan.line_rows.extend(rows[had:])
    if had > len(rows):
        session.execute(delete(OrderLine).where(OrderLine.order_id == order_id,
                                                OrderLine.line_no > len(rows)))
    return len(kept)


def _line_rows(order_id: int, lines: Iterable[LineIn], catalogue: Catalogue
               ) -> list[dict[str, Any]]:
    return [
        {"order_id": order_id, "line_no": n, "product_id": catalogue.sku_ids[line.sku],
         "quantity": line.quantity, "unit_price": line.unit_price,
         "quantity_entry": line.quantity_entry}
        for n, line in enumerate(lines, start=1)
    ]


def _line_key(rows: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(r["product_id"], r["quantity"], r["unit_price"], r["quantity_entry"]) for r in rows]


def _plan_update(item: OrderIn, current: Order, lines: list[dict[str, Any]], totes: set[str],
                 channel_hold: bool, lines_in_use: bool, plan: _Plan, catalogue: Catalogue,
                 now: datetime, source: str, report: ImportReport) -> None:
    values = dict(item.values)
    if "customer_name" in values and values["customer_name"] is None:
        values["customer_name"] = values.get("ship_to_name")
    header = {k: v for k, v in values.items() if getattr(current, k) != v}
    new_lines = _line_rows(current.id, item.lines, catalogue)
    lines_differ = _line_key(new_lines) != _line_key(lines)
    totes_differ = item.totes is not None and set(item.totes) != totes
    status = item.status
    status_differs = status is not None and status != current.status
    if not (header or lines_differ or totes_differ or status_differs):
        report.unchanged += 1
        report.orders_unchanged += 1
        return
    open_to_import = current.claim_station_id is None and (
        current.status == OrderStatus.NEW.value
        or (current.status == OrderStatus.ON_HOLD.value and channel_hold)
    )
    if not open_to_import:
        why = _SKIP_REASONS.get(current.status, f"has status {current.status}")
        if current.claim_station_id is not None and current.status == OrderStatus.NEW.value:
            why = "is claimed by a station"
        report.skipped.append((item.number, f"order {item.number} {why}: changes not applied"))
        return
    if lines_differ and lines_in_use:
        report.skipped.append((
            item.number, f"order {item.number} has scans from an earlier packing attempt: "
            "changes not applied; a lead must cancel and re-create it"))
        return
    for key, value in header.items():
        setattr(current, key, value)
    current.updated_at = now
    if status_differs and status is not None:
        plan.history.append({
            "order_id": current.id, "from_status": current.status, "to_status": status,
            "at": now, "station_id": None, "operator_id": None,
            "reason": _reason(source, status, values.get("hold_reason", current.hold_reason)),
        })
        current.status = status
    if lines_differ:
        plan.replace_lines.append((current, item))
    if totes_differ and item.totes is not None:
        plan.release_totes_of.add(current.id)
        for code in item.totes:
            plan.totes[code] = current.id
    report.updated += 1
    report.orders_updated += 1


def _write_totes(session: Session, plan: _Plan, now: datetime) -> None:
    if plan.release_totes_of:
        session.execute(
            update(Tote).where(Tote.order_id.in_(plan.release_totes_of),
                               Tote.code.not_in(list(plan.totes)))
            .values(order_id=None, updated_at=now)
        )
    if not plan.totes:
        return
    known: dict[str, tuple[int, int | None]] = {}
    for part in chunks(list(plan.totes), LOOKUP_CHUNK):
        known.update(
            (code, (tote_id, order_id)) for code, tote_id, order_id in session.execute(
                select(Tote.code, Tote.id, Tote.order_id).where(Tote.code.in_(part))
            )
        )
    # A tote is reused order after order: it now belongs to the order that names it.
    moves = [{"id": known[code][0], "order_id": order_id, "updated_at": now}
             for code, order_id in plan.totes.items()
             if code in known and known[code][1] != order_id]
    if moves:
        session.execute(update(Tote), moves)
    fresh = [{"code": code, "order_id": order_id, "updated_at": now}
             for code, order_id in plan.totes.items() if code not in known]
    if fresh:
        session.execute(insert(TOTES), fresh)


def _lines_of(session: Session, order_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    if not order_ids:
        return out
    rows = session.execute(
        select(OrderLine.order_id, OrderLine.product_id, OrderLine.quantity,
               OrderLine.unit_price, OrderLine.quantity_entry)
        .where(OrderLine.order_id.in_(order_ids)).order_by(OrderLine.order_id, OrderLine.line_no)
    ).mappings()
    for row in rows:
        out.setdefault(row["order_id"], []).append(dict(row))
    return out


def _totes_of(session: Session, order_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    if order_ids:
        for code, order_id in session.execute(
            select(Tote.code, Tote.order_id).where(Tote.order_id.in_(order_ids))
        ):
            if order_id is not None:
                out.setdefault(order_id, set()).add(code)
    return out


def _channel_holds(session: Session, order_ids: list[int]) -> set[int]:
    """Orders on hold whose latest status change came from an import (the channel's hold)."""
    if not order_ids:
        return set()
    latest: dict[int, tuple[int, str | None, int | None, int | None]] = {}
    for order_id, change_id, reason, station_id, operator_id in session.execute(
        select(OrderStatusChange.order_id, OrderStatusChange.id, OrderStatusChange.reason,
               OrderStatusChange.station_id, OrderStatusChange.operator_id)
        .where(OrderStatusChange.order_id.in_(order_ids))
    ):
        if order_id not in latest or change_id > latest[order_id][0]:
            latest[order_id] = (change_id, reason, station_id, operator_id)
    return {
        order_id for order_id, (_, reason, station_id, operator_id) in latest.items()
        if station_id is None and operator_id is None
        and (reason or "").startswith(IMPORT_REASON_PREFIX + ":")
    }


def _lines_in_use(session: Session, order_ids: list[int]) -> set[int]:
    """Orders with a line that a scan, a parcel or an exception refers to.

    Each found through the order (scan events and parcels by their indexed ``order_id``,
    exceptions through their session), not through ``order_line_id``, which only
    ``parcel_items`` indexes: joined on it, every import of an order already known read
    every scan event there is (3 s with two million; tests/integration/test_import_scale.py
    holds the plans)."""
    if not order_ids:
        return set()
    used: set[int] = set(session.scalars(
        select(ScanEvent.order_id).distinct()
        .where(ScanEvent.order_id.in_(order_ids), ScanEvent.order_line_id.is_not(None))))
    used.update(session.scalars(
        select(Parcel.order_id).distinct()
        .join(ParcelItem, ParcelItem.parcel_id == Parcel.id)
        .where(Parcel.order_id.in_(order_ids))))
    used.update(session.scalars(
        select(PackSession.order_id).distinct()
        .join(LineException, LineException.session_id == PackSession.id)
        .where(PackSession.order_id.in_(order_ids))))
    return used
