"""A pseudo-terminal standing in for a serial device: the station opens ``path`` through
pyserial like a real port, the test plays the device on the master side."""

from __future__ import annotations

import os
import select
import time
import tty
from pathlib import Path


class PtyDevice:
    def __init__(self) -> None:
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no CR/LF translation before pyserial configures it
        self.path = os.ttyname(self._slave)
        self.closed = False

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self.master, view)
            view = view[written:]

    def read(self, timeout: float = 1.0) -> bytes:
        """What the station wrote to the device, waiting up to ``timeout`` for the first byte."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        return os.read(self.master, 4096) if ready else b""

    def read_until(self, marker: bytes, timeout: float = 2.0) -> bytes:
        deadline = time.monotonic() + timeout
        data = b""
        while marker not in data and time.monotonic() < deadline:
            data += self.read(deadline - time.monotonic())
        return data

    def unplug(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.master)
            os.close(self._slave)

    def link_at(self, link: Path) -> None:
        """Point ``link`` at this pty: the stable name a settings URL uses across replugs."""
        temporary = link.with_name(link.name + ".new")
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(self.path)
        temporary.replace(link)
