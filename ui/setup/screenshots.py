"""Screenshots of the desk, the first-start wizard and the settings (English and Chinese).

Called by ``ui.screenshots`` (``bash scripts/screenshots.sh``, under Xvfb with the real theme);
``python -m ui.setup.screenshots [DIR]`` takes only these. A demo database is built, one order
is packed through the service path and one of its labels reprinted, so the desk has a history.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from db.models import Order, Parcel
from devices.manager import DeviceManager
from devices.scan import ScanInput
from printing.transports.sim import shutdown_simulators
from ui.bridge import DeviceBridge
from ui.context import StationContext
from ui.demo_scans import item_scans, plain_orders
from ui.desk.page import DeskPage
from ui.i18n import Translations, TranslationsMissing
from ui.scan_hub import ScanHub
from ui.setup.settings_page import SettingsPage
from ui.setup.wizard import SetupWizard
from ui.theme import apply_theme
from workstation.app import App, open_app
from workstation.services import desk
from workstation.services.demo_data import load_demo
from workstation.services.operators import find_operator
from workstation.settings import Settings

SIZE = (1366, 768)


def _wait(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)


def _shot(widget: QWidget, path: Path) -> None:
    for _ in range(8):
        QApplication.processEvents()
        time.sleep(0.03)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def _packed_order(app: App) -> tuple[str, str]:
    """Pack one demo order at another station and reprint its label: (number, its SSCC)."""
    number = plain_orders(app.sessions, 40, min_lines=2)[0]
    packer = app.pack_service()
    packer.sign_in("op1")
    for code in (number, *item_scans(app.sessions, number)):
        packer.handle_scan(ScanInput(text=code, source="sim://scanner"))
    with app.sessions() as session:
        lead = find_operator(session, "lead1")
        sscc = session.scalar(select(Parcel.sscc).join(Order).where(Order.number == number))
    desk.reprint_labels(app.sessions, "DESK-1", number, "Label damaged or unreadable", lead)
    return number, sscc or number


def take_setup_screens(out: Path, qapp: QApplication) -> list[str]:
    notes: list[str] = []
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="ws-setup-shots-"))
    settings = Settings(database_url=f"sqlite:///{data_dir / 'shots.db'}", station="ST-01",
                        data_dir=data_dir, sound_volume=0.6, slip_format="none",
                        config_file=data_dir / "settings.toml")
    app = open_app(settings)
    load_demo(app.sessions, orders=40, seed=7, now=datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    manager, bridge = DeviceManager(), DeviceBridge()
    bridge.attach(manager)
    context = StationContext(app, app.pack_service(), manager, bridge, ScanHub())
    translations = Translations(qapp)
    translations.switch("en")  # whatever the screenshots before these left switched on
    apply_theme(qapp, "light")
    try:
        number, sscc = _packed_order(app)
        with app.sessions() as session:
            lead = find_operator(session, "lead1")
        page = DeskPage(context, lambda: lead)
        page.resize(*SIZE)
        page.show()
        page.handle_scan(ScanInput(text=f"00{sscc}", source="sim://scanner", symbology="]C1"))
        _wait(lambda: page.model.number == number)
        page.tabs.setCurrentIndex(1)  # labels and print history: the reprint shows
        _shot(page, out / "desk.png")
        page.close()

        wizard = SetupWizard(settings, manager, data_dir / "wizard.toml")
        wizard.resize(1024, 720)
        wizard.show()
        _wait(lambda: wizard.model.devices is not None)
        wizard.station_page.station.setText("PACK-07")
        wizard.next()
        wizard.printers_page.print_test()
        _wait(lambda: wizard.model.label_test is not None)
        _shot(wizard, out / "wizard.png")
        wizard.reject()

        settings_page = SettingsPage(context)
        settings_page.resize(*SIZE)
        settings_page.show()
        _wait(lambda: not settings_page.tasks.busy)
        _shot(settings_page, out / "settings.png")
        try:
            translations.switch("zh_CN")
        except TranslationsMissing as exc:
            notes.append(f"no Chinese settings screenshot: {exc}")
        else:
            settings_page.language.setCurrentIndex(settings_page.language.findData("zh_CN"))
            _shot(settings_page, out / "settings-zh.png")
            translations.switch("en")
        settings_page.close()
    finally:
        bridge.detach()
        manager.stop()
        shutdown_simulators()
        app.close()
    return notes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("docs/screenshots")
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        qapp = QApplication(sys.argv[:1])
    for note in take_setup_screens(out, qapp):
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
