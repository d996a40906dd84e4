"""The order's lines: picture, product (name, SKU, handling), scanned of ordered, state.

A table model over the view-model's ``LineRow`` values and a delegate that paints each cell
with its own fonts and colours, so the theme cannot wash out the state colours or the marker
of the next line to scan. A scan changes one or two lines: the model says which rows changed
(``dataChanged``) and only those are repainted. No style sheet is applied per scan (applying
one re-polishes the widget against the whole theme: ~0.5 ms a cell) and no widget is made per
row (an order with more lines than the last one used to cost a few ms on opening).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
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
_NEXT_BACK = QColor("#FFE082")
_NEXT_TEXT = QColor("#111111")
_FRAGILE = QColor("#B71C1C")
_MARGIN = 4  # the marker's yellow stops this far inside each cell
_Index = QModelIndex | QPersistentModelIndex


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


def count_text(line: LineRow) -> str:
    count = f"{line.scanned} / {line.ordered}"
    if line.short:
        count += " " + translate("OrderLines", "({short} short)").format(short=line.short)
    return count


def product_notes(line: LineRow) -> list[tuple[str, bool]]:
    """The line under the product's name: (text, is it a warning) per note."""
    notes = [(f"SKU {line.sku}", False)]
    if line.fragile:
        notes.append((translate("OrderLines", "FRAGILE: wrap it"), True))
    if line.tracked == "serial":
        notes.append((translate("OrderLines", "scan its serial number"), False))
    elif line.tracked == "lot":
        notes.append((translate("OrderLines", "scan its lot number"), False))
    return notes


_NOTE_GAP = "  ·  "


class OrderLinesModel(QAbstractTableModel):
    """The lines as a table; ``show`` reports only the rows that changed."""

    PRODUCT, COUNT, STATE = 1, 2, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: tuple[LineRow, ...] = ()
        self.next_index: int | None = None
        self._headers = ("", "", "", "")
        self.retranslate()

    def retranslate(self) -> None:
        self._headers = ("", translate("OrderLines", "Product"),
                         translate("OrderLines", "Scanned"), translate("OrderLines", "State"))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        if self.lines:
            self._changed(0, len(self.lines) - 1)

    def show(self, lines: tuple[LineRow, ...], next_index: int | None) -> bool:
        """Show these lines; True when any line's texts may have changed."""
        old, old_next = self.lines, self.next_index
        if len(lines) != len(old):
            self.beginResetModel()
            self.lines, self.next_index = lines, next_index
            self.endResetModel()
            return True
        self.lines, self.next_index = lines, next_index
        texts = False
        for i, (before, now) in enumerate(zip(old, lines, strict=True)):
            if before != now or (i == old_next) != (i == next_index):
                self._changed(i, i)
                texts = texts or before != now
        return texts

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, 3))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.AccessibleTextRole):
            return None
        return self.text(index.row(), index.column())

    def text(self, row: int, column: int) -> str:
        """A cell as plain text (what a screen reader says; what the tests read)."""
        line = self.lines[row]
        if column == self.PRODUCT:
            marker = "▶ " if row == self.next_index else ""
            notes = _NOTE_GAP.join(text for text, _warn in product_notes(line))
            return f"{marker}{line.name}\n{notes}"
        if column == self.COUNT:
            return count_text(line)
        if column == self.STATE:
            return state_text(line)
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled


class _Fonts:
    """The cells' fonts, made once from the table's own (the theme's family)."""

    def __init__(self, base: QFont) -> None:
        def font(pixels: int, bold: bool) -> QFont:
            made = QFont(base)
            made.setPixelSize(pixels)
            made.setBold(bold)
            return made

        self.name = font(24, True)
        self.note = font(18, False)
        self.warning = font(18, True)
        self.count = font(28, True)
        self.state = font(22, True)


