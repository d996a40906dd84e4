"""A screenshot of the board for docs/screenshots/board.png, with the real theme.

``xvfb-run -a python -m ui.board.screenshot [PNG]``: builds a demo database, packs a morning's
orders at four stations through the real scan path (a simulated clock moves on with every
scan; now and then a wrong item is scanned and taken out again), then opens the board as a
lead and saves it.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from db.enums import Role
from devices.scan import ScanInput
from ui.board.page import BoardPage
from ui.demo_scans import foreign_item, item_scans, plain_orders
from ui.theme import apply_theme
from workstation.app import App, open_app
from workstation.services.demo_data import load_demo
from workstation.services.operators import add_operator, find_operator
from workstation.services.pack import PackService
from workstation.settings import Settings

STATIONS = (("ST-01", "op1", 1.0), ("ST-02", "op2", 1.3), ("ST-03", "op3", 0.8),
            ("ST-04", "op4", 1.6))  # station, operator, how slow
SIZE = (1600, 900)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def pack_a_morning(app: App, start: datetime, end: datetime, seed: int = 3) -> None:
    """Four stations take orders in turn (whichever is free first) until ``end``."""
    rng = random.Random(seed)
    with app.sessions.begin() as s:
        add_operator(s, "op3", "Siti Rahayu", Role.OPERATOR, badge="B-OP3")
        add_operator(s, "op4", "Agus Pratama", Role.OPERATOR, badge="B-OP4")
    orders = iter(plain_orders(app.sessions, 700))
    benches = []
    for station, operator, slow in STATIONS:
        clock = Clock(start + timedelta(minutes=rng.randint(0, 30)))
        service = PackService(app.sessions, Settings(station=station), clock)
        service.sign_in(operator)
        benches.append((clock, service, slow))
    while True:
        clock, service, slow = min(benches, key=lambda b: b[0].now)
        number = next(orders, None)
        if number is None or clock.now >= end:
            return
        codes = item_scans(app.sessions, number)
        service.handle_scan(ScanInput(text=number, source="screenshot"))
        for i, code in enumerate(codes):
            clock.now += timedelta(seconds=rng.uniform(20, 60) * slow)
            if i == 0 and rng.random() < 0.06 * slow:
                wrong = foreign_item(app.sessions, number)
                if wrong:  # scanned, then taken out and scanned again to confirm
                    service.handle_scan(ScanInput(text=wrong, source="screenshot"))
                    clock.now += timedelta(seconds=20)
                    service.handle_scan(ScanInput(text=wrong, source="screenshot"))
            service.handle_scan(ScanInput(text=code, source="screenshot"))
            if i == 0 and codes.count(code) == 1 and len(codes) > 1 and rng.random() < 0.03:
                for _ in range(2):  # one too many, then taken out again
                    clock.now += timedelta(seconds=15)
                    service.handle_scan(ScanInput(text=code, source="screenshot"))
        clock.now += timedelta(seconds=rng.uniform(60, 200) * slow)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("docs/screenshots/board.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    qapp = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qapp, QApplication)
    apply_theme(qapp, "light")
    day = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    start, now = day + timedelta(hours=6), day + timedelta(hours=11, minutes=40)
    directory = Path(tempfile.mkdtemp(prefix="ws-board-shot-"))
    app = open_app(Settings(database_url=f"sqlite:///{directory / 'board.db'}",
                            station="LEAD-PC", data_dir=directory))
    load_demo(app.sessions, 800, now=start)
    pack_a_morning(app, start, now)
    with app.sessions() as s:
        lead = find_operator(s, "lead1")
    page = BoardPage(app, lead, clock=lambda: now, refresh_seconds=60)
    page.resize(*SIZE)
    page.show()
    deadline = time.monotonic() + 30
    while page.model.report is None and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.02)
    for _ in range(20):  # let the charts lay out
        qapp.processEvents()
        time.sleep(0.02)
    page.grab().save(str(out))
    page.stop()
    # Delete the widgets (and their charts) now, while Qt is still up, not at interpreter exit.
    page.deleteLater()
    del page
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    app.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    sys.stdout.flush()
    # PySide6 6.12 can abort in the interpreter's last garbage collection (none_dealloc) after
    # the charts are gone; the PNG is written and closed by then, so leave without it.
    os._exit(status)
