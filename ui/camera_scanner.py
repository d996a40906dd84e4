"""Scanning with a camera, the fallback when no scanner is attached (``devices.camera = true``).

QtMultimedia delivers frames (``QCamera`` -> ``QMediaCaptureSession`` -> ``QVideoSink``); each is
decoded with pyzbar in a worker thread, one frame at a time (frames that come while one is being
decoded are dropped, so a slow machine scans less often rather than falling behind). A code the
camera keeps seeing counts once: again only after it has left the view or ``REPEAT_SECONDS``
passed. Scans go the same way as every other scanner's, as ``ScanInput`` with source "camera".
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)
from PySide6.QtWidgets import QLabel, QWidget
from pyzbar import pyzbar

from devices.scan import ScanInput
from ui.tasks import TaskRunner

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)

SOURCE = "camera"
REPEAT_SECONDS = 1.5
# AIM identifiers pyzbar's symbol types can be given without guessing (Code 128 is left out:
# pyzbar does not say whether it began with FNC1, i.e. ]C1 GS1-128 or ]C0).
_AIM = {"EAN13": "]E0", "UPCA": "]E0", "EAN8": "]E4", "QRCODE": "]Q1"}


def decode_image(image: QImage) -> list[tuple[str, str | None]]:
    """(text, AIM symbology) of every barcode in the picture (any thread)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = gray.width(), gray.height(), gray.bytesPerLine()
    if width == 0 or height == 0:
        return []
    raw = bytes(gray.constBits())[: stride * height]
    if stride != width:  # rows are padded to 4 bytes: pyzbar wants them packed
        raw = b"".join(raw[y * stride: y * stride + width] for y in range(height))
    found = []
    for symbol in pyzbar.decode((raw, width, height)):
        try:
            text = symbol.data.decode("utf-8")
        except UnicodeDecodeError:
            log.info("camera: a %s code that is not UTF-8 was skipped", symbol.type)
            continue
        found.append((text, _AIM.get(symbol.type)))
    return found


class RepeatFilter:
    """Lets a code through when it appears, not on every frame that still shows it."""

    def __init__(self, repeat_seconds: float = REPEAT_SECONDS) -> None:
        self._repeat = repeat_seconds
        self._in_view: set[str] = set()
        self._counted_at: dict[str, float] = {}

    def new_codes(self, codes: list[str], now: float) -> list[str]:
        """The codes of this frame that count as scans (``now``: a monotonic time)."""
        fresh = []
        for code in dict.fromkeys(codes):  # one code twice in a frame counts once
            last = self._counted_at.get(code)
            if code not in self._in_view or last is None or now - last >= self._repeat:
                fresh.append(code)
                self._counted_at[code] = now
        self._in_view = set(codes)
        return fresh


class CameraScanner(QObject):
    """The camera as a scanner: ``scan`` for each new code, ``status`` for what it is doing."""

    scan = Signal(object)  # ScanInput, on the GUI thread
    status = Signal(str)

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._filter = RepeatFilter()
        self._tasks = TaskRunner(self)
        self._camera: QCamera | None = None
        self._session = QMediaCaptureSession(self)
        self._sink = QVideoSink(self)
        self._session.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self.text = ""

    def start(self) -> bool:
        """Open the default camera; False (and "no camera found") when there is none."""
        inputs = QMediaDevices.videoInputs()
        if not inputs:
            self._say(translate("Camera", "no camera found: plug one in, or attach a scanner"))
            return False
        device = QMediaDevices.defaultVideoInput() or inputs[0]
        self._camera = QCamera(device, self)
        self._camera.errorOccurred.connect(
            lambda _error, text: self._say(translate("Camera", "camera error: {text}")
                                           .format(text=text)))
        self._session.setCamera(self._camera)
        self._camera.start()
        self._say(translate("Camera", "camera on: {name}").format(name=device.description()))
        return True

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._tasks.close()

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the frame in hand is decoded (tests); its scans follow as events."""
        return self._tasks.wait(msecs)

    def feed(self, image: QImage) -> None:
        """Decode one picture (a camera frame, or a test's image) unless one is in hand."""
        if self._tasks.busy:
            return
        self._tasks.submit(lambda _progress: decode_image(image), self._on_decoded)

    def _on_frame(self, frame: QVideoFrame) -> None:
        if self._tasks.busy:  # converting a frame costs the GUI thread: only when it is used
            return
        image = frame.toImage()
        if not image.isNull():
            self.feed(image)

    def _on_decoded(self, found: list[tuple[str, str | None]]) -> None:
        symbologies = dict(found)
        for text in self._filter.new_codes([text for text, _ in found], self._clock()):
            self.scan.emit(ScanInput(text, symbologies[text], SOURCE))

    def _say(self, text: str) -> None:
        self.text = text
        log.info("camera: %s", text)
        self.status.emit(text)


class CameraStatus(QLabel):
    """One line under the packing screen saying what the camera is doing."""

    def __init__(self, camera: CameraScanner, parent: QWidget | None = None) -> None:
        super().__init__(camera.text, parent)
        self.setObjectName("CameraStatus")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setStyleSheet("font-size: 18px; padding: 4px 8px;")
        camera.status.connect(self.setText)
