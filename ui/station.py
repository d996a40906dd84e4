"""Building the station: devices, bridges, services, view-models and the window, wired once.

``build_station`` is what ``workstation gui``, the tests, the screenshots and the benchmark
all run, so they exercise the same wiring; ``Station.close`` stops every device thread.

With ``defer=True`` (``workstation gui``) only what the first scan needs is built before the
window shows: the pack service, the packing screen and the scanner. The keyboard-wedge filter
(till then the window hands it the keys it gets), the scale, the print spooler, the other
pages, sounds and a camera come up after the first paint
(``ui.startup.DeferredStart``); ``Station.started`` says when they have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from devices.errors import DeviceUrlError
from devices.events import DeviceStatus
from devices.manager import DeviceManager
from devices.sim import SimScale, SimScanner
from ui.bridge import DeviceBridge
from ui.context import StationContext
from ui.packing.details import read_only
from ui.packing.label_preview import LabelPreview
from ui.packing.screen import PackingScreen
from ui.packing.viewmodel import PackingViewModel
from ui.scan_hub import ScanHub
from ui.sim_panel import SimPanel
from ui.sounds import FeedbackSounds
from ui.spooler_link import connect_spooler, make_spooler
from ui.startup import DeferredStart
from ui.wedge_filter import WedgeFilter
from ui.window import StationWindow
from workstation.app import App
from workstation.services.parcels_view import ParcelView, parcels_of

if TYPE_CHECKING:
    from ui.camera_scanner import CameraScanner

#: Imported on a worker thread from the first paint on: what the first label of an order and
#: the deferred steps need, so neither pays for the import on the GUI thread.
WARM_IMPORTS = (
    "printing.documents.shipping", "printing.documents.slip", "printing.layout",
    "printing.preview", "printing.zpl", "printing.pdf", "reportlab.graphics.barcode.code128",
    "qrcode", "ui.pages",
    "biip",  # the first GTIN scan's parser (workstation/domain/barcodes.py says why it waits)
)

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
    startup: DeferredStart | None = None  # the parts brought up after the first paint

    @property
    def started(self) -> bool:
        """Every part is up (the deferred ones too)."""
        return self.startup is None or self.startup.is_finished

    def device_link(self, kind: str) -> object | None:
        """The link of the station's scanner or scale (a ``SimScanner`` for sim://)."""
        for name, k in self.kinds.items():
            if k == kind:
                return self.context.devices.device(name).link
        return None

    def close(self) -> None:
        if self.startup is not None:
            self.startup.close()
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
                  sound: bool = True, defer: bool = False) -> Station:
    """The station; with ``defer`` only what the first scan needs before the window shows,
    the rest after its first paint (see the module's docstring)."""
    settings = app.settings
    devices = DeviceManager()
    bridge = DeviceBridge()
    hub = ScanHub()
    pack = app.pack_service()
    spooler = make_spooler(app)  # only made here (cheap); started with the deferred parts
    context = StationContext(app, pack, devices, bridge, hub, spooler=spooler)
    sounds = FeedbackSounds(settings.sound_volume if sound else 0.0, settings.data_dir,
                            load=not defer)
    context.extras["sounds"] = sounds
    model = PackingViewModel(pack, app.sessions, sounds)

    readers = read_only(app.sessions)  # no write lock for a read on the GUI thread

    def read_parcels(order_number: str) -> list[ParcelView]:
        with readers() as session:
            return parcels_of(session, order_number, settings)

    model.parcel_reader = read_parcels
    preview = LabelPreview(app.sessions, settings, spooler, lambda: pack.operator)
    screen = PackingScreen(model, preview)
    screen.jobs_on_screen.connect(preview.show_jobs)
    window = StationWindow(context)
    window.add_page("packing", lambda: translate("Station", "Packing"), screen)
    wedge = WedgeFilter(hub, parent=window)
    station = Station(context, model, screen, window, wedge, sounds)

    bridge.scan.connect(hub.deliver)
    bridge.rejected.connect(hub.deliver_rejected)
    bridge.weight.connect(model.on_weight)

    def on_status(status: DeviceStatus) -> None:
        model.on_device_status(status, station.kinds.get(status.source, "scanner"))

    bridge.status.connect(on_status)
    bridge.attach(devices)

    def open_device(kind: Literal["scanner", "scale"]) -> None:
        url = settings.scanner if kind == "scanner" else settings.scale
        if not url:
            model.on_device_missing(kind, translate("Station", "No device is set in the settings"))
            return
        try:
            device = devices.open(url, kind)
        except DeviceUrlError as exc:
            model.on_device_missing(kind, str(exc))
            return
        station.kinds[device.name] = kind

    def start_spooler() -> None:
        link = connect_spooler(spooler, model, window, jobs=screen.jobs_on_screen)
        link.job.connect(preview.on_job)
        spooler.start()

    def open_scale() -> None:
        if open_devices:
            open_device("scale")
        scanner, scale = station.device_link("scanner"), station.device_link("scale")
        if isinstance(scanner, SimScanner) or isinstance(scale, SimScale):
            station.sim = SimPanel(scanner if isinstance(scanner, SimScanner) else None,
                                   scale if isinstance(scale, SimScale) else None)
            screen.add_footer(station.sim)

    def start_camera() -> None:
        from ui.camera_scanner import CameraScanner, CameraStatus

        station.camera = CameraScanner(window)
        station.camera.scan.connect(hub.deliver)
        screen.add_footer(CameraStatus(station.camera))
        station.camera.start()

    def add_pages() -> None:
        from ui.pages import add_optional_pages

        add_optional_pages(window, context)

    def install_wedge() -> None:
        wedge.install(qapp)
        window.key_fallback = None  # the filter sees every key from now on

    # What the first scan needs: the scanner, and the order this station had open.
    if open_devices:
        open_device("scanner")
    model.resume()
    later: list[tuple[str, Callable[[], None]]] = [("wedge", install_wedge),
                                                   ("spooler", start_spooler)]
    if settings.camera:  # the fallback scanner: its scans go the way every scanner's go
        later.append(("camera", start_camera))
    later += [("scale", open_scale), ("pages", add_pages), ("sounds", sounds.load)]
    if not defer:
        for _name, step in later:
            step()
        return station
    window.key_fallback = wedge  # keys before the filter is installed (see StationWindow)
    station.startup = DeferredStart(window, parent=window)
    station.startup.warm_imports(WARM_IMPORTS)
    for name, step in later:
        station.startup.add(name, step)
    return station
