"""The packing screen: status strip, feedback area, the order's lines and its notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.scan import ScanInput, ScanRejected
from ui.packing.feedback import FeedbackPanel
from ui.packing.label_preview import LabelPreview
from ui.packing.lines import OrderLinesTable
from ui.packing.parcels import ParcelsPanel
from ui.packing.status_strip import StatusStrip
from ui.packing.viewmodel import PackingViewModel


class _Holder(QWidget):
    """Holds one widget at its own size, outside any layout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._held: QWidget | None = None

    def hold(self, widget: QWidget) -> None:
        self._held = widget
        widget.setParent(self)
        widget.setGeometry(self.rect())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._held is not None:
            self._held.setGeometry(self.rect())
        super().resizeEvent(event)


#: Print jobs are handed on this long after the scan that wrote them if its answer has not
#: painted by then (a hidden window never paints).
JOBS_FALLBACK_MS = 100


class PackingScreen(QWidget):
    #: Print jobs a scan wrote, handed on once that scan's answer is on screen: the label
    #: pictures and the spooler's sending are Python threads, and started at once they would
    #: hold the GIL against the painting of the answer the operator is waiting for.
    jobs_on_screen = Signal(tuple)

    def __init__(self, model: PackingViewModel, preview: LabelPreview | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PackingScreen")
        self.model = model
        self.preview = preview
        self.strip = StatusStrip()
        self.feedback = FeedbackPanel()
        # One line whose text changes on every scan, in a box of its own without a layout: a
        # label's new text asks its layout to lay out again, here the whole screen's.
        self._summary_box = _Holder()
        self._summary_box.setFixedHeight(44)
        self._summary_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.summary = QLabel(self._summary_box)
        self.summary.setObjectName("OrderSummary")
        self.summary.setStyleSheet("font-size: 22px; padding: 4px 8px;")
        self._summary_box.hold(self.summary)
        self.note = QLabel()
        self.note.setObjectName("CustomerNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("background: #FFF8E1; color: #3E2723; font-size: 22px; "
                                "padding: 8px; border-left: 8px solid #FFB300;")
        self.lines = OrderLinesTable()
        self.parcels = ParcelsPanel()
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.strip)
        # The label preview to the right of everything below the strip: a 4x6 label is tall.
        body = QHBoxLayout()
        body.setSpacing(6)
        main = QVBoxLayout()
        main.setSpacing(6)
        main.addWidget(self.feedback, 2)
        main.addWidget(self._summary_box)
        main.addWidget(self.note)
        main.addWidget(self.parcels)
        main.addWidget(self.lines, 3)
        body.addLayout(main, 1)
        if preview is not None:
            body.addWidget(preview)
        layout.addLayout(body, 1)
        model.changed.connect(self.refresh)
        model.devices_changed.connect(self.refresh_devices)
        self._held_jobs: list[tuple[int, tuple[int, ...]]] = []  # (answer's seq, job ids)
        self._jobs_timer = QTimer(self)
        self._jobs_timer.setSingleShot(True)
        self._jobs_timer.timeout.connect(lambda: self._release_jobs(None))
        model.print_jobs_written.connect(self._hold_jobs)
        self.feedback.painted.connect(self._answer_painted)
        self.refresh()
        self.refresh_devices()

    def _hold_jobs(self, jobs: tuple[int, ...]) -> None:
        self._held_jobs.append((self.model.feedback.seq, jobs))
        if not self._jobs_timer.isActive():
            self._jobs_timer.start(JOBS_FALLBACK_MS)

    def _answer_painted(self, seq: int) -> None:
        """The answer is painted, not yet on screen: the window's picture is handed to the
        screen when the paint returns. The jobs go on from the event loop, right after it."""
        if self._held_jobs:
            QTimer.singleShot(0, self, lambda: self._release_jobs(seq))

    def _release_jobs(self, painted_seq: int | None) -> None:
        """Hand on the jobs whose answer has painted (``None``: all of them, the fallback)."""
        ready = [jobs for seq, jobs in self._held_jobs
                 if painted_seq is None or seq <= painted_seq]
        if not ready:
            return
        self._held_jobs = [(seq, jobs) for seq, jobs in self._held_jobs
                           if not (painted_seq is None or seq <= painted_seq)]
        if not self._held_jobs:
            self._jobs_timer.stop()
        for jobs in ready:
            self.jobs_on_screen.emit(jobs)

    def add_footer(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    # The window hands scans here while this page is showing.
    def handle_scan(self, scan: ScanInput) -> None:
        if self.preview is not None:
            self.preview.hold_off()  # no label picture made while the operator scans
        self.model.handle_scan(scan)

    def handle_rejected(self, rejected: ScanRejected) -> None:
        self.model.handle_rejected(rejected)

    def refresh(self) -> None:
        m = self.model
        order = m.order
        if self.feedback.show_feedback(m.feedback) and self.feedback.isVisible():
            # The answer first, on its own: painted and handed to the screen now, before the
            # rest of the screen (the order's lines, the summary) is changed and painted in the
            # next frame. The colour is what the operator waits for; a table of lines to lay
            # out and paint must not hold it back (bench ui: ``*_gui`` against ``settled``).
            self.feedback.repaint()
        self.strip.station.set(m.station)
        self.strip.operator.set(m.operator)
        self.strip.order.set(order.number)
        parcel = ""
        if order.parcel_seq is not None:
            parcel = self.tr("{n} (of {count})").format(n=order.parcel_seq,
                                                       count=max(order.parcels, 1))
        self.strip.parcel.set(parcel)
        summary = []
        if order.number:
            units = sum(x.ordered for x in order.lines)
            done = sum(min(x.scanned + x.short, x.ordered) for x in order.lines)
            summary.append(self.tr("{done} of {units} units").format(done=done, units=units))
            if order.ship_to:
                summary.append(self.tr("to {who}").format(who=order.ship_to))
            if order.carrier:
                summary.append(order.carrier)
        if order.parcel_note:
            summary.append(order.parcel_note)
        if order.mode:
            summary.append(self.tr("Mode: {mode}").format(mode=order.mode.upper()))
        self.summary.setText("   ·   ".join(summary))
        self._summary_box.setVisible(bool(summary))
        self.note.setText(self.tr("Customer's note: {note}").format(note=order.customer_note)
                          if order.customer_note else "")
        self.note.setVisible(bool(order.customer_note))
        self.lines.show_order(order)
        self.parcels.show_parcels(order.parcel_rows, order.weighing)
        self.parcels.show_weight(m.weight)
        if self.preview is not None:
            # Another order being packed: the last one's labels are old news.
            self.preview.order_on_screen(order.number)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.strip.retranslate()
            self.lines.retranslate()
            self.model.retranslate()
        super().changeEvent(event)

    def theme_changed(self) -> None:
        self.lines.restyle()
        self.refresh()

    def refresh_devices(self) -> None:
        m = self.model
        self.strip.show_devices(m.scanner, m.scale, m.printer, m.weight)
        self.parcels.show_weight(m.weight)
