"""The packing screen driven only by scans through the simulated scanner (SQLite and
PostgreSQL): the happy path with no mouse or keyboard, errors and how they are acknowledged,
a scanner unplugged mid-order, pause by command barcode, and a restart that resumes."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import AuditEntry, Order, Parcel
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.ui.conftest import InputCounter, Scans
from ui.packing.state import Tone
from ui.station import Station, build_station
from workstation.app import App


def order_status(app: App, number: str) -> str:
    with app.sessions() as session:
        status = session.scalar(select(Order.status).where(Order.number == number))
    assert status is not None
    return status


def test_happy_path_needs_no_mouse_and_no_keyboard(
        station: Station, scans: Scans, input_events: InputCounter, qtbot: QtBot) -> None:
    model, screen = station.model, station.screen
    assert model.feedback.tone is Tone.IDLE
    assert "badge" in model.feedback.hint

    signed = scans("B-OP1")
    assert (signed.outcome, signed.tone) == ("signed_in", Tone.OK)
    assert screen.strip.operator.value.text() == "Siti"

    opened = scans("ORD-4")
    assert opened.outcome == "order_opened"
    assert screen.strip.order.value.text() == "ORD-4"
    assert [line.sku for line in model.order.lines] == ["SHIRT", "MUG"]
    assert screen.lines.is_next(0) and not screen.lines.is_next(1)
    assert "FRAGILE" in screen.lines.cell_text(1, 1)

    accepted = scans(SHIRT_EAN)
    assert (accepted.outcome, accepted.tone) == ("accepted", Tone.OK)
    assert screen.lines.cell_text(0, 2) == "1 / 1"
    assert screen.lines.is_next(1), "the next line to scan moves on"
    assert screen.feedback.shown_text[0] == accepted.text == "T-shirt: 1 of 1"

    complete = scans(MUG_CODE)
    assert (complete.outcome, complete.tone) == ("order_complete", Tone.OK)
    assert model.order.complete
    assert order_status(station.context.app, "ORD-4") == "packed"

    # The labels print by themselves (the spooler on the simulated printer) ...
    qtbot.waitUntil(lambda: model.printer.ok is True, timeout=10_000)
    assert "label" in complete.hint
    # ... and scanning the shipping label on the parcel confirms it.
    with station.context.app.sessions() as session:
        tracking = session.scalar(
            select(Parcel.tracking_number).join(Order, Order.id == Parcel.order_id)
            .where(Order.number == "ORD-4"))
    assert tracking
    confirmed = scans(tracking)
    assert (confirmed.outcome, confirmed.tone) == ("label_confirmed", Tone.OK)
    assert "next order" in confirmed.hint

    assert input_events.count == 0
    assert station.sounds.played == ["ok"] * 5


def test_wrong_item_holds_the_screen_until_it_is_scanned_back_out(
        station: Station, scans: Scans) -> None:
    model = station.model
    scans("B-OP1")
    scans("ORD-1")
    wrong = scans(MUG_CODE)
    assert (wrong.outcome, wrong.tone) == ("wrong_item", Tone.ERROR)
    assert model.order.held
    assert station.screen.feedback.tone is Tone.ERROR
    assert "lead" in wrong.hint

    still = scans(SHIRT_EAN)  # anything but the wrong item: the error still holds
    assert (still.outcome, still.tone) == ("acknowledge_first", Tone.ERROR)
    assert MUG_CODE in still.text
    assert model.order.lines[0].scanned == 0

    cleared = scans(MUG_CODE)
    assert (cleared.outcome, cleared.tone) == ("error_cleared", Tone.OK)
    assert not model.order.held
    assert station.sounds.played[-3:] == ["error", "error", "ok"]


def test_a_leads_badge_overrides_a_held_error(station: Station, scans: Scans) -> None:
    scans("B-OP1")
    scans("ORD-1")
    scans(MUG_CODE)
    not_lead = scans("B-OP2")
    assert (not_lead.outcome, not_lead.tone) == ("not_allowed", Tone.ATTENTION)
    assert station.model.order.held
    override = scans("B-LEAD1")
    assert (override.outcome, override.tone) == ("lead_override", Tone.OK)
    assert "Lead Ana" in override.text
    assert not station.model.order.held
    with station.context.app.sessions() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "lead_override" in actions


def test_over_scan_is_an_error_until_the_extra_unit_is_scanned_out(
        station: Station, scans: Scans) -> None:
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    over = scans(SHIRT_EAN)
    assert (over.outcome, over.tone) == ("over_scan", Tone.ERROR)
    assert station.model.order.held
    assert station.model.order.lines[0].scanned == 1
    assert scans(SHIRT_EAN).outcome == "error_cleared"
    assert scans(MUG_CODE).outcome == "order_complete"


def test_scanner_unplugged_mid_order_is_shown_with_what_to_do_and_recovers(
        station: Station, scans: Scans, qtbot: QtBot) -> None:
    model, strip = station.model, station.screen.strip
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    assert not strip.alert.isVisible()
    scans.scanner.unplug()
    qtbot.waitUntil(lambda: model.scanner.ok is False, timeout=5000)
    assert strip.alert.isVisible()
    assert "Scanner disconnected" in strip.alert.text()
    assert "Plug it in again" in strip.alert.text()
    assert "disconnected" in strip.scanner.text()
    scans.scanner.plug()
    qtbot.waitUntil(lambda: model.scanner.ok is True, timeout=5000)
    assert not strip.alert.isVisible()
    assert scans(MUG_CODE).outcome == "order_complete"


def test_pause_by_command_barcode_parks_the_order_and_it_resumes(
        station: Station, scans: Scans) -> None:
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    paused = scans("CMD:PAUSE")
    assert (paused.outcome, paused.tone) == ("paused", Tone.OK)
    assert station.model.order.number == ""
    assert station.screen.lines.rowCount() == 0
    assert order_status(station.context.app, "ORD-4") == "parked"
    resumed = scans("ORD-4")
    assert resumed.outcome == "order_resumed"
    assert [x.scanned for x in station.model.order.lines] == [1, 0]


def test_a_restart_shows_the_open_order_exactly_where_it_was(
        station: Station, scans: Scans, qtbot: QtBot, qapp, station_app: App) -> None:  # type: ignore[no-untyped-def]
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    station.close()
    again = build_station(station_app, qapp)
    try:
        assert again.model.order.number == "ORD-4"
        assert [x.scanned for x in again.model.order.lines] == [1, 0]
        assert again.screen.lines.is_next(1)
    finally:
        again.close()


def test_a_language_switch_redraws_the_last_answer_and_the_devices(
        station: Station, scans: Scans, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.i18n import Translations

    scans("B-OP1")
    english = scans("ORD-4")
    assert english.text.startswith("Order ORD-4 opened")
    translations = Translations(qapp)
    try:
        translations.switch("zh_CN")
        qapp.processEvents()
        model = station.model
        assert model.feedback.seq == english.seq  # the same answer ...
        # ... in Chinese
        assert model.feedback.text != english.text and "ORD-4" in model.feedback.text
        assert model.scanner.label != "Scanner"
        assert model.scanner.text != "connected"
    finally:
        translations.switch("en")
    qapp.processEvents()
    assert station.model.feedback.text == english.text


def test_the_theme_switches_and_the_line_colours_follow_it(
        station: Station, scans: Scans, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.theme import current_theme

    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    lines = station.screen.lines
    light_colour = lines.state_colour(0)
    before = current_theme(qapp)
    # What the theme changes application-wide, to hand the other tests the app as it was.
    saved = (qapp.styleSheet(), qapp.palette(), qapp.style().name(), qapp.property("station_theme"))
    station.window.toggle_theme()
    try:
        assert current_theme(qapp) == "dark" != before
        assert lines.state_colour(0) != light_colour  # a lighter green on the dark theme
        assert station.window.theme_button.text() == "Light theme"
        station.window.toggle_theme()
        assert current_theme(qapp) == "light" and lines.state_colour(0) == light_colour
    finally:
        qapp.setStyleSheet(saved[0])
        qapp.setPalette(saved[1])
        qapp.setStyle(saved[2])
        qapp.setProperty("station_theme", saved[3])


def test_printer_out_of_paper_mid_order_is_shown_with_what_to_do(
        station: Station, scans: Scans, qtbot: QtBot) -> None:
    from printing.status import PrinterState
    from printing.transports.sim import simulator

    model, strip = station.model, station.screen.strip
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    printer = simulator("printer")
    printer.set_conditions(PrinterState.PAPER_OUT)
    assert scans(MUG_CODE).outcome == "order_complete"  # packing is not held up by the printer
    qtbot.waitUntil(lambda: model.printer.ok is False, timeout=10_000)
    assert strip.alert.isVisible()
    assert "out of paper" in strip.alert.text()
    printer.set_conditions()  # paper loaded: the waiting label goes out by itself
    qtbot.waitUntil(lambda: model.printer.ok is True, timeout=30_000)
    assert not strip.alert.isVisible()


def test_next_parcel_by_command_barcode_packs_an_order_in_two_parcels(
        station: Station, scans: Scans) -> None:
    scans("B-OP1")
    scans("ORD-4")
    assert station.screen.strip.parcel.value.text() == "1 (of 1)"
    scans(SHIRT_EAN)
    closed = scans("CMD:NEXT-PARCEL")
    assert (closed.outcome, closed.tone) == ("parcel_closed", Tone.OK)
    assert station.screen.strip.parcel.value.text() == "2 (of 2)"
    assert scans("CMD:NEXT-PARCEL").outcome == "parcel_empty"  # nothing in parcel 2 yet
    complete = scans(MUG_CODE)
    assert complete.outcome == "order_complete" and "2 parcel" in complete.text
