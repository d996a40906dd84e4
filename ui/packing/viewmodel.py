"""The packing screen's view-model: takes scans, asks the pack service, keeps what to show.

A thin QObject: its signals tell the widgets to redraw; the state itself is plain frozen values
(``ui.packing.state``), so tests read it without looking at a widget. Every scan goes to
``PackService.handle_scan``, which commits before it answers; only then is the answer shown
and heard.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from devices.events import DeviceStatus, LinkState
from devices.scan import ScanInput, ScanRejected
from devices.weight import WeightReading
from ui.messages import message_for
from ui.packing.details import OrderDetails, load_order_details
from ui.packing.state import DeviceLine, Feedback, LineRow, OrderPanel, Tone, next_line
from ui.sounds import FeedbackSounds
from workstation.domain.outcomes import Outcome, Severity
from workstation.services.errors import WorkstationError
from workstation.services.pack import PackService, ParcelInfo, ScanResult, SessionView
from workstation.services.parcels_view import ParcelView

log = logging.getLogger(__name__)

# Answers after which the parcel's box or expected weight may read differently.
_PARCEL_OUTCOMES = frozenset({
    Outcome.ORDER_OPENED, Outcome.ORDER_RESUMED, Outcome.PARCEL_CLOSED, Outcome.BOX_SET,
    Outcome.WEIGHT_SET, Outcome.WEIGH_PARCEL, Outcome.WEIGHT_OUT_OF_TOLERANCE,
})
_TONE = {Severity.OK: Tone.OK, Severity.ATTENTION: Tone.ATTENTION, Severity.ERROR: Tone.ERROR}


class PackingViewModel(QObject):
    changed = Signal()  # the order panel or the feedback changed
    devices_changed = Signal()  # scanner, scale or printer status changed
    print_jobs_written = Signal(tuple)  # job ids a scan wrote (an order completed)

    def __init__(self, pack: PackService, sessions: sessionmaker[Session],
                 sounds: FeedbackSounds | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack = pack
        self._sessions = sessions
        self._sounds = sounds
        self._details = OrderDetails("")
        self._last_pending: dict[str, Any] | None = None
        self._last_result: ScanResult | None = None
        self._labels_expected = False  # labels printed for the order just packed
        self._weighed: int | None = None  # grams last handed to the service for this parcel
        self._statuses: dict[str, DeviceStatus] = {}  # the last of each device, to retranslate
        self._printer_news: Callable[[], tuple[bool | None, str, str]] | None = None
        self._printer_colour: str | None = None
        # Reads the order's parcels (set by the station); None: the screen shows none.
        self.parcel_reader: Callable[[str], list[ParcelView]] | None = None
        self.order = OrderPanel()
        self.feedback = Feedback(Tone.IDLE, "", "")
        self.weight: WeightReading | None = None
        self.scanner = DeviceLine(self.tr("Scanner"), None, self.tr("starting…"))
        self.scale = DeviceLine(self.tr("Scale"), None, self.tr("starting…"))
        self.printer = DeviceLine(self.tr("Printer"), None, self.tr("no print job yet"))
        self.feedback = self._idle_feedback(0)

    # -- who and where ---------------------------------------------------------------------

    @property
    def station(self) -> str:
        return self._pack.station_name

    @property
    def operator(self) -> str:
        return self._pack.operator.name if self._pack.operator else ""

    def resume(self) -> None:
        """At start-up: show the order this station had open (a restart resumes exactly)."""
        view = self._pack.current()
        if view is not None:
            self._show_session(view)
            self._show_parcels()
        self.feedback = self._idle_feedback(0)
        self.changed.emit()

    # -- scans -------------------------------------------------------------------------------

    def handle_scan(self, scan: ScanInput) -> None:
        seq = self.feedback.seq + 1
        try:
            result = self._pack.handle_scan(scan)
        except WorkstationError as exc:
            # The database is gone or refused: nothing was recorded, and the operator must know.
            log.warning("scan %r not recorded: %s", scan.text, exc)
            self._answer(Feedback(Tone.ERROR, str(exc), self.tr("Nothing was recorded: scan it "
                                                               "again when this is solved"),
                                  "error", seq), Severity.ERROR)
            return
        self._last_result = result
        if result.outcome in (Outcome.PAUSED, Outcome.SESSION_CANCELLED):
            self.order = OrderPanel()  # parked or given up: this station holds no order now
            self._last_pending = None
        elif result.session is not None:
            self._show_session(result.session)
            if result.outcome in _PARCEL_OUTCOMES:
                self._show_parcel_info(result.parcel)
            self._show_parcels()
        self._labels_expected = bool(result.print_jobs) or (
            self._labels_expected and result.outcome is not Outcome.ORDER_OPENED)
        self._answer(self._feedback_for(result, seq), result.severity)
        if result.print_jobs:
            self.print_jobs_written.emit(result.print_jobs)

    def handle_rejected(self, rejected: ScanRejected) -> None:
        self._answer(Feedback(Tone.ATTENTION, self.tr("Unreadable scan"), rejected.reason,
                              "rejected", self.feedback.seq + 1), Severity.ATTENTION)

    def _answer(self, feedback: Feedback, severity: Severity) -> None:
        self.feedback = feedback
        self.changed.emit()
        if self._sounds is not None:
            self._sounds.play(severity)

    def _feedback_for(self, result: ScanResult, seq: int) -> Feedback:
        params = dict(result.params)
        pending = self._pending()
        if pending.get("code"):
            params.setdefault("code", pending["code"])
        text = message_for(result.outcome.value, params, result.message)
        return Feedback(_TONE[result.severity], text, self._hint(result.outcome),
                        result.outcome.value, seq)

    def _pending(self) -> dict[str, Any]:
        return dict(self._last_pending or {})

    def _hint(self, outcome: Outcome) -> str:
        if self.order.held:
            return self.tr("The screen stays red until then, or until a lead scans their badge")
        if outcome is Outcome.WEIGHT_OUT_OF_TOLERANCE:
            return self.tr("Check the items and weigh the parcel again, or a lead scans their "
                           "badge and a reason from the command sheet")
        if outcome is Outcome.RELEASE_REASON_NEEDED:
            return self.tr("Scan the reason from the command sheet")
        if outcome is Outcome.ORDER_COMPLETE and self._labels_expected:
            return self.tr("Stick the label on the parcel and scan it")
        if outcome in (Outcome.ORDER_COMPLETE, Outcome.ORDER_HELD, Outcome.PAUSED,
                       Outcome.SESSION_CANCELLED, Outcome.LABEL_CONFIRMED):
            if outcome is Outcome.LABEL_CONFIRMED and self._last_remaining():
                return self.tr("Scan the label of the next parcel")
            return self.tr("Scan the next order, tote or pick list")
        return self._waiting_hint()

    def _last_remaining(self) -> int:
        remaining = self._last_result.params.get("remaining") if self._last_result else 0
        return remaining if isinstance(remaining, int) else 0

    def retranslate(self) -> None:
        """The language changed: say the same things in the new language."""
        self.scanner = replace(self.scanner, label=self.tr("Scanner"))
        self.scale = replace(self.scale, label=self.tr("Scale"))
        self.printer = replace(self.printer, label=self.tr("Printer"))
        for kind, status in self._statuses.items():
            self.on_device_status(status, kind)
        if self._printer_news is not None:
            self.on_printer(self._printer_news, self._printer_colour)
        seq = self.feedback.seq
        if self._last_result is not None and self.feedback.outcome == self._last_result.outcome:
            self.feedback = self._feedback_for(self._last_result, seq)
        elif self.feedback.tone is Tone.IDLE:
            self.feedback = self._idle_feedback(seq)
        self.changed.emit()
        self.devices_changed.emit()

    def _waiting_hint(self) -> str:
        if not self._pack.operator:
            return self.tr("Scan your badge to sign in")
        if self.order.weighing:
            return self.tr("Put the parcel on the scale")
        if not self.order.number or self.order.complete:
            return self.tr("Scan an order, tote or pick list")
        if self.order.mode:
            return self.tr("Now scan the item")
        if self.order.next_index is not None:
            line = self.order.lines[self.order.next_index]
            return self.tr("Next: {name} ({sku})").format(name=line.name, sku=line.sku)
        return self.tr("Scan the next item")

    def _idle_feedback(self, seq: int) -> Feedback:
        if not self._pack.operator:
            text = self.tr("Welcome to station {station}").format(station=self.station)
        elif self.order.number and not self.order.complete:
            text = self.tr("Order {order} is open").format(order=self.order.number)
        else:
            text = self.tr("Ready")
        return Feedback(Tone.IDLE, text, self._waiting_hint(), "", seq)

    # -- the order ---------------------------------------------------------------------------

    def _show_session(self, view: SessionView) -> None:
        if view.order_number != self._details.number:
            self._details = load_order_details(self._sessions, view.order_number)
        self._last_pending = view.pending
        products = self._details.products
        rows = tuple(
            LineRow(x.line_no, x.sku, x.name, x.ordered, x.scanned, x.short, x.state,
                    x.fragile, "serial" if x.serial_tracked else "lot" if x.lot_tracked else "",
                    products[x.sku].image_path if x.sku in products else None)
            for x in view.lines
        )
        pending = view.pending or {}
        weighing = pending.get("need") == "weight"
        if not weighing:
            self._weighed = None  # the next parcel is weighed afresh
        self.order = OrderPanel(
            number=view.order_number, lines=rows, next_index=next_line(rows),
            customer_note=self._details.customer_note, ship_to=self._details.ship_to,
            carrier=self._details.carrier, parcel_seq=view.parcel_seq, parcels=view.parcels,
            complete=view.status == "completed",
            held=pending.get("need") == "ack",
            mode=str(pending.get("mode") or "") if pending.get("need") == "mode" else "",
            weighing=weighing,
            parcel_note=self.order.parcel_note if view.order_number == self.order.number else "",
        )

    def _show_parcel_info(self, known: ParcelInfo | None = None) -> None:
        """The parcel's box and expected weight: as the scan's result brought them (an order
        just opened), else read (a transaction of its own on the GUI thread: the rarer scans
        that change a parcel)."""
        info = known if known is not None else self._pack.parcel_info()
        if info is None:
            return
        parts = []
        box = info.box_type or info.suggested_box
        if box:
            parts.append(self.tr("box {box}").format(box=box))
        # The expected weight grows with every item: it means something once the parcel is
        # being weighed.
        if info.expected_grams is not None and (self.order.weighing or info.weight_grams):
            parts.append(self.tr("expected {kg:.3f} kg ± {tolerance} g").format(
                kg=info.expected_grams / 1000, tolerance=info.tolerance_grams))
        self.order = replace(self.order, parcel_note="  ·  ".join(parts))

    def _show_parcels(self) -> None:
        """Each parcel with its items, when there are several or one is being weighed (one
        small read; a single-parcel order skips it, so most scans do not pay for it)."""
        if self.parcel_reader is None or not (self.order.parcels > 1 or self.order.weighing):
            return
        try:
            rows = tuple(self.parcel_reader(self.order.number))
        except WorkstationError as exc:
            log.warning("parcels of %s not shown: %s", self.order.number, exc)
            return
        self.order = replace(self.order, parcel_rows=rows)

    # -- devices -----------------------------------------------------------------------------

    def on_device_status(self, status: DeviceStatus, kind: str) -> None:
        self._statuses[kind] = status
        if status.state is LinkState.CONNECTED:
            text, ok, remedy = self.tr("connected"), True, ""
        elif status.state is LinkState.STOPPED:
            text, ok, remedy = self.tr("stopped"), False, ""
        else:
            text, ok = self.tr("disconnected"), False
            remedy = status.error.remedy if status.error else self.tr("Check the cable")
        if kind == "scale":
            self.scale = replace(self.scale, ok=ok, text=text, remedy=remedy)
            if not ok:
                self.weight = None
        else:
            self.scanner = replace(self.scanner, ok=ok, text=text, remedy=remedy)
        self.devices_changed.emit()

    def on_device_missing(self, kind: str, problem: str) -> None:
        """The device URL in the settings cannot work at all (not merely unplugged)."""
        line = DeviceLine(self.tr("Scale") if kind == "scale" else self.tr("Scanner"), False,
                          self.tr("not set up"), problem)
        if kind == "scale":
            self.scale = line
        else:
            self.scanner = line
        self.devices_changed.emit()

    def on_weight(self, reading: WeightReading) -> None:
        self.weight = reading
        self.devices_changed.emit()
        if not (self.order.weighing and reading.stable and reading.grams):
            return
        grams = round(reading.grams)
        if grams > 0 and grams != self._weighed:
            # The parcel waits for its weight: a new stable reading is the operator's answer,
            # recorded through the same scan path as a WEIGHT:<grams> barcode.
            self._weighed = grams
            self.handle_scan(ScanInput(f"WEIGHT:{grams}", source=reading.source))

    def on_printer(self, news: Callable[[], tuple[bool | None, str, str]],
                   colour: str | None = None) -> None:
        """``news()`` says (ok, text, what to do) in the current language; kept, so a language
        switch can ask again. ``colour`` tells the printer's states apart in the strip."""
        self._printer_news = news
        self._printer_colour = colour
        ok, text, remedy = news()
        self.printer = replace(self.printer, ok=ok, text=text, remedy=remedy, colour=colour)
        self.devices_changed.emit()
