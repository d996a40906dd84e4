"""The plain data the documents are made from.

printing/ knows nothing of the database: the workstation layer fills these frozen dataclasses
from its models and hands them to :func:`printing.render.render`.  Money is ``Decimal`` (never
float); weights are grams; dates are ``datetime.date``.  Text fields may hold anything a
customer typed (any script, hostile characters): the encoders escape them, the model does not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

__all__ = [
    "HANDLING_MARKS",
    "Address",
    "LabelSize",
    "ManifestData",
    "ManifestParcel",
    "PackingSlipData",
    "PageSize",
    "PrintTestData",
    "ReturnLabelData",
    "ShippingLabelData",
    "SlipLine",
]

#: Handling marks the shipping label knows how to print, with the text printed for each.
HANDLING_MARKS: dict[str, str] = {
    "fragile": "FRAGILE",
    "this_side_up": "THIS SIDE UP",
    "keep_dry": "KEEP DRY",
    "heavy": "HEAVY",
}


class LabelSize(Enum):
    """Label stock the thermal printers take: (width mm, height mm)."""

    IN_4X6 = (101.6, 152.4)
    MM_100X150 = (100.0, 150.0)
    IN_4X4 = (101.6, 101.6)

    @property
    def width_mm(self) -> float:
        return self.value[0]

    @property
    def height_mm(self) -> float:
        return self.value[1]

    @classmethod
    def parse(cls, text: str) -> LabelSize:
        """Accept ``4x6``, ``100x150``, ``4x4`` (what settings and the CLI use)."""
        names = {"4x6": cls.IN_4X6, "100x150": cls.MM_100X150, "4x4": cls.IN_4X4}
        try:
            return names[text.strip().lower()]
        except KeyError:
            raise ValueError(f"unknown label size {text!r}; use one of {sorted(names)}") from None


class PageSize(Enum):
    """Office paper for packing slips and manifests: (width mm, height mm)."""

    A4 = (210.0, 297.0)
    LETTER = (215.9, 279.4)

    @property
    def width_mm(self) -> float:
        return self.value[0]

    @property
    def height_mm(self) -> float:
        return self.value[1]


@dataclass(frozen=True)
class Address:
    """A postal address as printed.  ``lines`` are street lines in order; country is ISO-2."""

    name: str
    lines: tuple[str, ...]
    city: str
    postcode: str
    country: str
    company: str = ""
    region: str = ""
    phone: str = ""

    def printed_lines(self) -> list[str]:
        """The address block, one printed line each, empty parts left out."""
        out = [self.name]
        if self.company:
            out.append(self.company)
        out.extend(line for line in self.lines if line)
        city_line = " ".join(part for part in (self.postcode, self.city) if part)
        if self.region:
            city_line = f"{city_line} {self.region}".strip()
        out.append(city_line)
        out.append(self.country.upper())
        if self.phone:
            out.append(f"Tel. {self.phone}")
        return out

    def compact_lines(self) -> list[str]:
        """A sender block: no phone, country folded into the city line (``DE-20095 Hamburg``)."""
        out = [self.name]
        if self.company:
            out.append(self.company)
        out.extend(line for line in self.lines if line)
        out.append(f"{self.country.upper()}-{self.postcode} {self.city}".strip())
        return out


@dataclass(frozen=True)
class ShippingLabelData:
    """Everything a shipping label shows for one parcel.

    ``sscc`` is the 18-digit SSCC (with check digit) or empty when the parcel has none;
    ``tracking_url`` is the full URL for the QR code (see :func:`printing.documents.tracking_url`).
    ``handling`` holds keys of :data:`HANDLING_MARKS`.
    """

    sender: Address
    recipient: Address
    carrier: str
    service: str
    tracking_number: str
    sscc: str
    tracking_url: str
    order_number: str
    parcel_index: int
    parcel_count: int
    weight_grams: int
    ship_date: dt.date
    routing_code: str = ""
    handling: frozenset[str] = frozenset()
    reference: str = ""
    language: str = "en"


@dataclass(frozen=True)
class ReturnLabelData:
    """A return label: where the parcel goes back to and how the customer should send it."""

    return_address: Address
    customer: Address
    rma_number: str
    order_number: str
    instructions: str
    carrier: str = ""
    language: str = "en"


@dataclass(frozen=True)
class SlipLine:
    """One order line on a packing slip; prices are optional (gift orders have none)."""

    sku: str
    name: str
    quantity: int
    unit_price: Decimal | None = None
    currency: str = ""

    @property
    def line_total(self) -> Decimal | None:
        return None if self.unit_price is None else self.unit_price * self.quantity


@dataclass(frozen=True)
class PackingSlipData:
    """A packing slip / simple invoice.  Totals are printed only when present."""

    order_number: str
    order_date: dt.date
    customer: Address
    ship_to: Address
    lines: tuple[SlipLine, ...]
    currency: str = ""
    subtotal: Decimal | None = None
    shipping: Decimal | None = None
    tax: Decimal | None = None
    total: Decimal | None = None
    notes: str = ""
    shop_name: str = ""
    language: str = "en"


@dataclass(frozen=True)
class ManifestParcel:
    """One parcel handed to the driver."""

    tracking_number: str
    order_number: str
    weight_grams: int
    recipient_city: str
    recipient_country: str = ""


@dataclass(frozen=True)
class ManifestData:
    """A courier manifest: the parcels one driver takes, signed for on paper."""

    carrier: str
    date: dt.date
    station: str
    parcels: tuple[ManifestParcel, ...]
    shipper: str = ""
    driver_signature_label: str = "Driver signature"

    @property
    def total_weight_grams(self) -> int:
        return sum(p.weight_grams for p in self.parcels)


@dataclass(frozen=True)
class PrintTestData:
    """What ``workstation print-test`` prints: the printer's identity and two barcodes."""

    printer_url: str
    dpi: int
    size_name: str
    printed_at: dt.datetime
    lines: tuple[str, ...] = field(default_factory=tuple)
