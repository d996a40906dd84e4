"""The pages an item scan writes (and its commit syncs): counted by ``bench scan``, and held
here, so an index or a write added to the scan path is a decision, not an accident.

Six today: the scan event's row and its two index entries (time cover, order), the unit's
``parcel_items`` row and its two (parcel, order line); a B-tree split adds one or two now and
then. The session's row is not written by a plain unit (its version is not bumped: the scan
event is what a stale writer sees, ``pack_fast.ScanWriter.unchanged``)."""

from __future__ import annotations

from pathlib import Path

from bench.scan import wal_pages


def test_an_item_scan_writes_six_pages_to_the_floor_s_one(tmp_path: Path) -> None:
    item, floor = wal_pages(tmp_path, orders=2)
    assert 0.9 <= floor <= 1.1
    assert 6 <= item < 7, item
