"""The answer to a scan is painted before the work its print jobs start (the label pictures,
the spooler's sending: Python threads that would hold the GIL against the painting)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.ui.conftest import Scans
from ui.packing import screen as screen_module
from ui.station import Station


def test_print_jobs_are_handed_on_once_the_answer_is_on_screen(
        station: Station, scans: Scans, qtbot: QtBot) -> None:
    screen = station.screen
    painted_when_handed: list[int] = []
    screen.jobs_on_screen.connect(
        lambda _jobs: painted_when_handed.append(screen.feedback.painted_seq))
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    with qtbot.waitSignal(screen.jobs_on_screen, timeout=5000):
        complete = scans(MUG_CODE)
    assert complete.outcome == "order_complete"
    assert painted_when_handed == [complete.seq], "handed on once the answer had painted"
    # ...and the label preview and the spooler got them.
    qtbot.waitUntil(lambda: bool(screen.preview and screen.preview.cards), timeout=10_000)
    qtbot.waitUntil(lambda: station.model.printer.ok is True, timeout=10_000)


def test_a_window_that_does_not_paint_hands_its_jobs_on_all_the_same(
        station: Station, scans: Scans, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screen_module, "JOBS_FALLBACK_MS", 30)
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    station.window.hide()  # a hidden window paints nothing
    handed: list[tuple[int, ...]] = []
    station.screen.jobs_on_screen.connect(handed.append)
    complete = scans(MUG_CODE)
    assert complete.outcome == "order_complete"
    qtbot.waitUntil(lambda: bool(handed), timeout=5000)
    assert station.screen.feedback.painted_seq < complete.seq
