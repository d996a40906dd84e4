"""Screenshots of the station window for docs/screenshots, with the real theme.

Run under a display (``bash scripts/screenshots.sh`` starts Xvfb): it builds a demo database,
opens the station as ``workstation gui`` does and drives it only through the simulated
scanner, saving one PNG per state. ``python -m ui.screenshots [DIR]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from devices.sim import SimScanner
from ui.demo_scans import foreign_item, item_scans, plain_orders
from ui.i18n import Translations, TranslationsMissing
from ui.packing.details import load_order_details
from ui.setup.screenshots import take_setup_screens
from ui.station import Station, build_station
from ui.theme import apply_theme
from workstation.app import open_app
from workstation.services.demo_data import load_demo
from workstation.settings import Settings

SIZE = (1366, 768)  # the commonest station monitor


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the station did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


class Driver:
    def __init__(self, station: Station, out: Path) -> None:
        self.station = station
        self.out = out
        link = station.device_link("scanner")
        assert isinstance(link, SimScanner), "screenshots run on the sim:// scanner"
        self.scanner = link

    def scan(self, code: str) -> None:
        before = self.station.model.feedback.seq
        self.scanner.scan(code)
        wait_until(lambda: self.station.model.feedback.seq > before)

    def shot(self, name: str) -> None:
        for _ in range(5):
            QApplication.processEvents()
            time.sleep(0.05)
        path = self.out / f"{name}.png"
        self.station.window.grab().save(str(path))
        print(f"wrote {path}")


def _pick_order(station: Station, skip: set[str]) -> str:
    sessions = station.context.app.sessions
    candidates = [n for n in plain_orders(sessions, 60, min_lines=2) if n not in skip]
    for number in candidates:  # one with a customer's note and a fragile line shows the most
        details = load_order_details(sessions, number)
        if details.customer_note and any(p.fragile for p in details.products.values()):
            return number
    for number in candidates:
        if load_order_details(sessions, number).customer_note:
            return number
    return candidates[0]


def take(out: Path) -> list[str]:
    notes = []
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="ws-shots-"))
    settings = Settings(database_url=f"sqlite:///{data_dir / 'shots.db'}", station="ST-01",
                        data_dir=data_dir, sound_volume=0.0, slip_format="none")
    app = open_app(settings)
    load_demo(app.sessions, orders=60, seed=7, now=datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        qapp = QApplication(sys.argv[:1])
    apply_theme(qapp, "light")
    station = build_station(app, qapp, sound=False)
    try:
        if station.sim is not None:
            station.sim.hide()  # a demo aid, not part of the station
        station.window.resize(*SIZE)
        station.window.show()
        wait_until(lambda: station.model.scanner.ok is True)
        drive = Driver(station, out)
        station.context.pack.sign_in("op1")
        station.model.resume()
        drive.shot("packing-idle")
        number = _pick_order(station, set())
        codes = item_scans(app.sessions, number)
        wrong = foreign_item(app.sessions, number)
        assert codes and wrong
        drive.scan(number)
        drive.scan(codes[0])
        drive.shot("packing-accepted")
        drive.scan(wrong)
        drive.shot("packing-wrong-item")
        drive.scan(wrong)
        for code in codes[1:]:
            drive.scan(code)
        wait_until(lambda: station.model.printer.ok is not None, timeout=15)
        preview = station.screen.preview
        if preview is not None:  # the picture of the label, once it has printed
            wait_until(lambda: bool(preview.cards)
                       and all(c.job_state == "done" for c in preview.cards), timeout=15)
        drive.shot("packing-complete")
        station.window.toggle_theme()  # to dark
        drive.shot("packing-complete-dark")
        station.window.toggle_theme()  # back to light
        try:
            Translations(qapp).switch("zh_CN")
        except TranslationsMissing as exc:
            notes.append(f"no Chinese screenshot: {exc}")
        else:
            number = _pick_order(station, {number})
            codes = item_scans(app.sessions, number)
            drive.scan(number)
            drive.scan(codes[0])
            drive.shot("packing-accepted-zh")
    finally:
        station.close()
        app.close()
    return notes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/screenshots")
    notes = take(out)
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    notes += take_setup_screens(out, qapp)  # desk, wizard, settings (+ Chinese)
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
