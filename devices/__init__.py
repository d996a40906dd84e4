"""Scanners and scales: serial, evdev, HID and simulated devices on threads of their own,
keyboard-wedge detection, and what is attached. Knows nothing of Qt, the database or the
application (DESIGN.md §1). Typical use::

    manager = DeviceManager()
    manager.subscribe(on_event)       # ScanInput | ScanRejected | WeightReading | DeviceStatus,
    manager.open("serial:///dev/ttyACM0?baud=9600&suffix=CR")   # called on device threads
    manager.open("sim://scale")
    ...
    manager.stop()

URL formats are described in ``devices.factory``.
"""

from devices.errors import DeviceError, DeviceUrlError
from devices.events import DeviceEvent, DeviceStatus, LinkState
from devices.factory import device_kind, open_device, open_scale, open_scanner
from devices.layout import LAYOUT_TEST_TEXT, LayoutDiagnosis, diagnose_layout
from devices.manager import DeviceHealth, DeviceManager
from devices.runner import Device
from devices.scan import ScanInput, ScanRejected
from devices.sim import SimScale, SimScanner
from devices.symbology import symbology_name
from devices.traffic import log_traffic_to, stop_traffic_log
from devices.wedge import WedgeDecision, WedgeDetector
from devices.weight import WeightReading, WeightState

__all__ = [
    "LAYOUT_TEST_TEXT",
    "Device",
    "DeviceError",
    "DeviceEvent",
    "DeviceHealth",
    "DeviceManager",
    "DeviceStatus",
    "DeviceUrlError",
    "LayoutDiagnosis",
    "LinkState",
    "ScanInput",
    "ScanRejected",
    "SimScale",
    "SimScanner",
    "WedgeDecision",
    "WedgeDetector",
    "WeightReading",
    "WeightState",
    "device_kind",
    "diagnose_layout",
    "log_traffic_to",
    "open_device",
    "open_scale",
    "open_scanner",
    "stop_traffic_log",
    "symbology_name",
]
