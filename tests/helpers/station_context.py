"""A ``StationContext`` for page tests: the real app on a test database, sim devices."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from devices.manager import DeviceManager
from printing.transports.sim import shutdown_simulators
from ui.bridge import DeviceBridge
from ui.context import StationContext
from ui.scan_hub import ScanHub
from workstation.app import App


@contextmanager
def station_context(app: App) -> Iterator[StationContext]:
    manager = DeviceManager()
    bridge = DeviceBridge()
    bridge.attach(manager)
    try:
        yield StationContext(app, app.pack_service(), manager, bridge, ScanHub())
    finally:
        bridge.detach()
        manager.stop()
        shutdown_simulators()
