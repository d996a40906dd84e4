"""Demo data: a realistic catalogue and orders for the demo, the tests and the benchmarks.

``generate`` returns the JSON import shape (see docs/import-format.md) and is deterministic for
a seed and a ``now``; ``load_demo`` imports it through the ordinary import path and adds demo
operators and stations. ``demo_order_numbers`` finds an order of each kind a test may want.
"""

from __future__ import annotations

import functools
import logging
import random
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from db.models import Operator, Station
from workstation.services.demo_catalogue import DemoProduct, build_catalogue
from workstation.services.demo_people import Person, person
from workstation.services.import_report import ImportReport
from workstation.services.importer import import_payload
from workstation.services.operators import hash_pin

log = logging.getLogger(__name__)

# (code, name, role, badge, PIN): the PINs are for the demo only and are documented in the README.
DEMO_OPERATORS = (
    ("op1", "Dewi Lestari", Role.OPERATOR, "B-OP1", "1111"),
    ("op2", "Budi Santoso", Role.OPERATOR, "B-OP2", "2222"),
    ("lead1", "Hendra Wijaya", Role.LEAD, "B-LEAD1", "9999"),
    ("admin", "Administrator", Role.ADMIN, "B-ADMIN", "0000"),
)
DEMO_STATIONS = ("ST-01", "ST-02")
FIRST_ORDER_NUMBER = 100001

# Rough exchange rates from the catalogue's rupiah prices.
_IDR_PER = {"IDR": Decimal(1), "CNY": Decimal(2200), "EUR": Decimal(17000), "USD": Decimal(16000)}
_CHANNELS = {"id": ["shopee", "tokopedia", "lazada", "web"], "cn": ["tmall", "jd", "web"],
             "eu": ["web", "amazon"], "us": ["web", "amazon"]}
_EXPRESS = {"YES", "BEST", "Same day", "顺丰特快", "Express Worldwide"}
_NOTES = {
    "id": ["Tolong bungkus rapi, ini kado ulang tahun", "Titip di pos satpam",
           "Hubungi sebelum kirim"],
    "cn": ["请轻拿轻放", "工作日送货", "放在前台"],
    "eu": ["Leave at reception", "Please no plastic fillers", "Gift: no prices on the slip"],
    "us": ["Leave at the front desk", "Gift: no prices on the slip"],
}

# The kinds of order a test may ask for; the first orders of every generated set are made to be
# one of each, so each kind exists whenever orders >= len(ORDER_KINDS) (and always for N >= 20).
ORDER_KINDS = (
    "single_line", "multi_line", "serial_tracked", "lot_tracked", "case_barcode", "fragile",
    "internal_code", "quantity_entry", "with_tote", "return_label", "on_hold", "cancelled",
)


@dataclass(frozen=True)
class DemoOrders:
    """An order number of each kind found in a generated payload (None if there is none)."""

    single_line: str | None = None  # one plain line, quantity 1, no serial/lot
    multi_line: str | None = None  # two or more lines, no serial/lot
    serial_tracked: str | None = None
    lot_tracked: str | None = None
    case_barcode: str | None = None  # a line completed by one case scan (no serial/lot)
    fragile: str | None = None
    internal_code: str | None = None  # an item with an INT- code
    quantity_entry: str | None = None  # a line flagged for quantity entry
    with_tote: str | None = None
    return_label: str | None = None
    on_hold: str | None = None
    cancelled: str | None = None
    indonesian: str | None = None
    chinese: str | None = None
    latin: str | None = None


class _Catalogue:
    def __init__(self, products: list[DemoProduct]) -> None:
        self.all = products
        self.plain = [p for p in products if p.category == "apparel"]
        self.serial = [p for p in products if p.serial_tracked]
        self.lot = [p for p in products if p.lot_tracked]
        self.case = [p for p in products if p.case_quantity and not p.lot_tracked]
        self.fragile = [p for p in products if p.fragile]
        self.internal = [p for p in products if p.has_internal_code and not p.quantity_entry]
        self.quantity_entry = [p for p in products if p.quantity_entry]


def _price(product: DemoProduct, currency: str) -> str:
    value = (Decimal(product.price_idr) / _IDR_PER[currency]).quantize(Decimal("0.01"))
    return str(value)


