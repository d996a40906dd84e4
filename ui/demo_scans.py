"""The scans that pack demo orders: for the screenshots and the UI benchmark, which drive the
station only through its (simulated) scanner, as an operator would."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Barcode, Order, OrderLine, Product


def printed(code: str) -> str:
    # A stored GTIN-14 with a leading zero scans as the GTIN-13 printed on the item.
    return code[1:] if len(code) == 14 and code.startswith("0") else code


def plain_orders(sessions: sessionmaker[Session], limit: int, min_lines: int = 1,
                 after: str = "") -> list[str]:
    """New orders whose every line is packed by scanning plain unit barcodes (no serial, lot or
    quantity entry), by number, ``limit`` of them (an indexed range read, never a full scan)."""
    special = (
        select(OrderLine.order_id)
        .join(Product, Product.id == OrderLine.product_id)
        .where(Product.serial_tracked | Product.lot_tracked | OrderLine.quantity_entry)
    )
    with sessions() as session:
        return list(session.scalars(
            select(Order.number)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.status == "new", Order.id.not_in(special), Order.number > after)
            .group_by(Order.id, Order.number)
            .having(func.count(OrderLine.id) >= min_lines)
            .order_by(Order.number)
            .limit(limit)
        ))


def item_scans(sessions: sessionmaker[Session], number: str) -> list[str]:
    """One scan per unit, line by line; empty if a line has no unit barcode."""
    with sessions() as session:
        rows = session.execute(
            select(OrderLine.quantity, OrderLine.product_id)
            .join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == number)
            .order_by(OrderLine.line_no)
        ).all()
        codes: list[str] = []
        for quantity, product_id in rows:
            code = session.scalar(
                select(Barcode.code).where(Barcode.product_id == product_id,
                                           Barcode.pack_quantity == 1).order_by(Barcode.id)
                .limit(1))
            if code is None:
                return []
            codes += [printed(code)] * quantity
        return codes


def foreign_item(sessions: sessionmaker[Session], number: str) -> str | None:
    """A unit barcode of a product that is not in the order (a wrong item)."""
    with sessions() as session:
        in_order = (select(OrderLine.product_id).join(Order, Order.id == OrderLine.order_id)
                    .where(Order.number == number))
        code = session.scalar(
            select(Barcode.code).join(Product, Product.id == Barcode.product_id)
            .where(Barcode.pack_quantity == 1, Barcode.product_id.not_in(in_order),
                   ~Product.serial_tracked, ~Product.lot_tracked)
            .order_by(Barcode.id).limit(1))
    return printed(code) if code else None
