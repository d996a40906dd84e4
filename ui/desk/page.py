"""The desk page: find an order (type, or scan any of its labels), see everything, reprint, void."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from devices.scan import ScanInput
from ui.context import StationContext
from ui.desk.model import DeskViewModel, Notice
from ui.desk.reason_dialog import ReasonDialog
from ui.messages import job_kind_text
from ui.setup.widgets import TITLE_STYLE
from ui.tasks import TaskRunner
from workstation.services.operators import OperatorInfo

log = logging.getLogger(__name__)


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    table.resizeColumnsToContents()


class DeskPage(QWidget):
    def __init__(self, context: StationContext,
                 current_operator: Callable[[], OperatorInfo | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DeskViewModel(context.app.sessions, context.settings.station,
                                   current_operator, context.settings)
        self.tasks = TaskRunner(self)
        self._build()
        self.model.subscribe(self._render)
        self.tasks.busy_changed.connect(self._busy)
        self.retranslate()
        self._render()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.search = QLineEdit(self)
        self.search.setMinimumHeight(48)
        self.search.returnPressed.connect(lambda: self.look_up(self.search.text()))
        self.search_button = QPushButton(self)
        self.search_button.setMinimumHeight(48)
        self.search_button.clicked.connect(lambda: self.look_up(self.search.text()))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.search_button)
        self.matches = QListWidget(self)
        self.matches.itemActivated.connect(self._open_match)
        self.matches.itemClicked.connect(self._open_match)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        self.parcels = _table(self)
        self.labels = _table(self)
        self.history = _table(self)
        self.scans = _table(self)
        self.audit = _table(self)
        for table in (self.parcels, self.labels, self.history, self.scans, self.audit):
            self.tabs.addTab(table, "")
        self.reprint_all = QPushButton(self)
        self.reprint_some = QPushButton(self)
        self.void_button = QPushButton(self)
        for button in (self.reprint_all, self.reprint_some, self.void_button):
            button.setMinimumHeight(48)
        self.reprint_all.clicked.connect(lambda: self._ask_reprint(choose=False))
        self.reprint_some.clicked.connect(lambda: self._ask_reprint(choose=True))
        self.void_button.clicked.connect(self._ask_void)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_all)
        actions.addWidget(self.reprint_some)
        actions.addWidget(self.void_button)
        actions.addStretch(1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addLayout(actions)
        split = QSplitter(self)
        split.addWidget(self.matches)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([250, 1110])
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.notice)

    # -- language ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Desk: find an order, reprint labels"))
        self.search.setPlaceholderText(self.tr(
            "Order number, tracking number, SSCC, tote or customer name, or scan a label"))
        self.search_button.setText(self.tr("Find"))
        for index, text in enumerate((self.tr("Parcels"), self.tr("Labels and print history"),
                                      self.tr("Status history"), self.tr("Scans"),
                                      self.tr("Audit"))):
            self.tabs.setTabText(index, text)
        self.parcels.setColumnCount(6)
        self.parcels.setHorizontalHeaderLabels([
            self.tr("Parcel"), self.tr("Status"), self.tr("Box"), self.tr("Weight (g)"),
            self.tr("Tracking number"), self.tr("SSCC")])
        self.labels.setColumnCount(7)
        self.labels.setHorizontalHeaderLabels([
            self.tr("Job"), self.tr("Parcel"), self.tr("Kind"), self.tr("State"),
            self.tr("Created"), self.tr("Reprint of"), self.tr("Reason")])
        self.history.setColumnCount(4)
        self.history.setHorizontalHeaderLabels([
            self.tr("From"), self.tr("To"), self.tr("At"), self.tr("Reason")])
        self.scans.setColumnCount(5)
        self.scans.setHorizontalHeaderLabels([
            self.tr("At"), self.tr("Scanned"), self.tr("Outcome"), self.tr("Quantity"),
            self.tr("Message")])
        self.audit.setColumnCount(4)
        self.audit.setHorizontalHeaderLabels([
            self.tr("At"), self.tr("Action"), self.tr("Operator"), self.tr("Reason")])
        self.reprint_all.setText(self.tr("Reprint all labels…"))
        self.reprint_some.setText(self.tr("Reprint one parcel…"))
        self.void_button.setText(self.tr("Void selected label…"))

    def notice_text(self, notice: Notice | None) -> str:
        if notice is None:
            return self.tr("Scan any label of a parcel, or type what you know about the order.")
        p = notice.params
        texts = {
            "not_found": lambda: self.tr("Nothing found for {query}").format(**p),
            "found_many": lambda: self.tr("{count} orders found: choose one").format(**p),
            "found": lambda: self.tr("Order {order} found").format(**p),
            "reprinted": lambda: self.tr(
                "{count} label(s) of order {order} sent to print again").format(**p),
            "voided": lambda: self.tr("Label {job} voided").format(**p),
            "error": lambda: self.tr("Could not do that: {error}").format(**p),
        }
        return texts[notice.code]()

    # -- actions ----------------------------------------------------------------------------

    def handle_scan(self, scan: ScanInput) -> None:
        """The window routes scans here while the desk shows: a scanned label looks it up."""
        self.search.setText(scan.text.replace("\x1d", "<GS>"))
        self.look_up(scan.text)

    def look_up(self, text: str) -> None:
        text = text.replace("<GS>", "\x1d").strip()
        if not text:
            return
        self.tasks.submit(lambda _p: self.model.find(text),
                          lambda found: self._found(text, found), self.model.failed)

    def _found(self, text: str, found: Any) -> None:
        number = self.model.matches_loaded(text, found)
        if number is not None:
            self.open_order(number)

    def open_order(self, number: str) -> None:
        self.tasks.submit(lambda _p: self.model.load(number), self.model.order_loaded,
                          self.model.failed)

    def _open_match(self, item: QListWidgetItem) -> None:
        self.open_order(str(item.data(Qt.ItemDataRole.UserRole)))

    def _ask_reprint(self, choose: bool) -> None:
        parcels = self.model.parcel_numbers() if choose else None
        dialog = ReasonDialog(self.tr("Reprint labels"), parcels, self)
        if dialog.exec() != ReasonDialog.DialogCode.Accepted:
            return
        self.reprint(dialog.reason_text(), dialog.parcel())

    def reprint(self, reason: str, parcel: int | None = None, kind: str | None = None) -> None:
        self.tasks.submit(lambda _p: self.model.reprint(reason, parcel, kind),
                          self._reprinted, self.model.failed)

    def _reprinted(self, job_ids: Any) -> None:
        self.model.reprinted(job_ids)
        if self.model.number:
            self.open_order(self.model.number)

    def _ask_void(self) -> None:
        rows = self.model.label_rows()
        index = self.labels.currentRow()
        if not 0 <= index < len(rows):
            self.notice.setText(self.tr("Choose the label to void in the labels tab first."))
            return
        dialog = ReasonDialog(self.tr("Void label {job}").format(job=rows[index].job_id),
                              None, self)
        if dialog.exec() == ReasonDialog.DialogCode.Accepted:
            self.void(rows[index].job_id, dialog.reason_text())

    def void(self, job_id: int, reason: str) -> None:
        def voided(done: Any) -> None:
            self.model.voided(int(done))
            if self.model.number:
                self.open_order(self.model.number)

        self.tasks.submit(lambda _p: self.model.void(job_id, reason), voided, self.model.failed)

    def _busy(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    # -- rendering --------------------------------------------------------------------------

    def _render(self) -> None:
        model = self.model
        self.notice.setText(self.notice_text(model.notice))
        self.notice.setProperty("error", bool(model.notice and model.notice.error))
        self.matches.clear()
        for match in model.matches:
            item = QListWidgetItem(f"{match.number}  ·  {match.status}\n{match.customer}")
            item.setData(Qt.ItemDataRole.UserRole, match.number)
            self.matches.addItem(item)
        order = model.order
        has_labels = model.can_reprint()
        self.reprint_all.setEnabled(has_labels)
        self.reprint_some.setEnabled(has_labels and len(model.parcel_numbers()) > 0)
        self.void_button.setEnabled(bool(model.label_rows()))
        if order is None:
            self.header.setText("")
            for table in (self.parcels, self.labels, self.history, self.scans, self.audit):
                table.setRowCount(0)
            return
        ship = order["ship_to"]
        address = ", ".join(filter(None, [ship["name"], ship.get("company"),
                                          *ship["address_lines"], ship["city"],
                                          ship.get("postcode"), ship["country"]]))
        e = html.escape  # names and addresses are whatever the customer typed
        self.header.setText(
            f"<b style='font-size:18pt'>{e(order['number'])}</b> &nbsp; {e(order['status'])}"
            f"<br>{e(order['customer']['name'])} &nbsp;·&nbsp; {e(order['carrier'])}"
            f"<br>{e(address)}")
        _fill(self.parcels, [[p["seq"], p["status"], p["box_type"], p["weight_grams"],
                              p["tracking_number"], p["sscc"]] for p in order["parcels"]])
        rows = model.label_rows()
        _fill(self.labels, [[r.job_id, r.parcel, job_kind_text(r.kind), r.state,
                             r.created_at[:16].replace("T", " "), r.reprint_of, r.reason]
                            for r in rows])
        for index, row in enumerate(rows):  # where it went: on hover, the table stays narrow
            for column in range(self.labels.columnCount()):
                cell = self.labels.item(index, column)
                if cell is not None:
                    cell.setToolTip(self.tr("Printer: {url}").format(url=row.printer))
        _fill(self.history, [[h["from"], h["to"], (h["at"] or "")[:19], h["reason"]]
                             for h in order["history"]])
        _fill(self.scans, [[(e["at"] or "")[:19], e["raw"].replace("\x1d", "<GS>"),
                            e["outcome"], e["quantity"], e["message"]]
                           for e in order.get("events", [])])
        _fill(self.audit, [[a["at"][:19], a["action"], a["operator"], a["reason"]]
                           for a in order.get("audit", [])])

    def closeEvent(self, event: Any) -> None:
        self.tasks.close()
        super().closeEvent(event)