def _line(product: DemoProduct, quantity: int, currency: str) -> dict[str, Any]:
    line: dict[str, Any] = {
        "sku": product.sku, "quantity": quantity, "unit_price": _price(product, currency),
    }
    if product.quantity_entry:
        line["quantity_entry"] = True
    return line


def _random_lines(rng: random.Random, cat: _Catalogue, currency: str) -> list[dict[str, Any]]:
    count = rng.choices([1, 2, 3, 4, 5, 6], weights=[55, 25, 10, 5, 3, 2])[0]
    lines = []
    for product in rng.sample(cat.all, count):
        if product.quantity_entry:
            quantity = rng.randrange(10, 110, 10)
        elif product.case_quantity and rng.random() < 0.3:
            quantity = product.case_quantity
        else:
            quantity = rng.choices([1, 2, 3], weights=[75, 18, 7])[0]
        lines.append(_line(product, quantity, currency))
    return lines


def _forced_lines(
    kind: str, rng: random.Random, cat: _Catalogue, currency: str
) -> list[dict[str, Any]]:
    plain = rng.choice(cat.plain)
    if kind == "multi_line":
        return [_line(p, rng.randint(1, 2), currency) for p in rng.sample(cat.plain, 3)]
    if kind == "serial_tracked":
        return [_line(rng.choice(cat.serial), 2, currency), _line(plain, 1, currency)]
    if kind == "lot_tracked":
        return [_line(rng.choice(cat.lot), 2, currency)]
    if kind == "case_barcode":
        product = rng.choice(cat.case)
        return [_line(product, product.case_quantity or 1, currency)]
    if kind == "fragile":
        return [_line(rng.choice(cat.fragile), 1, currency), _line(plain, 1, currency)]
    if kind == "internal_code":
        return [_line(rng.choice(cat.internal), 1, currency)]
    if kind == "quantity_entry":
        return [_line(rng.choice(cat.quantity_entry), 50, currency), _line(plain, 1, currency)]
    return [_line(plain, 1, currency)]


def _ship_by(rng: random.Random, who: Person, now: datetime) -> str:
    local_today = now.astimezone(who.region.tz).date()
    day = local_today + timedelta(days=rng.choices([0, 1, 2], weights=[70, 25, 5])[0])
    at = datetime(day.year, day.month, day.day, rng.randint(9, 21), rng.choice((0, 15, 30, 45)),
                  tzinfo=who.region.tz)
    return at.isoformat()


def _order(
    index: int, kind: str | None, rng: random.Random, cat: _Catalogue, now: datetime,
    totes: list[str],
) -> dict[str, Any]:
    region_key = ("id", "cn", "latin")[index % 3] if kind else None
    who = person(rng, region_key)
    region = who.region
    carrier, service = rng.choice(region.carriers)
    channel = rng.choice(_CHANNELS[region.key])
    lines = (_forced_lines(kind, rng, cat, region.currency) if kind
             else _random_lines(rng, cat, region.currency))
    recipient = who
    if rng.random() < 0.1:  # a gift: shipped to someone else in the same country
        recipient = person(rng, {"id": "id", "cn": "cn"}.get(region.key, "latin"))
        if recipient.country != who.country:
            recipient = who
    order: dict[str, Any] = {
        "number": f"SO-{FIRST_ORDER_NUMBER + index}",
        "channel": channel,
        "external_id": f"{channel.upper()}-{rng.randint(10**9, 10**10 - 1)}",
        "customer": {"name": who.name, "email": who.email},
        "ship_to": {
            "name": recipient.name, "company": recipient.company,
            "address_lines": recipient.address_lines, "city": recipient.city,
            "region": recipient.region_name, "postcode": recipient.postcode,
            "country": recipient.country, "phone": recipient.phone,
        },
        "carrier": carrier,
        "service": service,
        "priority": 1 if service in _EXPRESS else rng.choices([0, 2], weights=[95, 5])[0],
        "ship_by": _ship_by(rng, who, now),
        "notes": rng.choice(_NOTES[region.key]) if rng.random() < 0.12 else None,
        "language": region.language,
        "currency": region.currency,
        "return_label": kind == "return_label" or (kind is None and rng.random() < 0.04),
        "lines": lines,
    }
    if kind == "with_tote" or (kind is None and rng.random() < 0.2):
        totes.append(f"T-{len(totes) + 1:04d}")
        order["totes"] = [totes[-1]]
    if kind == "on_hold":
        order["status"] = "on_hold"
        order["hold_reason"] = "Payment under review by the channel"
    elif kind == "cancelled":
        order["status"] = "cancelled"
    return order


