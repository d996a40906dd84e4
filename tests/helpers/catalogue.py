"""A small hand-made catalogue and orders, for tests that must know every expected answer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from db.enums import OrderStatus, Role
from db.models import Barcode, Order, OrderLine, Product, Tote
from workstation.services.operators import add_operator

# Real, valid GTINs (check digits right).
SHIRT_EAN = "5901234123457"
SHIRT_CASE = "15901234123454"  # GTIN-14 of a case of 6 shirts
PHONE_EAN = "4006381333931"
MILK_EAN = "8712345678906"
MUG_CODE = "INT-MUG-01"  # internal code, not a GTIN
GS = "\x1d"


@dataclass(frozen=True)
class Seeded:
    orders: dict[str, int]


def _product(session: Session, sku: str, name: str, codes: list[tuple[str, str, int]],
             **flags: object) -> Product:
    product = Product(sku=sku, name=name, weight_grams=200, **flags)
    product.barcodes = [Barcode(code=c, kind=k, pack_quantity=q) for c, k, q in codes]
    session.add(product)
    return product


def _order(session: Session, number: str, lines: list[tuple[Product, int]],
           status: OrderStatus = OrderStatus.NEW, hold_reason: str | None = None) -> Order:
    order = Order(
        number=number, channel="web", customer_name="Budi Santoso",
        ship_to_name="Budi Santoso", address_lines="Jl. Sudirman No. 12\nRT 03/RW 05",
        city="Jakarta Selatan", postcode="12190", country="ID", phone="+62 812 0000 0001",
        carrier="JNE", service="REG", status=status.value, hold_reason=hold_reason,
        imported_at=datetime(2026, 11, 23, 1, 0, tzinfo=UTC),
    )
    order.lines = [OrderLine(line_no=i + 1, product=p, quantity=q) for i, (p, q) in
                   enumerate(lines)]
    session.add(order)
    return order


def seed(sessions: sessionmaker[Session]) -> Seeded:
    with sessions.begin() as session:
        shirt = _product(session, "SHIRT", "T-shirt", [
            ("0" + SHIRT_EAN, "gtin", 1), (SHIRT_CASE, "gtin", 6)])
        phone = _product(session, "PHONE", "Phone X", [("0" + PHONE_EAN, "gtin", 1)],
                         serial_tracked=True)
        milk = _product(session, "MILK", "Milk powder 400 g", [("0" + MILK_EAN, "gtin", 1)],
                        lot_tracked=True)
        mug = _product(session, "MUG", "Glass mug", [(MUG_CODE, "internal", 1)], fragile=True)
        _order(session, "ORD-1", [(shirt, 2)])
        _order(session, "ORD-2", [(shirt, 8), (phone, 1), (milk, 1)])
        _order(session, "ORD-3", [(mug, 1)])
        _order(session, "ORD-CXL", [(mug, 1)], OrderStatus.CANCELLED)
        _order(session, "ORD-HOLD", [(mug, 1)], OrderStatus.ON_HOLD, "address check")
        _order(session, "ORD-4", [(shirt, 1), (mug, 1)])
        session.flush()
        session.add(Tote(code="TOTE-7", order_id=session.query(Order.id).filter_by(
            number="ORD-3").scalar()))
        add_operator(session, "op1", "Siti", Role.OPERATOR, badge="B-OP1", pin="1111")
        add_operator(session, "op2", "Wei", Role.OPERATOR, badge="B-OP2", pin="2222")
        add_operator(session, "lead1", "Lead Ana", Role.LEAD, badge="B-LEAD1", pin="9999")
        ids = {o.number: o.id for o in session.query(Order)}
    return Seeded(ids)
