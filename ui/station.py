"""Building the station: devices, bridges, services, view-models and the window, wired once.

``build_station`` is what ``workstation gui``, the tests, the screenshots and the benchmark
all run, so they exercise the same wiring; ``Station.close`` stops every device thread.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from devices.errors import DeviceUrlError
from devices.events import DeviceStatus
from devices.manager import DeviceManager
from devices.sim import SimScale, SimScanner
from ui.bridge import DeviceBridge
from ui.camera_scanner import CameraScanner, CameraStatus
from ui.context import StationContext
from ui.packing.label_preview import LabelPreview
from ui.packing.screen import PackingScreen
from ui.packing.viewmodel import PackingViewModel
from ui.pages import add_optional_pages
from ui.scan_hub import ScanHub
from ui.sim_panel import SimPanel
from ui.sounds import FeedbackSounds
from ui.spooler_link import connect_spooler, make_spooler
from ui.wedge_filter import WedgeFilter
from ui.window import StationWindow
from workstation.app import App
from workstation.services.parcels_view import ParcelView, parcels_of

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


@dataclass
class Station:
    context: StationContext
    model: PackingViewModel
    screen: PackingScreen
    window: StationWindow
    wedge: WedgeFilter
    sounds: FeedbackSounds
    kinds: dict[str, str] = field(default_factory=dict)  # device name -> scanner/scale
    sim: SimPanel | None = None
    camera: CameraScanner | None = None

    def device_link(self, kind: str) -> object | None:
        """The link of the station's scanner or scale (a ``SimScanner`` for sim://)."""
        for name, k in self.kinds.items():
            if k == kind:
                return self.context.devices.device(name).link
        return None

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.wedge)
        self.context.bridge.detach()
        if self.screen.preview is not None:
            self.screen.preview.close_tasks()
        self.context.devices.stop()
        if self.camera is not None:
            self.camera.stop()
        if self.context.spooler is not None:
            self.context.spooler.stop()
        self.context.scans.set_target(None)
        self.window.close()
        self.window.deleteLater()


def build_station(app: App, qapp: QApplication, *, open_devices: bool = True,
                  sound: bool = True) -> Station:
    settings = app.settings
    devices = DeviceManager()
    bridge = DeviceBridge()
    hub = ScanHub()
    pack = app.pack_service()
    spooler = make_spooler(app)
    context = StationContext(app, pack, devices, bridge, hub, spooler=spooler)
    sounds = FeedbackSounds(settings.sound_volume if sound else 0.0, settings.data_dir)
    context.extras["sounds"] = sounds
    model = PackingViewModel(pack, app.sessions, sounds)

    def read_parcels(order_number: str) -> list[ParcelView]:
        with app.sessions() as session:
            return parcels_of(session, order_number, settings)

    model.parcel_reader = read_parcels
    preview = LabelPreview(app.sessions, settings, spooler, lambda: pack.operator)
    screen = PackingScreen(model, preview)
    model.print_jobs_written.connect(preview.show_jobs)
    window = StationWindow(context)
    window.add_page("packing", lambda: translate("Station", "Packing"), screen)
    add_optional_pages(window, context)
    wedge = WedgeFilter(hub, parent=window)
    wedge.install(qapp)
    station = Station(context, model, screen, window, wedge, sounds)

    bridge.scan.connect(hub.deliver)
    bridge.rejected.connect(hub.deliver_rejected)
    bridge.weight.connect(model.on_weight)

    def on_status(status: DeviceStatus) -> None:
        model.on_device_status(status, station.kinds.get(status.source, "scanner"))

    bridge.status.connect(on_status)
    bridge.attach(devices)
    if context.spooler is not None:
        link = connect_spooler(context.spooler, model, window)
        link.job.connect(preview.on_job)
        context.spooler.start()
    if open_devices:
        for url, kind in ((settings.scanner, "scanner"), (settings.scale, "scale")):
            if not url:
                model.on_device_missing(
                    kind, translate("Station", "No device is set in the settings"))
                continue
            try:
                device = devices.open(url, "scale" if kind == "scale" else "scanner")
            except DeviceUrlError as exc:
                model.on_device_missing(kind, str(exc))
                continue
            station.kinds[device.name] = kind
    if settings.camera:  # the fallback scanner: its scans go the way every scanner's go
        station.camera = CameraScanner(window)
        station.camera.scan.connect(hub.deliver)
        screen.add_footer(CameraStatus(station.camera))
        station.camera.start()
    model.resume()
    scanner, scale = station.device_link("scanner"), station.device_link("scale")
    if isinstance(scanner, SimScanner) or isinstance(scale, SimScale):
        station.sim = SimPanel(scanner if isinstance(scanner, SimScanner) else None,
                               scale if isinstance(scale, SimScale) else None)
        screen.add_footer(station.sim)
    return station
