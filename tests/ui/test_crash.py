"""An exception nobody caught, on the GUI thread or a device thread, is logged with its
traceback and shown in a crash dialog (not left on a console nobody reads)."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from pytestqt.qtbot import QtBot

from ui.crash import CrashReporter


def boom() -> None:
    raise RuntimeError("the scale sent a weight in stones")


def test_a_device_thread_crash_reaches_the_log_and_a_dialog(
        qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    reporter = CrashReporter()
    reporter.install()
    try:
        with caplog.at_level(logging.CRITICAL, logger="ui.crash"):
            thread = threading.Thread(target=boom, name="device sim://scale")
            thread.start()
            thread.join()
            qtbot.waitUntil(lambda: bool(reporter.dialogs), timeout=3000)
    finally:
        reporter.uninstall()
    box = reporter.dialogs[-1]
    assert "stones" in box.text() and "device sim://scale" in box.text()
    assert "Traceback" in box.detailedText()
    assert any("device sim://scale" in r.getMessage() for r in caplog.records)
    box.close()


def test_the_gui_thread_hook_is_installed_and_restored(qtbot: QtBot) -> None:
    before = sys.excepthook
    reporter = CrashReporter()
    reporter.install()
    try:
        assert sys.excepthook != before
        try:
            boom()
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        assert reporter.dialogs and "stones" in reporter.dialogs[-1].text()
        reporter.dialogs[-1].close()
    finally:
        reporter.uninstall()
    assert sys.excepthook == before
