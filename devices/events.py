"""What a device hands upwards through its callback: data, and news of its connection."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime

from devices.errors import DeviceError
from devices.scan import ScanInput, ScanRejected
from devices.weight import WeightReading


class LinkState(enum.Enum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # and retrying by itself; ``error`` says why
    STOPPED = "stopped"  # stop() was called; the device thread has ended


@dataclass(frozen=True, slots=True)
class DeviceStatus:
    """A change of connection. ``reconnects`` counts connections after the first one."""

    source: str
    state: LinkState
    error: DeviceError | None = None
    reconnects: int = 0
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


DeviceData = ScanInput | ScanRejected | WeightReading  # what a protocol makes of the bytes
DeviceEvent = DeviceData | DeviceStatus
