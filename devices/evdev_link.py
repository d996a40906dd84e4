"""Scanners in keyboard mode read from their own Linux input device, grabbed exclusively.

With the grab, the scanner's keystrokes reach no window and no text field; the station reads
them here whatever has the focus. Needs python-evdev (the optional ``evdev`` extra).
"""

from __future__ import annotations

import errno
import logging
import select
from collections.abc import Callable, Iterable
from typing import Protocol

from devices.errors import DeviceError, permission_remedy
from devices.keymap import EV_KEY, KeyMapper

log = logging.getLogger(__name__)


class _Event(Protocol):
    type: int
    code: int
    value: int


class InputDevice(Protocol):
    """The part of ``evdev.InputDevice`` used here."""

    fd: int

    def grab(self) -> None: ...

    def ungrab(self) -> None: ...

    def read(self) -> Iterable[_Event]: ...

    def close(self) -> None: ...


def _open_with_evdev(path: str) -> InputDevice:
    import evdev  # optional: only stations that use evdev:// scanners install it

    device: InputDevice = evdev.InputDevice(path)
    return device


class EvdevLink:
    def __init__(
        self,
        name: str,
        path: str,
        *,
        grab: bool = True,
        open_device: Callable[[str], InputDevice] | None = None,
    ) -> None:
        self._name = name
        self._path = path
        self._grab = grab
        self._open_device = open_device
        self._device: InputDevice | None = None
        self._keys = KeyMapper()

    @property
    def name(self) -> str:
        return self._name

    def open(self) -> None:
        opener = self._open_device or _open_with_evdev
        try:
            device = opener(self._path)
        except ImportError:
            raise DeviceError(
                self._name,
                "python-evdev is not installed",
                "Install it with `.venv/bin/pip install -e '.[evdev]'` (it needs gcc and the "
                "kernel headers), or use the scanner in serial (USB COM) mode instead",
            ) from None
        except OSError as error:
            raise self._open_error(error) from error
        if self._grab:
            try:
                device.grab()
            except OSError as error:
                device.close()
                raise DeviceError(
                    self._name,
                    f"{self._path} is grabbed by another program ({error.strerror})",
                    "Close the other program or station window that reads this scanner",
                ) from error
        self._device = device
        self._keys = KeyMapper()

    def read(self, timeout: float) -> bytes:
        device = self._require_open()
        try:
            ready, _, _ = select.select([device.fd], [], [], timeout)
            if not ready:
                return b""
            events = list(device.read())
        except BlockingIOError:
            return b""
        except OSError as error:
            raise DeviceError(
                self._name,
                f"disconnected ({error.strerror or error})",
                "Check the cable; the station reconnects by itself when the scanner is back",
            ) from error
        text = "".join(self._keys.key(e.code, e.value) for e in events if e.type == EV_KEY)
        return text.encode()

    def write(self, data: bytes) -> None:
        raise RuntimeError(f"{self._name}: an input device cannot be written to")

    def close(self) -> None:
        device, self._device = self._device, None
        if device is None:
            return
        try:
            if self._grab:
                device.ungrab()
        except OSError as error:
            log.debug("%s: ungrab failed: %s", self._name, error)  # it is gone already
        device.close()

    def _require_open(self) -> InputDevice:
        if self._device is None:
            raise RuntimeError(f"{self._name}: link used before open()")
        return self._device

    def _open_error(self, error: OSError) -> DeviceError:
        if error.errno in (errno.EACCES, errno.EPERM):
            return DeviceError(
                self._name,
                f"no permission to read {self._path}",
                permission_remedy("input", "input"),
            )
        if error.errno == errno.ENOENT:
            return DeviceError(
                self._name,
                f"{self._path} does not exist",
                "Check that the scanner is plugged in; its input device is listed by "
                "`workstation devices list`",
            )
        return DeviceError(self._name, f"cannot open {self._path} ({error})", "Check the scanner")
