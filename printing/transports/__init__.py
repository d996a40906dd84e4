"""Transports: one small class per URL scheme, created by :func:`open_transport`."""

from __future__ import annotations

import urllib.parse

from printing.transports.base import (
    PrinterError,
    PrinterFault,
    PrinterOffline,
    PrinterRefused,
    SendResult,
    Transport,
)
from printing.transports.cups import CupsTransport
from printing.transports.device import DeviceFileTransport
from printing.transports.escpos_backends import EscposTransport
from printing.transports.file import FileTransport
from printing.transports.serial_port import SerialTransport
from printing.transports.sim import SimTransport
from printing.transports.tcp import TcpTransport

__all__ = [
    "SCHEMES",
    "PrinterError",
    "PrinterFault",
    "PrinterOffline",
    "PrinterRefused",
    "SendResult",
    "Transport",
    "open_transport",
]

SCHEMES: dict[str, type[Transport]] = {
    "tcp": TcpTransport,
    "cups": CupsTransport,
    "usb": DeviceFileTransport,
    "serial": SerialTransport,
    "file": FileTransport,
    "sim": SimTransport,
    "escpos+network": EscposTransport,
    "escpos+usb": EscposTransport,
    "escpos+serial": EscposTransport,
    "escpos+file": EscposTransport,
}


def open_transport(url: str) -> Transport:
    """The transport for a printer URL; ValueError names the schemes when it is unknown."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    cls = SCHEMES.get(scheme)
    if cls is None:
        raise ValueError(f"unknown printer URL {url!r}; use one of: "
                         + ", ".join(f"{s}://" for s in SCHEMES))
    return cls(url)