def generate(orders: int, seed: int = 7, now: datetime | None = None) -> dict[str, Any]:
    """The catalogue and ``orders`` orders, as the JSON import shape; same seed+now, same data."""
    if orders < 0:
        raise ValueError("the number of orders cannot be negative")
    now = now or datetime.now(UTC)
    rng = random.Random(seed)
    products = build_catalogue(rng)
    cat = _Catalogue(products)
    totes: list[str] = []
    out = [
        _order(i, ORDER_KINDS[i] if i < len(ORDER_KINDS) else None, rng, cat, now, totes)
        for i in range(orders)
    ]
    return {"products": [p.as_json() for p in products], "orders": out}


def _classify(order: dict[str, Any], products: dict[str, dict[str, Any]]) -> set[str]:
    lines = order.get("lines", [])
    items = [products[line["sku"]] for line in lines]
    status = order.get("status", "new")
    kinds: set[str] = {
        {"ID": "indonesian", "CN": "chinese"}.get(order["ship_to"]["country"], "latin")
    }
    if status != "new":
        kinds.add(status)
        return kinds
    tracked = any(p["serial_tracked"] or p["lot_tracked"] for p in items)
    if any(p["serial_tracked"] for p in items):
        kinds.add("serial_tracked")
    if any(p["lot_tracked"] for p in items):
        kinds.add("lot_tracked")
    if len(lines) == 1 and not tracked and lines[0]["quantity"] == 1:
        kinds.add("single_line")
    if len(lines) >= 2 and not tracked:
        kinds.add("multi_line")
    for line, item in zip(lines, items, strict=True):
        cases = [b["pack_quantity"] for b in item["barcodes"] if b["pack_quantity"] > 1]
        if cases and line["quantity"] >= cases[0] and not tracked:
            kinds.add("case_barcode")
        if any(str(b["code"]).startswith("INT-") for b in item["barcodes"]):
            kinds.add("internal_code")
        if line.get("quantity_entry"):
            kinds.add("quantity_entry")
        if item["fragile"]:
            kinds.add("fragile")
    if order.get("totes"):
        kinds.add("with_tote")
    if order.get("return_label"):
        kinds.add("return_label")
    return kinds


def demo_order_numbers(data: dict[str, Any]) -> DemoOrders:
    """The first order of each kind in a payload made by ``generate``."""
    products = {p["sku"]: p for p in data.get("products", [])}
    found: dict[str, str] = {}
    names = {f.name for f in fields(DemoOrders)}
    for order in data.get("orders", []):
        for kind in _classify(order, products) & names:
            found.setdefault(kind, order["number"])
    return DemoOrders(**found)


@functools.cache
def _demo_pin_hash(pin: str) -> str:
    # argon2 is slow on purpose (~0.3 s a hash); the demo PINs are public, so one salted hash
    # per PIN per process is enough, and tests that load demo data many times stay fast.
    return hash_pin(pin)


def _ensure_operators_and_stations(session: Session, now: datetime) -> None:
    existing = set(session.scalars(select(Operator.code)))
    for code, name, role, badge, pin in DEMO_OPERATORS:
        if code not in existing:
            session.add(Operator(code=code, name=name, role=role.value, badge=badge,
                                 pin_hash=_demo_pin_hash(pin), created_at=now))
    stations = set(session.scalars(select(Station.name)))
    for name in DEMO_STATIONS:
        if name not in stations:
            session.add(Station(name=name, created_at=now))


def load_demo(
    session_factory: sessionmaker[Session], orders: int, seed: int = 7,
    now: datetime | None = None,
) -> ImportReport:
    """Import the demo catalogue and orders, and add the demo operators and stations if absent."""
    now = now or datetime.now(UTC)
    with session_factory.begin() as session:
        _ensure_operators_and_stations(session, now)
    data = generate(orders, seed, now)
    report = import_payload(session_factory, data, source=f"demo data (seed {seed})", now=now)
    log.info("demo data loaded: %s orders, %s products", len(data["orders"]),
             len(data["products"]))
    return report
