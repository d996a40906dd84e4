"""The real serial code (pyserial, the device thread, framing) against pseudo-terminals."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial
from serial.tools.list_ports_common import ListPortInfo

from devices import DeviceStatus, LinkState, ScanInput, ScanRejected, open_scanner
from devices.framing import ScanFramer
from devices.runner import Device
from devices.serial_link import SerialLink, UsbIdentity
from tests.helpers.device_events import EventLog
from tests.helpers.pty_serial import PtyDevice


@pytest.fixture
def pty() -> Iterator[PtyDevice]:
    device = PtyDevice()
    yield device
    device.unplug()


def connected_scanner(url: str, log: EventLog) -> Device:
    device = open_scanner(url, log)
    device.start()
    log.wait_state(LinkState.CONNECTED)
    return device


def test_a_burst_of_1000_scans_at_115200_baud_arrives_whole_and_in_order(pty: PtyDevice) -> None:
    log = EventLog()
    device = connected_scanner(f"serial://{pty.path}?baud=115200&suffix=CR", log)
    try:
        codes = [f"]C1010950600013435221{n:08d}" for n in range(1000)]
        pty.write(b"".join(code.encode() + b"\r" for code in codes))
        log.wait_count(ScanInput, 1000, timeout=20)
    finally:
        device.stop()
    scans = log.of(ScanInput)
    assert [s.symbology + s.text for s in scans if s.symbology] == codes
    assert len(scans) == 1000 and log.of(ScanRejected) == []


def test_split_and_joined_reads(pty: PtyDevice) -> None:
    log = EventLog()
    device = connected_scanner(f"serial://{pty.path}", log)
    try:
        pty.write(b"]d20109506000")
        time.sleep(0.02)  # a pause inside one scan, well under the 0.1 s gap
        pty.write(b"134352\x1d10LOT7\r")
        log.wait_count(ScanInput, 1)
        pty.write(b"]E05901234123457\r]E04006381333931\r")
        log.wait_count(ScanInput, 3)
    finally:
        device.stop()
    assert [(s.symbology, s.text) for s in log.of(ScanInput)] == [
        ("]d2", "0109506000134352\x1d10LOT7"),
        ("]E0", "5901234123457"),
        ("]E0", "4006381333931"),
    ]


def test_garbage_and_over_long_lines_are_rejected_and_the_next_scan_is_fine(
    pty: PtyDevice,
) -> None:
    log = EventLog()
    device = connected_scanner(f"serial://{pty.path}?max_length=4096", log)
    try:
        pty.write(b"\x00\xff\x13\x7fnoise\r")
        pty.write(b"A" * 5000 + b"\r")
        pty.write(b"4006381333931\r")
        log.wait_count(ScanInput, 1)
    finally:
        device.stop()
    reasons = [r.reason for r in log.of(ScanRejected)]
    assert len(reasons) == 2
    assert "baud rate" in reasons[0]
    assert "more than 4096 bytes" in reasons[1]
    assert [s.text for s in log.of(ScanInput)] == ["4006381333931"]


def test_unplug_is_reported_and_a_new_device_at_the_same_name_reconnects(
    tmp_path: Path,
) -> None:
    first = PtyDevice()
    stable_name = tmp_path / "scanner"  # as /dev/serial/by-id/… follows the device
    first.link_at(stable_name)
    log = EventLog()
    device = connected_scanner(f"serial://{stable_name}", log)
    second = PtyDevice()
    try:
        first.write(b"before\r")
        log.wait_count(ScanInput, 1)
        first.unplug()
        log.wait_state(LinkState.DISCONNECTED, timeout=2)
        second.link_at(stable_name)
        log.wait_state(LinkState.CONNECTED, count=2, timeout=3)
        second.write(b"after\r")
        log.wait_count(ScanInput, 2)
    finally:
        device.stop()
        second.unplug()
    assert [s.text for s in log.of(ScanInput)] == ["before", "after"]
    lost = [s for s in log.of(DeviceStatus) if s.state is LinkState.DISCONNECTED]
    assert lost[0].error is not None and "disconnected" in lost[0].error.problem
    assert log.of(DeviceStatus)[-2].reconnects == 1


def test_a_port_found_by_usb_identity_wherever_it_shows_up(pty: PtyDevice) -> None:
    attached: list[ListPortInfo] = []

    def comports() -> list[ListPortInfo]:
        return attached

    log = EventLog()
    identity = UsbIdentity(0x0C2E, 0x0B61, "18290B0A2D")
    name = "serial://usb/0c2e:0b61?serial=18290B0A2D"
    link = SerialLink(name, identity, comports=comports)
    with Device(link, ScanFramer(name), log, retry_delay=0.05):
        log.wait_state(LinkState.DISCONNECTED)
        other = ListPortInfo("/dev/ttyACM9", skip_link_detection=True)
        other.vid, other.pid, other.serial_number = 0x0C2E, 0x0B61, "OTHER"
        ours = ListPortInfo(pty.path, skip_link_detection=True)
        ours.vid, ours.pid, ours.serial_number = 0x0C2E, 0x0B61, "18290B0A2D"
        attached.extend([other, ours])
        log.wait_state(LinkState.CONNECTED)
        pty.write(b"found\r")
        log.wait_count(ScanInput, 1)
    error = log.of(DeviceStatus)[0].error
    assert error is not None and "no USB serial device 0c2e:0b61 with serial number" in str(error)


def test_a_port_in_use_and_a_missing_port_say_what_to_do(pty: PtyDevice) -> None:
    holder = serial.Serial(pty.path, exclusive=True)
    log = EventLog()
    busy = open_scanner(f"serial://{pty.path}", log)
    missing = open_scanner("serial:///dev/does-not-exist", log)
    try:
        with busy, missing:
            log.wait_state(LinkState.DISCONNECTED, count=2)
    finally:
        holder.close()
    messages = sorted(str(s.error) for s in log.of(DeviceStatus) if s.error)
    assert "/dev/does-not-exist does not exist" in messages[0]
    assert "in use by another program" in messages[1]
