"""What every page of the station window is given: the app, its services and its devices.

Pages receive a ``StationContext`` when they are built and keep what they need; nothing reaches
for a global main window. The print spooler and the label service are optional: they are
``None`` until the station has them (and in tests that do not print).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from devices.manager import DeviceManager
from ui.bridge import DeviceBridge
from ui.scan_hub import ScanHub
from workstation.app import App
from workstation.services.pack import PackService
from workstation.settings import Settings


class SpoolerLike(Protocol):
    """What the window uses of ``workstation.services.spooler.Spooler`` (the print spooler).

    INTEGRATION POINT: typed structurally so ``ui/`` does not depend on the module while it is
    being written; ``ui.launch`` builds the real spooler when it exists.
    """

    def start(self) -> None: ...

    def stop(self) -> None: ...

    def subscribe(self, callback: Callable[[Any], None]) -> Any: ...


@dataclass
class StationContext:
    app: App
    pack: PackService
    devices: DeviceManager
    bridge: DeviceBridge
    scans: ScanHub
    spooler: SpoolerLike | None = None
    labels: object | None = None  # the label service, when it exists
    extras: dict[str, object] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return self.app.settings
