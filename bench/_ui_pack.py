"""Packing demo orders through the station window with the sim scanner, timing each scan from
its arrival to the painted answer (for ``bench/ui.py``).

Each scan is also timed by phase and kept by kind (``open``: the order scan, ``item``: an item
that leaves the order open, ``complete``: the item that completes it): ``wait`` from its
arrival until the pack service is called (the GUI thread was busy, or the signal queued),
``service`` in ``PackService.handle_scan`` and ``gui`` from the service's answer until the
feedback area painted it. That says which scans make the tail and where their time goes.

The answer is painted on its own, before the rest of the screen (the order's lines, the
summary): ``settled`` is a scan's arrival until the rest has painted too (the window's update
that the answer's scan asked for has been processed). The next scan is made only then, as an
operator's next scan comes long after."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from bench._common import summary_ms
from devices.scan import ScanInput
from devices.sim import SimScanner
from ui.demo_scans import item_scans, plain_orders
from ui.packing.label_pictures import LabelPicture
from ui.station import build_station
from ui.theme import apply_theme
from workstation.app import open_app
from workstation.services.pack import ScanResult
from workstation.settings import Settings

KINDS = ("open", "item", "complete")


@dataclass
class ScanTiming:
    """One scan's phases in seconds (see the module's docstring)."""

    kind: str
    wait: float
    service: float
    gui: float

    @property
    def total(self) -> float:
        return self.wait + self.service + self.gui


class _Settled(QObject):
    """Told, by a low-priority event, when the GUI thread has processed the window's update
    that was pending when the answer had painted: the low-priority events (the window's
    update requests among them) are handled in the order they were posted."""

    settled = Signal()
    KIND = QEvent.Type(QEvent.registerEventType())

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def answer_painted(self) -> None:
        self.at = None
        # From the event loop: the rest of the screen has asked for its update by then.
        QTimer.singleShot(0, self, self._mark)

    def _mark(self) -> None:
        QCoreApplication.postEvent(self, QEvent(self.KIND),
                                   Qt.EventPriority.LowEventPriority.value)

    def event(self, event: QEvent) -> bool:
        if event.type() == self.KIND:
            self.at = time.monotonic()
            self.settled.emit()
            return True
        return super().event(event)


class PackRun:
    def __init__(self, url: str, directory: Path, label_pause: float = 0.0) -> None:
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
        self.settled: list[float] = []  # arrival until the whole screen has painted
        self._settle = _Settled()
        self._loop: QEventLoop | None = None  # _wait's, made on its first wait
        self._deadline = QTimer()
        self._condition: Callable[[], bool] | None = None
        self.timings: list[ScanTiming] = []  # every timed scan by kind and phase
        self._kind = "item"  # the kind of the scan being made
        self._called: dict[int, tuple[float, float]] = {}  # seq -> (service start, end)
        self._arrived: dict[int, float] = {}  # seq -> the scan's arrival
        pack = self.station.context.pack
        handle = pack.handle_scan

        def timed(scan: ScanInput) -> ScanResult:
            # The answer's seq is the model's next; it may paint before ``scanned`` is emitted.
            seq = self.station.model.feedback.seq + 1
            t0 = time.monotonic()
            try:
                return handle(scan)
            finally:
                t1 = time.monotonic()
                self._arrived[seq] = scan.received_monotonic
                self._called[seq] = (t0, t1)
                self.service.append(t1 - t0)

        pack.handle_scan = timed  # type: ignore[method-assign]
        self._painted: set[int] = set()
        self._arrival_of: dict[int, float] = {}  # painted seq -> arrival, until settled
        self.station.screen.feedback.painted.connect(self._on_painted)
        self._wait(lambda: self.station.model.scanner.ok is True)
        # Seconds the operator takes to stick the label on after an order completes (0: the
        # next order's scan at once). The label's picture is made in such a pause.
        self.label_pause = label_pause
        self.pictures = 0  # label pictures the preview showed
        preview = self.station.screen.preview
        if preview is not None:
            show = preview._show_pictures

            def counted(pictures: list[LabelPicture]) -> None:
                self.pictures += 1
                show(pictures)

            preview._show_pictures = counted  # type: ignore[method-assign]

    def _on_painted(self, seq: int) -> None:
        arrived = self._arrived.pop(seq, None)
        if arrived is not None:
            self._arrival_of[seq] = arrived
            painted = time.monotonic()
            self.latencies.append(painted - arrived)
            start, end = self._called.pop(seq, (arrived, arrived))
            self.timings.append(ScanTiming(self._kind, max(0.0, start - arrived), end - start,
                                           painted - end))
            self._painted.add(seq)
            self._settle.answer_painted()

    def _wait(self, condition: Callable[[], bool], timeout: float = 30.0) -> None:
        """Run the event loop (blocking in it, as the station does) until ``condition``.

        One loop, deadline and set of connections for every wait, made on the first: made
        per wait (three a scan), PySide kept a little of each connection: 0.37 MB of Python
        objects over 900 orders (tracemalloc), in the process whose memory this measures."""
        if condition():
            return
        if self._loop is None:
            loop = self._loop = QEventLoop()

            def poll() -> None:
                if self._condition is not None and self._condition():
                    loop.quit()

            # A zero timer would spin; instead re-check whenever the station signals something.
            self.station.model.changed.connect(poll)
            self.station.model.devices_changed.connect(poll)
            self.station.screen.feedback.painted.connect(poll)
            self._settle.settled.connect(poll)
            self._deadline.setSingleShot(True)
            self._deadline.timeout.connect(loop.quit)
        self._condition = condition
        self._deadline.start(int(timeout * 1000))
        try:
            self._loop.exec()
        finally:
            self._deadline.stop()
            self._condition = None
        if not condition():
            raise TimeoutError("the station did not answer in time")

    def _idle(self, seconds: float) -> None:
        """Run the event loop for ``seconds`` with no scan (the station's timers and threads
        carry on)."""
        loop = QEventLoop()
        QTimer.singleShot(round(seconds * 1000), loop.quit)
        loop.exec()

    def scan(self, code: str, kind: str = "item") -> str:
        model = self.station.model
        before = model.feedback.seq
        self._kind = kind
        self.scanner.scan(code)
        self._wait(lambda: model.feedback.seq > before)
        seq = model.feedback.seq
        self._wait(lambda: seq in self._painted)
        self._painted.discard(seq)
        self._wait(lambda: self._settle.at is not None)
        arrived = self._arrival_of.pop(seq, None)
        if arrived is not None and self._settle.at is not None:
            self.settled.append(self._settle.at - arrived)
        return model.feedback.outcome

    def pack(self, orders: int, after_order: Callable[[], None]) -> int:
        assert self.scan("B-OP1", "sign_in") == "signed_in"
        packed = 0
        numbers = plain_orders(self.app.sessions, orders)
        for number in numbers:
            codes = item_scans(self.app.sessions, number)
            if not codes:
                continue
            outcomes = [self.scan(number, "open")]
            outcomes += [self.scan(code, "complete" if i == len(codes) - 1 else "item")
                         for i, code in enumerate(codes)]
            if outcomes[-1] != "order_complete":
                raise RuntimeError(f"{number}: {outcomes}")
            packed += 1
            after_order()
            if self.label_pause > 0:
                self._idle(self.label_pause)
        return packed

    def by_kind(self) -> dict[str, float | int]:
        """``open_*``, ``item_*``, ``complete_*``: count, p50/p99 of the whole scan and p50/p99
        of each phase (``wait``, ``service``, ``gui``), in ms."""
        figures: dict[str, float | int] = {}
        for kind in KINDS:
            timings = [t for t in self.timings if t.kind == kind]
            if not timings:
                continue
            figures[f"{kind}_count"] = len(timings)
            for phase in ("total", "wait", "service", "gui"):
                samples = [getattr(t, phase) for t in timings]
                summary = summary_ms(samples)
                name = kind if phase == "total" else f"{kind}_{phase}"
                figures[f"{name}_p50_ms"] = summary["p50_ms"]
                figures[f"{name}_p99_ms"] = summary["p99_ms"]
        return figures

    def close(self) -> None:
        self.station.close()
        self.app.close()
