"""Whether a scanned serial was packed before is found through the serial's own partial index
(migration 0010), not by walking every order line of the product, which grows with its
history; units without a serial write nothing to it. Held by the plans on SQLite, whose
planner takes an index whenever it has one (PostgreSQL's picks by the tables' sizes, and the
test tables are small); the answer itself on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Product
from devices.scan import ScanInput
from tests.helpers.catalogue import PHONE_EAN, seed
from tests.helpers.clock import TickingClock
from tests.helpers.sql_trace import sqlite_plan, statements_run
from workstation.domain.outcomes import Outcome
from workstation.services import pack_store
from workstation.services.pack import PackService
from workstation.services.pack_fast import _SQL
from workstation.settings import Settings


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_both_serial_checks_look_the_serial_up(session_factory: sessionmaker[Session]) -> None:
    engine = session_factory.kw["bind"]
    fast = sqlite_plan(engine, _SQL["serial"], {"serial": "SN-1", "product_id": 1})
    with statements_run(engine) as ran, session_factory() as s:
        pack_store.serial_used_in(s, 1, "SN-1")  # the ORM path's check, as it runs
    [(statement, params)] = [(q, p) for q, p in ran if "parcel_items" in q]
    orm = sqlite_plan(engine, statement, params)
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
