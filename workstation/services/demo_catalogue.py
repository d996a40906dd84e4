"""The demo catalogue: ~150 products a small e-commerce warehouse in Jakarta might stock.

Pure and deterministic for a seed. Barcodes are made from fake GS1 company prefixes with their
check digits computed by biip, so they scan and validate like real ones.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from biip.checksums import gs1_standard_check_digit

# Fake company prefixes (not assigned to anyone we know of): 899 is Indonesia's GS1 range,
# 614141 is the prefix GS1 uses in its own examples, 963 issues GTIN-8s.
GTIN13_PREFIX = "8997770"
GTIN12_PREFIX = "614141"
GTIN8_PREFIX = "9637"
CASE_QUANTITIES = (6, 12, 24)


def with_check_digit(payload: str) -> str:
    return payload + str(gs1_standard_check_digit(payload))


def case_gtin(unit_gtin13: str, indicator: int) -> str:
    """The GTIN-14 of a case of a GTIN-13 item: indicator digit, item payload, new check digit."""
    return with_check_digit(f"{indicator}{unit_gtin13[:12]}")


@dataclass
class DemoProduct:
    sku: str
    name: str
    category: str
    weight_grams: int
    dims: tuple[int, int, int]
    price_idr: int
    barcodes: list[dict[str, Any]] = field(default_factory=list)
    fragile: bool = False
    serial_tracked: bool = False
    lot_tracked: bool = False
    quantity_entry: bool = False  # small identical units counted by typing a quantity

    @property
    def case_quantity(self) -> int | None:
        for code in self.barcodes:
            if code["pack_quantity"] > 1:
                return int(code["pack_quantity"])
        return None

    @property
    def has_internal_code(self) -> bool:
        return any(str(code["code"]).startswith("INT-") for code in self.barcodes)

    def as_json(self) -> dict[str, Any]:
        length, width, height = self.dims
        return {
            "sku": self.sku,
            "name": self.name,
            "barcodes": self.barcodes,
            "weight_grams": self.weight_grams,
            "length_mm": length,
            "width_mm": width,
            "height_mm": height,
            "fragile": self.fragile,
            "serial_tracked": self.serial_tracked,
            "lot_tracked": self.lot_tracked,
        }


_APPAREL = [
    "T-Shirt", "Polo Shirt", "Hoodie", "Kemeja Batik", "Sarung", "Hijab Voal", "Socks 3-pack",
    "Celana Jeans", "Kaos Anak",
]
_COLOURS = ["Black", "White", "Navy", "Merah", "Hijau"]
_SIZES = ["S", "M", "L", "XL"]
_ELECTRONICS = [
    ("Wireless Earbuds", 60, (90, 70, 35)), ("Bluetooth Speaker", 540, (190, 80, 80)),
    ("Power Bank 10000 mAh", 230, (150, 75, 20)), ("Smartwatch", 120, (110, 80, 60)),
    ("USB-C Charger 65 W", 160, (90, 60, 35)), ("Action Camera", 150, (120, 90, 60)),
    ("E-Reader", 210, (180, 130, 20)), ("Mechanical Keyboard", 950, (450, 160, 50)),
    ("Wi-Fi Router", 420, (230, 160, 60)), ("Tablet 10\"", 480, (260, 180, 25)),
]
_FOOD = [
    ("Kopi Arabika Gayo 250 g", 270), ("Teh Melati 100 g", 110), ("乌龙茶 Oolong Tea 100 g", 120),
    ("Sambal Bawang 200 ml", 320), ("Kecap Manis 275 ml", 380),
    ("Instant Noodles Soto 5-pack", 400),
    ("Dark Chocolate 70% 100 g", 110), ("Madu Hutan 500 g", 650), ("Kerupuk Udang 250 g", 260),
    ("Granola Honey 400 g", 420), ("绿茶 Green Tea 50 bags", 150), ("Rendang Paste 150 g", 170),
]
_COSMETICS = [
    ("Sunscreen SPF 50 50 ml", 80), ("Face Serum Vitamin C 30 ml", 90), ("Lip Balm", 15),
    ("Hand Cream 75 ml", 95), ("Shampoo Lidah Buaya 340 ml", 380), ("Micellar Water 400 ml", 440),
    ("Sheet Mask 5-pack", 120), ("Body Lotion 250 ml", 290), ("Nail Polish Coral", 30),
    ("Minyak Kayu Putih 60 ml", 85),
]
_GLASSWARE = [
    ("Wine Glass 2-pack", 520), ("Glass Teapot 1 L", 780), ("Tumbler Set 6 pcs", 1400),
    ("Ceramic Mug Batik", 380), ("Glass Storage Jar 1.5 L", 900), ("Vase Crystal 25 cm", 1100),
    ("Espresso Cups 4 pcs", 420), ("瓷碗 Porcelain Bowl", 350),
]
_SUPPLIES = [
    ("Gift Wrap Service", 40, False), ("Cable Ties 100 pcs", 5, True),
    ("Sticker Pack Logo", 10, True), ("Greeting Card", 20, False),
    ("Bubble Wrap Roll 1 m", 90, False), ("Hair Clips", 4, True),
]


class _Codes:
    """Hands out unique item references so no two products share a barcode."""

    def __init__(self) -> None:
        self._next13 = 1
        self._next12 = 1
        self._next8 = 1
        self._next_internal = 101

    def gtin13(self) -> str:
        self._next13 += 1
        return with_check_digit(f"{GTIN13_PREFIX}{self._next13:05d}")

    def gtin12(self) -> str:
        self._next12 += 1
        return with_check_digit(f"{GTIN12_PREFIX}{self._next12:05d}")

    def gtin8(self) -> str:
        self._next8 += 1
        return with_check_digit(f"{GTIN8_PREFIX}{self._next8:03d}")

    def internal(self) -> str:
        self._next_internal += 1
        return f"INT-{self._next_internal:06d}"


def _unit(code: str) -> dict[str, Any]:
    return {"code": code, "pack_quantity": 1}


def build_catalogue(rng: random.Random) -> list[DemoProduct]:
    codes = _Codes()
    products: list[DemoProduct] = []

    for item in _APPAREL:
        for colour in rng.sample(_COLOURS, 3):
            for size in _SIZES:
                n = len(products) + 1
                weight = rng.randint(120, 650)
                product = DemoProduct(
                    f"APP-{n:04d}-{size}", f"{item} {colour} {size}", "apparel", weight,
                    (rng.randint(250, 350), rng.randint(200, 280), rng.randint(20, 60)),
                    rng.randrange(79_000, 450_000, 1000), [_unit(codes.gtin13())],
                )
                # Some suppliers deliver unlabelled: the warehouse prints its own codes too.
                if rng.random() < 0.15:
                    product.barcodes.append(_unit(codes.internal()))
                products.append(product)

    for name, weight, dims in _ELECTRONICS:
        n = len(products) + 1
        products.append(DemoProduct(
            f"ELE-{n:04d}", name, "electronics", weight, dims,
            rng.randrange(250_000, 4_500_000, 5000), [_unit(codes.gtin12())], serial_tracked=True,
        ))

    def with_case(category: str, prefix: str, name: str, weight: int, **flags: bool) -> None:
        n = len(products) + 1
        unit = codes.gtin13()
        barcodes = [_unit(unit)]
        if rng.random() < 0.6:
            indicator = rng.randint(1, 8)
            barcodes.append({"code": case_gtin(unit, indicator),
                             "pack_quantity": rng.choice(CASE_QUANTITIES)})
        products.append(DemoProduct(
            f"{prefix}-{n:04d}", name, category, weight,
            (rng.randint(60, 200), rng.randint(40, 120), rng.randint(30, 200)),
            rng.randrange(15_000, 350_000, 500), barcodes, **flags,
        ))

    for name, weight in _FOOD:
        with_case("food", "FOD", name, weight, lot_tracked=True)
    for name, weight in _COSMETICS:
        if weight < 40:  # small items carry the short GTIN-8
            n = len(products) + 1
            products.append(DemoProduct(
                f"COS-{n:04d}", name, "cosmetics", weight, (80, 25, 25),
                rng.randrange(15_000, 90_000, 500), [_unit(codes.gtin8())], lot_tracked=True,
            ))
        else:
            with_case("cosmetics", "COS", name, weight, lot_tracked=True)
    for name, weight in _GLASSWARE:
        with_case("glassware", "GLS", name, weight, fragile=True)
    for name, weight, quantity_entry in _SUPPLIES:
        n = len(products) + 1
        products.append(DemoProduct(
            f"SUP-{n:04d}", name, "supplies", weight, (100, 80, 10),
            rng.randrange(2_000, 25_000, 500), [_unit(codes.internal())],
            quantity_entry=quantity_entry,
        ))
    # Every catalogue has case codes on an item that needs no lot or serial (the simplest case
    # to pack) and on a lot-tracked one, whatever the dice said above.
    for category in ("glassware", "food"):
        if not any(p.case_quantity for p in products if p.category == category):
            first = next(p for p in products if p.category == category)
            first.barcodes.append(
                {"code": case_gtin(first.barcodes[0]["code"], 1), "pack_quantity": 6}
            )
    return products
