"""The order's lines: picture, product (name, SKU, handling), scanned of ordered, state.

Cells are labels with their own style, so the theme cannot wash out the state colours or the
marker of the next line to scan. Rows are updated in place on every scan (no rebuild).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableWidget,
    QWidget,
)

from ui.packing.state import LineRow, OrderPanel

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

PICTURE = 56
ROW_HEIGHT = 76
_STATE_COLOURS = {"done": "#1B7F3B", "short": "#B26A00", "partial": "#0D47A1", "todo": "#37474F"}
# The same on the dark theme: lighter, so they keep their contrast on a dark background.
_STATE_COLOURS_DARK = {"done": "#81C784", "short": "#FFB74D", "partial": "#90CAF9",
                       "todo": "#CFD8DC"}
_NEXT = "background: #FFE082; color: #111111;"
_PLAIN = "background: transparent;"


@lru_cache(maxsize=256)
def _picture(path: str) -> QPixmap | None:
    if not Path(path).is_file():
        return None
    pixmap = QPixmap(path)
    if pixmap.isNull():
        return None
    return pixmap.scaled(PICTURE, PICTURE, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def _dark() -> bool:
    app = QApplication.instance()
    return app is not None and app.property("station_theme") == "dark"


def state_text(line: LineRow) -> str:
    return {"done": translate("OrderLines", "done"),
            "short": translate("OrderLines", "short"),
            "partial": translate("OrderLines", "scanning"),
            "todo": translate("OrderLines", "to scan")}.get(line.state, line.state)


def product_html(line: LineRow, is_next: bool) -> str:
    notes = [f"SKU {html.escape(line.sku)}"]
    if line.fragile:
        fragile = translate("OrderLines", "FRAGILE: wrap it")
        notes.append(f'<b style="color:#B71C1C">{html.escape(fragile)}</b>')
    if line.tracked == "serial":
        notes.append(html.escape(translate("OrderLines", "scan its serial number")))
    elif line.tracked == "lot":
        notes.append(html.escape(translate("OrderLines", "scan its lot number")))
    marker = "▶ " if is_next else ""
    return (f'<span style="font-size:24px; font-weight:bold">{marker}{html.escape(line.name)}'
            f'</span><br><span style="font-size:18px">{"  ·  ".join(notes)}</span>')


class _Row:
    def __init__(self) -> None:
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.product = QLabel()
        self.product.setTextFormat(Qt.TextFormat.RichText)
        self.product.setWordWrap(True)
        self.count = QLabel()
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel()
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line: LineRow | None = None
        self.is_next = False
        self._style: tuple[bool, str] | None = None

    def reset_style(self) -> None:
        self._style = None

    @property
    def cells(self) -> tuple[QLabel, ...]:
        return (self.picture, self.product, self.count, self.state)

    def show(self, line: LineRow, is_next: bool) -> None:
        if line == self.line and is_next == self.is_next:
            return
        if self.line is None or line.image_path != self.line.image_path:
            pixmap = _picture(line.image_path) if line.image_path else None
            if pixmap is not None:
                self.picture.setPixmap(pixmap)
            else:
                self.picture.clear()  # a reused row must not keep the last order's picture
        self.line, self.is_next = line, is_next
        self.product.setText(product_html(line, is_next))
        count = f"{line.scanned} / {line.ordered}"
        if line.short:
            count += " " + translate("OrderLines", "({short} short)").format(short=line.short)
        self.count.setText(count)
        self.state.setText(state_text(line))
        colours = _STATE_COLOURS_DARK if _dark() else _STATE_COLOURS
        colour = colours.get(line.state, "#37474F")
        if is_next and line.state == "todo":
            colour = "#111111"  # dark on the marker's yellow
        style = (is_next, colour)
        if style != self._style:  # style sheets are slow to apply: only when they change
            self._style = style
            back = _NEXT if is_next else _PLAIN
            self.picture.setStyleSheet(back)
            self.product.setStyleSheet(back + " padding: 4px 8px;")
            self.count.setStyleSheet(back + " font-size: 28px; font-weight: bold;"
                                     " padding: 0 12px;")
            self.state.setStyleSheet(f"{back} font-size: 22px; font-weight: bold;"
                                     f" padding: 0 12px; color: {colour};")


class OrderLinesTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("OrderLines")
        self._rows: list[_Row] = []
        self._next: int | None = None
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(0, PICTURE + 16)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(["", translate("OrderLines", "Product"),
                                        translate("OrderLines", "Scanned"),
                                        translate("OrderLines", "State")])
        self.restyle()

    def restyle(self) -> None:
        """The language or the theme changed: draw every row afresh on the next update."""
        for row in self._rows:
            row.line = None
            row.reset_style()

    def show_order(self, order: OrderPanel) -> None:
        lines = order.lines
        if len(lines) != len(self._rows):
            self._resize(len(lines))
            # No catalogue pictures for this order: give their column to the product names.
            self.setColumnHidden(0, not any(line.image_path for line in lines))
        for i, (row, line) in enumerate(zip(self._rows, lines, strict=True)):
            row.show(line, i == order.next_index)
        if order.next_index != self._next:
            self._next = order.next_index
            if self._next is not None:
                self.scrollTo(self.model().index(self._next, 1))

    def _resize(self, count: int) -> None:
        """Rows are kept from order to order and only added or dropped at the end: making a
        row's four cell widgets and styling them costs milliseconds on every order opened."""
        self.setRowCount(count)  # drops (and deletes) the cell widgets of rows past ``count``
        del self._rows[count:]
        for i in range(len(self._rows), count):
            row = _Row()
            for col, cell in enumerate(row.cells):
                self.setCellWidget(i, col, cell)
            self._rows.append(row)
        self._next = None

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows, as plain text (for tests and accessibility)."""
        label = self._rows[row].cells[column]
        if label.textFormat() == Qt.TextFormat.RichText:
            doc = label.text().replace("<br>", "\n")
            return html.unescape(re.sub(r"<[^>]+>", "", doc))
        return label.text()

    def is_next(self, row: int) -> bool:
        return self._rows[row].is_next
