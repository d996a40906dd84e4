"""One place every scan of the station arrives, whatever device it came from.

The device bridge (serial, sim and evdev scanners) and the keyboard-wedge filter both hand
their scans here, on the GUI thread; the window points the hub at the page that is showing, so
a scan on the desk looks an order up and a scan on the packing screen packs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from devices.scan import ScanInput, ScanRejected

log = logging.getLogger(__name__)

ScanTarget = Callable[[ScanInput], None]
RejectTarget = Callable[[ScanRejected], None]


class ScanHub(QObject):
    #: every scan, after it was handed to the target (for logs, benchmarks, tests)
    scanned = Signal(object)
    rejected = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target: ScanTarget | None = None
        self._reject_target: RejectTarget | None = None

    def set_target(self, target: ScanTarget | None,
                   on_rejected: RejectTarget | None = None) -> None:
        self._target = target
        self._reject_target = on_rejected

    def deliver(self, scan: ScanInput) -> None:
        if self._target is None:
            log.info("scan %r arrived while no page takes scans", scan.text)
        else:
            self._target(scan)
        self.scanned.emit(scan)

    def deliver_rejected(self, rejected: ScanRejected) -> None:
        log.warning("scanner sent something that is not a scan: %s", rejected.reason)
        if self._reject_target is not None:
            self._reject_target(rejected)
        self.rejected.emit(rejected)