class LinesDelegate(QStyledItemDelegate):
    """Paints a line's cells: the marker's yellow on the next line, the state's colour."""

    def __init__(self, table: OrderLinesTable) -> None:
        super().__init__(table)
        self._table = table

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = self._table.lines_model
        row, column = index.row(), index.column()
        if row >= len(model.lines):
            return
        line = model.lines[row]
        is_next = row == model.next_index
        look = self._table.look
        rect: QRect = option.rect
        painter.save()
        if is_next:
            painter.fillRect(rect.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN), _NEXT_BACK)
        text = _NEXT_TEXT if is_next else look.text
        if column == 0:
            pixmap = _picture(line.image_path) if line.image_path else None
            if pixmap is not None:
                x = rect.x() + (rect.width() - pixmap.width()) // 2
                y = rect.y() + (rect.height() - pixmap.height()) // 2
                painter.drawPixmap(x, y, pixmap)
        elif column == OrderLinesModel.PRODUCT:
            self._paint_product(painter, rect.adjusted(17, 6, -12, -6), line, is_next, text)
        else:
            if column == OrderLinesModel.COUNT:
                painter.setFont(look.fonts.count)
                shown = count_text(line)
            else:
                painter.setFont(look.fonts.state)
                colour = look.states.get(line.state, look.states["todo"])
                text = _NEXT_TEXT if is_next and line.state == "todo" else colour
                shown = state_text(line)
            painter.setPen(text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def _paint_product(self, painter: QPainter, rect: QRect, line: LineRow, is_next: bool,
                       text: QColor) -> None:
        fonts = self._table.look.fonts
        name_metrics = QFontMetrics(fonts.name)
        note_metrics = QFontMetrics(fonts.note)
        total = name_metrics.height() + note_metrics.height()
        top = rect.y() + max(0, (rect.height() - total) // 2)
        name = ("▶ " if is_next else "") + line.name
        painter.setFont(fonts.name)
        painter.setPen(text)
        painter.drawText(QRect(rect.x(), top, rect.width(), name_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         name_metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                 rect.width()))
        x, y, right = rect.x(), top + name_metrics.height(), rect.x() + rect.width()
        for i, (note, warning) in enumerate(product_notes(line)):
            piece = (_NOTE_GAP if i else "") + note
            font = fonts.warning if warning else fonts.note
            metrics = QFontMetrics(font)
            room = right - x
            if room <= 0:
                break
            shown = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, room)
            painter.setFont(font)
            painter.setPen(_FRAGILE if warning else text)
            painter.drawText(QRect(x, y, room, note_metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            x += metrics.horizontalAdvance(shown)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        model = self._table.lines_model
        fonts = self._table.look.fonts
        column = index.column()
        if column == 0:
            return QSize(PICTURE + 16, ROW_HEIGHT)
        if column == OrderLinesModel.COUNT or column == OrderLinesModel.STATE:
            font = fonts.count if column == OrderLinesModel.COUNT else fonts.state
            width = QFontMetrics(font).horizontalAdvance(model.text(index.row(), column))
            return QSize(width + 24 + 2 * _MARGIN, ROW_HEIGHT)
        return QSize(200, ROW_HEIGHT)


class _Look:
    """Fonts and colours of the current theme and language, worked out once per change."""

    def __init__(self, table: QTableView) -> None:
        self.fonts = _Fonts(table.font())
        # The theme's text colour for a label in this table, read off a label it styles.
        probe = QLabel(table.viewport())
        probe.ensurePolished()
        self.text = QColor(probe.palette().color(probe.foregroundRole()))
        probe.deleteLater()
        self.states = {k: QColor(v) for k, v in
                       (_STATE_COLOURS_DARK if _dark() else _STATE_COLOURS).items()}


class OrderLinesTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OrderLines")
        self.lines_model = OrderLinesModel(self)
        self.setModel(self.lines_model)
        self.setItemDelegate(LinesDelegate(self))
        self._look: _Look | None = None
        self._next: int | None = None
        self._pictures: bool | None = None
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Sized here to their contents when those change (``_fit_columns``): left to the
        # header (ResizeToContents), every scan would have it measure and repaint itself.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(0, PICTURE + 16)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWordWrap(False)

    @property
    def look(self) -> _Look:
        if self._look is None:
            self._look = _Look(self)
        return self._look

    def retranslate(self) -> None:
        self.lines_model.retranslate()
        self._fit_columns()

    def restyle(self) -> None:
        """The theme changed: work the fonts and colours out afresh and repaint."""
        self._look = None
        self._fit_columns()
        self.viewport().update()

    def _fit_columns(self) -> None:
        """The count and state columns as wide as their widest cell or title."""
        model, fonts, header = self.lines_model, self.look.fonts, self.horizontalHeader()
        for column, font in ((OrderLinesModel.COUNT, fonts.count),
                             (OrderLinesModel.STATE, fonts.state)):
            metrics = QFontMetrics(font)
            cells = max((metrics.horizontalAdvance(model.text(row, column))
                         for row in range(len(model.lines))), default=0)
            width = max(cells + 24 + 2 * _MARGIN, header.sectionSizeHint(column))
            if self.columnWidth(column) != width:
                self.setColumnWidth(column, width)

    def show_order(self, order: OrderPanel) -> None:
        lines = order.lines
        pictures = any(line.image_path for line in lines)
        if pictures != self._pictures:
            # No catalogue pictures for this order: give their column to the product names.
            self._pictures = pictures
            self.setColumnHidden(0, not pictures)
        if len(lines) != self.lines_model.rowCount():
            self._next = None
        if self.lines_model.show(lines, order.next_index):
            self._fit_columns()
        if order.next_index != self._next:
            self._next = order.next_index
            if self._next is not None:
                self.scrollTo(self.lines_model.index(self._next, 1))

    def rowCount(self) -> int:
        return self.lines_model.rowCount()

    def cell_text(self, row: int, column: int) -> str:
        """What a cell shows, as plain text (for tests and accessibility)."""
        return self.lines_model.text(row, column)

    def is_next(self, row: int) -> bool:
        return row == self.lines_model.next_index

    def state_colour(self, row: int) -> str:
        """The colour the state cell of ``row`` is painted in (``#rrggbb``)."""
        line = self.lines_model.lines[row]
        if self.is_next(row) and line.state == "todo":
            return _NEXT_TEXT.name()
        return self.look.states.get(line.state, self.look.states["todo"]).name()
