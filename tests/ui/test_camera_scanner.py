"""Camera scanning without a camera: pictures of real barcodes (made with qrcode) decoded by
pyzbar in the worker, a code seen in frame after frame counted once, and the scans reaching the
packing screen the way any scanner's do."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import qrcode
from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from devices.scan import ScanInput
from printing.transports.sim import shutdown_simulators
from tests.helpers.catalogue import seed
from tests.ui.conftest import station_settings
from ui.camera_scanner import CameraScanner, CameraStatus, RepeatFilter, decode_image
from ui.station import Station, build_station
from workstation.app import open_app


def picture(*codes: str, width: int = 643) -> QImage:
    """A frame showing these QR codes side by side (an odd width: rows padded in memory)."""
    tiles = [qrcode.make(code, box_size=6, border=4).get_image().convert("L") for code in codes]
    frame = Image.new("L", (width, max(t.height for t in tiles) + 20), 255) if tiles \
        else Image.new("L", (width, 300), 255)
    x = 10
    for tile in tiles:
        frame.paste(tile, (x, 10))
        x += tile.width + 10
    buffer = io.BytesIO()
    frame.save(buffer, "PNG")
    image = QImage.fromData(buffer.getvalue())
    assert not image.isNull()
    return image


def test_a_frame_is_decoded_into_its_codes() -> None:
    assert sorted(decode_image(picture("B-OP1", "ORD-4"))) == [("B-OP1", "]Q1"),
                                                               ("ORD-4", "]Q1")]
    assert decode_image(picture()) == []


def test_a_code_counts_again_only_after_leaving_the_view_or_the_repeat_time() -> None:
    seen = RepeatFilter(repeat_seconds=1.5)
    assert seen.new_codes(["A"], 0.0) == ["A"]
    assert seen.new_codes(["A"], 0.5) == []  # the same code in the next frames
    assert seen.new_codes(["A", "B"], 1.0) == ["B"]
    assert seen.new_codes(["A", "B"], 1.6) == ["A"]  # 1.5 s since A counted; B only 0.6 s
    assert seen.new_codes([], 1.7) == []  # both leave the view ...
    assert seen.new_codes(["B", "B"], 1.8) == ["B"]  # ... and B, back at once, counts once


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_camera_scanner_emits_one_scan_per_code_shown(qtbot: QtBot,
                                                          qapp: QApplication) -> None:
    clock = Clock()
    camera = CameraScanner(clock=clock)
    scans: list[ScanInput] = []
    camera.scan.connect(scans.append)

    def show(image: QImage, at: float) -> list[str]:
        clock.now = at
        before = len(scans)
        camera.feed(image)
        assert camera.wait()
        qtbot.waitUntil(lambda: not camera._tasks.busy, timeout=5000)
        return [s.text for s in scans[before:]]

    badge = picture("B-OP1")
    try:
        assert show(badge, 100.0) == ["B-OP1"]
        assert show(badge, 100.4) == []
        assert show(picture(), 100.5) == []
        assert show(badge, 100.6) == ["B-OP1"]
        assert show(badge, 102.2) == ["B-OP1"]
    finally:
        camera.stop()
    assert {(s.source, s.symbology) for s in scans} == {("camera", "]Q1")}


def test_without_a_camera_it_says_so(qapp: QApplication) -> None:
    if QMediaDevices.videoInputs():
        pytest.skip("this machine has a camera; the message is for machines without one")
    camera = CameraScanner()
    try:
        assert camera.start() is False
        assert "no camera found" in camera.text
    finally:
        camera.stop()


@pytest.fixture
def camera_station(qtbot: QtBot, qapp: QApplication, sqlite_url: str,
                   tmp_path: Path) -> Iterator[Station]:
    app = open_app(station_settings(sqlite_url, tmp_path, camera=True), migrate=False)
    seed(app.sessions)
    built = build_station(app, qapp)
    qtbot.addWidget(built.window)
    built.window.show()
    yield built
    built.close()
    app.close()
    shutdown_simulators()


def test_camera_scans_reach_the_packing_screen(camera_station: Station, qtbot: QtBot) -> None:
    camera = camera_station.camera
    assert camera is not None
    status = camera_station.screen.findChild(CameraStatus, "CameraStatus")
    assert status is not None and status.text() == camera.text != ""
    camera.feed(picture("B-OP1"))
    qtbot.waitUntil(lambda: camera_station.model.feedback.outcome == "signed_in", timeout=5000)
    assert camera_station.screen.strip.operator.value.text() == "Siti"
