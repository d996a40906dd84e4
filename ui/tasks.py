"""Slow work off the GUI thread: a page submits a function, gets its result back on the GUI thread.

Each page owns a ``TaskRunner`` (its own ``QThreadPool``), so closing the page waits for its
work and no thread outlives it. The function gets a ``progress(percent, text)`` callable it may
call from the worker thread; results, errors and progress arrive as queued signals.
Errors an operator can act on (a printer off, a badge not allowed, a bad value) come back to
``on_error``; anything else is a bug and goes to ``sys.excepthook`` (the crash dialog).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from devices.errors import DeviceError
from printing.transports import PrinterError
from workstation.services.errors import WorkstationError

log = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[int, str], None]
#: What an operator can act on: shown on the page, not as a crash.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (
    WorkstationError, PrinterError, DeviceError, OSError, ValueError,
)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    bug = Signal(object)
    progress = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._signals.progress.emit)
        except EXPECTED_ERRORS as exc:
            log.info("task failed: %s", exc)
            self._signals.failed.emit(exc)
        except Exception as exc:  # a bug (logged with its traceback): to the crash dialog
            log.exception("task crashed")
            self._signals.bug.emit(exc)
        else:
            self._signals.done.emit(result)


class TaskRunner(QObject):
    """``submit(fn, on_done, on_error, on_progress)``; ``busy`` while anything runs."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._running: set[_Signals] = set()
        self._closed = False
        # Deleted with its page (which may not have called close()): a result still queued
        # then is dropped, not delivered to a page that is gone. A closure, not a method: the
        # object is being destroyed when this runs.
        gone = self._gone = [False]
        self.destroyed.connect(lambda *_: gone.__setitem__(0, True))

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(self, fn: Callable[[Progress], T], on_done: Callable[[T], None],
               on_error: Callable[[Exception], None] | None = None,
               on_progress: Callable[[int, str], None] | None = None) -> None:
        if self._closed:
            raise RuntimeError("this page's task runner is closed")
        # Created on the GUI thread, so its slots run there. No parent on purpose: a result
        # still queued when the page is deleted must reach a living object (and be dropped).
        signals = _Signals()
        self._running.add(signals)

        def finish() -> None:
            self._running.discard(signals)
            signals.deleteLater()
            if self._gone[0]:
                self._closed = True
            if not self._running and not self._closed:
                self.busy_changed.emit(False)

        def done(result: Any) -> None:
            finish()
            if not self._closed:
                on_done(result)

        def failed(exc: Exception) -> None:
            finish()
            if self._closed:
                log.info("dropped the error of a closed page's task: %s", exc)
            elif on_error is not None:
                on_error(exc)
            else:
                log.warning("unhandled task error: %s", exc)

        def bug(exc: Exception) -> None:
            finish()
            sys.excepthook(type(exc), exc, exc.__traceback__)

        signals.done.connect(done)
        signals.failed.connect(failed)
        signals.bug.connect(bug)
        if on_progress is not None:
            signals.progress.connect(lambda percent, text: None if self._closed
                                     else on_progress(percent, text))
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, signals))

    def close(self, msecs: int = 30_000) -> None:
        """The page is going away: wait for work in flight and drop its results."""
        self._closed = True
        self._pool.waitForDone(msecs)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every task has run (tests, closing a page); True when all finished."""
        return bool(self._pool.waitForDone(msecs))
