"""Keyboard-wedge scanners: an application-wide event filter feeding ``devices.WedgeDetector``.

Every key press of the application passes here first. Keys the detector holds back are kept
from the focused widget; when they turn out to be typing they are sent on, in order (a person
sees them 30 ms late); when they were a scanner's burst they become one ``ScanInput`` handed to
the scan hub, so scanner keystrokes never land in a text field.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from devices.scan import ScanInput, ScanRejected
from devices.wedge import WedgeDecision, WedgeDetector
from ui.scan_hub import ScanHub

log = logging.getLogger(__name__)

# Every event of the application passes the filter: compared with a constant, not looked up.
_KEY_PRESS = QEvent.Type.KeyPress


@dataclass(frozen=True, slots=True)
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    receiver: QObject  # where the key was going when it was held back


class WedgeFilter(QObject):
    def __init__(self, hub: ScanHub, detector: WedgeDetector | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hub = hub
        self._detector = detector or WedgeDetector()
        self._held: deque[_HeldKey] = deque()
        self._replaying = False
        # Key timestamps (ms, the window system's clock) mapped onto time.monotonic(), so the
        # detector's deadline can be checked by a timer between keys.
        self._last_key_s = 0.0
        self._last_key_mono = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: the cheap test first (``type()`` makes
        # a Python enum each call; PySide6 hands key events over as ``QKeyEvent`` already).
        if not isinstance(event, QKeyEvent) or self._replaying or event.type() != _KEY_PRESS:
            return False
        if event.isAutoRepeat():
            return False
        text = "\r" if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) else event.text()
        at = event.timestamp() / 1000.0
        self._last_key_s, self._last_key_mono = at, time.monotonic()
        decision = self._detector.key(text, at)
        held = _HeldKey(event.key(), event.modifiers(), event.text(), watched)
        self._apply(decision, held)
        self._arm_timer()
        return decision.swallow

    def _apply(self, decision: WedgeDecision, current: _HeldKey | None) -> None:
        for _ in decision.release:
            if self._held:
                self._replay(self._held.popleft())
        if decision.scan is not None:
            self._held.clear()  # the held keys were the scan
            self._deliver(decision.scan)
        elif decision.swallow and current is not None:
            self._held.append(current)

    def _replay(self, key: _HeldKey) -> None:
        # Where it was going, unless focus moved on meanwhile (then where the person now types).
        target: QObject = QApplication.focusWidget() or key.receiver
        self._replaying = True
        try:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False

    def _deliver(self, scan: ScanInput | ScanRejected) -> None:
        if isinstance(scan, ScanInput):
            self._hub.deliver(scan)
        else:
            self._hub.deliver_rejected(scan)

    def _arm_timer(self) -> None:
        deadline = self._detector.deadline
        if deadline is None:
            self._timer.stop()
            return
        wait_ms = max(1, round((deadline - self._last_key_s) * 1000) + 1)
        self._timer.start(wait_ms)

    def _on_timeout(self) -> None:
        now = self._last_key_s + (time.monotonic() - self._last_key_mono)
        self._apply(self._detector.timeout(now), None)
        self._arm_timer()
