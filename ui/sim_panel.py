"""The simulator panel: for a station running on ``sim://`` devices (the demo), a way to scan,
unplug the scanner and put a weight on the scale without the hardware."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from devices.sim import SimScale, SimScanner


class SimPanel(QWidget):
    def __init__(self, scanner: SimScanner | None, scale: SimScale | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SimPanel")
        self._scanner = scanner
        self._scale = scale
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel(self.tr("Simulator:")))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("type a code, Enter scans it"))
        self.code.returnPressed.connect(self.scan)
        layout.addWidget(self.code, 2)
        self.plug = QPushButton(self.tr("Unplug scanner"))
        self.plug.setCheckable(True)
        self.plug.toggled.connect(self._plug)
        layout.addWidget(self.plug)
        self.grams = QLineEdit()
        self.grams.setPlaceholderText(self.tr("grams on the scale"))
        self.grams.returnPressed.connect(self.place)
        layout.addWidget(self.grams, 1)
        self.code.setEnabled(scanner is not None)
        self.plug.setEnabled(scanner is not None)
        self.grams.setEnabled(scale is not None)

    def scan(self) -> None:
        text = self.code.text().strip()
        if text and self._scanner is not None:
            self._scanner.scan(text)
        self.code.clear()

    def place(self) -> None:
        try:
            grams = Decimal(self.grams.text().strip() or "0")
        except InvalidOperation:
            self.grams.selectAll()
            return
        if self._scale is not None:
            self._scale.place(grams)

    def _plug(self, unplugged: bool) -> None:
        if self._scanner is None:
            return
        if unplugged:
            self._scanner.unplug()
        else:
            self._scanner.plug()
        self.plug.setText(self.tr("Plug scanner in") if unplugged else self.tr("Unplug scanner"))
