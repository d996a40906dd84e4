"""Device events (on device threads) to Qt signals (delivered on the GUI thread).

``DeviceManager`` calls its subscribers on the device threads; emitting a signal of an object
that lives on the GUI thread from there queues the call, so every slot connected here runs on
the GUI thread, in the order the device produced the events.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from devices.events import DeviceEvent, DeviceStatus
from devices.manager import DeviceManager
from devices.scan import ScanInput, ScanRejected
from devices.weight import WeightReading

log = logging.getLogger(__name__)


class DeviceBridge(QObject):
    scan = Signal(object)  # ScanInput
    rejected = Signal(object)  # ScanRejected
    weight = Signal(object)  # WeightReading
    status = Signal(object)  # DeviceStatus

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None

    def attach(self, manager: DeviceManager) -> None:
        self.detach()
        self._unsubscribe = manager.subscribe(self._on_event)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_event(self, event: DeviceEvent) -> None:
        # Device thread: only emit, never touch widgets or the database here.
        if isinstance(event, ScanInput):
            self.scan.emit(event)
        elif isinstance(event, WeightReading):
            self.weight.emit(event)
        elif isinstance(event, ScanRejected):
            self.rejected.emit(event)
        elif isinstance(event, DeviceStatus):
            self.status.emit(event)
