"""The pack service end to end on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, Order, PackSession, ParcelItem, ScanEvent
from devices.scan import ScanInput
from tests.helpers.catalogue import GS, MILK_EAN, MUG_CODE, PHONE_EAN, SHIRT_CASE, SHIRT_EAN, seed
from tests.helpers.clock import TickingClock
from workstation.domain.outcomes import Outcome, Severity
from workstation.services import orders
from workstation.services.errors import ConflictError, PermissionDeniedError
from workstation.services.pack import PackService
from workstation.settings import Settings


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()


@pytest.fixture
def sessions(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    seed(session_factory)
    return session_factory


def station(sessions: sessionmaker[Session], clock: TickingClock, name: str = "ST-01",
            operator: str = "op1", **settings: object) -> PackService:
    service = PackService(sessions, Settings(station=name, **settings),  # type: ignore[arg-type]
                          clock=clock)
    service.sign_in(operator)
    return service


def run(service: PackService, *codes: str) -> list[Outcome]:
    return [service.handle_scan(ScanInput(text=c, source="test")).outcome for c in codes]


def test_happy_path_packs_an_order_and_records_every_scan(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-1", SHIRT_EAN, SHIRT_EAN) == [
        Outcome.ORDER_OPENED, Outcome.ACCEPTED, Outcome.ORDER_COMPLETE]
    with sessions() as s:
        data = orders.show_order(s, "ORD-1")
        assert data["status"] == "packed"
        assert data["lines"][0]["scanned"] == 2
        assert data["lines"][0]["barcodes"] == ["0" + SHIRT_EAN, SHIRT_CASE]
        assert [p["status"] for p in data["parcels"]] == ["closed"]
        assert [e["outcome"] for e in data["events"]] == [
            "order_opened", "accepted", "order_complete"]
        assert data["claimed_by"] is None
        assert data["session"]["status"] == "completed"
        assert [h["to"] for h in data["history"]] == ["in_progress", "packed"]
    assert st.current() is None


def test_every_outcome_of_the_issue_is_reachable(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    seen = run(st, "NO-SUCH-ORDER", "ORD-CXL", "ORD-HOLD")
    assert seen == [Outcome.ORDER_NOT_FOUND, Outcome.ORDER_CANCELLED, Outcome.ORDER_ON_HOLD]
    seen = run(
        st, "ORD-2",
        MUG_CODE, MUG_CODE,  # wrong item, scanned back out
        "9999999999994",  # a valid GTIN that is in no catalogue
        PHONE_EAN, "SN-1",  # needs serial, then the serial
        MILK_EAN, f"01{'0' + MILK_EAN}17250101{GS}10OLD",  # needs lot, an expired lot
        f"01{'0' + MILK_EAN}17250101{GS}10OLD",  # scanned back out
        MILK_EAN, "LOT-9",
        SHIRT_CASE, SHIRT_EAN,  # 6 + 1 of 8
        SHIRT_CASE, SHIRT_CASE,  # a case of 6 would make 13: over-scan, scanned back out
        SHIRT_EAN,  # the 8th: the order is complete
        SHIRT_EAN,  # with no order open, an item code is looked up as an order
    )
    assert seen == [
        Outcome.ORDER_OPENED, Outcome.WRONG_ITEM, Outcome.ERROR_CLEARED,
        Outcome.UNKNOWN_BARCODE, Outcome.NEEDS_SERIAL, Outcome.ACCEPTED,
        Outcome.NEEDS_LOT, Outcome.LOT_EXPIRED, Outcome.ERROR_CLEARED,
        Outcome.NEEDS_LOT, Outcome.ACCEPTED,
        Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.OVER_SCAN, Outcome.ERROR_CLEARED,
        Outcome.ORDER_COMPLETE, Outcome.ORDER_NOT_FOUND,
    ]
    assert run(st, "ORD-2") == [Outcome.ORDER_ALREADY_PACKED]
    other = station(sessions, clock, "ST-02", "op2")
    assert run(st, "ORD-1") == [Outcome.ORDER_OPENED]
    assert run(other, "ORD-1") == [Outcome.ORDER_IN_PROGRESS_ELSEWHERE]


def test_over_scan_holds_until_acknowledged(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-4", SHIRT_EAN, SHIRT_EAN, MUG_CODE, SHIRT_EAN, MUG_CODE) == [
        Outcome.ORDER_OPENED, Outcome.ACCEPTED, Outcome.OVER_SCAN,
        Outcome.ACKNOWLEDGE_FIRST, Outcome.ERROR_CLEARED, Outcome.ORDER_COMPLETE]


def test_in_progress_at_another_station(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    a = station(sessions, clock, "ST-01", "op1")
    b = station(sessions, clock, "ST-02", "op2")
    assert run(a, "ORD-1") == [Outcome.ORDER_OPENED]
    result = b.handle_scan(ScanInput(text="ORD-1"))
    assert result.outcome is Outcome.ORDER_IN_PROGRESS_ELSEWHERE
    assert result.severity is Severity.ERROR
    assert "ST-01" in result.message and "Siti" in result.message


def test_tote_and_pick_list_open_the_order(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    result = st.handle_scan(ScanInput(text="TOTE-7"))
    assert (result.outcome, result.order_number) == (Outcome.ORDER_OPENED, "ORD-3")
    run(st, "CMD:PAUSE")
    result = station(sessions, clock, "ST-02", "op2").handle_scan(ScanInput(text="PL-ORD-3"))
    assert (result.outcome, result.order_number) == (Outcome.ORDER_RESUMED, "ORD-3")


def test_restart_resumes_exactly_including_what_the_next_scan_must_be(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-2", SHIRT_EAN, PHONE_EAN) == [
        Outcome.ORDER_OPENED, Outcome.ACCEPTED, Outcome.NEEDS_SERIAL]
    # A new service object is a restarted process: all it has is the database.
    again = station(sessions, clock)
    view = again.current()
    assert view is not None and view.order_number == "ORD-2"
    assert [x.scanned for x in view.lines] == [1, 0, 0]
    assert view.pending == {"need": "serial", "line_id": view.lines[1].line_id, "quantity": 1}
    # Scanning the order sheet again is not taken for the serial asked for.
    assert run(again, "ORD-2", "SN-77") == [Outcome.ORDER_RESUMED, Outcome.ACCEPTED]


def test_duplicate_serial_is_refused_across_orders(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    run(st, "ORD-2", PHONE_EAN, "SN-1", "CMD:PAUSE")
    with sessions.begin() as s:
        s.add(Order(number="ORD-5", customer_name="x", ship_to_name="x", address_lines="x",
                    city="x", country="ID", carrier="JNE"))
    # The same serial in another order of the same product.
    with sessions.begin() as s:
        from db.models import OrderLine, Product
        phone = s.scalar(select(Product).where(Product.sku == "PHONE"))
        order = s.scalar(select(Order).where(Order.number == "ORD-5"))
        assert phone is not None and order is not None
        s.add(OrderLine(order_id=order.id, line_no=1, product_id=phone.id, quantity=1))
    assert run(st, "ORD-5", PHONE_EAN, "SN-1") == [
        Outcome.ORDER_OPENED, Outcome.NEEDS_SERIAL, Outcome.DUPLICATE_SERIAL]


def test_multi_parcel_box_and_weight(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-4", "CMD:NEXT-PARCEL", SHIRT_EAN, "BOX:S2", "WEIGHT:310",
               "CMD:NEXT-PARCEL", "BOX:M1", MUG_CODE) == [
        Outcome.ORDER_OPENED, Outcome.PARCEL_EMPTY, Outcome.ACCEPTED, Outcome.BOX_SET,
        Outcome.WEIGHT_SET, Outcome.PARCEL_CLOSED, Outcome.BOX_SET, Outcome.ORDER_COMPLETE]
    with sessions() as s:
        parcels = orders.show_order(s, "ORD-4")["parcels"]
    assert [(p["seq"], p["box_type"], p["weight_grams"], p["status"]) for p in parcels] == [
        (1, "S2", 310, "closed"), (2, "M1", None, "closed")]
    assert [[i["sku"] for i in p["items"]] for p in parcels] == [["SHIRT"], ["MUG"]]


def test_remove_short_and_damaged_with_reasons(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-4", SHIRT_EAN, "CMD:REMOVE", SHIRT_EAN, "CMD:DAMAGED:DAMAGED",
               SHIRT_EAN, "CMD:SHORT:OUT_OF_STOCK", SHIRT_EAN, MUG_CODE) == [
        Outcome.ORDER_OPENED, Outcome.ACCEPTED, Outcome.MODE_SET, Outcome.REMOVED,
        Outcome.MODE_SET, Outcome.DAMAGED_RECORDED, Outcome.MODE_SET, Outcome.SHORTED,
        Outcome.ORDER_HELD]
    with sessions() as s:
        data = orders.show_order(s, "ORD-4")
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert data["status"] == "on_hold"
    assert "SHIRT x1" in data["hold_reason"]
    assert [(e["kind"], e["reason"]) for e in data["exceptions"]] == [
        ("damaged", "damaged"), ("short", "out of stock")]
    assert {"units_removed", "item_damaged", "item_short", "order_held"} <= set(actions)


def test_short_ships_partial_when_the_station_says_so(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock, short_policy="ship_partial")
    assert run(st, "ORD-4", MUG_CODE, "CMD:SHORT:NOT_FOUND", SHIRT_EAN)[-1] is (
        Outcome.ORDER_COMPLETE)
    with sessions() as s:
        assert orders.show_order(s, "ORD-4")["status"] == "packed"


def test_lead_badge_overrides_and_it_is_audited(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-1", MUG_CODE, "B-OP2", "B-LEAD1", SHIRT_EAN) == [
        Outcome.ORDER_OPENED, Outcome.WRONG_ITEM, Outcome.NOT_ALLOWED,
        Outcome.LEAD_OVERRIDE, Outcome.ACCEPTED]
    with sessions() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "lead_override"))
        assert entry is not None and entry.authorised_by_id is not None
        assert entry.reason == "wrong_item"


def test_pause_parks_the_order_and_cancel_releases_it(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "ORD-2", SHIRT_EAN, "CMD:PAUSE") == [
        Outcome.ORDER_OPENED, Outcome.ACCEPTED, Outcome.PAUSED]
    with sessions() as s:
        assert orders.show_order(s, "ORD-2")["status"] == "parked"
    assert run(st, "ORD-2", "CMD:CANCEL") == [Outcome.ORDER_RESUMED, Outcome.SESSION_CANCELLED]
    with sessions() as s:
        data = orders.show_order(s, "ORD-2")
        assert data["status"] == "new"
        assert data["claimed_by"] is None
    # A fresh session starts from zero.
    assert run(st, "ORD-2") == [Outcome.ORDER_OPENED]
    view = st.current()
    assert view is not None and view.lines[0].scanned == 0


def test_another_order_while_one_is_open_and_commands_without_an_order(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    assert run(st, "CMD:NEXT-PARCEL", "ORD-1", "ORD-3", "ORD-1", "CMD:BOGUS") == [
        Outcome.NO_ORDER_OPEN, Outcome.ORDER_OPENED, Outcome.ANOTHER_ORDER_OPEN,
        Outcome.ORDER_RESUMED, Outcome.UNKNOWN_COMMAND]


def test_quantity_entry_only_where_allowed(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    with sessions.begin() as s:
        from db.models import OrderLine
        line = s.scalar(select(OrderLine).join(Order).where(Order.number == "ORD-2",
                                                            OrderLine.line_no == 1))
        assert line is not None
        line.quantity_entry = True
    st = station(sessions, clock)
    run(st, "ORD-2")
    assert st.enter_quantity("SHIRT", 8).outcome is Outcome.ACCEPTED
    assert st.enter_quantity("PHONE", 1).outcome is Outcome.QUANTITY_NOT_ALLOWED


def test_badge_signs_in_when_no_order_is_open(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    service = PackService(sessions, Settings(station="ST-09"), clock=clock)
    assert run(service, "ORD-1", "B-OP2", "ORD-1") == [
        Outcome.NOT_SIGNED_IN, Outcome.SIGNED_IN, Outcome.ORDER_OPENED]
    assert service.operator is not None and service.operator.code == "op2"


def test_stale_claim_is_taken_over_by_a_lead_only(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    dead = station(sessions, clock, "ST-01", "op1")
    run(dead, "ORD-2", SHIRT_EAN, SHIRT_EAN)
    other = station(sessions, clock, "ST-02", "op2", stale_claim_minutes=5.0)
    with pytest.raises(ConflictError, match="active"):
        other.take_over("ORD-2", "B-LEAD1")
    with pytest.raises(PermissionDeniedError):
        other.take_over("ORD-2", "B-OP2")
    clock.now += timedelta(minutes=6)
    result = other.take_over("ORD-2", "B-LEAD1")
    assert result.outcome is Outcome.ORDER_RESUMED
    assert result.session is not None and result.session.lines[0].scanned == 2
    assert run(other, SHIRT_EAN) == [Outcome.ACCEPTED]
    # The dead station, back to life, no longer owns it.
    assert run(dead, SHIRT_EAN) == [Outcome.ORDER_NOT_FOUND]


def test_every_scan_is_one_event_and_units_match_events(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    codes = ["ORD-2", SHIRT_EAN, MUG_CODE, MUG_CODE, "junk\x07", SHIRT_CASE]
    run(st, *codes)
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(ScanEvent)) == len(codes)
        units = s.scalar(select(func.sum(ParcelItem.quantity)))
        accepted = s.scalar(select(func.sum(ScanEvent.quantity)).where(
            ScanEvent.outcome == "accepted"))
        assert units == accepted == 7


def test_audit_log_is_append_only(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    run(st, "ORD-1")
    with sessions() as s:
        with pytest.raises(DBAPIError, match="append-only"):
            s.execute(AuditEntry.__table__.update().values(reason="x"))
        s.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            s.execute(AuditEntry.__table__.delete())
        s.rollback()
        assert s.scalar(select(func.count()).select_from(AuditEntry)) >= 1


def test_one_live_session_per_order_is_enforced_by_the_database(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    st = station(sessions, clock)
    run(st, "ORD-1")
    from sqlalchemy.exc import IntegrityError
    with sessions() as s, pytest.raises(IntegrityError):
        first = s.scalar(select(PackSession))
        assert first is not None
        s.add(PackSession(order_id=first.order_id, station_id=first.station_id,
                          operator_id=first.operator_id, status="paused"))
        s.commit()


def test_a_stale_in_memory_state_never_wins(sessions, clock) -> None:  # type: ignore[no-untyped-def]
    """Two processes at one station (say, a restart while the old one hangs): each write is
    checked against the session's version, so counts stay exact whichever writes."""
    first = station(sessions, clock)
    second = station(sessions, clock)
    assert run(first, "ORD-2", SHIRT_EAN) == [Outcome.ORDER_OPENED, Outcome.ACCEPTED]
    assert run(second, SHIRT_EAN, SHIRT_EAN) == [Outcome.ACCEPTED, Outcome.ACCEPTED]
    assert run(first, SHIRT_EAN) == [Outcome.ACCEPTED]  # its cached 1-of-8 is stale
    view = second.current()
    assert view is not None and view.lines[0].scanned == 4
    with sessions() as s:
        assert s.scalar(select(func.sum(ParcelItem.quantity))) == 4
        messages = s.scalars(select(ScanEvent.message).order_by(ScanEvent.id)).all()
    assert messages[-1] == "SHIRT T-shirt: 4 of 8"


