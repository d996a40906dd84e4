"""The order's lines: picture, product (name, SKU, handling), scanned of ordered, state.

Rows are updated in place on every scan (no rebuild), and the next line to scan is marked and
coloured so it is found at a glance.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ui.packing.state import LineRow, OrderPanel

PICTURE = 56
ROW_HEIGHT = 72
_STATE_COLOURS = {"done": "#1B7F3B", "short": "#B26A00", "partial": "#0D47A1", "todo": "#455A64"}
_NEXT_BACKGROUND = "#FFF3C4"


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderLines", text)


@lru_cache(maxsize=256)
def _picture(path: str) -> QPixmap | None:
    if not Path(path).is_file():
        return None
    pixmap = QPixmap(path)
    if pixmap.isNull():
        return None
    return pixmap.scaled(PICTURE, PICTURE, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def state_text(line: LineRow) -> str:
    return {"done": _tr("done"), "short": _tr("short"), "partial": _tr("scanning"),
            "todo": _tr("to scan")}.get(line.state, line.state)


def product_text(line: LineRow) -> str:
    parts = [line.name, f"SKU {line.sku}"]
    if line.fragile:
        parts.append(_tr("FRAGILE: wrap it"))
    if line.tracked == "serial":
        parts.append(_tr("scan its serial number"))
    elif line.tracked == "lot":
        parts.append(_tr("scan its lot number"))
    return "\n".join(parts[:1]) + "\n" + "  ·  ".join(parts[1:])


class OrderLinesTable(QTableWidget):
    def __init__(self) -> None:
        super().__init__(0, 4)
        self.setObjectName("OrderLines")
        self.setHorizontalHeaderLabels([_tr("Picture"), _tr("Product"), _tr("Scanned"),
                                        _tr("State")])
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(0, PICTURE + 16)
        self.setIconSize(QSize(PICTURE, PICTURE))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(True)
        self._rows: tuple[LineRow, ...] = ()
        self._next: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def show_order(self, order: OrderPanel) -> None:
        if len(order.lines) != len(self._rows) or any(
                a.sku != b.sku for a, b in zip(order.lines, self._rows, strict=True)):
            self._rebuild(order.lines)
        for i, (new, old) in enumerate(zip(order.lines, self._rows, strict=True)):
            if new != old:
                self._fill(i, new)
        self._rows = order.lines
        if order.next_index != self._next:
            for i in {self._next, order.next_index} - {None}:
                assert i is not None
                if i < len(self._rows):
                    self._mark(i, i == order.next_index)
            self._next = order.next_index
            if self._next is not None:
                self.scrollToItem(self.item(self._next, 1))

    def _rebuild(self, lines: tuple[LineRow, ...]) -> None:
        self.setRowCount(len(lines))
        self._next = None
        self._rows = lines
        for i, line in enumerate(lines):
            picture = QTableWidgetItem()
            pixmap = _picture(line.image_path) if line.image_path else None
            if pixmap is not None:
                picture.setData(Qt.ItemDataRole.DecorationRole, pixmap)
            self.setItem(i, 0, picture)
            self.setItem(i, 1, QTableWidgetItem(product_text(line)))
            count = QTableWidgetItem()
            count.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            count.setFont(self._bold)
            self.setItem(i, 2, count)
            self.setItem(i, 3, QTableWidgetItem())
            self._fill(i, line)
            self._mark(i, False)

    def _fill(self, row: int, line: LineRow) -> None:
        count = f"{line.scanned} / {line.ordered}"
        if line.short:
            count += " " + _tr("({short} short)").format(short=line.short)
        self.item(row, 2).setText(count)
        state = self.item(row, 3)
        state.setText(state_text(line))
        state.setForeground(QBrush(QColor(_STATE_COLOURS.get(line.state, "#455A64"))))
        state.setFont(self._bold)

    def _mark(self, row: int, is_next: bool) -> None:
        brush = QBrush(QColor(_NEXT_BACKGROUND)) if is_next else QBrush()
        for col in range(4):
            item = self.item(row, col)
            item.setBackground(brush)
            if col == 3:
                continue  # the state keeps its own colour
            if is_next:
                item.setForeground(QBrush(QColor("#111111")))  # dark on the light marker
            else:
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
        product = self.item(row, 1)
        product.setText(("▶ " if is_next else "") + product_text(self._row(row)))

    def _row(self, row: int) -> LineRow:
        return self._rows[row]

    def is_next(self, row: int) -> bool:
        return self._next == row
