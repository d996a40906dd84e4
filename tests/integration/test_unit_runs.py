"""Runs of plain units: the fast path adds a line's next plain unit to the row of the line's
run in the open parcel (``pack_fast.ScanWriter.add_units``) instead of writing a row per unit.
What the rows add up to is what was packed, a unit taken out comes out of the run, and no run
spans another kind of scan, so the mis-scan report still knows which lines were open at each
wrong item (``reports/misscans.py``)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from db.models import Barcode, Order, OrderLine, ParcelItem, Product, ScanEvent
from devices.scan import ScanInput
from tests.helpers.clock import START, TickingClock
from workstation.domain.outcomes import Outcome
from workstation.services.operators import add_operator
from workstation.services.pack import PackService
from workstation.services.reports.misscans import misscans
from workstation.services.reports.model import Window
from workstation.settings import Settings

A, B, C = "08997770000014", "08997770000021", "08997770000038"


def _order(sessions: sessionmaker[Session]) -> None:
    now = datetime.now(UTC)
    with sessions.begin() as s:
        for i, (sku, code) in enumerate((("SKU-A", A), ("SKU-B", B), ("SKU-C", C)), 1):
            s.add(Product(id=i, sku=sku, name=f"Product {sku[-1]}", weight_grams=100,
                          created_at=now, updated_at=now))
            s.flush()
            s.add(Barcode(product_id=i, code=code, kind="gtin", pack_quantity=1))
        s.add(Order(id=1, number="RUN-1", channel="web", customer_name="x", ship_to_name="x",
                    address_lines="x", city="x", country="ID", carrier="JNE", priority=0,
                    language="id", return_label=False, status="new", imported_at=now,
                    updated_at=now))
        s.flush()
        s.add_all([OrderLine(order_id=1, line_no=1, product_id=1, quantity=4),
                   OrderLine(order_id=1, line_no=2, product_id=3, quantity=1)])
        add_operator(s, "op1", "Operator One", Role.OPERATOR, badge="B-1")


def _items(sessions: sessionmaker[Session]) -> list[tuple[int, int, int]]:
    """(line number, quantity, the scan event it points to) per parcel_items row."""
    with sessions() as s:
        rows = s.execute(
            select(OrderLine.line_no, ParcelItem.quantity, ParcelItem.scan_event_id)
            .join(OrderLine, OrderLine.id == ParcelItem.order_line_id).order_by(ParcelItem.id))
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_runs_hold_the_units_and_never_span_a_wrong_item(
        session_factory: sessionmaker[Session]) -> None:
    _order(session_factory)
    service = PackService(session_factory, Settings(station="ST-1"), clock=TickingClock())
    service.sign_in("op1")

    def scan(code: str) -> tuple[Outcome, int | None]:
        result = service.handle_scan(ScanInput(text=code, source="test"))
        return result.outcome, result.event_id

    assert scan("RUN-1")[0] is Outcome.ORDER_OPENED
    _, first_a = scan(A)
    assert scan(A)[0] is Outcome.ACCEPTED
    assert _items(session_factory) == [(1, 2, first_a)]  # one row, two units
    assert scan(B)[0] is Outcome.WRONG_ITEM  # line A has 2 of 4, C 0 of 1: both open
    assert scan(B)[0] is Outcome.ERROR_CLEARED  # scanned back out
    _, third_a = scan(A)  # after the wrong item: a new run
    assert scan(A)[0] is Outcome.ACCEPTED
    assert _items(session_factory) == [(1, 2, first_a), (1, 2, third_a)]
    assert scan(B)[0] is Outcome.WRONG_ITEM  # line A done now, C open
    assert scan(B)[0] is Outcome.ERROR_CLEARED

    with session_factory() as s:
        window = Window.for_dates(START.date(), START.date(), datetime.now(UTC))
        pairs = {(r[0], r[2]): r[4] for r in misscans(s, window).rows}
        wrong = s.scalars(select(ScanEvent.id).where(ScanEvent.outcome == "wrong_item")).all()
    assert len(wrong) == 2 and first_a < wrong[0] < third_a < wrong[1]
    # a run that had grown past the first wrong item would have made A look done at it
    assert pairs == {("SKU-B", "SKU-A"): 1, ("SKU-B", "SKU-C"): 2}

    assert scan(C)[0] is Outcome.ORDER_COMPLETE
    with session_factory() as s:
        assert sum(q for line, q, _ in _items(session_factory) if line == 1) == 4
        assert s.scalar(select(Order.status).where(Order.id == 1)) == "packed"


def test_a_unit_taken_out_comes_out_of_its_run(session_factory: sessionmaker[Session]) -> None:
    _order(session_factory)
    service = PackService(session_factory, Settings(station="ST-1"), clock=TickingClock())
    service.sign_in("op1")
    for code in ("RUN-1", A, A, A):
        service.handle_scan(ScanInput(text=code, source="test"))
    assert [q for _, q, _ in _items(session_factory)] == [3]
    for code in ("CMD:REMOVE", A):
        service.handle_scan(ScanInput(text=code, source="test"))
    assert [q for _, q, _ in _items(session_factory)] == [2]
    # the next unit after the removal (the full path in between) starts a run of its own
    outcome = service.handle_scan(ScanInput(text=A, source="test")).outcome
    assert outcome is Outcome.ACCEPTED
    assert [q for _, q, _ in _items(session_factory)] == [2, 1]
    view = service.current()
    assert view is not None and view.lines[0].scanned == 3
