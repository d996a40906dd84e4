"""Work off the GUI thread: results, operator errors and bugs each reach the right place."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.tasks import TaskRunner
from workstation.services.errors import NotFoundError


def test_result_progress_and_an_operator_error_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: list[object] = []

    def work(progress: object) -> int:
        assert threading.get_ident() != gui
        progress(50, "half")  # type: ignore[operator]
        return 42

    runner.submit(work, lambda r: seen.append((r, threading.get_ident() == gui)),
                  seen.append, lambda p, t: seen.append((p, t)))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert seen == [(50, "half"), (42, True)]

    def missing(_p: object) -> None:
        raise NotFoundError("no order X")

    errors: list[Exception] = []
    runner.submit(missing, seen.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
    assert str(errors[0]) == "no order X" and not runner.busy


def test_a_bug_goes_to_the_excepthook_and_a_closed_runner_drops_results(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    hooked: list[BaseException] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        hooked.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    runner = TaskRunner()

    def bug(_p: object) -> None:
        raise KeyError("a bug")

    runner.submit(bug, lambda r: None)
    qtbot.waitUntil(lambda: bool(hooked), timeout=5_000)
    assert isinstance(hooked[0], KeyError)
    results: list[object] = []
    runner.submit(lambda _p: "late", results.append)
    runner.close()
    qtbot.wait(100)
    assert results == []
    with pytest.raises(RuntimeError, match="closed"):
        runner.submit(lambda _p: None, results.append)


def test_a_result_arriving_after_its_page_was_deleted_is_dropped(
        qtbot: QtBot, qapp: QApplication) -> None:
    page = QWidget()
    runner = TaskRunner(page)
    release = threading.Event()
    got: list[int] = []
    runner.submit(lambda _progress: 42 if release.wait(5) else 0, got.append)
    threading.Timer(0.2, release.set).start()
    del runner
    page.deleteLater()  # deleting the page deletes its runner (which waits for the task)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(100)  # the task's queued result arrives for a runner that is gone
    assert got == []
