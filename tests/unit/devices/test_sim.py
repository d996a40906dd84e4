from __future__ import annotations

from decimal import Decimal

import pytest

from devices import DeviceError
from devices.scale_dialects import parse_sics
from devices.sim import SimScale, SimScanner
from devices.weight import WeightState


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def ask(scale: SimScale, command: bytes = b"SI") -> bytes:
    scale.write(command + b"\r\n")
    return scale.read(0.1)


def test_the_simulated_scale_settles_goes_over_range_tares_and_falls_silent() -> None:
    clock = Clock()
    scale = SimScale("sim://scale", capacity_grams=Decimal(30_000), clock=clock)
    scale.open()
    scale.place(Decimal(2000), settle=1.0)
    moving = parse_sics(ask(scale))
    assert moving is not None and moving.state is WeightState.MOTION and moving.grams != 2000.0
    assert ask(scale, b"T") == b"T I\r\n"  # no tare while the load moves
    clock.now = 1.0
    assert parse_sics(ask(scale)) == parse_sics(b"S S      2.000 kg")
    assert ask(scale, b"T") == b"T S      2.000 kg\r\n"
    assert ask(scale) == b"S S      0.000 kg\r\n"
    scale.place(Decimal(40_000), settle=0)
    assert ask(scale) == b"S +\r\n"
    assert ask(scale, b"XYZ") == b"ES\r\n"
    scale.stop_answering()
    assert ask(scale) == b""
    scale.start_answering()
    assert ask(scale, b"Z") == b"Z A\r\n"


def test_the_simulated_scanner_frames_like_a_real_one_and_unplugs() -> None:
    scanner = SimScanner("sim://scanner", prefix=b"\x02", suffix=b"\x03")
    scanner.scan("lost: the port is not open yet")
    scanner.open()
    scanner.scan("0109506000134352", "]C1")
    scanner.burst(["A", "B"])
    assert scanner.read(0.1) == b"\x02]C10109506000134352\x03\x02A\x03\x02B\x03"
    scanner.unplug()
    with pytest.raises(DeviceError, match="unplugged"):
        scanner.read(0.1)
    with pytest.raises(DeviceError, match="unplugged"):
        scanner.open()
