"""Packing demo orders through the station window with the sim scanner, timing each scan from
its arrival to the painted answer (for ``bench/ui.py``)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from devices.scan import ScanInput
from devices.sim import SimScanner
from ui.demo_scans import item_scans, plain_orders
from ui.station import build_station
from ui.theme import apply_theme
from workstation.app import open_app
from workstation.services.pack import ScanResult
from workstation.settings import Settings


class PackRun:
    def __init__(self, url: str, directory: Path) -> None:
        qapp = QApplication.instance()
        self.qapp = qapp if isinstance(qapp, QApplication) else QApplication(sys.argv[:1])
        apply_theme(self.qapp, "light")
        self.app = open_app(Settings(database_url=url, station="ST-BENCH", data_dir=directory,
                                     sound_volume=0.0, slip_format="none"))
        self.station = build_station(self.app, self.qapp, sound=False)
        self.station.window.resize(1366, 768)
        self.station.window.show()
        link = self.station.device_link("scanner")
        assert isinstance(link, SimScanner)
        self.scanner = link
        self.latencies: list[float] = []
        self.service: list[float] = []  # the part of each scan spent in PackService
        pack = self.station.context.pack
        handle = pack.handle_scan

        def timed(scan: ScanInput) -> ScanResult:
            t0 = time.perf_counter()
            try:
                return handle(scan)
            finally:
                self.service.append(time.perf_counter() - t0)

        pack.handle_scan = timed  # type: ignore[method-assign]
        self._arrived: dict[int, float] = {}
        self._painted: set[int] = set()
        self.station.context.scans.scanned.connect(self._on_scanned)
        self.station.screen.feedback.painted.connect(self._on_painted)
        self._wait(lambda: self.station.model.scanner.ok is True)

    def _on_scanned(self, scan: ScanInput) -> None:
        # Emitted right after the page answered: the answer's seq is the model's now.
        self._arrived[self.station.model.feedback.seq] = scan.received_monotonic

    def _on_painted(self, seq: int) -> None:
        arrived = self._arrived.pop(seq, None)
        if arrived is not None:
            self.latencies.append(time.monotonic() - arrived)
            self._painted.add(seq)

    def _wait(self, condition: Callable[[], bool], timeout: float = 30.0) -> None:
        """Run the event loop (blocking in it, as the station does) until ``condition``."""
        if condition():
            return
        loop = QEventLoop()
        def poll() -> None:
            if condition():
                loop.quit()

        # A zero timer would spin; instead re-check whenever the station signals something.
        self.station.model.changed.connect(poll)
        self.station.model.devices_changed.connect(poll)
        self.station.screen.feedback.painted.connect(poll)
        deadline = QTimer()
        deadline.setSingleShot(True)
        deadline.timeout.connect(loop.quit)
        deadline.start(int(timeout * 1000))
        try:
            loop.exec()
        finally:
            self.station.model.changed.disconnect(poll)
            self.station.model.devices_changed.disconnect(poll)
            self.station.screen.feedback.painted.disconnect(poll)
        if not condition():
            raise TimeoutError("the station did not answer in time")

    def scan(self, code: str) -> str:
        model = self.station.model
        before = model.feedback.seq
        self.scanner.scan(code)
        self._wait(lambda: model.feedback.seq > before)
        seq = model.feedback.seq
        self._wait(lambda: seq in self._painted)
        self._painted.discard(seq)
        return model.feedback.outcome

    def pack(self, orders: int, after_order: Callable[[], None]) -> int:
        assert self.scan("B-OP1") == "signed_in"
        packed = 0
        numbers = plain_orders(self.app.sessions, orders)
        for number in numbers:
            codes = item_scans(self.app.sessions, number)
            if not codes:
                continue
            outcomes = [self.scan(number)] + [self.scan(code) for code in codes]
            if outcomes[-1] != "order_complete":
                raise RuntimeError(f"{number}: {outcomes}")
            packed += 1
            after_order()
        return packed

    def close(self) -> None:
        self.station.close()
        self.app.close()
