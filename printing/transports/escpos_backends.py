"""Receipt printers through python-escpos's own backends.

``escpos+network://host[:port]``, ``escpos+usb://VID:PID`` (needs pyusb),
``escpos+serial:///dev/ttyUSB0?baud=19200``, ``escpos+file:///dev/usb/lp1``.
The receipt bytes come from :mod:`printing.escpos_receipt`; this only carries them, and reads
``DLE EOT 1..4`` status where the backend can read.
"""

from __future__ import annotations

import logging
import urllib.parse
from typing import Any

# python-escpos is imported where it is used: importing it loads its capability database
# (~0.4 s), which a station that prints no receipts should not pay at start-up.
from printing.status import PrinterState, PrinterStatus, parse_escpos_status
from printing.transports.base import (
    PrinterOffline,
    PrinterRefused,
    SendResult,
    Transport,
    query_params,
)

__all__ = ["EscposTransport"]

log = logging.getLogger(__name__)


class EscposTransport(Transport):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        parts = urllib.parse.urlsplit(url)
        self.kind = parts.scheme.split("+", 1)[1]
        self.parts = parts
        self.params = query_params(parts)
        self.timeout = float(self.params.get("timeout", 5))
        if self.kind not in ("network", "usb", "serial", "file"):
            raise ValueError(f"{url!r}: unknown python-escpos backend {self.kind!r}")

    def _printer(self) -> Any:
        """A python-escpos printer object for the URL (untyped library, hence Any)."""
        from escpos import printer as escpos_printer

        p = self.parts
        if self.kind == "network":
            return escpos_printer.Network(p.hostname or "", p.port or 9100, timeout=self.timeout)
        if self.kind == "usb":
            vid, _, pid = p.netloc.partition(":")
            if not escpos_printer.Usb.is_usable():
                raise PrinterOffline(self.url, "USB support for python-escpos is missing",
                                     "Install pyusb (pip install pyusb) and libusb-1.0-0.")
            return escpos_printer.Usb(int(vid, 16), int(pid, 16), timeout=int(self.timeout * 1000))
        path = urllib.parse.unquote(p.path)
        if self.kind == "serial":
            return escpos_printer.Serial(path, baudrate=int(self.params.get("baud", 9600)),
                                         timeout=self.timeout)
        return escpos_printer.File(path)

    def _open(self) -> Any:
        from escpos.exceptions import DeviceNotFoundError

        try:
            printer = self._printer()
            printer.open()
        except PermissionError:
            raise PrinterRefused(self.url, "no permission to open the device",
                                 "Add this user to the 'lp' (USB/file) or 'dialout' (serial) "
                                 "group, then log out and in again.") from None
        except (DeviceNotFoundError, _escpos_error(), OSError) as exc:
            raise PrinterOffline(self.url, f"cannot open the receipt printer: {exc}",
                                 "Check that the printer is on and connected.") from None
        return printer

    def send(self, data: bytes, job_id: str) -> SendResult:
        printer = self._open()
        try:
            printer._raw(data)  # python-escpos's documented way to send prepared bytes
        except (_escpos_error(), OSError) as exc:
            raise PrinterOffline(self.url, f"sending failed: {exc}",
                                 "Check the printer; confirm whether the receipt printed.",
                                 outcome_unknown=True) from None
        finally:
            printer.close()
        return SendResult(self.url, job_id, len(data), True)

    def status(self) -> PrinterStatus:
        if self.kind == "file":
            return PrinterStatus.unknown("a device file cannot be asked for status",
                                         can_tell=False)
        try:
            printer = self._open()
        except (PrinterOffline, PrinterRefused) as exc:
            return PrinterStatus(PrinterState.OFFLINE, frozenset({PrinterState.OFFLINE}),
                                 detail=exc.problem)
        replies: dict[int, int] = {}
        try:
            for n in (1, 2, 3, 4):
                reply = printer.query_status(b"\x10\x04" + bytes([n]))
                if reply:
                    replies[n] = reply[0]
        except (_escpos_error(), OSError) as exc:
            log.debug("DLE EOT query on %s failed: %s", self.url, exc)
        finally:
            printer.close()
        return parse_escpos_status(replies)


def _escpos_error() -> type[Exception]:
    from escpos.exceptions import Error

    error: type[Exception] = Error
    return error
