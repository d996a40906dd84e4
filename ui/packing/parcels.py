"""The order's parcels (when it has several) and, while a parcel waits for its weight, the
scale's live reading against the weight it should have: green within tolerance, amber outside.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from devices.weight import WeightReading
from workstation.services.parcels_view import ParcelView

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

WITHIN = ("#1B7F3B", "#FFFFFF")  # background, text
OUTSIDE = ("#FFB300", "#111111")
WAITING = ("#455A64", "#FFFFFF")


def _kg(grams: float) -> str:
    return f"{grams / 1000:.3f} kg"


def parcel_text(parcel: ParcelView) -> str:
    parts = [translate("Parcels", "Parcel {n}").format(n=parcel.seq)]
    if parcel.box:
        parts.append(translate("Parcels", "box {box}").format(box=parcel.box)
                     + ("" if parcel.box_type else translate("Parcels", " (suggested)")))
    expected = (translate("Parcels", "expected {kg} ± {tolerance} g").format(
        kg=_kg(parcel.expected_grams), tolerance=parcel.tolerance_grams)
        if parcel.expected_grams is not None else "")
    if parcel.weight_grams is not None:
        parts.append(_kg(parcel.weight_grams) + (f" ({expected})" if expected else ""))
    elif expected:
        parts.append(expected)
    items = ", ".join(f"{i.sku} ×{i.quantity}" for i in parcel.items)
    parts.append(items or translate("Parcels", "empty"))
    return "  ·  ".join(parts)


class ParcelsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ParcelsPanel")
        self.rows: list[QLabel] = []
        self._open: ParcelView | None = None
        self._weighing = False
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(2)
        self.scale = QLabel()
        self.scale.setObjectName("LiveWeight")
        self.scale.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scale.setMinimumHeight(56)
        self.scale.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.scale.hide()
        layout.addWidget(self.scale)
        self.within: bool | None = None  # the live reading: within tolerance, outside, unknown
        self._colours: tuple[str, str] | None = None
        self.hide()

    def show_parcels(self, parcels: tuple[ParcelView, ...], weighing: bool) -> None:
        self._weighing = weighing
        self._open = next((p for p in parcels if p.status == "open"), None)
        shown = parcels if len(parcels) > 1 else ()
        while len(self.rows) > len(shown):
            row = self.rows.pop()
            self._layout.removeWidget(row)
            row.deleteLater()
        while len(self.rows) < len(shown):
            row = QLabel()
            row.setStyleSheet("font-size: 20px; padding: 2px;")
            row.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.rows.append(row)
            self._layout.insertWidget(len(self.rows) - 1, row)
        for row, parcel in zip(self.rows, shown, strict=True):
            text = parcel_text(parcel)
            row.setText(text)
            row.setAccessibleName(text)
            weight = "" if parcel.weight_ok is not False else f"color: {OUTSIDE[0]};"
            mark = "font-weight: bold;" if parcel.status == "open" else ""
            style = f"font-size: 20px; padding: 2px; {weight} {mark}"
            if row.styleSheet() != style:  # style sheets are slow to apply: only on a change
                row.setStyleSheet(style)
        self.scale.setVisible(weighing)
        self.setVisible(bool(shown) or weighing)

    def show_weight(self, reading: WeightReading | None) -> None:
        if not self._weighing:
            return
        parcel = self._open
        expected = parcel.expected_grams if parcel is not None else None
        if reading is None or reading.grams is None or reading.grams <= 0:
            self.within = None
            text = translate("Parcels", "Put the parcel on the scale")
            colours = WAITING
        else:
            grams = float(reading.grams)
            if expected is None or parcel is None:
                self.within = None
                colours = WAITING
                target = translate("Parcels", "no expected weight")
            else:
                self.within = abs(grams - expected) <= parcel.tolerance_grams
                colours = WITHIN if self.within else OUTSIDE
                target = translate("Parcels", "expected {kg} ± {tolerance} g").format(
                    kg=_kg(expected), tolerance=parcel.tolerance_grams)
            settling = "" if reading.stable else translate("Parcels", " (settling)")
            text = f"{_kg(grams)}{settling}  ·  {target}"
        self.scale.setText(f"<b>{html.escape(text)}</b>")
        self.scale.setAccessibleName(text)
        if colours != self._colours:  # style sheets are slow: the reading changes often
            self._colours = colours
            self.scale.setStyleSheet(f"background: {colours[0]}; color: {colours[1]}; "
                                     "font-size: 26px; padding: 6px;")
