"""Setting a station up: which devices to offer, and a test label on the chosen printer.

Blocking calls (``lpstat``, printer round trips): the UI runs them in a worker thread.
"""

from __future__ import annotations

import logging
import urllib.parse
from dataclasses import dataclass, replace
from datetime import datetime

from devices.inventory import Inventory, attached_devices
from printing.documents.printtest import print_test_code128
from printing.escpos_receipt import RECEIPT_80MM, render_test_receipt
from printing.model import LabelSize, PrintTestData
from printing.render import render
from printing.status import PrinterState
from printing.transports import PrinterError, open_transport

log = logging.getLogger(__name__)

__all__ = ["DeviceChoice", "DeviceChoices", "PrintTestResult", "device_choices",
           "print_test_label"]


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    url: str
    description: str


@dataclass(frozen=True, slots=True)
class DeviceChoices:
    label_printers: tuple[DeviceChoice, ...]
    slip_printers: tuple[DeviceChoice, ...]
    scanners: tuple[DeviceChoice, ...]
    scales: tuple[DeviceChoice, ...]


_SIM_PRINTER = DeviceChoice("sim://printer", "Simulated label printer")
_SIM_SLIP = DeviceChoice("sim://slip", "Simulated slip printer")
_SIM_SCANNER = DeviceChoice("sim://scanner", "Simulated scanner")
_SIM_SCALE = DeviceChoice("sim://scale", "Simulated scale")


def device_choices(inventory: Inventory | None = None) -> DeviceChoices:
    """What is attached, each with the URL the settings need, and the simulators last."""
    found = inventory if inventory is not None else attached_devices()
    printers = tuple(DeviceChoice(d.url, d.description) for d in found.printers)
    serial = [DeviceChoice(d.url, d.description) for d in found.serial_ports]
    scanners = (*serial, *(DeviceChoice(d.url, d.description) for d in found.input_devices))
    scales = (
        *(DeviceChoice(_with_protocol(c.url), c.description) for c in serial),
        *(DeviceChoice(d.url, d.description) for d in found.hid_scales),
    )
    return DeviceChoices(
        (*printers, _SIM_PRINTER, _SIM_SLIP),
        (*printers, _SIM_SLIP, _SIM_PRINTER),
        (*scanners, _SIM_SCANNER),
        (*scales, _SIM_SCALE),
    )


def _with_protocol(url: str) -> str:
    """A serial port offered as a scale speaks MT-SICS unless the settings say otherwise."""
    return url + ("&" if "?" in url else "?") + "protocol=sics"


@dataclass(frozen=True, slots=True)
class PrintTestResult:
    url: str
    printed: bool
    status: str  # the printer's own state ("ready", "paper_out"…) or "unknown"
    what_to_do: str
    code: str  # the Code 128 on the label: scanning it back proves print and readability
    dpi: int  # the dpi the label was made for
    reported_dpi: int | None  # what the printer says it has, where it can tell
    model: str | None = None
    error: str | None = None

    @property
    def dpi_mismatch(self) -> bool:
        return self.reported_dpi is not None and self.reported_dpi != self.dpi


def print_test_label(url: str, size: str, dpi: int, now: datetime) -> PrintTestResult:
    """Print the test label (ruler, Code 128, QR) for ``size`` and ``dpi`` on ``url``."""
    try:
        transport = open_transport(url)
    except ValueError as exc:
        return PrintTestResult(url, False, "unknown", "Check the printer URL", "", dpi, None,
                               error=str(exc))
    try:
        status = transport.status()
        identity = transport.identify()
        data = PrintTestData(url, dpi, size, now, (f"status: {status.state.value}",))
        if urllib.parse.urlsplit(url).scheme.startswith("escpos+"):
            payload = render_test_receipt([url, f"status: {status.state.value}"], RECEIPT_80MM)
        else:
            payload = render(data, "zpl", LabelSize.parse(size), dpi)
        result = PrintTestResult(
            url, False, status.state.value, status.what_to_do, print_test_code128(data), dpi,
            identity.dpi if identity is not None else None,
            identity.model if identity is not None else None)
        if status.can_tell and status.state not in (PrinterState.READY, PrinterState.UNKNOWN):
            return replace(result, error=f"printer reports {status.state.value}")
        try:
            sent = transport.send(payload, f"setup-test-{now:%Y%m%d-%H%M%S}")
        except PrinterError as exc:
            return replace(result, error=str(exc), what_to_do=exc.what_to_do)
        log.info("test label sent to %s (%d bytes)", url, sent.bytes_sent)
        return replace(result, printed=sent.confirmed,
                        error=None if sent.confirmed else "the printer did not confirm the job")
    finally:
        transport.close()
