"""USB HID scales (usage page 0x8D) read through hidapi, where the ``hid`` module is installed.

Two bindings are both imported as ``hid``: ``hidapi`` (``hid.device()``, then ``open()``) and
``hid`` (``hid.Device(vid, pid)``); either will do. Each read returns one input report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from devices.errors import DeviceError, permission_remedy

log = logging.getLogger(__name__)

REPORT_BYTES = 64  # larger than any scale report; hidapi returns what the report holds


class HidDevice(Protocol):
    def read(self, size: int, timeout_ms: int) -> Sequence[int] | bytes: ...

    def close(self) -> None: ...


def _open_with_hidapi(vid: int, pid: int, serial_number: str | None) -> HidDevice:
    import hid  # optional: only stations with a HID scale install it

    module: Any = hid
    if hasattr(module, "Device"):  # the ctypes "hid" package
        device: HidDevice = module.Device(vid=vid, pid=pid, serial=serial_number)
        return device

    class _Adapter:  # the cython "hidapi" package: read(size, timeout_ms) on an opened device
        def __init__(self) -> None:
            self._device = module.device()
            self._device.open(vid, pid, serial_number)

        def read(self, size: int, timeout_ms: int) -> Sequence[int]:
            data: Sequence[int] = self._device.read(size, timeout_ms)
            return data

        def close(self) -> None:
            self._device.close()

    return _Adapter()


class HidLink:
    def __init__(
        self,
        name: str,
        vid: int,
        pid: int,
        serial_number: str | None = None,
        *,
        open_device: Callable[[int, int, str | None], HidDevice] | None = None,
    ) -> None:
        self._name = name
        self._ids = (vid, pid, serial_number)
        self._open_device = open_device or _open_with_hidapi
        self._device: HidDevice | None = None

    @property
    def name(self) -> str:
        return self._name

    def open(self) -> None:
        vid, pid, _ = self._ids
        try:
            self._device = self._open_device(*self._ids)
        except ImportError:
            raise DeviceError(
                self._name,
                "hidapi is not installed",
                "Install it with `.venv/bin/pip install -e '.[hid]'`",
            ) from None
        except (OSError, ValueError) as error:  # hidapi raises OSError("open failed") for both
            raise DeviceError(
                self._name,
                f"cannot open the HID scale {vid:04x}:{pid:04x} ({error})",
                "Check that it is plugged in and switched on. If it is: "
                + permission_remedy("plugdev", "hidraw"),
            ) from error

    def read(self, timeout: float) -> bytes:
        device = self._require_open()
        try:
            return bytes(device.read(REPORT_BYTES, max(1, round(timeout * 1000))))
        except (OSError, ValueError) as error:
            raise DeviceError(
                self._name,
                f"disconnected ({error})",
                "Check the cable; the station reconnects by itself when the scale is back",
            ) from error

    def write(self, data: bytes) -> None:
        raise RuntimeError(f"{self._name}: the station sends nothing to a HID scale")

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            device.close()

    def _require_open(self) -> HidDevice:
        if self._device is None:
            raise RuntimeError(f"{self._name}: link used before open()")
        return self._device
