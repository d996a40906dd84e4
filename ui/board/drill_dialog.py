"""The drill-down window: the orders and the scan events behind one figure."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.board.tables import FigureTable
from workstation.services.reports.drill import Drill


class DrillDialog(QDialog):
    def __init__(self, drill: Drill, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Behind the figure: {what}").format(what=what))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "{what}: {orders} orders, {events} scan events ({start} to {end} UTC)").format(
                what=what, orders=len(drill.orders.rows), events=len(drill.events.rows),
                start=f"{drill.window.start:%Y-%m-%d %H:%M}", end=f"{drill.window.end:%H:%M}"),
            self))
        tabs = QTabWidget(self)
        self.orders = FigureTable(drill.orders.columns, tabs)
        self.orders.show_rows(drill.orders.rows)
        self.events = FigureTable(drill.events.columns, tabs)
        self.events.show_rows(drill.events.rows)
        tabs.addTab(self.orders, self.tr("Orders"))
        tabs.addTab(self.events, self.tr("Scan events"))
        layout.addWidget(tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
