"""Start-up in two halves (``build_station(defer=True)``, as ``workstation gui`` starts): what a
scan needs before the window shows, the rest after its first paint. A scan that arrives before
the rest is up is answered all the same, and the rest does come up."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.models import PrintJob
from devices.sim import SimScale, SimScanner
from printing.transports.sim import shutdown_simulators
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from ui import startup as startup_module
from ui.packing.state import Feedback
from ui.startup import DeferredStart
from ui.station import Station, build_station
from workstation.app import App


@pytest.fixture
def unshown(qtbot: QtBot, qapp: QApplication, station_app: App) -> Iterator[Station]:
    """A station built as `workstation gui` builds it, its window not shown yet: nothing has
    painted, so none of the deferred parts has started."""
    built = build_station(station_app, qapp, defer=True)
    qtbot.addWidget(built.window)
    built.window.resize(1280, 800)
    qtbot.waitUntil(lambda: built.model.scanner.ok is True, timeout=5000)
    yield built
    built.close()
    shutdown_simulators()


def scan(qtbot: QtBot, station: Station, code: str) -> Feedback:
    link = station.device_link("scanner")
    assert isinstance(link, SimScanner)
    before = station.model.feedback.seq
    link.scan(code)
    qtbot.waitUntil(lambda: station.model.feedback.seq > before, timeout=5000)
    return station.model.feedback


def test_scans_before_the_deferred_parts_are_up_are_answered_and_their_labels_print(
        unshown: Station, qtbot: QtBot, station_app: App) -> None:
    station = unshown
    assert station.startup is not None and station.startup.done == []
    assert not station.started
    assert station.device_link("scale") is None  # the scale comes with the deferred parts
    assert station.window.page_keys() == ["packing"]

    assert scan(qtbot, station, "B-OP1").outcome == "signed_in"
    assert scan(qtbot, station, "ORD-4").outcome == "order_opened"
    assert scan(qtbot, station, SHIRT_EAN).outcome == "accepted"
    complete = scan(qtbot, station, MUG_CODE)
    assert complete.outcome == "order_complete"
    assert not station.started, "the scans were answered before the deferred parts started"
    with station_app.sessions() as session:
        jobs = session.scalar(select(func.count()).select_from(PrintJob))
    assert jobs, "completing the order wrote its print jobs"
    assert station.model.printer.ok is None  # no spooler yet: nothing printed

    station.window.show()  # the first paint starts the deferred parts
    qtbot.waitUntil(lambda: station.started, timeout=10_000)
    assert station.startup is not None
    assert station.startup.done == ["wedge", "spooler", "scale", "pages", "sounds"]
    assert station.window.key_fallback is None  # the application-wide filter has the keys
    assert isinstance(station.device_link("scale"), SimScale)
    qtbot.waitUntil(lambda: station.model.scale.ok is True, timeout=5000)
    assert station.sim is not None
    assert {"desk", "settings", "board"} <= set(station.window.page_keys())
    # The spooler, started late, prints the labels of the order completed before it was up.
    qtbot.waitUntil(lambda: station.model.printer.ok is True, timeout=10_000)


def test_a_wedge_scan_before_the_filter_is_installed_is_answered(
        unshown: Station, qtbot: QtBot) -> None:
    station = unshown
    assert station.window.key_fallback is station.wedge  # not installed application-wide yet
    before = station.model.feedback.seq
    for i, ch in enumerate("B-OP1\r"):  # 5 ms a key: a scanner, typed at the window
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key(ord(ch.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier,
                              "" if ch == "\r" else ch)
            event.setTimestamp(1_000 + 5 * i)
            QApplication.sendEvent(station.window, event)
    qtbot.waitUntil(lambda: station.model.feedback.seq > before, timeout=5000)
    assert station.model.feedback.outcome == "signed_in"


def test_a_station_closed_before_its_first_paint_starts_nothing_more(
        qtbot: QtBot, qapp: QApplication, station_app: App) -> None:
    station = build_station(station_app, qapp, defer=True)
    qtbot.addWidget(station.window)
    station.close()
    qapp.processEvents()
    assert station.startup is not None and station.startup.done == []
    assert station.device_link("scale") is None
    shutdown_simulators()


def test_deferred_steps_run_after_the_first_paint_one_per_turn_of_the_event_loop(
        qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    startup = DeferredStart(window, parent=window)
    ran: list[str] = []

    def first() -> None:
        ran.append("first")
        QTimer.singleShot(0, lambda: ran.append("a scan"))  # queued while the steps run

    def broken() -> None:
        raise RuntimeError("a bug in a step")

    startup.add("first", first)
    startup.add("broken", broken)
    startup.add("second", lambda: ran.append("second"))
    qtbot.wait(20)
    assert ran == [], "nothing runs before the window has painted"
    hooks: list[type[BaseException]] = []
    saved = sys.excepthook
    sys.excepthook = lambda kind, value, tb: hooks.append(kind)
    try:
        with qtbot.waitSignal(startup.finished, timeout=5000):
            window.show()
    finally:
        sys.excepthook = saved
    assert ran == ["first", "a scan", "second"], "what was queued ran between two steps"
    assert hooks == [RuntimeError], "a failing step is reported, and the others still run"
    assert startup.done == ["first", "second"] and startup.is_finished
    with pytest.raises(RuntimeError):
        startup.add("late", lambda: None)


class _EatPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() == QEvent.Type.Paint


def test_a_window_shown_that_never_paints_still_starts_the_deferred_parts(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup_module, "FALLBACK_MS", 50)
    window = QWidget()
    qtbot.addWidget(window)
    startup = DeferredStart(window, parent=window)
    ran: list[str] = []
    startup.add("spooler", lambda: ran.append("spooler"))
    eat = _EatPaint()
    window.installEventFilter(eat)  # filters installed later see events first
    with qtbot.waitSignal(startup.finished, timeout=5000):
        window.show()
    assert ran == ["spooler"]
    window.removeEventFilter(eat)


def test_modules_are_warmed_from_the_first_paint_not_before(qtbot: QtBot) -> None:
    # A worker importing while the window is being built and shown would hold the GIL
    # against it: the warming starts with the deferred steps.
    name = "tests.ui.warm_me"
    sys.modules.pop(name, None)
    window = QWidget()
    qtbot.addWidget(window)
    startup = DeferredStart(window, parent=window)
    startup.warm_imports([name])
    qtbot.wait(20)
    assert name not in sys.modules, "nothing is imported before the window has painted"
    with qtbot.waitSignal(startup.finished, timeout=5000):
        window.show()
    startup.close()  # joins the worker
    assert name in sys.modules


def test_the_gs1_parser_is_not_imported_before_the_first_paint() -> None:
    """biip decompresses its GS1 prefix tables at import (~75 ms): the station's start-up
    does not wait for it (workstation/domain/barcodes.py imports it on first use), it is
    warmed after the first paint, and a GTIN scan is still read the same."""
    import subprocess

    from ui.station import WARM_IMPORTS
    from workstation.domain.barcodes import interpret

    code = ("import sys, ui.station, workstation.app, workstation.services.pack; "
            "from ui.theme import apply_theme; print('biip' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "False", out.stderr
    assert "biip" in WARM_IMPORTS
    assert interpret("]E04006381333931").gtin == "04006381333931"
