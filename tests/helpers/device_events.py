"""Collecting device events from device threads, and waiting for them with a timeout."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

from devices import DeviceEvent, DeviceStatus, LinkState

E = TypeVar("E")


class EventLog:
    """A device callback that keeps every event; ``wait_for`` polls until a condition holds."""

    def __init__(self) -> None:
        self._events: list[DeviceEvent] = []
        self._changed = threading.Condition()

    def __call__(self, event: DeviceEvent) -> None:
        with self._changed:
            self._events.append(event)
            self._changed.notify_all()

    @property
    def events(self) -> list[DeviceEvent]:
        with self._changed:
            return list(self._events)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    def states(self) -> list[LinkState]:
        return [e.state for e in self.of(DeviceStatus)]

    def wait_for(self, condition: Callable[[EventLog], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not condition(self):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"condition not met in {timeout} s; events: {self._events}"
                    )
                self._changed.wait(min(left, 0.05))

    def wait_count(self, kind: type[object], count: int, timeout: float = 5.0) -> None:
        self.wait_for(lambda log: len(log.of(kind)) >= count, timeout)

    def wait_state(self, state: LinkState, count: int = 1, timeout: float = 5.0) -> None:
        self.wait_for(lambda log: log.states().count(state) >= count, timeout)


def device_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("device ")]
