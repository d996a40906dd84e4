"""What the packing screen shows beyond the service's session view: pictures, handling notes
and the customer's note. Read once when an order opens (one small query, never per scan), in a
read-only transaction: on SQLite a session's BEGIN IMMEDIATE would wait for (or hold up) the
write lock of the spooler or a scan, for a read that needs none."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import Session, sessionmaker

from db.engine import READ_ONLY
from db.models import Order, OrderLine, Product


def read_only(sessions: sessionmaker[Session]) -> sessionmaker[Session]:
    """Sessions like ``sessions``' whose transactions only read (a deferred BEGIN on SQLite:
    no write lock taken or waited for)."""
    engine = sessions.kw.get("bind")
    if not isinstance(engine, Engine):
        return sessions  # not bound to one engine: nothing to say the reads apart by
    return sessionmaker(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


@dataclass(frozen=True, slots=True)
class ProductDetails:
    image_path: str | None
    fragile: bool
    weight_grams: int | None


@dataclass(frozen=True, slots=True)
class OrderDetails:
    number: str
    customer_note: str | None = None
    ship_to: str = ""
    carrier: str = ""
    products: dict[str, ProductDetails] = field(default_factory=dict)  # by SKU


_DETAILS = (
    select(Order.notes, Order.ship_to_name, Order.city, Order.country, Order.carrier,
           Order.service, Product.sku, Product.image_path, Product.fragile,
           Product.weight_grams)
    .select_from(Order)
    .outerjoin(OrderLine, OrderLine.order_id == Order.id)
    .outerjoin(Product, Product.id == OrderLine.product_id)
    .where(Order.number == bindparam("number"))
)


def load_order_details(sessions: sessionmaker[Session], number: str) -> OrderDetails:
    """One Core statement on a read-only connection: it runs on the GUI thread when an order
    opens, before the answer is painted (through the ORM it cost three times as much)."""
    engine = sessions.kw.get("bind")
    if isinstance(engine, Engine):
        with engine.connect() as conn:
            rows = conn.execution_options(**{READ_ONLY: True}).execute(
                _DETAILS, {"number": number}).all()
    else:
        with sessions() as session:
            rows = list(session.execute(_DETAILS, {"number": number}).all())
    if not rows:
        return OrderDetails(number)
    first = rows[0]
    carrier = " ".join(x for x in (first.carrier, first.service) if x)
    return OrderDetails(
        number,
        customer_note=first.notes or None,
        ship_to=f"{first.ship_to_name}, {first.city} {first.country}",
        carrier=carrier,
        products={r.sku: ProductDetails(r.image_path, bool(r.fragile), r.weight_grams)
                  for r in rows if r.sku is not None},
    )
