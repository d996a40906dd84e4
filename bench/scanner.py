"""Scanner latency: from the bytes written to a pseudo-terminal to the ``ScanInput`` delivered.

The measured path is the station's: ``open_scanner("serial://<pty>")``, its device thread,
framing, and the callback. The floor, measured in the same run on a pty of its own, is a bare
pyserial loop on a thread (read the first byte, then what is waiting, until CR) handing each
line to the main thread the same way. The two alternate scan by scan, so a noisy moment on
the machine hits both alike.

    python -m bench scanner [--scans 10000] [--baud 115200]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from collections.abc import Callable

import serial

from devices import DeviceEvent, ScanInput, open_scanner

# A GS1-128 scan as a scanner sends it: AIM identifier, element strings, GS, CR.
SCAN = b"]C1" + b"0109506000134352" + b"17201231" + b"10ABC123\x1d" + b"21XYZ0001" + b"\r"
TARGET_P99_MS = 5.0
TARGET_RATIO = 1.5


class _Pty:
    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        self.path = os.ttyname(self._slave)

    def close(self) -> None:
        os.close(self.master)
        os.close(self._slave)


def _measure(write: Callable[[], None], arrived: threading.Event, count: int) -> list[float]:
    latencies = []
    for _ in range(count):
        arrived.clear()
        start = time.perf_counter()
        write()
        if not arrived.wait(2.0):
            raise RuntimeError("a scan was lost")
        latencies.append(time.perf_counter() - start)
    return latencies


def _floor_reader(port: serial.Serial, arrived: threading.Event, stop: threading.Event) -> None:
    line = b""
    while not stop.is_set():
        first = port.read(1)
        if not first:
            continue
        line += first + port.read(port.in_waiting)
        if line.endswith(b"\r"):
            line = b""
            arrived.set()


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[round(q * 1000) - 1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench scanner")
    parser.add_argument("--scans", type=int, default=10_000)
    parser.add_argument("--baud", type=int, default=115200)
    args = parser.parse_args(argv)

    station_pty, floor_pty = _Pty(), _Pty()
    delivered = threading.Event()
    connected = threading.Event()
    texts: list[str] = []

    def on_event(event: DeviceEvent) -> None:
        if isinstance(event, ScanInput):
            texts.append(event.text)
            delivered.set()
        else:
            connected.set()

    scanner = open_scanner(f"serial://{station_pty.path}?baud={args.baud}&suffix=CR", on_event)
    floor_port = serial.Serial(floor_pty.path, args.baud, timeout=0.05)
    floor_arrived, floor_stop = threading.Event(), threading.Event()
    floor_thread = threading.Thread(
        target=_floor_reader, args=(floor_port, floor_arrived, floor_stop), daemon=True
    )
    scanner.start()
    floor_thread.start()
    try:
        if not connected.wait(5.0):
            raise RuntimeError("the scanner did not connect")

        def to_station() -> None:
            os.write(station_pty.master, SCAN)

        def to_floor() -> None:
            os.write(floor_pty.master, SCAN)

        _measure(to_station, delivered, 200)  # warm-up
        _measure(to_floor, floor_arrived, 200)
        texts.clear()
        station: list[float] = []
        floor: list[float] = []
        for _ in range(args.scans):
            station += _measure(to_station, delivered, 1)
            floor += _measure(to_floor, floor_arrived, 1)
    finally:
        scanner.stop()
        floor_stop.set()
        floor_thread.join(2.0)
        floor_port.close()
        station_pty.close()
        floor_pty.close()

    expected = SCAN[3:-1].decode()
    intact = sum(text == expected for text in texts)
    p50, p99 = statistics.median(station) * 1000, _percentile(station, 0.99) * 1000
    floor_p50, floor_p99 = statistics.median(floor) * 1000, _percentile(floor, 0.99) * 1000
    figures = {
        "bench": "scanner",
        "scans": len(station),
        "intact": intact,
        "p50_ms": round(p50, 4),
        "p99_ms": round(p99, 4),
        "floor_p50_ms": round(floor_p50, 4),
        "floor_p99_ms": round(floor_p99, 4),
        "ratio_p50": round(p50 / floor_p50, 3),
        "ratio_p99": round(p99 / floor_p99, 3),
        "target_p99_ms": TARGET_P99_MS,
        "target_ratio": TARGET_RATIO,
    }
    print(f"scans delivered intact: {intact} of {len(station)}")
    print(f"station path: p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms")
    print(
        f"bare pyserial floor: p50 {figures['floor_p50_ms']} ms, p99 {figures['floor_p99_ms']} ms"
    )
    print(f"ratio: p50 {figures['ratio_p50']}, p99 {figures['ratio_p99']}")
    print(json.dumps(figures))
    return 0 if intact == len(station) else 1
