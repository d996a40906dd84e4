"""Demo data: realistic, deterministic, and each kind of order a test may need is present."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workstation.domain.barcodes import normalise_gtin
from workstation.services.demo_data import DemoOrders, demo_order_numbers, generate

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def _products(data: dict) -> dict[str, dict]:
    return {p["sku"]: p for p in data["products"]}


def test_same_seed_same_data_other_seed_other_data() -> None:
    assert generate(30, seed=3, now=NOW) == generate(30, seed=3, now=NOW)
    assert generate(30, seed=3, now=NOW) != generate(30, seed=4, now=NOW)


def test_catalogue_barcodes_are_valid_unique_and_include_cases_and_internal_codes() -> None:
    data = generate(0, now=NOW)
    assert 130 <= len(data["products"]) <= 170
    codes = [b["code"] for p in data["products"] for b in p["barcodes"]]
    assert len(codes) == len(set(codes))
    kinds = set()
    for product in data["products"]:
        for b in product["barcodes"]:
            code = b["code"]
            if code.startswith("INT-"):
                assert re.fullmatch(r"INT-\d{6}", code)
                kinds.add("internal")
                continue
            assert normalise_gtin(code) is not None, code
            kinds.add(f"gtin{len(code)}")
            if b["pack_quantity"] > 1:
                assert len(code) == 14 and code[0] in "12345678"
                assert b["pack_quantity"] in (6, 12, 24)
            else:
                assert b["pack_quantity"] == 1
    assert kinds == {"internal", "gtin8", "gtin12", "gtin13", "gtin14"}
    flags = {k for p in data["products"] for k in ("fragile", "serial_tracked", "lot_tracked")
             if p[k]}
    assert flags == {"fragile", "serial_tracked", "lot_tracked"}


@settings(max_examples=15, deadline=None)
@given(orders=st.integers(20, 80), seed=st.integers(0, 10_000))
def test_every_kind_of_order_exists_for_twenty_or_more(orders: int, seed: int) -> None:
    data = generate(orders, seed=seed, now=NOW)
    found = demo_order_numbers(data)
    missing = [f.name for f in fields(DemoOrders) if getattr(found, f.name) is None]
    assert missing == []
    by_number = {o["number"]: o for o in data["orders"]}
    products = _products(data)

    def items(kind: str) -> list[tuple[dict, dict]]:
        order = by_number[getattr(found, kind)]
        return [(line, products[line["sku"]]) for line in order["lines"]]

    [(line, product)] = items("single_line")
    assert line["quantity"] == 1 and not product["serial_tracked"] and not product["lot_tracked"]
    assert len(items("multi_line")) >= 2
    assert any(p["serial_tracked"] for _, p in items("serial_tracked"))
    assert any(p["lot_tracked"] for _, p in items("lot_tracked"))
    assert any(
        line["quantity"] >= b["pack_quantity"] > 1
        for line, p in items("case_barcode") for b in p["barcodes"]
    )
    assert by_number[found.on_hold]["status"] == "on_hold"
    assert by_number[found.cancelled]["status"] == "cancelled"
    assert by_number[found.with_tote]["totes"]


def test_orders_look_like_real_ones() -> None:
    data = generate(300, now=NOW)
    products = _products(data)
    numbers = [o["number"] for o in data["orders"]]
    assert len(numbers) == len(set(numbers))
    totes = [t for o in data["orders"] for t in o.get("totes", [])]
    assert len(totes) == len(set(totes))
    countries = {o["ship_to"]["country"] for o in data["orders"]}
    assert {"ID", "CN", "US"} <= countries and len(countries) >= 5
    carriers = {o["carrier"] for o in data["orders"]}
    assert {"JNE", "J&T", "SiCepat", "SF Express", "China Post", "DHL Express",
            "POS Indonesia", "Own fleet"} <= carriers
    for order in data["orders"]:
        ship_to = order["ship_to"]
        assert all(line["sku"] in products for line in order["lines"])
        assert datetime.fromisoformat(order["ship_by"]).tzinfo is not None
        if ship_to["country"] == "ID":
            assert re.fullmatch(r"\d{5}", ship_to["postcode"])
            assert ship_to["phone"].startswith("+62 ") and order["language"] == "id"
            assert any("RT " in line for line in ship_to["address_lines"])
        elif ship_to["country"] == "CN":
            assert re.fullmatch(r"\d{6}", ship_to["postcode"])
            assert ship_to["phone"].startswith("+86 ") and order["language"] == "zh"
            assert re.search(r"[\u4e00-\u9fff]", ship_to["name"] + ship_to["address_lines"][0])
        else:
            assert order["language"] == "en"
    sizes = {len(o["lines"]) for o in data["orders"]}
    assert 1 in sizes and max(sizes) >= 3


def test_negative_order_count_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        generate(-1)
