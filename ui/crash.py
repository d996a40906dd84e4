"""Uncaught exceptions reach the log (with the traceback) and a crash dialog, never a silent
console: ``sys.excepthook`` for the GUI thread (PySide6 routes exceptions raised in slots
there) and ``threading.excepthook`` for device and worker threads, whose reports are queued to
the GUI thread."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    crashed = Signal(str, str)  # summary, traceback

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialogs: list[QMessageBox] = []
        self._previous: tuple[object, object] | None = None
        self.crashed.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def _excepthook(self, exc_type: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
        self._report(exc_type, exc, tb, "the station window")

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread else "a background thread"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, name)

    def _report(self, exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None, where: str) -> None:
        log.critical("uncaught exception in %s", where, exc_info=(exc_type, exc, tb))
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self.crashed.emit(f"{exc_type.__name__} in {where}: {exc}", details)  # queued if needed

    def _show(self, summary: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("The station hit a bug"),
                          self.tr("Something went wrong inside the program: {summary}\n\n"
                                  "The last scan shown on screen was recorded. Tell the shift "
                                  "lead; the details are in the log{where}.")
                          .format(summary=summary,
                                  where=f" ({self.log_file})" if self.log_file else ""),
                          QMessageBox.StandardButton.Ok)
        box.setDetailedText(details)
        box.setModal(False)
        box.show()  # not exec(): the station keeps taking scans behind the dialog
        self.dialogs.append(box)
        del self.dialogs[:-5]
