"""Sample documents for the printing tests (plain data, as the workstation layer fills them)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from printing.documents import tracking_url
from printing.identifiers import s10, sscc
from printing.model import (
    Address,
    ManifestData,
    ManifestParcel,
    PackingSlipData,
    ReturnLabelData,
    ShippingLabelData,
    SlipLine,
)

SENDER = Address("Acme Warehouse", ("Industriestr. 5",), "Hamburg", "20095", "DE",
                 company="Acme GmbH")
RECIPIENT = Address("Zoë Müller", ("Hauptstraße 12", "3. OG"), "Berlin", "10115", "DE",
                    phone="+49 30 1234567")
CJK_RECIPIENT = Address("李小龙", ("中山路 100号",), "上海", "200000", "CN")

TRACKING = s10("RR", 12345678, "DE")
SSCC = sscc(0, "4012345", 123456789)


def shipping(**changes: object) -> ShippingLabelData:
    data = ShippingLabelData(
        sender=SENDER,
        recipient=RECIPIENT,
        carrier="OwnFleet",
        service="Express",
        tracking_number=TRACKING,
        sscc=SSCC,
        tracking_url=tracking_url(TRACKING),
        order_number="SO-1001",
        parcel_index=1,
        parcel_count=2,
        weight_grams=4250,
        ship_date=dt.date(2024, 5, 1),
        routing_code="N12",
        handling=frozenset({"fragile", "this_side_up"}),
        reference="PO 77",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def return_label(**changes: object) -> ReturnLabelData:
    data = ReturnLabelData(
        return_address=SENDER,
        customer=RECIPIENT,
        rma_number="RMA-20240501-7",
        order_number="SO-1001",
        instructions="Pack the item in its original box. Stick this label on top and hand "
        "it to any post office within 30 days.",
        carrier="OwnFleet",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def slip(n_lines: int = 3, prices: bool = True, **changes: object) -> PackingSlipData:
    lines = tuple(
        SlipLine(f"SKU-{i:04d}", f"Widget number {i}", i % 3 + 1,
                 Decimal("9.95") + i if prices else None, "EUR" if prices else "")
        for i in range(n_lines)
    )
    subtotal = sum((line.line_total or Decimal(0) for line in lines), Decimal(0))
    data = PackingSlipData(
        order_number="SO-1001",
        order_date=dt.date(2024, 5, 1),
        customer=RECIPIENT,
        ship_to=RECIPIENT,
        lines=lines,
        currency="EUR",
        subtotal=subtotal if prices else None,
        shipping=Decimal("4.90") if prices else None,
        total=subtotal + Decimal("4.90") if prices else None,
        notes="Thank you for your order!",
        shop_name="Acme Shop",
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def manifest(n: int = 5) -> ManifestData:
    parcels = tuple(
        ManifestParcel(s10("RR", 10000000 + i, "DE"), f"SO-{1000 + i}", 1000 + 137 * i,
                       "Berlin", "DE")
        for i in range(n)
    )
    return ManifestData("OwnFleet", dt.date(2024, 5, 1), "PACK-01", parcels, shipper="Acme")
