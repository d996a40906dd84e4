"""From the database to the plain data the printing layer renders (printing/model.py).

printing/ knows nothing of the database, so this is the one place that reads orders, parcels
and settings and fills the frozen dataclasses the documents are drawn from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from db.models import Order, OrderLine, Parcel, ParcelItem, Product
from printing.documents.shipping import tracking_url
from printing.model import (
    Address,
    LabelSize,
    ManifestData,
    ManifestParcel,
    PackingSlipData,
    PageSize,
    ReturnLabelData,
    ShippingLabelData,
    SlipLine,
)
from printing.routing import rules_from_config
from workstation.settings import Settings

# The customer's return instructions, in the order's language (en, id, zh).
RETURN_INSTRUCTIONS = {
    "en": "To return items: pack them in the original box, stick this label on the outside "
          "and hand the parcel to the carrier within 30 days. Keep the receipt.",
    "id": "Untuk mengembalikan barang: kemas dalam kotak asli, tempel label ini di luar "
          "paket dan serahkan ke kurir dalam 30 hari. Simpan tanda terimanya.",
    "zh": "退货方法：请将商品装入原包装盒，把此标签贴在包裹外面，并在30天内交给快递员。"
          "请保留收据。",
}


def sender(settings: Settings) -> Address:
    return Address(
        name=settings.sender_name,
        lines=tuple(x for x in settings.sender_address.splitlines() if x.strip()),
        city=settings.sender_city,
        postcode=settings.sender_postcode,
        country=settings.sender_country,
        phone=settings.sender_phone,
    )


def recipient(order: Order) -> Address:
    return Address(
        name=order.ship_to_name,
        company=order.ship_to_company or "",
        lines=tuple(x for x in order.address_lines.splitlines() if x.strip()),
        city=order.city,
        region=order.region or "",
        postcode=order.postcode or "",
        country=order.country,
        phone=order.phone or "",
    )


def customer(order: Order) -> Address:
    return Address(name=order.customer_name, lines=(), city="", postcode="",
                   country=order.country)


def label_size(settings: Settings) -> LabelSize:
    return LabelSize.parse(settings.label_size)


def page_size(settings: Settings) -> PageSize:
    return PageSize.LETTER if settings.slip_page == "letter" else PageSize.A4


def language(order: Order) -> str:
    lang = (order.language or "en").lower()[:2]
    return lang if lang in RETURN_INSTRUCTIONS else "en"


# What a parcel's label says of its contents, in one statement built once: the items'
# catalogue weight and how many of them are fragile.
_CONTENTS = (
    select(func.coalesce(func.sum(ParcelItem.quantity * Product.weight_grams), 0),
           func.coalesce(func.sum(case((Product.fragile.is_(True), 1), else_=0)), 0))
    .select_from(ParcelItem)
    .join(OrderLine, OrderLine.id == ParcelItem.order_line_id)
    .join(Product, Product.id == OrderLine.product_id)
    .where(ParcelItem.parcel_id == bindparam("parcel_id"))
)
_HANDLING_FRAGILE = frozenset({"fragile", "this_side_up"})


def _contents(session: Session, parcel: Parcel) -> tuple[int, int]:
    row = session.execute(_CONTENTS, {"parcel_id": parcel.id}).one()
    return int(row[0] or 0), int(row[1] or 0)


def parcel_weight(session: Session, parcel: Parcel) -> int:
    """The weighed weight, else the sum of the items' catalogue weights."""
    if parcel.weight_grams:
        return parcel.weight_grams
    return _contents(session, parcel)[0]


def shipping_label(session: Session, order: Order, parcel: Parcel, parcel_count: int,
                   settings: Settings, ship_date: dt.date) -> ShippingLabelData:
    tracking = parcel.tracking_number or ""
    routing = rules_from_config(settings.routing_rules, settings.routing_default)
    items_grams, fragile = _contents(session, parcel)
    return ShippingLabelData(
        sender=sender(settings),
        recipient=recipient(order),
        carrier=order.carrier,
        service=order.service or "",
        tracking_number=tracking,
        sscc=parcel.sscc or "",
        tracking_url=tracking_url(tracking, settings.tracking_url),
        order_number=order.number,
        parcel_index=parcel.seq,
        parcel_count=parcel_count,
        weight_grams=parcel.weight_grams or items_grams,
        ship_date=ship_date,
        routing_code=routing.code_for(order.country, order.postcode or ""),
        handling=_HANDLING_FRAGILE if fragile else frozenset(),
        language=language(order),
    )


def rma_number(order: Order) -> str:
    """One RMA per order, derived from its id: unique without another counter."""
    return f"RMA{order.id:09d}"


def return_label(order: Order, settings: Settings) -> ReturnLabelData:
    lang = language(order)
    return ReturnLabelData(
        return_address=sender(settings),
        customer=recipient(order),
        rma_number=rma_number(order),
        order_number=order.number,
        instructions=RETURN_INSTRUCTIONS[lang],
        carrier=order.carrier,
        language=lang,
    )


_SLIP_LINES = (
    select(OrderLine.quantity, OrderLine.unit_price, Product.sku, Product.name)
    .join(Product, Product.id == OrderLine.product_id)
    .where(OrderLine.order_id == bindparam("order_id")).order_by(OrderLine.line_no)
)


def packing_slip(session: Session, order: Order, settings: Settings) -> PackingSlipData:
    lines = session.execute(_SLIP_LINES, {"order_id": order.id}).all()
    currency = order.currency or ""
    slip_lines = tuple(SlipLine(sku=x.sku, name=x.name, quantity=x.quantity,
                                unit_price=x.unit_price, currency=currency) for x in lines)
    priced = all(x.unit_price is not None for x in lines) and bool(lines)
    subtotal: Decimal | None = None
    if priced:
        subtotal = sum((x.line_total or Decimal(0) for x in slip_lines), Decimal(0))
    return PackingSlipData(
        order_number=order.number,
        order_date=order.imported_at.date(),
        customer=customer(order),
        ship_to=recipient(order),
        lines=slip_lines,
        currency=currency,
        subtotal=subtotal,
        total=subtotal,
        notes=order.notes or "",
        shop_name=settings.sender_name,
        language=language(order),
    )


def manifest(parcels: Sequence[tuple[Parcel, Order, int]], carrier: str, station: str,
             settings: Settings, day: dt.date) -> ManifestData:
    """``parcels``: (parcel, its order, its weight in grams)."""
    return ManifestData(
        carrier=carrier,
        date=day,
        station=station,
        parcels=tuple(
            ManifestParcel(tracking_number=p.tracking_number or "", order_number=o.number,
                           weight_grams=grams, recipient_city=o.city,
                           recipient_country=o.country)
            for p, o, grams in parcels
        ),
        shipper=settings.sender_name,
    )
