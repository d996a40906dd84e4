"""The drill-down window: the orders and the scan events behind one figure."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.board.tables import FigureTable
from workstation.services.reports.drill import Drill


class DrillDialog(QDialog):
    def __init__(self, drill: Drill, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Behind the figure: {what}")
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            f"{what}: {len(drill.orders.rows)} orders, {len(drill.events.rows)} scan events "
            f"({drill.window.start:%Y-%m-%d %H:%M} to {drill.window.end:%H:%M} UTC)", self))
        tabs = QTabWidget(self)
        self.orders = FigureTable(drill.orders.columns, tabs)
        self.orders.show_rows(drill.orders.rows)
        self.events = FigureTable(drill.events.columns, tabs)
        self.events.show_rows(drill.events.rows)
        tabs.addTab(self.orders, "Orders")
        tabs.addTab(self.events, "Scan events")
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
