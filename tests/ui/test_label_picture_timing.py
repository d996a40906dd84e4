"""The label's picture is made when the scans pause (its worker would hold the GIL against the
answers to the operator's next scans), no later than PICTURE_LATEST_MS, and not at all once
another order is on screen; it is drawn from the label's pixels, without a PNG between."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.ui.conftest import Scans
from ui.packing import label_preview
from ui.packing.label_pictures import to_qimage
from ui.station import Station
from workstation.services.labels import render_document, shipping_picture

QUIET_MS = 300


@pytest.fixture(autouse=True)
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(label_preview, "PICTURE_QUIET_MS", QUIET_MS)


def complete_ord4(scans: Scans, qtbot: QtBot, station: Station) -> None:
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    assert scans(MUG_CODE).outcome == "order_complete"
    preview = station.screen.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.due is not None, timeout=5000)  # after the paint


def keep_scanning(qtbot: QtBot, preview: label_preview.LabelPreview, seconds: float) -> None:
    """What the screen does on every scan, every 100 ms (faster than QUIET_MS)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        preview.hold_off()
        qtbot.wait(100)


def test_the_picture_waits_for_a_pause_in_the_scans(
    station: Station, scans: Scans, qtbot: QtBot
) -> None:
    preview = station.screen.preview
    assert preview is not None
    complete_ord4(scans, qtbot, station)
    keep_scanning(qtbot, preview, 0.8)
    assert preview.cards == [] and preview.due is not None, "not made while scans come"
    qtbot.waitUntil(lambda: len(preview.cards) == 1, timeout=10_000)
    assert preview.due is None and preview.order_number == "ORD-4"


def test_a_scan_on_the_screen_holds_the_picture_off(
    station: Station, scans: Scans, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = station.screen.preview
    assert preview is not None
    held: list[bool] = []
    real = preview.hold_off

    def hold_off() -> None:
        held.append(True)
        real()

    monkeypatch.setattr(preview, "hold_off", hold_off)
    scans("B-OP1")
    assert held == [True]


def test_scans_that_never_pause_get_the_picture_all_the_same(
    station: Station, scans: Scans, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(label_preview, "PICTURE_LATEST_MS", 600)
    preview = station.screen.preview
    assert preview is not None
    complete_ord4(scans, qtbot, station)
    started = time.monotonic()
    end = started + 8
    while not preview.cards and time.monotonic() < end:
        preview.hold_off()
        qtbot.wait(100)
    assert len(preview.cards) == 1, "made no later than PICTURE_LATEST_MS (and its drawing)"


def test_another_order_on_screen_drops_the_picture_still_to_be_made(
    station: Station, scans: Scans, qtbot: QtBot
) -> None:
    preview = station.screen.preview
    assert preview is not None
    complete_ord4(scans, qtbot, station)
    assert scans("ORD-1").outcome == "order_opened"
    assert preview.due is None
    qtbot.wait(QUIET_MS + 300)
    assert preview.cards == [] and not preview.isVisible()


def test_the_picture_is_the_png_previews_pixels(
    station: Station, scans: Scans, qtbot: QtBot
) -> None:
    complete_ord4(scans, qtbot, station)
    settings = station.context.settings
    with station.context.app.sessions() as session:
        png = render_document(session, "ORD-4", "shipping", "png", settings, 1)
        picture = to_qimage(shipping_picture(session, "ORD-4", settings, 1))
    decoded = QImage.fromData(png).convertToFormat(QImage.Format.Format_Grayscale8)
    assert picture.format() == QImage.Format.Format_Grayscale8
    assert picture.size() == decoded.size() and picture.width() > 400
    assert picture == decoded, "the same label, pixel for pixel"