def test_sign_out_parks_the_open_order_and_reprint_last_repeats_the_label(  # type: ignore[no-untyped-def]
    sessions, clock
) -> None:
    st = station(sessions, clock, slip_format="none", label_printer="file:///x/")
    assert run(st, "CMD:REPRINT-LAST") == [Outcome.NOTHING_TO_REPRINT]
    assert run(st, "ORD-1", SHIRT_EAN, "CMD:SIGN-OUT") == [
        Outcome.ORDER_OPENED, Outcome.ACCEPTED, Outcome.SIGNED_OUT]
    assert st.operator is None
    with sessions() as s:
        assert orders.show_order(s, "ORD-1")["status"] == "parked"
    # Nobody signed in: the next order needs a badge first.
    assert run(st, "ORD-1") == [Outcome.NOT_SIGNED_IN]
    assert run(st, "B-OP1", "ORD-1", SHIRT_EAN) == [
        Outcome.SIGNED_IN, Outcome.ORDER_RESUMED, Outcome.ORDER_COMPLETE]
    again = st.handle_scan(ScanInput(text="CMD:REPRINT-LAST:LABEL_DAMAGED", source="test"))
    assert again.outcome is Outcome.LABEL_REPRINTED and len(again.print_jobs) == 1
    with sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "label_reprinted")).one()
        assert entry.reason == "label damaged"
        signed_out = s.scalars(select(AuditEntry).where(AuditEntry.action == "signed_out")).one()
        assert signed_out.order_id is not None
