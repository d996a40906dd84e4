"""Trying a scanner or scale out: open it (unless the station has it open already), wait for one
scan or one stable weight from it, tell the page, and close what was opened here.

Device threads hand events to the ``DeviceBridge``; its signals arrive on the GUI thread.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import QObject, QTimer, Signal

from devices.errors import DeviceError
from devices.events import DeviceStatus, LinkState
from devices.manager import DeviceManager
from devices.scan import ScanInput, ScanRejected
from devices.sim import SimScale, SimScanner
from devices.url import DeviceUrl
from devices.weight import WeightReading
from ui.bridge import DeviceBridge

log = logging.getLogger(__name__)

SIM_TEST_SCAN = "SETUP-TEST-4006381333931"


class DeviceProbe(QObject):
    scanned = Signal(object)  # ScanInput
    rejected = Signal(object)  # ScanRejected
    weighed = Signal(object)  # WeightReading (any: live display)
    trouble = Signal(str)  # the device's own message: what is wrong and what to do
    finished = Signal()

    def __init__(self, manager: DeviceManager, parent: QObject | None = None,
                 timeout_ms: int = 30_000) -> None:
        super().__init__(parent)
        self._manager = manager
        self._bridge = DeviceBridge(self)
        self._bridge.attach(manager)
        self._bridge.scan.connect(self._on_scan)
        self._bridge.rejected.connect(self._on_rejected)
        self._bridge.weight.connect(self._on_weight)
        self._bridge.status.connect(self._on_status)
        self._url: str | None = None
        self._opened_here = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._timed_out)

    @property
    def url(self) -> str | None:
        return self._url

    def start(self, url: str, kind: str) -> None:
        """Listen to the device at ``url`` (``kind`` "scanner" or "scale")."""
        self.stop()
        text = DeviceUrl.parse(url).text
        try:
            self._manager.device(text)
        except KeyError:
            self._manager.open(text, "scale" if kind == "scale" else "scanner")
            self._opened_here = True
        self._url = text
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._url is not None and self._opened_here:
            try:
                self._manager.close(self._url)
            except KeyError:
                log.info("%s was closed already", self._url)
        self._url, self._opened_here = None, False

    def close(self) -> None:
        self.stop()
        self._bridge.detach()

    def simulate(self, grams: int = 1000) -> bool:
        """On a ``sim://`` device, scan the test code or put ``grams`` on the scale."""
        if self._url is None:
            return False
        link = self._manager.device(self._url).link
        if isinstance(link, SimScanner):
            link.scan(SIM_TEST_SCAN)
            return True
        if isinstance(link, SimScale):
            link.place(Decimal(grams), settle=0.3)
            return True
        return False

    def _mine(self, source: str) -> bool:
        return self._url is not None and source == self._url

    def _on_scan(self, scan: ScanInput) -> None:
        if self._mine(scan.source):
            self._timer.start()
            self.scanned.emit(scan)

    def _on_rejected(self, rejected: ScanRejected) -> None:
        if self._mine(rejected.source):
            self.rejected.emit(rejected)

    def _on_weight(self, reading: WeightReading) -> None:
        if self._mine(reading.source):
            self.weighed.emit(reading)

    def _on_status(self, status: DeviceStatus) -> None:
        if self._mine(status.source) and status.state is LinkState.DISCONNECTED:
            error: DeviceError | None = status.error
            self.trouble.emit(str(error) if error else status.state.value)

    def _timed_out(self) -> None:
        self.trouble.emit("timeout")
        self.stop()
        self.finished.emit()
