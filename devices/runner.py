"""A device: one link and one protocol, run on a thread of its own with a stop event.

The thread opens the link, asks and reads, and hands every scan, weight and change of connection
to the callback, on the device thread; ``ui/`` turns these calls into Qt signals. A missing or
lost device is retried every ``retry_delay`` seconds until ``stop()``. An exception raised by the
callback is a bug: it ends the thread and reaches ``threading.excepthook``.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from types import TracebackType
from typing import Protocol

from devices.errors import DeviceError
from devices.events import DeviceData, DeviceEvent, DeviceStatus, LinkState
from devices.link import Link
from devices.traffic import record

log = logging.getLogger(__name__)


class DeviceProtocol(Protocol):
    """Turns bytes into scans or weights; pure, driven by the device thread with the time."""

    @property
    def read_timeout(self) -> float: ...

    @property
    def commands(self) -> Mapping[str, bytes]: ...

    def reset(self) -> None: ...

    def request(self, now: float) -> bytes | None: ...

    def feed(self, data: bytes, now: float) -> Sequence[DeviceData]: ...


class Device:
    def __init__(
        self,
        link: Link,
        protocol: DeviceProtocol,
        on_event: Callable[[DeviceEvent], None],
        *,
        retry_delay: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.link = link
        self.protocol = protocol
        self._on_event = on_event
        self._retry_delay = retry_delay
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._outbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._status: tuple[LinkState, str] | None = None
        self._connections = 0

    @property
    def name(self) -> str:
        return self.link.name

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError(f"{self.name}: started twice")
        self._thread = threading.Thread(target=self._run, name=f"device {self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop the thread and wait for it; the link is closed when this returns."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("%s: device thread did not stop within %g s", self.name, timeout)

    def command(self, name: str) -> None:
        """Send a protocol command (``"zero"``, ``"tare"``) from any thread; it goes out next."""
        data = self.protocol.commands.get(name)
        if data is None:
            raise DeviceError(
                self.name,
                f"this device cannot {name} on the station's command",
                "Use the key on the device itself",
            )
        status = self._status
        if status is None or status[0] is not LinkState.CONNECTED:
            # Not kept for later: a tare sent minutes after it was asked for would be wrong.
            raise DeviceError(self.name, f"cannot {name}: not connected", "Check the device")
        self._outbox.put(data)

    def __enter__(self) -> Device:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.link.open()
                try:
                    self._pump()
                finally:
                    self.link.close()
            except DeviceError as error:
                log.info("%s", error)
                self._report(LinkState.DISCONNECTED, error)
                self._stop.wait(self._retry_delay)
        self._report(LinkState.STOPPED)

    def _pump(self) -> None:
        link, protocol, clock = self.link, self.protocol, self._clock
        protocol.reset()
        self._commands()  # drop what was asked for just before the connection was lost
        self._connections += 1
        self._report(LinkState.CONNECTED)
        while not self._stop.is_set():
            outgoing = self._commands() + (protocol.request(clock()) or b"")
            if outgoing:
                record(self.name, ">", outgoing)
                link.write(outgoing)
            data = link.read(protocol.read_timeout)
            record(self.name, "<", data)
            for event in protocol.feed(data, clock()):
                self._on_event(event)

    def _commands(self) -> bytes:
        if self._outbox.empty():
            return b""  # the usual case, without the cost of raising queue.Empty
        chunks = []
        while True:
            try:
                chunks.append(self._outbox.get_nowait())
            except queue.Empty:
                return b"".join(chunks)

    def _report(self, state: LinkState, error: DeviceError | None = None) -> None:
        """Hand a change of connection upwards; the same failure on every retry only once."""
        status = (state, str(error or ""))
        if status != self._status:
            self._status = status
            reconnects = max(self._connections - 1, 0)
            self._on_event(DeviceStatus(self.name, state, error, reconnects))
