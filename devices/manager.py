"""The device manager: opens the station's devices by URL, keeps their health, fans out events.

Subscribers are called on the device threads (``ui/`` bridges them into Qt signals); they must
be quick and must not block. Health is kept here so a status bar can ask at any time.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from types import TracebackType

from devices.events import DeviceEvent, DeviceStatus, LinkState
from devices.factory import Kind, device_kind, open_device
from devices.runner import Device
from devices.url import DeviceUrl

log = logging.getLogger(__name__)

Subscriber = Callable[[DeviceEvent], None]


@dataclass(frozen=True, slots=True)
class DeviceHealth:
    url: str
    kind: Kind
    connected: bool = False
    last_event_at: datetime | None = None  # the last scan, rejection or weight
    last_error: str | None = None
    reconnects: int = 0


class DeviceManager:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._devices: dict[str, Device] = {}
        self._health: dict[str, DeviceHealth] = {}
        self._subscribers: tuple[Subscriber, ...] = ()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` with every event of every device; returns the unsubscribe call."""
        with self._lock:
            self._subscribers = (*self._subscribers, subscriber)

        def unsubscribe() -> None:
            with self._lock:
                self._subscribers = tuple(s for s in self._subscribers if s is not subscriber)

        return unsubscribe

    def open(self, url: str, kind: Kind | None = None) -> Device:
        """Open and start the device; raises ``DeviceUrlError`` for a URL that cannot work.

        A device that is missing or busy is not an error here: it is retried, and its health
        (and a ``DeviceStatus`` event) says why it is not connected.
        """
        url = DeviceUrl.parse(url).text
        kind = kind or device_kind(url)
        with self._lock:
            if url in self._devices:
                raise ValueError(f"{url} is open already")
            device = open_device(url, lambda event: self._dispatch(url, event), kind)
            self._devices[url] = device
            self._health[url] = DeviceHealth(url, kind)
        device.start()
        return device

    def device(self, url: str) -> Device:
        with self._lock:
            return self._devices[DeviceUrl.parse(url).text]

    def close(self, url: str) -> None:
        with self._lock:
            device = self._devices.pop(DeviceUrl.parse(url).text)
        device.stop()

    def health(self) -> list[DeviceHealth]:
        with self._lock:
            return list(self._health.values())

    def stop(self) -> None:
        """Stop every device and wait for its thread."""
        with self._lock:
            devices, self._devices = list(self._devices.values()), {}
        for device in devices:
            device.stop()

    def __enter__(self) -> DeviceManager:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _dispatch(self, url: str, event: DeviceEvent) -> None:
        with self._lock:
            health = self._health[url]
            if isinstance(event, DeviceStatus):
                health = replace(
                    health,
                    connected=event.state is LinkState.CONNECTED,
                    last_error=str(event.error) if event.error else health.last_error,
                    reconnects=event.reconnects,
                )
            else:
                health = replace(health, last_event_at=event.received_at)
            self._health[url] = health
            subscribers = self._subscribers
        for subscriber in subscribers:
            subscriber(event)
