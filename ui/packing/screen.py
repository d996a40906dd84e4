"""The packing screen: status strip, feedback area, the order's lines and its notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.scan import ScanInput, ScanRejected
from ui.packing.feedback import FeedbackPanel
from ui.packing.label_preview import LabelPreview
from ui.packing.lines import OrderLinesTable
from ui.packing.parcels import ParcelsPanel
from ui.packing.status_strip import StatusStrip
from ui.packing.viewmodel import PackingViewModel


class PackingScreen(QWidget):
    def __init__(self, model: PackingViewModel, preview: LabelPreview | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PackingScreen")
        self.model = model
        self.preview = preview
        self.strip = StatusStrip()
        self.feedback = FeedbackPanel()
        self.summary = QLabel()
        self.summary.setObjectName("OrderSummary")
        self.summary.setStyleSheet("font-size: 22px; padding: 4px 8px;")
        # One line whose text changes on every scan: a fixed height keeps the layout still.
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.summary.setFixedHeight(44)
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
        main.addWidget(self.summary)
        main.addWidget(self.note)
        main.addWidget(self.parcels)
        main.addWidget(self.lines, 3)
        body.addLayout(main, 1)
        if preview is not None:
            body.addWidget(preview)
        layout.addLayout(body, 1)
        model.changed.connect(self.refresh)
        model.devices_changed.connect(self.refresh_devices)
        self.refresh()
        self.refresh_devices()

    def add_footer(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    # The window hands scans here while this page is showing.
    def handle_scan(self, scan: ScanInput) -> None:
        self.model.handle_scan(scan)

    def handle_rejected(self, rejected: ScanRejected) -> None:
        self.model.handle_rejected(rejected)

    def refresh(self) -> None:
        m = self.model
        order = m.order
        self.feedback.show_feedback(m.feedback)
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
        self.summary.setVisible(bool(summary))
        self.note.setText(self.tr("Customer's note: {note}").format(note=order.customer_note)
                          if order.customer_note else "")
        self.note.setVisible(bool(order.customer_note))
        self.lines.show_order(order)
        self.parcels.show_parcels(order.parcel_rows, order.weighing)
        self.parcels.show_weight(m.weight)
        preview = self.preview
        if preview is not None and preview.order_number and order.number \
                and order.number != preview.order_number:
            preview.clear()  # another order is being packed: the last one's labels are old news

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
