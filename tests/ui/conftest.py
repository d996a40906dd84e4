"""The station window built as ``workstation gui`` builds it, on a test database, offscreen.

``station`` is the whole station (devices on sim://, the pack service, the spooler on a
simulated printer), started as ``workstation gui`` starts it (``defer=True``) and waited for
until its deferred parts are up too; ``Scans`` drives it only through the simulated scanner and
waits for the screen's answer, and counts every mouse and keyboard event the application sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from devices.sim import SimScale, SimScanner
from printing.transports.sim import shutdown_simulators
from tests.helpers.catalogue import seed
from ui.packing.state import Feedback
from ui.station import Station, build_station
from workstation.app import App, open_app
from workstation.settings import Settings

INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.TouchBegin, QEvent.Type.Wheel,
}


class InputCounter(QObject):
    """Counts mouse, touch and keyboard events anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.count += 1
        return False


def station_settings(db_url: str, data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "database_url": db_url, "station": "ST-01", "data_dir": data_dir,
        "scanner": "sim://scanner", "scale": "sim://scale", "label_printer": "sim://printer",
        "slip_printer": "sim://printer", "slip_format": "none", "sound_volume": 0.5,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def station_app(db_url: str, tmp_path: Path) -> Iterator[App]:
    app = open_app(station_settings(db_url, tmp_path), migrate=False)
    sessions: sessionmaker[Session] = app.sessions
    seed(sessions)
    yield app
    app.close()


@pytest.fixture
def station(qtbot: QtBot, qapp: QApplication, station_app: App) -> Iterator[Station]:
    built = build_station(station_app, qapp, defer=True)
    qtbot.addWidget(built.window)
    built.window.resize(1280, 800)
    built.window.show()
    qtbot.waitUntil(lambda: built.model.scanner.ok is True and built.started, timeout=5000)
    yield built
    built.close()
    shutdown_simulators()


class Scans:
    """Scans through the simulated scanner; each call waits until the screen answered."""

    def __init__(self, qtbot: QtBot, station: Station) -> None:
        self.qtbot = qtbot
        self.station = station
        link = station.device_link("scanner")
        assert isinstance(link, SimScanner)
        self.scanner = link
        scale = station.device_link("scale")
        assert isinstance(scale, SimScale)
        self.scale = scale

    def __call__(self, code: str) -> Feedback:
        model = self.station.model
        before = model.feedback.seq
        self.scanner.scan(code)
        self.qtbot.waitUntil(lambda: model.feedback.seq > before, timeout=5000)
        return model.feedback


@pytest.fixture
def scans(qtbot: QtBot, station: Station) -> Scans:
    return Scans(qtbot, station)


@pytest.fixture
def input_events(qapp: QApplication) -> Iterator[InputCounter]:
    counter = InputCounter()
    qapp.installEventFilter(counter)
    yield counter
    qapp.removeEventFilter(counter)


@pytest.fixture
def weighing_station(qtbot: QtBot, qapp: QApplication, db_url: str,
                     tmp_path: Path) -> Iterator[Station]:
    """A station that weighs each parcel (``weight_check`` on), its scanner and scale up."""
    app = open_app(station_settings(db_url, tmp_path, weight_check=True), migrate=False)
    seed(app.sessions)
    built = build_station(app, qapp)
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitUntil(lambda: built.model.scanner.ok is True and built.model.scale.ok is True,
                    timeout=5000)
    yield built
    built.close()
    app.close()
    shutdown_simulators()
