"""Serial ports: RS-232 scanners and scales, and USB devices in CDC-ACM (virtual COM) mode.

A port is named by its path (``/dev/ttyACM0``, better a stable ``/dev/serial/by-id/…`` link,
``COM3`` on Windows) or by USB identity (vendor:product and optionally serial number), looked up
again at every (re)connection, so a scanner that comes back as ``ttyACM1`` is still found.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import serial
from serial.tools import list_ports
from serial.tools.list_ports_common import ListPortInfo

from devices.errors import DeviceError, permission_remedy

log = logging.getLogger(__name__)

PARITIES = {"N": serial.PARITY_NONE, "E": serial.PARITY_EVEN, "O": serial.PARITY_ODD}
STOPBITS = {1: serial.STOPBITS_ONE, 2: serial.STOPBITS_TWO}
Comports = Callable[[], Iterable[ListPortInfo]]


@dataclass(frozen=True, slots=True)
class UsbIdentity:
    vid: int
    pid: int
    serial_number: str | None = None

    def __str__(self) -> str:
        text = f"{self.vid:04x}:{self.pid:04x}"
        return f"{text} with serial number {self.serial_number}" if self.serial_number else text

    def find(self, comports: Comports = list_ports.comports) -> str | None:
        for port in comports():
            if (port.vid, port.pid) == (self.vid, self.pid) and self.serial_number in (
                None,
                port.serial_number,
            ):
                return str(port.device)
        return None


class SerialLink:
    def __init__(
        self,
        name: str,
        port: str | UsbIdentity,
        *,
        baud: int = 9600,
        bytesize: int = 8,
        parity: str = "N",
        stopbits: int = 1,
        comports: Comports = list_ports.comports,
    ) -> None:
        self._name = name
        self._where = port
        self._baud = baud
        self._bytesize = bytesize
        self._parity = PARITIES[parity]
        self._stopbits = STOPBITS[stopbits]
        self._comports = comports
        self._port: serial.Serial | None = None

    @property
    def name(self) -> str:
        return self._name

    def open(self) -> None:
        path = self._resolve()
        try:
            # exclusive: a second program (or a second station window) must not share the port.
            self._port = serial.Serial(
                path,
                baudrate=self._baud,
                bytesize=self._bytesize,
                parity=self._parity,
                stopbits=self._stopbits,
                timeout=0,
                exclusive=True,
            )
        except serial.SerialException as error:
            raise self._open_error(path, error) from error
        log.info("%s: opened %s", self._name, path)

    def read(self, timeout: float) -> bytes:
        port = self._require_open()
        try:
            if port.timeout != timeout:
                port.timeout = timeout
            first = port.read(1)  # waits up to the timeout; the rest is already here
            return first + port.read(port.in_waiting) if first else first
        except (serial.SerialException, OSError) as error:
            raise self._lost(error) from error

    def write(self, data: bytes) -> None:
        port = self._require_open()
        try:
            port.write(data)
        except (serial.SerialException, OSError) as error:
            raise self._lost(error) from error

    def close(self) -> None:
        port, self._port = self._port, None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError) as error:
                # Closing a port whose device has gone can fail; there is nothing left to do.
                log.debug("%s: closing failed: %s", self._name, error)

    def _resolve(self) -> str:
        if isinstance(self._where, str):
            return self._where
        path = self._where.find(self._comports)
        if path is None:
            raise DeviceError(
                self._name,
                f"no USB serial device {self._where} is attached",
                "Plug it in (and switch it to USB serial/CDC mode); "
                "`workstation devices list` shows what is attached",
            )
        return path

    def _require_open(self) -> serial.Serial:
        if self._port is None:
            raise RuntimeError(f"{self._name}: link used before open()")
        return self._port

    def _open_error(self, path: str, error: serial.SerialException) -> DeviceError:
        return serial_open_error(self._name, path, error.errno, str(error))

    def _lost(self, error: Exception) -> DeviceError:
        return DeviceError(
            self._name,
            f"disconnected ({error})",
            "Check the cable; the station reconnects by itself when the device is back",
        )


def serial_open_error(name: str, path: str, code: int | None, detail: str) -> DeviceError:
    if code == errno.ENOENT:
        return DeviceError(
            name,
            f"port {path} does not exist",
            "Check that the device is plugged in and the port in the settings is right "
            "(stable names are under /dev/serial/by-id/; `workstation devices list` shows them)",
        )
    if code in (errno.EACCES, errno.EPERM):
        return DeviceError(
            name, f"no permission to open {path}", permission_remedy("dialout", "tty")
        )
    if code in (errno.EBUSY, errno.EAGAIN):
        return DeviceError(
            name,
            f"port {path} is in use by another program",
            "Close the other program or station window that uses it",
        )
    return DeviceError(name, f"cannot open {path} ({detail})", "Check the device and its cable")
