"""``serial:///dev/ttyS0?baud=9600`` -- label/receipt printers on RS-232 (pyserial)."""

from __future__ import annotations

import urllib.parse

import serial

from printing.transports.base import (
    PrinterOffline,
    PrinterRefused,
    SendResult,
    Transport,
    query_params,
)

__all__ = ["SerialTransport"]


class SerialTransport(Transport):
    """Options: ``baud`` (9600), ``rtscts``/``xonxoff`` (0/1), ``timeout`` (write, seconds)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        parts = urllib.parse.urlsplit(url)
        self.path = urllib.parse.unquote(parts.path)
        params = query_params(parts)
        self.baud = int(params.get("baud", 9600))
        self.rtscts = params.get("rtscts", "0") == "1"
        self.xonxoff = params.get("xonxoff", "0") == "1"
        self.write_timeout = float(params.get("timeout", 10))

    def send(self, data: bytes, job_id: str) -> SendResult:
        try:
            port = serial.Serial(self.path, self.baud, rtscts=self.rtscts, xonxoff=self.xonxoff,
                                 write_timeout=self.write_timeout, timeout=1)
        except serial.SerialException as exc:
            if isinstance(exc.__context__, PermissionError) or "ermission" in str(exc):
                raise PrinterRefused(
                    self.url, f"no permission to open {self.path}",
                    "Add this user to the 'dialout' group (sudo usermod -aG dialout $USER), "
                    "then log out and in again.") from None
            raise PrinterOffline(self.url, f"cannot open {self.path}: {exc}",
                                 "Check the serial cable and that the printer is on.") from None
        sent = 0
        try:
            with port:
                sent = port.write(data) or 0
                port.flush()  # waits until the OS has pushed every byte out of the port
        except serial.SerialTimeoutException:
            raise PrinterOffline(self.url, f"write timed out after {self.write_timeout}s",
                                 "The printer is not taking data (offline or flow control "
                                 "stuck); check it.", outcome_unknown=True) from None
        except serial.SerialException as exc:
            raise PrinterOffline(self.url, f"serial write failed: {exc}",
                                 "Check the cable; confirm whether the label printed.",
                                 outcome_unknown=True) from None
        return SendResult(self.url, job_id, sent, sent == len(data))
