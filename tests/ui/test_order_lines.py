"""The order's lines repaint only what a scan changed: the model names the rows that changed,
and nothing is restyled or rebuilt per scan."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from ui.packing.lines import OrderLinesTable
from ui.packing.state import LineRow, OrderPanel, next_line


def _order(*lines: LineRow) -> OrderPanel:
    return OrderPanel(number="ORD-1", lines=lines, next_index=next_line(lines))


LINES = (LineRow(1, "SHIRT", "Shirt", 1, 0, 0, "todo"),
         LineRow(2, "MUG", "Mug", 2, 0, 0, "todo", fragile=True),
         LineRow(3, "CAP", "Cap", 1, 0, 0, "todo"))


def test_a_scan_repaints_only_the_rows_it_changed(qtbot: QtBot) -> None:
    table = OrderLinesTable()
    qtbot.addWidget(table)
    table.resize(900, 400)
    table.show()
    table.show_order(_order(*LINES))
    assert table.rowCount() == 3 and table.is_next(0)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []

    def on_changed(first: QModelIndex, last: QModelIndex) -> None:
        changed.append((first.row(), last.row()))

    table.lines_model.dataChanged.connect(on_changed)
    table.lines_model.modelReset.connect(lambda: resets.append(True))

    # The shirt is done and the mug is next: those two rows, not the cap's.
    shirt_done = replace(LINES[0], scanned=1, state="done")
    table.show_order(_order(shirt_done, LINES[1], LINES[2]))
    assert changed == [(0, 0), (1, 1)] and not resets
    assert table.cell_text(0, 2) == "1 / 1" and table.cell_text(0, 3) == "done"
    assert table.is_next(1) and table.cell_text(1, 1).startswith("▶ Mug")
    assert "FRAGILE" in table.cell_text(1, 1)

    changed.clear()
    # One of two mugs: only the mug's row (it stays the next one).
    mug_partial = replace(LINES[1], scanned=1, state="partial")
    table.show_order(_order(shirt_done, mug_partial, LINES[2]))
    assert changed == [(1, 1)] and table.cell_text(1, 2) == "1 / 2"

    changed.clear()
    table.show_order(_order(shirt_done, mug_partial, LINES[2]))
    assert changed == [], "the same order again: nothing to repaint"

    # Another order with another number of lines: the table starts afresh.
    table.show_order(_order(LINES[2]))
    assert resets and table.rowCount() == 1 and table.cell_text(0, 1).startswith("▶ Cap")


def test_a_short_line_says_so_in_its_colour(qtbot: QtBot) -> None:
    table = OrderLinesTable()
    qtbot.addWidget(table)
    short = replace(LINES[0], short=1, state="short")
    table.show_order(_order(short, LINES[1]))
    assert table.cell_text(0, 2) == "0 / 1 (1 short)" and table.cell_text(0, 3) == "short"
    assert table.state_colour(0) == "#b26a00"
    assert table.state_colour(1) == "#111111"  # the next line's "to scan", dark on yellow
    table.grab()  # paints every cell without error
