"""The strip along the top: who, where, which order and parcel, and the devices' health.

A device that is not working is also spelled out in a bar below the strip, with what to do:
an operator must not have to guess why scans do nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.weight import WeightReading
from ui.packing.state import DeviceLine

_DOT = {True: "#2E7D32", False: "#C62828", None: "#9E9E9E"}


class _Field(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 16, 0)
        layout.setSpacing(0)
        self.title = QLabel(title)
        self.title.setObjectName("StatusTitle")
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 24px; font-weight: bold;")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.title)
        layout.addWidget(self.value)

    def set(self, text: str) -> None:
        self.value.setText(text or "–")


class _DevicePill(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(40)
        # The scale's reading changes several times a second: do not relayout the window for it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextFormat(Qt.TextFormat.RichText)

    def show_line(self, line: DeviceLine, extra: str = "") -> None:
        dot = line.colour or _DOT[line.ok]
        text = f"{line.label}: {line.text}{extra}"
        self.setText(f'<span style="color:{dot}; font-size:28px">●</span> '
                     f'<span style="font-size:20px">{_escape(text)}</span>')
        self.setToolTip(line.remedy)
        self.setAccessibleName(text)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class StatusStrip(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusStrip")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 4)
        row = QHBoxLayout()
        self.station = _Field("")
        self.operator = _Field("")
        self.order = _Field("")
        self.parcel = _Field("")
        for field in (self.station, self.operator, self.order, self.parcel):
            row.addWidget(field)
        row.addStretch(1)
        outer.addLayout(row)
        # The devices on a row of their own: a long printer message must not squeeze the rest.
        devices = QHBoxLayout()
        self.scanner = _DevicePill()
        self.scale = _DevicePill()
        self.printer = _DevicePill()
        for pill in (self.scanner, self.scale, self.printer):
            devices.addWidget(pill, 1)
        outer.addLayout(devices)
        self.alert = QLabel()
        self.alert.setObjectName("DeviceAlert")
        self.alert.setWordWrap(True)
        self.alert.setStyleSheet("background: #C62828; color: white; font-size: 22px; "
                                 "font-weight: bold; padding: 8px;")
        self.alert.hide()
        outer.addWidget(self.alert)
        self.retranslate()

    def retranslate(self) -> None:
        self.station.title.setText(self.tr("Station"))
        self.operator.title.setText(self.tr("Operator"))
        self.order.title.setText(self.tr("Order"))
        self.parcel.title.setText(self.tr("Parcel"))

    def show_devices(self, scanner: DeviceLine, scale: DeviceLine, printer: DeviceLine,
                     weight: WeightReading | None) -> None:
        self.scanner.show_line(scanner)
        extra = ""
        if weight is not None and scale.ok:
            if weight.grams is None:
                extra = f" · {weight.state.value}"
            else:
                stable = self.tr("stable") if weight.stable else self.tr("settling")
                extra = f" · {weight.grams / 1000:.3f} kg ({stable})"
        self.scale.show_line(scale, extra)
        self.printer.show_line(printer)
        problems = [f"{d.label} {d.text}: {d.remedy}" if d.remedy else f"{d.label} {d.text}"
                    for d in (scanner, printer) if d.ok is False]
        self.alert.setText("\n".join(problems))
        self.alert.setVisible(bool(problems))
