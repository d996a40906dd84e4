from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from devices import DeviceError, DeviceStatus, LinkState, ScanInput, WeightReading
from devices.framing import ScanFramer
from devices.runner import Device
from devices.scale import ScaleProtocol
from devices.sim import SimScale, SimScanner
from tests.helpers.device_events import EventLog, device_threads


def scanner(log: EventLog, link: SimScanner | None = None) -> Device:
    link = link or SimScanner("sim://scanner")
    return Device(link, ScanFramer(link.name), log, retry_delay=0.05)


def test_scans_flow_and_stop_ends_the_thread() -> None:
    log = EventLog()
    device = scanner(log)
    link = device.link
    assert isinstance(link, SimScanner)
    with device:
        log.wait_state(LinkState.CONNECTED)
        link.scan("0109506000134352", "]C1")
        log.wait_count(ScanInput, 1)
    assert log.states() == [LinkState.CONNECTED, LinkState.STOPPED]
    scan = log.of(ScanInput)[0]
    assert (scan.text, scan.symbology, scan.source) == ("0109506000134352", "]C1", "sim://scanner")
    assert device_threads() == []


def test_unplug_is_reported_at_once_and_replug_reconnects() -> None:
    log = EventLog()
    device = scanner(log)
    link = device.link
    assert isinstance(link, SimScanner)
    with device:
        log.wait_state(LinkState.CONNECTED)
        link.unplug()
        log.wait_state(LinkState.DISCONNECTED)
        link.plug()
        log.wait_state(LinkState.CONNECTED, count=2)
        link.scan("after")
        log.wait_count(ScanInput, 1)
    statuses = log.of(DeviceStatus)
    assert [s.state for s in statuses] == [
        LinkState.CONNECTED,
        LinkState.DISCONNECTED,
        LinkState.CONNECTED,
        LinkState.STOPPED,
    ]
    assert statuses[1].error is not None and "unplugged" in str(statuses[1].error)
    assert statuses[2].reconnects == 1


def test_a_device_that_stays_missing_is_reported_once_while_retried() -> None:
    log = EventLog()
    link = SimScanner("sim://scanner")
    link.unplug()
    attempts = 0
    real_open = link.open

    def counting_open() -> None:
        nonlocal attempts
        attempts += 1
        real_open()

    link.open = counting_open  # type: ignore[method-assign]
    with scanner(log, link):
        log.wait_for(lambda _: attempts >= 4)
    assert log.states() == [LinkState.DISCONNECTED, LinkState.STOPPED]


def test_commands_reach_the_scale_and_unknown_ones_are_refused() -> None:
    log = EventLog()
    scale = SimScale("sim://scale")
    device = Device(scale, ScaleProtocol("sim://scale", poll=0.02), log, retry_delay=0.05)
    with device:
        scale.place(Decimal(500), settle=0)
        log.wait_for(lambda lg: any(r.grams == 500.0 for r in lg.of(WeightReading)))
        device.command("tare")
        log.wait_for(lambda lg: lg.of(WeightReading)[-1].grams == 0.0)
        with pytest.raises(DeviceError, match="cannot calibrate"):
            device.command("calibrate")
    with pytest.raises(DeviceError, match="cannot tare: not connected"):
        device.command("tare")
    scanner_device = scanner(EventLog())
    with pytest.raises(DeviceError, match="cannot zero"):
        scanner_device.command("zero")


def test_a_callback_that_fails_is_a_bug_for_the_thread_excepthook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caught: list[BaseException | None] = []
    done = threading.Event()

    def hook(args: threading.ExceptHookArgs) -> None:
        caught.append(args.exc_value)
        done.set()

    monkeypatch.setattr(threading, "excepthook", hook)

    def broken(event: object) -> None:
        raise ZeroDivisionError("bug in a subscriber")

    device = Device(SimScanner("sim://scanner"), ScanFramer("sim://scanner"), broken)
    device.start()
    assert done.wait(5)
    device.stop()
    assert isinstance(caught[0], ZeroDivisionError)
    assert device_threads() == []


def test_starting_twice_is_a_bug() -> None:
    device = scanner(EventLog())
    with device, pytest.raises(RuntimeError, match="started twice"):
        device.start()
