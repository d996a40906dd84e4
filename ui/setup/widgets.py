"""Small widgets the set-up pages share: a device chooser that takes a typed URL too."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from workstation.services.station_setup import DeviceChoice

TOUCH = 48  # px: the smallest target a gloved finger hits
TITLE_STYLE = "font-size: 26px; font-weight: bold;"
#: qt-material draws group titles pale; the station needs them readable from a metre away.
GROUP_STYLE = "QGroupBox::title { color: palette(window-text); font-weight: bold; }"


class DeviceCombo(QComboBox):
    """Offers what was found (``url — description``); any other URL may be typed in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setMinimumHeight(TOUCH)
        self.setMinimumWidth(380)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

    def offer(self, choices: Sequence[DeviceChoice], current: str) -> None:
        self.blockSignals(True)
        self.clear()
        for choice in choices:
            self.addItem(f"{choice.url}  —  {choice.description}", choice.url)
            self.setItemData(self.count() - 1, choice.description, Qt.ItemDataRole.ToolTipRole)
        self.blockSignals(False)
        self.set_url(current)

    def set_url(self, url: str) -> None:
        index = self.findData(url)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(url)

    def url(self) -> str:
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == self.currentText():
            return str(self.itemData(index))
        return self.currentText().strip()


def result_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setMinimumHeight(TOUCH)
    return label


def show_result(label: QLabel, text: str, ok: bool | None) -> None:
    """Green for a passed test, red for a failed one, plain while waiting."""
    colour = {True: "#1b7f2a", False: "#c62828", None: ""}[ok]
    label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
    label.setText(text)
