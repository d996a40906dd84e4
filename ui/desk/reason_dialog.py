"""Asking why: a reprint or a void is audited with the reason the operator gives here."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.desk.model import REPRINT_REASONS


class ReasonDialog(QDialog):
    """A reason (chosen or typed) and, for a reprint, which labels: all, or one parcel's."""

    def __init__(self, title: str, parcels: list[int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.setMinimumWidth(460)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.setMinimumHeight(48)
        self._reason_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self._reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.scope = QButtonGroup(self)
        self._all = QRadioButton(self)
        self._parcels: list[tuple[int, QRadioButton]] = []
        if parcels is not None:
            self._all.setChecked(True)
            self.scope.addButton(self._all, 0)
            layout.addWidget(self._all)
            for seq in parcels:
                button = QRadioButton(self)
                self.scope.addButton(button, seq)
                self._parcels.append((seq, button))
                layout.addWidget(button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def parcel(self) -> int | None:
        chosen = self.scope.checkedId()
        return chosen if chosen > 0 else None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self._title)
        self._reason_label.setText(self.tr("Reason"))
        words = {
            "label_damaged": self.tr("Label damaged or unreadable"),
            "printer_jam": self.tr("Printer jammed"),
            "label_lost": self.tr("Label lost"),
            "wrong_parcel": self.tr("Label on the wrong parcel"),
            "other": self.tr("Other"),
        }
        current = self.reason.currentText()
        self.reason.clear()
        self.reason.addItems([words[r] for r in REPRINT_REASONS])
        if current:
            self.reason.setEditText(current)
        self._all.setText(self.tr("All labels of the order"))
        for seq, button in self._parcels:
            button.setText(self.tr("Only parcel {seq}").format(seq=seq))
