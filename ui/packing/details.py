"""What the packing screen shows beyond the service's session view: pictures, handling notes
and the customer's note. Read once when an order opens (one small query, never per scan)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Order, OrderLine, Product


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


def load_order_details(sessions: sessionmaker[Session], number: str) -> OrderDetails:
    with sessions() as session:
        order = session.execute(
            select(Order.id, Order.notes, Order.ship_to_name, Order.city, Order.country,
                   Order.carrier, Order.service).where(Order.number == number)
        ).one_or_none()
        if order is None:
            return OrderDetails(number)
        rows = session.execute(
            select(Product.sku, Product.image_path, Product.fragile, Product.weight_grams)
            .join(OrderLine, OrderLine.product_id == Product.id)
            .where(OrderLine.order_id == order.id)
        ).all()
    carrier = " ".join(x for x in (order.carrier, order.service) if x)
    return OrderDetails(
        number,
        customer_note=order.notes or None,
        ship_to=f"{order.ship_to_name}, {order.city} {order.country}",
        carrier=carrier,
        products={r.sku: ProductDetails(r.image_path, bool(r.fragile), r.weight_grams)
                  for r in rows},
    )
