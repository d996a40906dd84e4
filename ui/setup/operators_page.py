"""Operators (admins only): add people, disable them, set badges, PINs and roles."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.enums import Role
from devices.scan import ScanInput
from ui.context import StationContext
from ui.setup.operators_model import OperatorsModel
from ui.setup.widgets import GROUP_STYLE, TITLE_STYLE, TOUCH, result_label, show_result
from ui.tasks import TaskRunner
from workstation.services.operator_admin import OperatorAdmin
from workstation.services.operators import OperatorInfo

log = logging.getLogger(__name__)


class OperatorsPage(QWidget):
    def __init__(self, context: StationContext,
                 current_operator: Callable[[], OperatorInfo | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OperatorsModel(OperatorAdmin(context.app.sessions), current_operator)
        self.tasks = TaskRunner(self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        self.code, self.name = QLineEdit(self), QLineEdit(self)
        self.badge, self.pin = QLineEdit(self), QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(role.value, role.value)
        for field in (self.code, self.name, self.badge, self.pin, self.role):
            field.setMinimumHeight(TOUCH)
        self.add_button, self.update_button = QPushButton(self), QPushButton(self)
        self.toggle_button, self.refresh_button = QPushButton(self), QPushButton(self)
        for button in (self.add_button, self.update_button, self.toggle_button,
                       self.refresh_button):
            button.setMinimumHeight(TOUCH)
        self.add_button.clicked.connect(self.add)
        self.update_button.clicked.connect(self.update_selected)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.notice = result_label(self)
        self._captions = [QLabel(self) for _ in range(5)]
        self.form_box = QGroupBox(self)
        self.form_box.setStyleSheet(GROUP_STYLE)
        form = QFormLayout(self.form_box)
        inputs: tuple[QWidget, ...] = (self.code, self.name, self.role, self.badge, self.pin)
        for caption, widget in zip(self._captions, inputs, strict=True):
            form.addRow(caption, widget)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.update_button, self.toggle_button,
                       self.refresh_button):
            buttons.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(self.form_box)
        side.addLayout(buttons)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.notice)
        self.model.subscribe(self._render)
        self.retranslate()
        self.refresh()

    # -- actions (each runs in a worker; the service checks the admin) -----------------------

    def _run(self, work: Callable[[], Any]) -> None:
        self.tasks.submit(lambda _p: work(), lambda rows: self.model.loaded(rows, saved=True),
                          self.model.failed)

    def refresh(self) -> None:
        self.tasks.submit(lambda _p: self.model.load(), self.model.loaded, self.model.failed)

    def add(self) -> None:
        code, name, badge, pin = (self.code.text(), self.name.text(), self.badge.text(),
                                  self.pin.text())
        role = Role(str(self.role.currentData()))
        self._run(lambda: self.model.add(code, name, role, badge, pin))
        self.pin.clear()

    def update_selected(self) -> None:
        """Role, badge and (when typed) PIN of the selected operator."""
        row = self._current()
        if row is None:
            return
        role, badge, pin = Role(str(self.role.currentData())), self.badge.text(), self.pin.text()

        def work() -> Any:
            if role is not row.role:
                self.model.set_role(row.code, role)
            if (badge or None) != row.badge:
                self.model.set_badge(row.code, badge)
            if pin:
                self.model.set_pin(row.code, pin)
            return self.model.load()

        self._run(work)
        self.pin.clear()

    def toggle_selected(self) -> None:
        row = self._current()
        if row is not None:
            self._run(lambda: self.model.set_active(row.code, not row.active))

    def handle_scan(self, scan: ScanInput) -> None:
        """A badge scanned on this page goes into the badge field."""
        self.badge.setText(scan.text)

    def _current(self) -> Any:
        index = self.table.currentRow()
        return self.model.rows[index] if 0 <= index < len(self.model.rows) else None

    def _selected(self) -> None:
        row = self._current()
        if row is None:
            return
        self.code.setText(row.code)
        self.name.setText(row.name)
        self.role.setCurrentIndex(self.role.findData(row.role.value))
        self.badge.setText(row.badge or "")
        self.pin.clear()
        self.toggle_button.setText(self.tr("Disable") if row.active else self.tr("Enable"))

    # -- words and rendering ----------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render()
        super().changeEvent(event)

    def role_name(self, role: Role) -> str:
        return {Role.OPERATOR: self.tr("Operator"), Role.LEAD: self.tr("Lead"),
                Role.ADMIN: self.tr("Admin")}[role]

    def retranslate(self) -> None:
        self.title.setText(self.tr("Operators"))
        self.form_box.setTitle(self.tr("Operator"))
        for caption, text in zip(self._captions, (self.tr("Code"), self.tr("Name"),
                                                  self.tr("Role"), self.tr("Badge"),
                                                  self.tr("PIN (4-12 digits)")), strict=True):
            caption.setText(text)
        for index, role in enumerate(Role):
            self.role.setItemText(index, self.role_name(role))
        self.badge.setPlaceholderText(self.tr("Scan the badge"))
        self.pin.setPlaceholderText(self.tr("Leave empty to keep the PIN"))
        self.add_button.setText(self.tr("Add"))
        self.update_button.setText(self.tr("Save changes"))
        self.toggle_button.setText(self.tr("Disable / enable"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Role"),
                                              self.tr("Badge"), self.tr("Status")])

    def _render(self) -> None:
        model = self.model
        rows = model.rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [row.code, row.name, self.role_name(row.role),
                     self.tr("yes") if row.badge else self.tr("no"),
                     self.tr("active") if row.active else self.tr("disabled")]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        notice = model.notice
        allowed = notice is None or notice.code != "denied"
        for widget in (self.form_box, self.add_button, self.update_button, self.toggle_button):
            widget.setEnabled(allowed)
        if notice is None or notice.code == "loaded":
            self.notice.setText("")
        elif notice.code == "saved":
            show_result(self.notice, self.tr("Saved."), True)
        elif notice.code == "denied":
            show_result(self.notice, self.tr("Only an admin may manage operators: {reason}")
                        .format(reason=notice.text), False)
        else:
            show_result(self.notice, self.tr("Not saved: {error}").format(error=notice.text),
                        False)

    def closeEvent(self, event: Any) -> None:
        self.tasks.close()
        super().closeEvent(event)
