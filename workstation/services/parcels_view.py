"""The parcels of an order as the packing screen shows them (read-only).

For each parcel of the order's latest pack session that was not cancelled: its number, box (as
set, or as suggested from the items' dimensions), weight, expected weight with its tolerance,
and the items in it. The caller owns the Session; nothing is written.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import SessionStatus
from db.models import Order, OrderLine, PackSession, Parcel, ParcelItem, Product
from workstation.domain import parcels as parcels_domain
from workstation.services.errors import NotFoundError
from workstation.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ParcelItemView:
    sku: str
    name: str
    quantity: int


@dataclass(frozen=True, slots=True)
class ParcelView:
    seq: int
    status: str  # open or closed
    box_type: str | None  # as the operator set it
    suggested_box: str | None  # from the items' dimensions and the configured boxes
    weight_grams: int | None
    expected_grams: int | None  # items + box; None when an item's weight is unknown
    tolerance_grams: int
    items: tuple[ParcelItemView, ...]

    @property
    def box(self) -> str | None:
        return self.box_type or self.suggested_box

    @property
    def weight_ok(self) -> bool | None:
        """Within tolerance; None while not weighed or nothing to compare with."""
        if self.weight_grams is None or self.expected_grams is None:
            return None
        return abs(self.weight_grams - self.expected_grams) <= self.tolerance_grams


def boxes(settings: Settings) -> tuple[parcels_domain.Box, ...]:
    return (parcels_domain.boxes_from_config(settings.boxes) if settings.boxes
            else parcels_domain.DEFAULT_BOXES)


def parcels_of(session: Session, order_number: str, settings: Settings) -> list[ParcelView]:
    """The parcels of the order's latest (not cancelled) pack session, by number."""
    order_id = session.scalar(select(Order.id).where(Order.number == order_number))
    if order_id is None:
        raise NotFoundError(f"no order {order_number}: check the number "
                            "(workstation order list)")
    pack_id = session.scalar(
        select(PackSession.id)
        .where(PackSession.order_id == order_id,
               PackSession.status != SessionStatus.CANCELLED.value)
        .order_by(PackSession.id.desc()).limit(1))
    if pack_id is None:
        return []
    parcels = session.scalars(
        select(Parcel).where(Parcel.session_id == pack_id).order_by(Parcel.seq)).all()
    rows = session.execute(
        select(ParcelItem.parcel_id, Product.sku, Product.name, ParcelItem.quantity,
               Product.weight_grams, Product.length_mm, Product.width_mm, Product.height_mm)
        .join(OrderLine, OrderLine.id == ParcelItem.order_line_id)
        .join(Product, Product.id == OrderLine.product_id)
        .where(ParcelItem.parcel_id.in_([p.id for p in parcels]))
        .order_by(ParcelItem.id)
    ).all()
    domain_items: dict[int, list[parcels_domain.Item]] = defaultdict(list)
    shown: dict[int, dict[str, ParcelItemView]] = defaultdict(dict)
    for parcel_id, sku, name, quantity, grams, a, b, c in rows:
        domain_items[parcel_id].append(
            parcels_domain.Item(quantity, grams, (a, b, c) if a and b and c else None))
        before = shown[parcel_id].get(sku)  # one row per product (a unit per serial scan)
        shown[parcel_id][sku] = ParcelItemView(sku, name,
                                               quantity + (before.quantity if before else 0))
    choices = boxes(settings)
    views = []
    for parcel in parcels:
        items = domain_items[parcel.id]
        suggested = parcels_domain.suggest_box(items, choices)
        box = next((b for b in choices if b.name == parcel.box_type), None) or suggested
        expected = parcels_domain.expected_grams(items, box)
        check = parcels_domain.check_weight(parcel.weight_grams or 0, expected,
                                            settings.weight_tolerance_percent,
                                            settings.weight_tolerance_grams)
        views.append(ParcelView(parcel.seq, parcel.status, parcel.box_type,
                                suggested.name if suggested else None, parcel.weight_grams,
                                expected, check.allowed,
                                tuple(shown[parcel.id].values())))
    return views
