"""Exceptions on the packing screen, driven only by scans (SQLite and PostgreSQL): remove a
scanned unit, a damaged unit, a short item with its reason (the order goes on hold), and an
order on hold refused when it is scanned again; each shown on the screen and audited."""

from __future__ import annotations

from sqlalchemy import select

from db.models import AuditEntry, Order
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.ui.conftest import InputCounter, Scans
from ui.packing.state import Tone
from ui.station import Station


def audit_actions(station: Station) -> list[str]:
    with station.context.app.sessions() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_remove_damaged_and_short_are_shown_and_audited(
        station: Station, scans: Scans, input_events: InputCounter) -> None:
    lines = station.screen.lines
    scans("B-OP1")
    scans("ORD-4")
    assert scans(SHIRT_EAN).outcome == "accepted"
    assert lines.cell_text(0, 2) == "1 / 1"

    mode = scans("CMD:REMOVE")
    assert (mode.outcome, mode.tone) == ("mode_set", Tone.ATTENTION)
    removed = scans(SHIRT_EAN)
    assert removed.outcome == "removed"
    assert lines.cell_text(0, 2) == "0 / 1", "the unit taken out is no longer counted"
    assert lines.is_next(0)

    assert scans("CMD:DAMAGED:DAMAGED").outcome == "mode_set"
    damaged = scans(SHIRT_EAN)
    assert damaged.outcome == "damaged_recorded"
    assert lines.cell_text(0, 2) == "0 / 1", "a damaged unit is not packed"

    assert scans("CMD:SHORT:OUT_OF_STOCK").outcome == "mode_set"
    short = scans(SHIRT_EAN)
    assert short.outcome == "shorted"
    assert "short" in lines.cell_text(0, 2) and lines.cell_text(0, 3) == "short"

    held = scans(MUG_CODE)  # the last line: the order cannot ship whole, so it is held
    assert (held.outcome, held.tone) == ("order_held", Tone.ATTENTION)
    assert held.text and held.hint
    with station.context.app.sessions() as session:
        status = session.scalar(select(Order.status).where(Order.number == "ORD-4"))
    assert status == "on_hold"
    assert {"units_removed", "item_damaged", "item_short", "order_held"} <= set(
        audit_actions(station))
    assert input_events.count == 0


def test_an_order_on_hold_is_refused_with_what_to_do(station: Station, scans: Scans) -> None:
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    scans("CMD:SHORT:OUT_OF_STOCK")
    assert scans(MUG_CODE).outcome == "order_held"  # the mug is missing: held, not shipped
    again = scans("ORD-4")
    assert (again.outcome, again.tone) == ("order_on_hold", Tone.ERROR)
    assert "ORD-4" in again.text and "MUG x1" in again.text, "the hold says why"
    assert again.hint
    assert scans("ORD-1").outcome == "order_opened", "the station goes on with the next order"
    assert station.model.order.number == "ORD-1"
