"""The board's tables: figures from the report laid out, and which drill-down a cell opens."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ui.board.model import DrillRequest
from workstation.services.reports import Table
from workstation.services.reports.drill import DrillKind

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

LATE = QColor("#C62828")
SOON = QColor("#FFB300")

# The columns of a station or operator row: throughput, then accuracy.
PEOPLE_COLUMNS = ("orders", "units", "orders_per_hour", "avg_seconds", "p90_seconds", "scans",
                  "wrong_item_per_1000", "over_scan_per_1000")


def merged(throughput: Table | None, accuracy: Table | None, key: str) -> list[tuple[Any, ...]]:
    """Throughput and accuracy side by side, one row per station (or operator)."""
    put = throughput.by(key) if throughput else {}
    acc = accuracy.by(key) if accuracy else {}
    rows = []
    for name in sorted(set(put) | set(acc)):
        t, a = put.get(name, {}), acc.get(name, {})
        rows.append((name, t.get("orders", 0), t.get("units", 0), t.get("orders_per_hour", 0.0),
                     t.get("avg_seconds"), t.get("p90_seconds"), a.get("scans", 0),
                     a.get("wrong_item_per_1000", 0.0), a.get("over_scan_per_1000", 0.0)))
    return rows


# Short headers: a board is read across a room, and the columns are narrow. Marked for
# pyside6-lupdate here, translated when a table is made; a column not listed (a drill-down's)
# shows its name with spaces.
HEADERS: dict[str, str] = {
    "order": str(QT_TRANSLATE_NOOP("Board", "order")),
    "carrier": str(QT_TRANSLATE_NOOP("Board", "carrier")),
    "cutoff": str(QT_TRANSLATE_NOOP("Board", "cutoff")),
    "status": str(QT_TRANSLATE_NOOP("Board", "status")),
    "minutes_left": str(QT_TRANSLATE_NOOP("Board", "min left")),
    "station": str(QT_TRANSLATE_NOOP("Board", "station")),
    "operator": str(QT_TRANSLATE_NOOP("Board", "operator")),
    "orders": str(QT_TRANSLATE_NOOP("Board", "orders")),
    "units": str(QT_TRANSLATE_NOOP("Board", "units")),
    "orders_per_hour": str(QT_TRANSLATE_NOOP("Board", "orders/h")),
    "avg_seconds": str(QT_TRANSLATE_NOOP("Board", "avg s")),
    "p90_seconds": str(QT_TRANSLATE_NOOP("Board", "p90 s")),
    "scans": str(QT_TRANSLATE_NOOP("Board", "scans")),
    "wrong_item_per_1000": str(QT_TRANSLATE_NOOP("Board", "wrong/1k")),
    "over_scan_per_1000": str(QT_TRANSLATE_NOOP("Board", "over/1k")),
    "due": str(QT_TRANSLATE_NOOP("Board", "due")),
    "done": str(QT_TRANSLATE_NOOP("Board", "done")),
    "remaining": str(QT_TRANSLATE_NOOP("Board", "remaining")),
    "on_hold": str(QT_TRANSLATE_NOOP("Board", "on hold")),
    "parked": str(QT_TRANSLATE_NOOP("Board", "parked")),
    "kind": str(QT_TRANSLATE_NOOP("Board", "kind")),
    "reason": str(QT_TRANSLATE_NOOP("Board", "reason")),
    "count": str(QT_TRANSLATE_NOOP("Board", "count")),
    "jobs": str(QT_TRANSLATE_NOOP("Board", "jobs")),
    "printer": str(QT_TRANSLATE_NOOP("Board", "printer")),
    "faulted_jobs": str(QT_TRANSLATE_NOOP("Board", "faulted")),
    "failed_jobs": str(QT_TRANSLATE_NOOP("Board", "failed")),
    "wait_seconds": str(QT_TRANSLATE_NOOP("Board", "wait s")),
    "longest_wait_seconds": str(QT_TRANSLATE_NOOP("Board", "longest s")),
}


def cell_text(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "cutoff" and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).strftime("%m-%d %H:%M")
        except ValueError:
            return value
    return str(value)


class FigureTable(QTableWidget):
    """A read-only table of one report section; remembers its rows for the drill-down."""

    def __init__(self, columns: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = columns
        self.data: list[tuple[Any, ...]] = []
        self.setHorizontalHeaderLabels([translate("Board", HEADERS[c]) if c in HEADERS
                                        else c.replace("_", " ") for c in columns])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_rows(self, rows: list[tuple[Any, ...]]) -> None:
        self.data = list(rows)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(cell_text(self.columns[c], value))
                self.setItem(r, c, item)

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


class RiskDelegate(QStyledItemDelegate):
    """Paints late rows red and the rest amber: the theme's stylesheet would override an item's
    own background, a delegate paints under the text itself."""

    def __init__(self, table: FigureTable) -> None:
        super().__init__(table)
        self._table = table

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        data = self._table.data
        minutes = self._table.columns.index("minutes_left")
        if not 0 <= index.row() < len(data):
            super().paint(painter, option, index)
            return
        late = int(data[index.row()][minutes]) < 0
        rect = option.rect
        painter.save()
        painter.fillRect(rect, LATE if late else SOON)
        # The text is drawn here too: the stylesheet's text colour would win over a palette's.
        painter.setPen(QColor("#FFFFFF" if late else "#111111"))
        painter.drawText(rect.adjusted(8, 0, -4, 0),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         str(index.data() or ""))
        painter.restore()


def colour_at_risk(table: FigureTable) -> None:
    """Late orders red, the rest of the at-risk list amber."""
    if not isinstance(table.itemDelegate(), RiskDelegate):
        table.setItemDelegate(RiskDelegate(table))


def people_drill(key: str, row: tuple[Any, ...], column: int) -> DrillRequest:
    """A station or operator row: the accuracy columns drill into those scans, the rest into
    the orders packed."""
    name = str(row[0])
    figure = (key, *PEOPLE_COLUMNS)[column]
    kind = {"wrong_item_per_1000": DrillKind.WRONG_ITEM,
            "over_scan_per_1000": DrillKind.OVER_SCAN}.get(figure, DrillKind.PACKED)
    if key == "station":
        return DrillRequest(kind, station=name)
    return DrillRequest(kind, operator=name)


def exception_drill(row: tuple[Any, ...]) -> DrillRequest:
    kind, _reason, station, operator = row[:4]
    return DrillRequest(DrillKind(kind), station=station or None, operator=operator or None)


def station_drill(kind: DrillKind, row: tuple[Any, ...]) -> DrillRequest:
    return DrillRequest(kind, station=str(row[0]) or None)
