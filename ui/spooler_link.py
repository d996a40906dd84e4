"""The print spooler seen from the window: job events as Qt signals, the printer's state in the
status strip, and a wake-up when a scan wrote print jobs (an order completed)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance

from ui.context import SpoolerLike
from ui.messages import job_kind_text
from ui.packing.viewmodel import PackingViewModel
from workstation.app import App
from workstation.services.spooler import JobEvent, PrinterEvent, Spooler

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def make_spooler(app: App) -> Spooler:
    return Spooler(app.sessions, app.settings)


class SpoolerBridge(QObject):
    job = Signal(object)  # JobEvent, on the GUI thread
    status = Signal(object)  # PrinterEvent, on the GUI thread

    def __init__(self, spooler: SpoolerLike, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.news: PrinterNews | None = None  # kept here: a signal does not keep it alive
        self._unsubscribe: list[Callable[[], None]] = [spooler.subscribe(self.job.emit)]
        subscribe_status = getattr(spooler, "subscribe_status", None)
        if callable(subscribe_status):
            self._unsubscribe.append(subscribe_status(self.status.emit))

    def detach(self) -> None:
        while self._unsubscribe:
            self._unsubscribe.pop()()


# Each printer fault its own colour, so paper out and offline read apart from a metre away.
STATE_COLOURS = {
    "paper_out": "#EF6C00", "ribbon_out": "#EF6C00", "head_open": "#AD1457",
    "paused": "#1565C0", "offline": "#C62828", "unknown": "#757575",
}
FAULT_COLOUR = "#C62828"


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
        "unknown": translate("Printer", "not answering (state unknown)"),
    }.get(state, state.replace("_", " "))


def describe(event: JobEvent) -> tuple[bool | None, str, str]:
    """(ok, text, what to do) for the status strip."""
    what = f"{job_kind_text(event.kind)} {event.order_number or ''}".strip()
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


def describe_status(event: PrinterEvent, several: bool) -> tuple[bool | None, str, str]:
    """(ok, text, what to do) of a printer's own state, as read from the printer."""
    text = _printer_state(event.state) if not event.ready else translate("Printer", "ready")
    if several:
        text = translate("Printer", "{role}: {state}").format(role=event.role, state=text)
    return event.ready, text, "" if event.ready else event.what_to_do


class PrinterNews:
    """The strip's printer line from job news and the printers' own state: a printer that is
    not ready says so, with what to do, over any job news; otherwise the latest job's news."""

    def __init__(self, model: PackingViewModel) -> None:
        self._model = model
        self._status: dict[str, PrinterEvent] = {}
        self._job: JobEvent | None = None

    def on_job(self, event: JobEvent) -> None:
        self._job = event
        self._show()

    def on_status(self, event: PrinterEvent) -> None:
        before = self._status.get(event.printer_url)
        self._status[event.printer_url] = event
        if before is None or (before.state, before.ready) != (event.state, event.ready):
            self._show()

    def _show(self) -> None:
        faults = [e for e in self._status.values() if not e.ready]
        several = len(self._status) > 1
        if faults:
            fault = faults[0]
            self._model.on_printer(lambda: describe_status(fault, several),
                                   STATE_COLOURS.get(fault.state, FAULT_COLOUR))
        elif self._job is not None:
            job = self._job
            colour = STATE_COLOURS.get(job.printer_state or "") if job.state != "done" else None
            self._model.on_printer(lambda: describe(job), colour)
        elif self._status:
            ready = next(iter(self._status.values()))
            self._model.on_printer(lambda: describe_status(ready, several))


def connect_spooler(spooler: SpoolerLike, model: PackingViewModel, parent: QObject,
                    jobs: SignalInstance | None = None) -> SpoolerBridge:
    """The spooler's news to the model; ``jobs`` (default: the model's
    ``print_jobs_written``) wakes the spooler up."""
    bridge = SpoolerBridge(spooler, parent)
    news = bridge.news = PrinterNews(model)
    bridge.job.connect(news.on_job)
    bridge.status.connect(news.on_status)
    wake = getattr(spooler, "wake", None)
    if callable(wake):
        (jobs if jobs is not None else model.print_jobs_written).connect(lambda _jobs: wake())
    return bridge
