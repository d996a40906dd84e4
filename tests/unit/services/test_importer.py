"""The import service on a real database (SQLite and PostgreSQL): create, update, refuse."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select, update

from db.models import (
    AuditEntry,
    Barcode,
    Operator,
    Order,
    OrderLine,
    OrderStatusChange,
    Product,
    ScanEvent,
    Station,
    Tote,
)
from tests.helpers.import_data import (
    MUG_CASE,
    MUG_EAN,
    NOW,
    TEE_UPC,
    Sessions,
    order,
    products,
    run,
)
from workstation.services.importer import format_report


@pytest.fixture
def catalogue(session_factory: Sessions) -> Sessions:
    report = run(session_factory, {"products": products()})
    assert report.exit_code == 0, format_report(report)
    return session_factory


def _order(sessions: Sessions, number: str) -> Order:
    with sessions() as s:
        found = s.scalars(select(Order).where(Order.number == number)).one()
        found.lines  # noqa: B018 - load the lines before the session closes
        return found


def _history(sessions: Sessions, number: str) -> list[tuple[str | None, str]]:
    with sessions() as s:
        rows = s.execute(
            select(OrderStatusChange.from_status, OrderStatusChange.to_status)
            .join(Order, Order.id == OrderStatusChange.order_id)
            .where(Order.number == number).order_by(OrderStatusChange.id))
        return [(a, b) for a, b in rows]


def test_products_are_stored_with_normalised_barcodes(catalogue: Sessions) -> None:
    with catalogue() as s:
        codes = dict(s.execute(select(Barcode.code, Barcode.pack_quantity)).all())
        kinds = dict(s.execute(select(Barcode.code, Barcode.kind)).all())
        mug = s.scalars(select(Product).where(Product.sku == "MUG-1")).one()
    assert codes == {"0" + MUG_EAN: 1, MUG_CASE: 12, "00" + TEE_UPC: 1, "INT-000777": 1,
                     "00000096385074": 1}
    assert kinds["INT-000777"] == "internal" and kinds[MUG_CASE] == "gtin"
    assert (mug.fragile, mug.serial_tracked, mug.weight_grams) == (True, False, 380)


def test_an_order_is_created_once_and_reimport_changes_nothing(catalogue: Sessions) -> None:
    first = run(catalogue, {"orders": [order(totes=["T-001"])]})
    assert (first.orders_created, first.lines, first.exit_code) == (1, 2, 0)
    created = _order(catalogue, "SO-1")
    assert created.address_lines == "Jl. Sudirman No. 12\nRT 03/RW 05, Kel. Karet"
    assert created.ship_by == datetime(2025, 3, 3, 10, 0, tzinfo=UTC)
    assert [(ln.line_no, ln.quantity, ln.unit_price) for ln in created.lines] == [
        (1, 2, Decimal("45000.00")), (2, 1, None)]
    assert created.status == "new" and created.imported_at == NOW
    again = run(catalogue, {"orders": [order(totes=["T-001"])]})
    assert (again.created, again.updated, again.orders_unchanged) == (0, 0, 1)
    with catalogue() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 1
        assert s.scalar(select(func.count()).select_from(OrderLine)) == 2
        assert s.scalar(select(Tote.order_id).where(Tote.code == "T-001")) == created.id
        audits = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [a.action for a in audits] == ["import"] * 3
    assert audits[1].details is not None
    assert audits[1].details["files"] == ["test.json"]
    assert audits[1].details["orders_created"] == 1
    assert _history(catalogue, "SO-1") == [(None, "new")]


def test_a_changed_order_is_updated_in_place(catalogue: Sessions) -> None:
    run(catalogue, {"orders": [order(totes=["T-001"])]})
    before = _order(catalogue, "SO-1")
    changed = order(carrier="SiCepat", totes=["T-002"],
                    lines=[{"sku": "PHONE", "quantity": 1}, {"sku": "TEE-M", "quantity": 3}])
    report = run(catalogue, {"orders": [changed]})
    assert (report.orders_updated, report.lines, report.exit_code) == (1, 2, 0)
    after = _order(catalogue, "SO-1")
    assert after.id == before.id and after.carrier == "SiCepat"
    assert [(ln.line_no, ln.quantity) for ln in after.lines] == [(1, 1), (2, 3)]
    with catalogue() as s:
        assert dict(s.execute(select(Tote.code, Tote.order_id)).all()) == {
            "T-001": None, "T-002": before.id}


@pytest.mark.parametrize(
    ("status", "reason"),
    [("in_progress", "is being packed at a station"), ("packed", "is already packed"),
     ("shipped", "has shipped"), ("parked", "parked"), ("cancelled", "is cancelled")],
)
def test_an_order_past_new_is_not_silently_changed(catalogue: Sessions, status: str,
                                                    reason: str) -> None:
    run(catalogue, {"orders": [order()]})
    with catalogue.begin() as s:
        s.execute(update(Order).where(Order.number == "SO-1").values(status=status))
    report = run(catalogue, {"orders": [order(carrier="DHL Express")]})
    [(number, message)] = report.skipped
    assert number == "SO-1" and message.startswith("order SO-1 ") and reason in message
    assert message.endswith(": changes not applied")
    assert report.exit_code == 1
    assert _order(catalogue, "SO-1").carrier == "JNE"
    assert "skipped SO-1" in format_report(report)
    # The same content again is simply unchanged: nothing to say.
    assert run(catalogue, {"orders": [order()]}).orders_unchanged == 1


def test_channel_hold_is_lifted_by_the_channel_but_a_stations_hold_is_not(
    catalogue: Sessions,
) -> None:
    run(catalogue, {"orders": [order(status="on_hold", hold_reason="payment review"),
                               order("SO-2")]})
    assert _order(catalogue, "SO-1").status == "on_hold"
    released = run(catalogue, {"orders": [order(status="new")]})
    assert released.orders_updated == 1
    assert _history(catalogue, "SO-1") == [(None, "on_hold"), ("on_hold", "new")]
    # A lead puts SO-2 on hold at a station: the next import must leave it alone.
    with catalogue.begin() as s:
        lead = Operator(code="lead1", name="Lead", role="lead")
        s.add(lead)
        s.flush()
        so2 = s.scalars(select(Order).where(Order.number == "SO-2")).one()
        s.add(OrderStatusChange(order_id=so2.id, from_status="new", to_status="on_hold",
                                operator_id=lead.id, reason="short item", at=NOW))
        so2.status = "on_hold"
    report = run(catalogue, {"orders": [order("SO-2", status="new")]})
    assert report.orders_updated == 0
    assert "SO-2" in dict(report.skipped)
    assert "a lead" in dict(report.skipped)["SO-2"]


def test_channel_cancellation_is_recorded(catalogue: Sessions) -> None:
    run(catalogue, {"orders": [order()]})
    report = run(catalogue, {"orders": [order(status="cancelled")]})
    assert report.orders_updated == 1
    assert _order(catalogue, "SO-1").status == "cancelled"
    assert _history(catalogue, "SO-1") == [(None, "new"), ("new", "cancelled")]


def test_invalid_orders_are_rejected_whole_and_the_valid_ones_imported(
    catalogue: Sessions,
) -> None:
    bad = order("SO-BAD", lines=[{"sku": "MUG-1", "quantity": 0},
                                 {"sku": "NOPE", "quantity": 1},
                                 {"sku": "TEE-M", "quantity": "2.5"}])
    report = run(catalogue, {"orders": [order("SO-OK"), bad]})
    assert (report.orders_created, report.rejected, report.exit_code) == (1, 1, 1)
    issues = {(e.row, e.field): e.message for e in report.errors}
    assert set(issues) == {(2, "orders[2].lines[1].quantity"), (2, "orders[2].lines[2].sku"),
                           (2, "orders[2].lines[3].quantity")}
    assert "import the product first" in issues[(2, "orders[2].lines[2].sku")]
    assert "test.json, row 2, orders[2].lines[1].quantity: must be at least 1" in (
        format_report(report))
    with catalogue() as s:
        assert s.scalars(select(Order.number)).all() == ["SO-OK"]


def test_all_or_nothing_imports_nothing_when_anything_is_wrong(catalogue: Sessions) -> None:
    report = run(catalogue, {"orders": [order("SO-OK"), order("SO-BAD", carrier="")]},
                 all_or_nothing=True)
    assert report.created == 0 and report.exit_code == 2
    assert any(e.field == "orders[2].carrier" for e in report.errors)
    with catalogue() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0
    good = run(catalogue, {"orders": [order("SO-OK"), order("SO-2")]}, all_or_nothing=True)
    assert (good.orders_created, good.exit_code) == (2, 0)


def test_absurd_quantity_limit_is_configurable(catalogue: Sessions) -> None:
    big = order(lines=[{"sku": "TEE-M", "quantity": 500}])
    report = run(catalogue, {"orders": [big]}, max_line_quantity=100)
    assert report.errors and "at most 100" in report.errors[0].message
    assert run(catalogue, {"orders": [big]}).orders_created == 1


def test_products_and_orders_in_one_payload_and_a_rejected_product(
    session_factory: Sessions,
) -> None:
    bad_gtin = {"sku": "BAD", "name": "Typo", "barcodes": ["5901234123458"]}
    payload = {"products": [*products(), bad_gtin],
               "orders": [order(), order("SO-2", lines=[{"sku": "BAD", "quantity": 1}])]}
    report = run(session_factory, payload)
    assert (report.products_created, report.orders_created, report.rejected) == (3, 1, 2)
    messages = [str(e) for e in report.errors]
    assert any("products[4].barcodes" in m and "check digit should be 7" in m for m in messages)
    assert any("product BAD was rejected" in m for m in messages)


def test_a_barcode_of_another_product_is_refused_but_may_move(catalogue: Sessions) -> None:
    thief = {"sku": "MUG-2", "name": "Other mug", "barcodes": [MUG_EAN]}
    report = run(catalogue, {"products": [thief]})
    assert report.rejected == 1 and "already belongs to product MUG-1" in str(report.errors[0])
    with catalogue() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 3
    # In one import, MUG-1 gives the code up and MUG-2 takes it.
    report = run(catalogue, {"products": [
        thief, {"sku": "MUG-1", "name": "Ceramic Mug Batik",
                "barcodes": [{"code": MUG_CASE, "pack_quantity": 12}]}]})
    assert (report.products_created, report.products_updated, report.exit_code) == (1, 1, 0)
    with catalogue() as s:
        owner = s.scalar(select(Product.sku).join(Barcode).where(Barcode.code == "0" + MUG_EAN))
    assert owner == "MUG-2"


def test_duplicate_lines_identical_are_merged_same_price_is_an_error(
    catalogue: Sessions,
) -> None:
    line = {"sku": "MUG-1", "quantity": 2, "unit_price": "10.00"}
    report = run(catalogue, {"orders": [
        order("SO-1", lines=[line, dict(line)]),
        order("SO-2", lines=[line, {**line, "unit_price": "5.00"}]),
        order("SO-3", lines=[line, {**line, "quantity": 3}]),
    ]})
    assert (report.orders_created, report.rejected) == (2, 1)
    assert [w.field for w in report.warnings] == ["orders[1].lines[2].sku"]
    assert "counted once" in report.warnings[0].message
    assert report.errors[0].field == "orders[3].lines[2].sku"
    assert len(_order(catalogue, "SO-1").lines) == 1
    assert len(_order(catalogue, "SO-2").lines) == 2


def test_naive_ship_by_and_bad_status_are_refused(catalogue: Sessions) -> None:
    report = run(catalogue, {"orders": [order(ship_by="2025-03-03T17:00:00"),
                                        order("SO-2", status="packed")]})
    fields = sorted(str(e.field) for e in report.errors)
    assert fields == ["orders[1].ship_by", "orders[2].status"]
    assert report.exit_code == 2


def test_duplicate_order_and_tote_in_one_import(catalogue: Sessions) -> None:
    report = run(catalogue, {"orders": [order("SO-1", totes=["T-9"]), order("SO-1"),
                                        order("SO-2", totes=["T-9"])]})
    assert report.orders_created == 1 and report.rejected == 2
    assert {e.field for e in report.errors} == {"orders[2].number", "orders[3].totes"}


def test_a_bad_payload_shape_is_refused(session_factory: Sessions) -> None:
    report = run(session_factory, {"order": []})
    assert report.exit_code == 2 and "expected one object" in report.errors[0].message
    report = run(session_factory, {"orders": [42, {"number": "X", "lines": "many"}]})
    assert report.rejected == 2 and report.exit_code == 2


def test_lines_with_scans_from_an_earlier_attempt_are_kept(catalogue: Sessions) -> None:
    run(catalogue, {"orders": [order()]})
    with catalogue.begin() as s:
        station = Station(name="ST-01")
        s.add(station)
        s.flush()
        line = s.scalars(select(OrderLine).order_by(OrderLine.id)).first()
        assert line is not None
        s.add(ScanEvent(order_id=line.order_id, station_id=station.id, raw=MUG_EAN,
                        outcome="accepted", order_line_id=line.id, received_at=NOW))
    report = run(catalogue, {"orders": [order(lines=[{"sku": "TEE-M", "quantity": 5}])]})
    [(number, reason)] = report.skipped
    assert number == "SO-1" and "earlier packing attempt" in reason
    assert len(_order(catalogue, "SO-1").lines) == 2
    # Header changes alone do not touch the lines, so they are still applied.
    assert run(catalogue, {"orders": [order(notes="ring twice")]}).orders_updated == 1


def test_an_order_claimed_by_a_station_is_skipped(catalogue: Sessions) -> None:
    run(catalogue, {"orders": [order()]})
    with catalogue.begin() as s:
        station = Station(name="ST-02")
        s.add(station)
        s.flush()
        s.execute(update(Order).values(claim_station_id=station.id))
    report = run(catalogue, {"orders": [order(carrier="DHL Express")]})
    assert report.skipped == [("SO-1", "order SO-1 is claimed by a station: changes not "
                                        "applied")]


def test_progress_is_reported_per_chunk(catalogue: Sessions) -> None:
    seen: list[tuple[int, int]] = []
    orders = [order(f"SO-{n}") for n in range(1000)]
    report = run(catalogue, {"orders": orders}, progress=lambda done, total: seen.append(
        (done, total)))
    assert report.orders_created == 1000
    assert seen == [(900, 1000), (1000, 1000)]
