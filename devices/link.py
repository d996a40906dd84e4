"""A link is the cable to a device: it opens, moves bytes both ways and closes, nothing more.

What the bytes mean is a protocol's business (``devices.scanner``, ``devices.scale``); a
``devices.runner.Device`` combines one link with one protocol on its own thread.
"""

from __future__ import annotations

from typing import Protocol


class Link(Protocol):
    """Raises ``DeviceError`` from every method when the device is missing or gone."""

    @property
    def name(self) -> str: ...

    def open(self) -> None: ...

    def read(self, timeout: float) -> bytes:
        """Return what has arrived, waiting up to ``timeout`` seconds; ``b""`` if nothing did."""
        ...

    def write(self, data: bytes) -> None: ...

    def close(self) -> None:
        """Close the link; safe to call when it is not open."""
        ...
