"""Whether a scanned serial was packed before is found through the serial's own partial index
(migration 0010), not by walking every order line of the product, which grows with its
history; units without a serial write nothing to it. Held by the plans on SQLite, whose
planner takes an index whenever it has one (PostgreSQL's picks by the tables' sizes, and the
test tables are small); the answer itself on both databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Product
from devices.scan import ScanInput
from tests.helpers.catalogue import PHONE_EAN, seed
from tests.helpers.clock import TickingClock
from workstation.domain.outcomes import Outcome
from workstation.services import pack_store
from workstation.services.pack import PackService
from workstation.services.pack_fast import _SQL
from workstation.settings import Settings


def _plan(db: Path, sql: str, params: Any) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    finally:
        conn.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_both_serial_checks_look_the_serial_up(db_url: str,
                                               session_factory: sessionmaker[Session]) -> None:
    db = Path(db_url.removeprefix("sqlite:///"))
    fast = _plan(db, _SQL["serial"], {"serial": "SN-1", "product_id": 1})
    engine = session_factory.kw["bind"]
    ran: list[tuple[str, Any]] = []

    def seen(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        ran.append((statement, params))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        with session_factory() as s:
            pack_store.serial_used_in(s, 1, "SN-1")  # the ORM path's check, as it runs
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    [(statement, params)] = [(q, p) for q, p in ran if "parcel_items" in q]
    orm = _plan(db, statement, params)
    for plan in (fast, orm):
        assert any("USING INDEX ix_parcel_items_serial" in step for step in plan), plan
        assert not any("ix_order_lines_product_id" in step for step in plan), plan


def test_a_serial_packed_before_is_still_found(session_factory: sessionmaker[Session]) -> None:
    seed(session_factory)  # ORD-2: eight shirts, a phone (serial-tracked), milk
    service = PackService(session_factory, Settings(station="ST-01"), clock=TickingClock())
    service.sign_in("op1")
    service.handle_scan(ScanInput(text="ORD-2", source="test"))
    serial = f"01{'0' + PHONE_EAN}21SN-ONCE"
    assert service.handle_scan(ScanInput(text=serial, source="test")).outcome is (
        Outcome.ACCEPTED)
    with session_factory() as s:
        phone = s.scalar(select(Product.id).where(Product.sku == "PHONE"))
        assert phone is not None
        assert pack_store.serial_used_in(s, phone, "SN-ONCE") == "ORD-2"
        assert pack_store.serial_used_in(s, phone, "SN-OTHER") is None
