"""The evdev and HID links with stand-ins for the devices (no /dev/input or hidraw here);
the serial link's messages for the errors a pty cannot produce."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pytest

from devices import DeviceError, DeviceStatus, LinkState, ScanInput, WeightReading
from devices.evdev_link import EvdevLink
from devices.framing import ScanFramer
from devices.hid_link import HidLink
from devices.runner import Device
from devices.scale import ScaleProtocol
from devices.scale_dialects import DIALECTS
from devices.serial_link import serial_open_error
from tests.helpers.device_events import EventLog

EV_KEY, PRESS, RELEASE = 1, 1, 0


@dataclass
class KeyEvent:
    type: int
    code: int
    value: int


class FakeInputDevice:
    """Readable through a real pipe, so the link's select() works as with /dev/input."""

    def __init__(self) -> None:
        self._read_end, self._write_end = os.pipe()
        self.fd = self._read_end
        self.grabbed = False
        self._pending: list[KeyEvent] = []

    def type(self, codes: Iterable[int]) -> None:
        for code in codes:
            self._pending += [KeyEvent(EV_KEY, code, PRESS), KeyEvent(EV_KEY, code, RELEASE)]
        os.write(self._write_end, b"!")

    def grab(self) -> None:
        self.grabbed = True

    def ungrab(self) -> None:
        self.grabbed = False

    def read(self) -> Iterator[KeyEvent]:
        os.read(self._read_end, 64)
        events, self._pending = self._pending, []
        return iter(events)

    def close(self) -> None:
        os.close(self._read_end)
        os.close(self._write_end)


def test_an_evdev_scanner_is_grabbed_and_its_keys_become_scans() -> None:
    fake = FakeInputDevice()
    link = EvdevLink("evdev:///dev/input/event7", "/dev/input/event7", open_device=lambda _: fake)
    log = EventLog()
    with Device(link, ScanFramer(link.name, suffix=b"\r"), log):
        log.wait_state(LinkState.CONNECTED)
        assert fake.grabbed
        fake.type([5, 11, 2, 28])  # 4 0 1 Enter
        log.wait_count(ScanInput, 1)
    assert log.of(ScanInput)[0].text == "401"
    assert not fake.grabbed


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (ImportError("no evdev"), "python-evdev is not installed"),
        (PermissionError(errno.EACCES, "denied"), "usermod -aG input"),
        (FileNotFoundError(errno.ENOENT, "absent"), "does not exist"),
    ],
)
def test_evdev_open_errors_say_what_to_do(error: Exception, message: str) -> None:
    def fail(path: str) -> FakeInputDevice:
        raise error

    link = EvdevLink("evdev:///dev/input/event7", "/dev/input/event7", open_device=fail)
    with pytest.raises(DeviceError, match=message):
        link.open()


class FakeHidScale:
    def __init__(self, reports: list[bytes]) -> None:
        self._reports = reports

    def read(self, size: int, timeout_ms: int) -> Sequence[int]:
        if not self._reports:
            raise OSError("read error")  # what hidapi raises when the scale is unplugged
        return list(self._reports.pop(0))

    def close(self) -> None:
        pass


def test_a_hid_scale_reports_weights_until_unplugged() -> None:
    fake = FakeHidScale([bytes([3, 3, 2, 0, 0x10, 0]), b"", bytes([3, 4, 2, 0, 0xE2, 0x04])])
    link = HidLink("hid://0922:8003", 0x0922, 0x8003, open_device=lambda *_: fake)
    log = EventLog()
    protocol = ScaleProtocol(link.name, DIALECTS["hid"], no_reading_after=None)
    with Device(link, protocol, log, retry_delay=10):
        log.wait_state(LinkState.DISCONNECTED)
    assert [(r.grams, r.stable) for r in log.of(WeightReading)] == [(16.0, False), (1250.0, True)]
    [lost] = [s for s in log.of(DeviceStatus) if s.state is LinkState.DISCONNECTED]
    assert "disconnected (read error)" in str(lost.error)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.EACCES, "usermod -aG dialout"),
        (errno.EBUSY, "in use by another program"),
        (errno.ENOENT, "does not exist"),
        (errno.EIO, "cannot open /dev/ttyACM0"),
    ],
)
def test_serial_open_errors_say_what_to_do(code: int, message: str) -> None:
    error = serial_open_error("serial:///dev/ttyACM0", "/dev/ttyACM0", code, "detail")
    assert message in str(error)
    assert str(error).startswith("serial:///dev/ttyACM0: ")
