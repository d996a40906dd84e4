"""The pages an item scan writes (and its commit syncs): counted by ``bench scan``, and held
here, so an index or a write added to the scan path is a decision, not an accident.

Seven today: the scan event's row and its two index entries (time cover, order), the unit's
``parcel_items`` row and its two (parcel, order line), and the session's version; a B-tree
split adds one or two now and then."""

from __future__ import annotations

from pathlib import Path

from bench.scan import wal_pages


def test_an_item_scan_writes_seven_pages_to_the_floor_s_one(tmp_path: Path) -> None:
    item, floor = wal_pages(tmp_path, orders=2)
    assert 0.9 <= floor <= 1.1
    assert 7 <= item < 8, item
