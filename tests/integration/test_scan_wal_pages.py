"""The pages an item scan writes (and its commit syncs): counted by ``bench scan``, and held
here, so an index or a write added to the scan path is a decision, not an accident.

The first unit of a line in the open parcel writes six: the scan event's row and its two index
entries (time cover, order), the unit's new ``parcel_items`` row and its two (parcel, order
line). Each further plain unit of that line writes four: the event's three and the run's row,
whose quantity grows without touching an index (``pack_fast.ScanWriter.add_units``); migration
0011 keeps the report trigger from queuing an open session on that update. The session's row
is not written by a plain unit (its version is not bumped: the scan event is what a stale
writer sees, ``pack_fast.ScanWriter.unchanged``). A B-tree split adds one or two now and then.
"""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

from bench._common import fresh_sqlite, production_sqlite
from bench.scan import WAL_FRAME, build, wal_pages
from db.engine import make_engine, make_sessionmaker
from devices.scan import ScanInput
from workstation.domain.outcomes import Outcome
from workstation.services.pack import PackService
from workstation.settings import Settings


def test_item_scans_write_four_to_six_pages_to_the_floor_s_one(tmp_path: Path) -> None:
    item, floor = wal_pages(tmp_path, orders=2)
    assert 0.9 <= floor <= 1.1
    # 5 lines x 10 units: per line one first unit (6 pages) and nine more (4), splits on top
    assert 4.2 <= item < 4.6, item


def _trees_written(db: Path, service: PackService, code: str) -> list[str]:
    """The B-trees (tables and indexes) whose pages one scan's commit put in the WAL."""
    checkpoint = production_sqlite(db)
    checkpoint.execute("PRAGMA wal_autocheckpoint=0")
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result = service.handle_scan(ScanInput(text=code, source="test"))
    assert result.outcome is Outcome.ACCEPTED, result.message
    wal = Path(f"{db}-wal").read_bytes()
    pages = [struct.unpack(">I", wal[at:at + 4])[0] for at in range(32, len(wal), WAL_FRAME)]
    names = dict(sqlite3.connect(db).execute("SELECT pageno, name FROM dbstat").fetchall())
    checkpoint.close()
    return sorted(str(names.get(page)) for page in pages)


def test_a_line_s_first_unit_writes_six_trees_and_the_next_four(tmp_path: Path) -> None:
    url = fresh_sqlite(tmp_path, "trees.db")
    (number, codes), *_ = build(url, 50)
    engine = make_engine(url)
    try:
        service = PackService(make_sessionmaker(engine), Settings(station="BENCH"))
        service.sign_in("bench")
        service.handle_scan(ScanInput(text=number, source="test"))
        event = ["ix_scan_events_order", "ix_scan_events_recorded_cover", "scan_events"]
        assert _trees_written(tmp_path / "trees.db", service, codes[0]) == sorted(
            [*event, "parcel_items", "ix_parcel_items_order_line_id",
             "ix_parcel_items_parcel_id"])
        assert _trees_written(tmp_path / "trees.db", service, codes[1]) == sorted(
            [*event, "parcel_items"])
    finally:
        engine.dispose()
