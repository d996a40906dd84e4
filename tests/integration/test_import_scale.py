"""Re-importing orders the station knows already, on a database with a long scan log.

Checking whether an order's lines are in use once joined ``scan_events`` on
``order_line_id``, which nothing indexes (an index would cost every scan a page): every import
of a known order read the whole log (3 s with two million events); replacing an order's lines
deleted them, and each deleted line made the database look through the log for rows that refer
to it (0.9 s for five lines; no longer, since migration 0012 took that foreign key away:
tests/integration/test_migrations.py). The plans are held here on SQLite (whose planner
takes an index whenever it has one, so a full scan in its plan is a choice the query made);
the behaviour on both databases.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.models import (
    LineException,
    Order,
    OrderLine,
    PackSession,
    Parcel,
    ParcelItem,
    ScanEvent,
    Station,
)
from tests.helpers.import_data import NOW, Sessions, order, products, run
from tests.helpers.sql_trace import sqlite_plan, statements_run
from workstation.services.importer import format_report
from workstation.services.operators import add_operator


@pytest.fixture
def known(session_factory: Sessions) -> Sessions:
    """The catalogue, two orders, and a scan log of another order's scans."""
    assert run(session_factory, {"products": products()}).exit_code == 0
    report = run(session_factory, {"orders": [order("SO-1"), order("SO-2")]})
    assert report.exit_code == 0, format_report(report)
    with session_factory.begin() as s:
        station = Station(name="ST-01")
        s.add(station)
        s.flush()
        other = s.scalar(select(Order.id).where(Order.number == "SO-2"))
        line = s.scalar(select(OrderLine.id).where(OrderLine.order_id == other))
        s.add_all(ScanEvent(order_id=other, station_id=station.id, raw="x", outcome="accepted",
                            order_line_id=line, received_at=NOW) for _ in range(50))
    return session_factory


def _lines(sessions: Sessions, number: str) -> list[tuple[int, int, str, int]]:
    with sessions() as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(OrderLine.id, OrderLine.line_no, OrderLine.product.property.mapper.class_.sku,
                   OrderLine.quantity)
            .join(OrderLine.product).join(Order, Order.id == OrderLine.order_id)
            .where(Order.number == number).order_by(OrderLine.line_no))]


# On SQLite only: PostgreSQL's planner picks by the tables' sizes, and these are small.
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_known_order_is_looked_up_without_reading_the_scan_log(known: Sessions) -> None:
    engine = known.kw["bind"]
    with statements_run(engine) as statements:
        changed = order("SO-1", lines=[{"sku": "TEE-M", "quantity": 4},
                                       {"sku": "MUG-1", "quantity": 1}])
        assert run(known, {"orders": [changed]}).orders_updated == 1
    plans = [(statement, sqlite_plan(engine, statement, params))
             for statement, params in statements
             if statement.lstrip().upper().startswith("SELECT") and "scan_events" in statement]
    assert plans, "the import asks whether the order's lines were scanned"
    for statement, plan in plans:
        assert not any(step.startswith("SCAN scan_events") for step in plan), (statement, plan)
    deletes = [s for s, _ in statements if s.lstrip().upper().startswith("DELETE FROM ORDER_LINES")]
    assert deletes == []  # the same number of lines: changed in place


def test_lines_are_changed_in_place_added_and_the_surplus_removed(known: Sessions) -> None:
    before = _lines(known, "SO-1")
    assert [(no, sku, q) for _, no, sku, q in before] == [(1, "MUG-1", 2), (2, "TEE-M", 1)]
    run(known, {"orders": [order("SO-1", lines=[{"sku": "TEE-M", "quantity": 4},
                                                {"sku": "MUG-1", "quantity": 1},
                                                {"sku": "PHONE", "quantity": 1}])]})
    grown = _lines(known, "SO-1")
    assert [(no, sku, q) for _, no, sku, q in grown] == [
        (1, "TEE-M", 4), (2, "MUG-1", 1), (3, "PHONE", 1)]
    assert [i for i, *_ in grown[:2]] == [i for i, *_ in before]  # the same rows, changed
    report = run(known, {"orders": [order("SO-1", lines=[{"sku": "PHONE", "quantity": 2}])]})
    assert (report.orders_updated, report.lines) == (1, 1)
    assert [(no, sku, q) for _, no, sku, q in _lines(known, "SO-1")] == [(1, "PHONE", 2)]
    assert len(_lines(known, "SO-2")) == 2  # the other order untouched


@pytest.mark.parametrize("use", ["scan", "parcel", "exception"])
def test_lines_in_use_by_a_scan_a_parcel_or_an_exception_are_kept(known: Sessions,
                                                                  use: str) -> None:
    with known.begin() as s:
        station = s.scalar(select(Station.id))
        so1 = s.scalar(select(Order.id).where(Order.number == "SO-1"))
        line = s.scalar(select(OrderLine.id).where(OrderLine.order_id == so1))
        if use == "scan":
            s.add(ScanEvent(order_id=so1, station_id=station, raw="x", outcome="accepted",
                            order_line_id=line, received_at=NOW))
        else:
            who = add_operator(s, "op1", "Siti").id
            pack = PackSession(order_id=so1, station_id=station, operator_id=who,
                               status="cancelled", started_at=NOW)
            s.add(pack)
            s.flush()
            if use == "parcel":
                parcel = Parcel(session_id=pack.id, order_id=so1, seq=1, status="open",
                                opened_at=NOW)
                s.add(parcel)
                s.flush()
                s.add(ParcelItem(parcel_id=parcel.id, order_line_id=line, quantity=1))
            else:
                s.add(LineException(session_id=pack.id, order_line_id=line, kind="short",
                                    quantity=1, reason="OUT_OF_STOCK", at=NOW))
    before = _lines(known, "SO-1")
    report = run(known, {"orders": [order("SO-1", lines=[{"sku": "PHONE", "quantity": 1}])]})
    [(number, reason)] = report.skipped
    assert number == "SO-1" and "earlier packing attempt" in reason
    assert _lines(known, "SO-1") == before
