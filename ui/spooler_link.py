"""The print spooler seen from the window: job events as Qt signals, the printer's state in the
status strip, and a wake-up when a scan wrote print jobs (an order completed)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ui.context import SpoolerLike
from ui.packing.viewmodel import PackingViewModel
from workstation.app import App
from workstation.services.spooler import JobEvent, Spooler

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def make_spooler(app: App) -> Spooler:
    return Spooler(app.sessions, app.settings)


class SpoolerBridge(QObject):
    job = Signal(object)  # JobEvent, on the GUI thread

    def __init__(self, spooler: SpoolerLike, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = spooler.subscribe(self.job.emit)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def _printer_state(state: str) -> str:
    return {
        "paper_out": translate("Printer", "out of paper"),
        "head_open": translate("Printer", "head open"),
        "ribbon_out": translate("Printer", "out of ribbon"),
        "paused": translate("Printer", "paused"),
        "offline": translate("Printer", "offline"),
        "buffer_full": translate("Printer", "busy (buffer full)"),
        "cutter_fault": translate("Printer", "cutter fault"),
        "overheated": translate("Printer", "overheated"),
        "hardware_error": translate("Printer", "hardware error"),
    }.get(state, state.replace("_", " "))


def describe(event: JobEvent) -> tuple[bool | None, str, str]:
    """(ok, text, what to do) for the status strip."""
    what = f"{event.kind} {event.order_number or ''}".strip()
    if event.state == "done":
        return True, translate("Printer", "printed {what}").format(what=what), ""
    if event.state in ("pending", "sending") and not event.error:
        return None, translate("Printer", "printing {what}…").format(what=what), ""
    if event.state == "unknown":
        return False, translate("Printer", "did {what} print?").format(what=what), translate(
            "Printer", "Look at the printer, then confirm or reprint it on the desk")
    reason = (_printer_state(event.printer_state) if event.printer_state
              else event.error or event.state)
    remedy = event.what_to_do or event.error or translate(
        "Printer", "Check the printer, or send the job to another printer on the desk")
    return False, translate("Printer", "{what}: {reason}").format(what=what, reason=reason), remedy


def connect_spooler(spooler: SpoolerLike, model: PackingViewModel,
                    parent: QObject) -> SpoolerBridge:
    bridge = SpoolerBridge(spooler, parent)

    def on_job(event: JobEvent) -> None:
        model.on_printer(lambda: describe(event))

    bridge.job.connect(on_job)
    wake = getattr(spooler, "wake", None)
    if callable(wake):
        model.print_jobs_written.connect(lambda _jobs: wake())
    return bridge
