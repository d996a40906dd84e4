"""Simulated devices (``sim://``): links whose far end is a scanner or scale in memory.

They speak the same bytes as the real devices, so a simulated scan or weight goes through the
same protocol code, and they fail the same ways (unplugged, not answering). The demo runs on
them; tests and a simulator panel drive them through ``scan()``, ``place()``, ``unplug()``…
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from decimal import Decimal

from devices.errors import DeviceError

log = logging.getLogger(__name__)


class SimLink:
    """The cable and the far end's outbox; ``send()`` is the device talking to the station."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._changed = threading.Condition()
        self._outbox = bytearray()
        self._plugged = True
        self._open = False

    @property
    def name(self) -> str:
        return self._name

    # The station's side.

    def open(self) -> None:
        with self._changed:
            if not self._plugged:
                raise DeviceError(
                    self._name, "the simulated device is unplugged", "Plug it in again"
                )
            self._outbox.clear()
            self._open = True

    def read(self, timeout: float) -> bytes:
        with self._changed:
            self._changed.wait_for(lambda: self._outbox or not self._plugged, timeout)
            self._check_plugged()
            data = bytes(self._outbox)
            self._outbox.clear()
            return data

    def write(self, data: bytes) -> None:
        with self._changed:
            self._check_plugged()
        self._receive(data)

    def close(self) -> None:
        with self._changed:
            self._open = False

    # The device's side.

    def send(self, data: bytes) -> None:
        """Put bytes on the line; like a real line, nobody hears them while the port is closed."""
        with self._changed:
            if self._open and self._plugged:
                self._outbox += data
                self._changed.notify_all()

    def unplug(self) -> None:
        with self._changed:
            self._plugged = False
            self._changed.notify_all()

    def plug(self) -> None:
        with self._changed:
            self._plugged = True
            self._changed.notify_all()

    def _receive(self, data: bytes) -> None:
        """What the device does with bytes the station writes; a scanner ignores them."""

    def _check_plugged(self) -> None:
        if not self._plugged:
            raise DeviceError(self._name, "the simulated device was unplugged", "Plug it in again")


class SimScanner(SimLink):
    """A scanner that sends its prefix, the AIM identifier, the data and its suffix."""

    def __init__(self, name: str, *, prefix: bytes = b"", suffix: bytes = b"\r") -> None:
        super().__init__(name)
        self._prefix = prefix
        self._suffix = suffix

    def scan(self, text: str, symbology: str | None = None) -> None:
        self.send(self._frame(text, symbology))

    def burst(self, texts: list[str], symbology: str | None = None) -> None:
        """Several scans in one write, as a scanner emptying its batch memory sends them."""
        self.send(b"".join(self._frame(text, symbology) for text in texts))

    def _frame(self, text: str, symbology: str | None) -> bytes:
        return self._prefix + ((symbology or "") + text).encode() + self._suffix


class SimScale(SimLink):
    """A scale speaking MT-SICS in kilograms: settles after a load changes, can be zeroed and
    tared, goes over range above its capacity, and can fall silent."""

    def __init__(
        self,
        name: str,
        *,
        capacity_grams: Decimal = Decimal(30_000),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(name)
        self._capacity = capacity_grams
        self._clock = clock
        self._lock = threading.Lock()
        self._load = Decimal(0)  # grams on the platter
        self._offset = Decimal(0)  # grams subtracted by zero or tare
        self._settle = 0.0
        self._settled_at = 0.0
        self._answering = True
        self._commands = bytearray()

    def place(self, grams: Decimal | int | str, *, settle: float = 0.6) -> None:
        """Put a load on the platter (0 takes it off); it is in motion for ``settle`` s."""
        with self._lock:
            self._load = Decimal(grams)
            self._settle = settle
            self._settled_at = self._clock() + settle

    def stop_answering(self) -> None:
        """As a scale set to another protocol or baud rate: the port opens, nothing comes back."""
        with self._lock:
            self._answering = False

    def start_answering(self) -> None:
        with self._lock:
            self._answering = True

    def _receive(self, data: bytes) -> None:
        with self._lock:
            self._commands += data
            *commands, rest = self._commands.split(b"\r\n")
            self._commands = bytearray(rest)
            replies = [self._reply(bytes(c.strip())) for c in commands] if self._answering else []
        for reply in replies:
            self.send(reply)

    def _reply(self, command: bytes) -> bytes:
        if command not in (b"SI", b"Z", b"T"):
            return b"ES\r\n"  # MT-SICS: command not understood
        remaining = self._settled_at - self._clock()
        if command in (b"Z", b"T"):
            if remaining > 0:
                return command + b" I\r\n"  # not while the load moves
            self._offset = self._load
            return b"Z A\r\n" if command == b"Z" else f"T S {self._kg(self._load)} kg\r\n".encode()
        net = self._load - self._offset
        if net > self._capacity:
            return b"S +\r\n"
        if net < -self._capacity:
            return b"S -\r\n"
        if remaining > 0:
            # A settling load swings around its weight, less and less.
            swing = net * Decimal("0.05") * Decimal(remaining / self._settle)
            return f"S D {self._kg(net + swing)} kg\r\n".encode()
        return f"S S {self._kg(net)} kg\r\n".encode()

    @staticmethod
    def _kg(grams: Decimal) -> str:
        return f"{(grams / 1000).quantize(Decimal('0.001')):>10}"
