"""The printer's own state in the status strip, read by the spooler from the printer (the
emulator behind sim://printer) every few seconds, with no print job needed: each fault reads
differently (text and colour) and says what to do."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from printing.status import PrinterState
from printing.transports.sim import simulator
from ui.spooler_link import STATE_COLOURS
from ui.station import Station

POLL = 15_000  # the spooler asks every 5 s


def wait_for_text(qtbot: QtBot, station: Station, words: str) -> None:
    qtbot.waitUntil(lambda: words in station.model.printer.text, timeout=POLL)


def test_each_printer_fault_is_shown_distinctly_with_what_to_do(
        station: Station, qtbot: QtBot) -> None:
    model, strip = station.model, station.screen.strip
    printer = simulator("printer")
    qtbot.waitUntil(lambda: model.printer.ok is True, timeout=POLL)
    assert model.printer.text == "ready"
    assert not strip.alert.isVisible()

    seen: dict[str, str] = {}
    for state, words in ((PrinterState.PAPER_OUT, "out of paper"),
                         (PrinterState.HEAD_OPEN, "head open"),
                         (PrinterState.PAUSED, "paused")):
        printer.set_conditions(state)
        wait_for_text(qtbot, station, words)
        assert model.printer.ok is False
        assert model.printer.remedy == state.what_to_do
        colour = STATE_COLOURS[state.value]
        assert model.printer.colour == colour
        assert colour in strip.printer.text() and words in strip.printer.text()
        assert strip.alert.isVisible()
        assert words in strip.alert.text() and state.what_to_do in strip.alert.text()
        seen[state.value] = colour
    assert len(set(seen.values())) == 3, "paper out, head open and paused look different"

    printer.set_behaviour(refuse=True)  # the printer is gone: the spooler cannot ask it
    qtbot.waitUntil(lambda: model.printer.colour in (STATE_COLOURS["offline"],
                                                     STATE_COLOURS["unknown"]), timeout=POLL)
    assert model.printer.ok is False and model.printer.remedy
    assert model.printer.colour not in seen.values()

    printer.set_behaviour(refuse=False)
    printer.set_conditions()
    qtbot.waitUntil(lambda: model.printer.ok is True, timeout=POLL)
    assert model.printer.text == "ready" and model.printer.colour is None
    assert not strip.alert.isVisible()
