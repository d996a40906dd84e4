"""Scales over pseudo-terminals: the test answers like the scale, from recorded replies."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from devices import LinkState, WeightReading, WeightState, open_scale
from tests.helpers.device_events import EventLog
from tests.helpers.pty_serial import PtyDevice


class ScaleEmulator:
    """Answers each request with ``answer(request)``; ``None`` stays silent."""

    def __init__(self, pty: PtyDevice, answer: Callable[[bytes], bytes | None]) -> None:
        self.pty = pty
        self.answer = answer
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="scale emulator", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            data = self.pty.read(0.05)
            for request in data.replace(b"\n", b"").split(b"\r"):
                if request:
                    self.requests.append(request)
                    reply = self.answer(request)
                    if reply:
                        self.pty.write(reply)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)


@pytest.fixture
def pty() -> Iterator[PtyDevice]:
    device = PtyDevice()
    yield device
    device.unplug()


def test_mt_sics_motion_stable_overload_silence_and_zero(pty: PtyDevice) -> None:
    replies = iter([b"S D      0.730 kg\r\n", b"S S      0.750 kg\r\n", b"S +\r\n"])
    silent = threading.Event()

    def answer(request: bytes) -> bytes | None:
        if request == b"Z":
            return b"Z A\r\n"
        if silent.is_set():
            return None
        return next(replies, b"S +\r\n")

    emulator = ScaleEmulator(pty, answer)
    log = EventLog()
    scale = open_scale(f"serial://{pty.path}?protocol=sics&poll=0.05&no_reading=0.5", log)
    try:
        with scale:
            log.wait_for(lambda lg: any(r.state is WeightState.OVER for r in lg.of(WeightReading)))
            scale.command("zero")
            log.wait_for(lambda _: b"Z" in emulator.requests)
            silent.set()
            log.wait_for(
                lambda lg: lg.of(WeightReading)[-1].state is WeightState.NO_READING, timeout=3
            )
    finally:
        emulator.stop()
    readings = [(r.grams, r.state) for r in log.of(WeightReading)]
    assert readings == [
        (730.0, WeightState.MOTION),
        (750.0, WeightState.OK),
        (None, WeightState.OVER),
        (None, WeightState.NO_READING),
    ]
    assert set(emulator.requests) == {b"SI", b"Z"}
    assert log.states()[0] is LinkState.CONNECTED


def test_nci_weight_requests_and_status_replies(pty: PtyDevice) -> None:
    def answer(request: bytes) -> bytes | None:
        if request == b"W":
            return b"\n0001.25lb\r\n00\r\x03"
        return b"\n00\r\x03"

    emulator = ScaleEmulator(pty, answer)
    log = EventLog()
    try:
        with open_scale(f"serial://{pty.path}?protocol=nci&poll=0.05", log) as scale:
            log.wait_count(WeightReading, 1)
            scale.command("tare")
            log.wait_for(lambda _: b"T" in emulator.requests)
    finally:
        emulator.stop()
    [reading] = log.of(WeightReading)
    assert (reading.grams, reading.unit_raw, reading.stable) == (566.9904625, "lb", True)
