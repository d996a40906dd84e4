"""A keyboard-wedge scanner's keys become one scan and never reach the focused text field;
a person's typing reaches it unchanged."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from devices.scan import ScanInput
from ui.scan_hub import ScanHub
from ui.wedge_filter import WedgeFilter


def press(widget: QLineEdit, text: str, at_ms: int) -> None:
    key = Qt.Key.Key_Return if text == "\r" else Qt.Key(ord(text.upper()))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "" if text == "\r" else text)
        event.setTimestamp(at_ms)
        QApplication.sendEvent(widget, event)


def setup(qtbot: QtBot, qapp: QApplication) -> tuple[QLineEdit, WedgeFilter, list[ScanInput]]:
    hub = ScanHub()
    scanned: list[ScanInput] = []
    hub.set_target(scanned.append)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    wedge = WedgeFilter(hub, parent=field)
    wedge.install(qapp)
    return field, wedge, scanned


def test_a_scanner_burst_becomes_one_scan_and_never_reaches_the_field(
        qtbot: QtBot, qapp: QApplication) -> None:
    field, wedge, scanned = setup(qtbot, qapp)
    try:
        for i, ch in enumerate("SO100042\r"):
            press(field, ch, 1_000 + 5 * i)  # 5 ms a key: a scanner
        assert [s.text for s in scanned] == ["SO100042"]
        assert field.text() == ""
    finally:
        qapp.removeEventFilter(wedge)


def test_typing_reaches_the_field_in_order(qtbot: QtBot, qapp: QApplication) -> None:
    field, wedge, scanned = setup(qtbot, qapp)
    try:
        for i, ch in enumerate("hello"):
            press(field, ch, 1_000 + 150 * i)  # 150 ms a key: a person
        qtbot.waitUntil(lambda: field.text() == "hello", timeout=2000)
        assert scanned == []
    finally:
        qapp.removeEventFilter(wedge)
