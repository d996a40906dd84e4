"""What the station does after its window is first painted, so it is ready to scan sooner.

The station is ready when its window shows, the pack service answers and the scanner is
connected; everything else (the scale, the print spooler, the other pages, sounds, a camera) is
a ``DeferredStart`` step. The steps run on the GUI thread after the window's first paint, one
per turn of the event loop, so a scan that arrives meanwhile is answered between two steps
(scans reach the packing page as queued signals; none waits for the start-up to finish).
Modules the steps and the first labels will need are imported on a worker thread
(``warm_imports``) from the first paint on, so no step pays for a large import on the GUI
thread, and the window is not kept from showing by a thread that holds the GIL.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

#: Started this long after the window was shown, if it has not painted by then.
FALLBACK_MS = 3000


class DeferredStart(QObject):
    """Steps run after ``window``'s first paint; ``finished`` once the last one ran."""

    finished = Signal()

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._steps: list[tuple[str, Callable[[], None]]] = []
        self._started = False
        self._closed = False
        self.done: list[str] = []  # the steps run, in order
        self.is_finished = False
        self._warm: threading.Thread | None = None
        self._warm_names: tuple[str, ...] = ()
        window.installEventFilter(self)

    def add(self, name: str, step: Callable[[], None]) -> None:
        if self.is_finished:
            raise RuntimeError(f"start-up step {name!r} added after the start-up finished")
        self._steps.append((name, step))

    def warm_imports(self, modules: Iterable[str]) -> None:
        """Import ``modules`` on a worker thread once the start-up starts (the first paint;
        the import lock keeps it safe)."""
        self._warm_names = tuple(modules)

    def _start_warm(self) -> None:
        names, self._warm_names = self._warm_names, ()
        if not names or self._closed:
            return

        def run() -> None:
            for name in names:
                try:
                    importlib.import_module(name)
                except Exception as exc:  # noqa: BLE001
                    # Only ahead of time: whoever needs the module imports it again and meets
                    # the error there (an import racing the GUI thread's may fail here alone).
                    log.info("not imported ahead: %s (%s)", name, exc)

        self._warm = threading.Thread(target=run, name="warm-imports", daemon=True)
        self._warm.start()

    def start(self) -> None:
        """Run the steps from the next turn of the event loop (the first paint calls this)."""
        if self._started:
            return
        self._started = True
        self._window.removeEventFilter(self)
        self._start_warm()
        QTimer.singleShot(0, self._next)

    def run_now(self) -> None:
        """Every step left, at once (a station that is never shown)."""
        self._started = True
        self._window.removeEventFilter(self)
        self._start_warm()
        while not (self.is_finished or self._closed):
            self._next()

    def close(self) -> None:
        """The station closes: the steps not run yet never will be."""
        self._closed = True
        self._steps.clear()
        if self._warm is not None:
            self._warm.join(30)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.Paint:
                self.start()
            elif event.type() == QEvent.Type.Show:
                # Shown where it may never paint (a hidden desktop, a screen locked on start):
                # the spooler and the scale must come up all the same.
                QTimer.singleShot(FALLBACK_MS, self, self.start)
        return False

    def _next(self) -> None:
        if self.is_finished or self._closed:
            return
        if self._steps:
            name, step = self._steps.pop(0)
            try:
                step()
            except Exception as exc:  # a bug: to the crash dialog, and the other steps still run
                log.exception("start-up step %s failed", name)
                sys.excepthook(type(exc), exc, exc.__traceback__)
            else:
                self.done.append(name)
                log.debug("start-up step done: %s", name)
        if self._steps:
            QTimer.singleShot(0, self._next)
        else:
            self.is_finished = True
            self.finished.emit()
