"""What is attached to this machine, for ``workstation devices list`` and the settings screen."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from serial.tools import list_ports
from serial.tools.list_ports_common import ListPortInfo

log = logging.getLogger(__name__)

HID_SCALE_USAGE_PAGE = 0x8D


@dataclass(frozen=True, slots=True)
class AttachedDevice:
    kind: str  # "serial", "printer", "input", "hid-scale"
    url: str  # what to put in the settings
    description: str
    usb_id: str | None = None  # "vid:pid"
    serial_number: str | None = None
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Inventory:
    serial_ports: list[AttachedDevice] = field(default_factory=list)
    printers: list[AttachedDevice] = field(default_factory=list)
    input_devices: list[AttachedDevice] = field(default_factory=list)
    hid_scales: list[AttachedDevice] = field(default_factory=list)


def attached_devices() -> Inventory:
    return Inventory(serial_ports(), cups_queues(), input_devices(), hid_scales())


def serial_ports(
    comports: Callable[[], Iterable[ListPortInfo]] = list_ports.comports,
) -> list[AttachedDevice]:
    """A USB port is offered by vendor:product[:serial], which survives replugging."""
    found = []
    for port in comports():
        usb_id = f"{port.vid:04x}:{port.pid:04x}" if port.vid is not None else None
        if usb_id:
            query = f"?serial={port.serial_number}" if port.serial_number else ""
            url = f"serial://usb/{usb_id}{query}"
        else:
            url = f"serial://{port.device}"  # serial:///dev/ttyS0, serial://COM3
        found.append(
            AttachedDevice("serial", url, port.description, usb_id, port.serial_number, port.device)
        )
    return sorted(found, key=lambda d: d.url)


def cups_queues(run: Callable[[list[str]], str | None] | None = None) -> list[AttachedDevice]:
    """The CUPS print queues and where they print to; empty where CUPS is absent or down."""
    output = (run or _run)(["lpstat", "-v"])
    queues = []
    for line in (output or "").splitlines():
        # "device for ZT410: usb://Zebra%20Technologies/ZTC%20ZT410?serial=…"
        head, sep, uri = line.partition(": ")
        if sep and head.startswith("device for "):
            name = head.removeprefix("device for ")
            queues.append(AttachedDevice("printer", f"cups://{name}", uri.strip()))
    return queues


def input_devices(by_id: Path = Path("/dev/input/by-id")) -> list[AttachedDevice]:
    """Keyboard-like input devices: where a keyboard-mode scanner shows up for ``evdev://``."""
    if not by_id.is_dir():
        return []
    return [
        AttachedDevice("input", f"evdev://{link}", link.name, path=str(link.resolve()))
        for link in sorted(by_id.iterdir())
        if link.name.endswith("-event-kbd")
    ]


def hid_scales(
    enumerate_hid: Callable[[], list[dict[str, Any]]] | None = None,
) -> list[AttachedDevice]:
    if enumerate_hid is None:
        try:
            import hid  # optional: only stations with a HID scale install it
        except ImportError:
            return []
        enumerate_hid = hid.enumerate
    scales = []
    for info in enumerate_hid():
        if info.get("usage_page") != HID_SCALE_USAGE_PAGE:
            continue
        usb_id = f"{info['vendor_id']:04x}:{info['product_id']:04x}"
        serial_number = info.get("serial_number") or None
        query = f"?serial={serial_number}" if serial_number else ""
        name = " ".join(filter(None, (info.get("manufacturer_string"), info.get("product_string"))))
        scales.append(
            AttachedDevice(
                "hid-scale",
                f"hid://{usb_id}{query}",
                name or "HID scale",
                usb_id,
                serial_number,
                info.get("path", b"").decode(errors="replace") or None,
            )
        )
    return scales


def _run(command: list[str]) -> str | None:
    if shutil.which(command[0]) is None:
        return None
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        log.info("%s failed: %s", command[0], error)
        return None
    return done.stdout if done.returncode == 0 else None
