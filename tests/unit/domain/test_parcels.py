"""Box suggestion and the weight check, on hand-made numbers."""

from __future__ import annotations

import pytest

from workstation.domain.parcels import (
    DEFAULT_BOXES,
    Box,
    Item,
    boxes_from_config,
    check_weight,
    expected_grams,
    suggest_box,
)


def test_smallest_box_that_fits_by_shape_volume_and_weight() -> None:
    phone = Item(1, 300, (160, 80, 60))
    assert suggest_box([phone], DEFAULT_BOXES) == DEFAULT_BOXES[0]  # S
    # A long item needs a long box, whatever the volume.
    umbrella = Item(1, 400, (90, 90, 420))
    assert suggest_box([umbrella], DEFAULT_BOXES) == DEFAULT_BOXES[2]  # L: 450 mm long
    # Volume with room to spare: 12 phones (9.2 l * 1.2) do not go in S (5 l) nor M (13.1 l).
    assert suggest_box([Item(12, 300, (160, 80, 60))], DEFAULT_BOXES) == DEFAULT_BOXES[1]
    assert suggest_box([Item(30, 300, (160, 80, 60))], DEFAULT_BOXES) == DEFAULT_BOXES[2]
    # Weight: S carries 5 kg with its own tare.
    assert suggest_box([Item(1, 4_900, (100, 100, 50))], DEFAULT_BOXES) == DEFAULT_BOXES[1]
    assert suggest_box([Item(1, 1000, (2000, 10, 10))], DEFAULT_BOXES) is None
    assert suggest_box([phone], []) is None


def test_expected_weight_and_tolerance() -> None:
    box = Box("S", 250, 200, 100, tare_grams=150)
    items = [Item(2, 200, None), Item(1, 380, (100, 100, 120))]
    assert expected_grams(items, box) == 930
    assert expected_grams(items, None) == 780
    assert expected_grams([*items, Item(1, None, None)], box) is None
    check = check_weight(1000, 930, percent=5, min_grams=50)
    assert (check.allowed, check.difference, check.ok) == (50, 70, False)
    assert check_weight(975, 930, 5, 50).ok
    assert check_weight(880, 930, 5, 50).ok and not check_weight(879, 930, 5, 50).ok
    heavy = check_weight(10_400, 10_000, 5, 50)
    assert heavy.allowed == 500 and heavy.ok
    assert check_weight(1, None, 5, 50).ok  # nothing known to check against


def test_boxes_from_settings_name_what_is_missing() -> None:
    boxes = boxes_from_config([{"name": "A5", "length_mm": 220, "width_mm": 160,
                                "height_mm": 40, "tare_grams": 60}])
    assert boxes == (Box("A5", 220, 160, 40, 60),)
    with pytest.raises(ValueError, match="needs name, length_mm"):
        boxes_from_config([{"name": "A5", "length_mm": 220}])
