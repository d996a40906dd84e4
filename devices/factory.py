"""From a device URL to a ``Device`` (not yet started): each scheme maps to one link class.

Scanners::

    serial:///dev/ttyACM0?baud=9600&suffix=CR        by path (better: /dev/serial/by-id/…)
    serial://usb/0c2e:0b61?serial=18290B0A2D          by USB vendor:product [and serial number]
    evdev:///dev/input/by-id/usb-…-event-kbd?grab=1   a keyboard-mode scanner, grabbed
    sim://scanner

  options: prefix, suffix (CR, LF, CRLF, TAB, ETX, NONE or the text; default CR, LF or CR LF),
  encoding (utf-8), max_length (4096), gap (0.1 s: a quiet line ends or rejects a partial scan);
  serial also baud (9600), bytesize (8), parity (N/E/O), stopbits (1/2).

Scales::

    serial:///dev/ttyUSB0?protocol=sics                sics (MT-SICS), nci (SCP-01), continuous
    hid://0922:8003                                    a USB HID scale [?serial=…]
    sim://scale

  options: poll (0.2 s between weight requests), no_reading (2 s of silence), serial options.

Which kind a URL names: ``hid`` scales, ``evdev`` scanners, ``sim://`` by its name, ``serial``
a scale when it has a ``protocol`` option, else a scanner; ``kind=`` decides otherwise.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from typing import Literal

from devices.errors import DeviceUrlError
from devices.evdev_link import EvdevLink
from devices.events import DeviceEvent
from devices.framing import ScanFramer, byte_setting
from devices.hid_link import HidLink
from devices.link import Link
from devices.runner import Device
from devices.scale import ScaleProtocol
from devices.scale_dialects import DIALECTS
from devices.serial_link import PARITIES, STOPBITS, SerialLink, UsbIdentity
from devices.sim import SimScale, SimScanner
from devices.url import DeviceUrl

Kind = Literal["scanner", "scale"]
OnEvent = Callable[[DeviceEvent], None]

BAUD_RATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_SERIAL = {"baud", "bytesize", "parity", "stopbits", "serial"}
_SCANNER = {"prefix", "suffix", "encoding", "max_length", "gap"}
_SCALE = {"poll", "no_reading"}
_USB_ID = re.compile(r"([0-9a-fA-F]{4}):([0-9a-fA-F]{4})")


def device_kind(url: str | DeviceUrl) -> Kind:
    parsed = DeviceUrl.parse(url) if isinstance(url, str) else url
    if parsed.scheme == "hid" or (parsed.scheme == "sim" and "scale" in parsed.address):
        return "scale"
    if parsed.scheme == "serial" and "protocol" in parsed.params:
        return "scale"
    return "scanner"


def open_device(url: str, on_event: OnEvent, kind: Kind | None = None) -> Device:
    parsed = DeviceUrl.parse(url)
    if (kind or device_kind(parsed)) == "scale":
        return _scale(parsed, on_event)
    return _scanner(parsed, on_event)


def open_scanner(url: str, on_event: OnEvent) -> Device:
    return open_device(url, on_event, "scanner")


def open_scale(url: str, on_event: OnEvent) -> Device:
    return open_device(url, on_event, "scale")


def _scanner(url: DeviceUrl, on_event: OnEvent) -> Device:
    encoding = url.params.get("encoding", "utf-8")
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DeviceUrlError(
            url.text, f"unknown encoding {encoding!r}", "Use e.g. utf-8 or latin-1"
        ) from None
    prefix = byte_setting(url.params.get("prefix", ""), encoding)
    suffix = byte_setting(url.params["suffix"], encoding) if "suffix" in url.params else None
    link: Link
    if url.scheme == "serial":
        url.check_params(_SERIAL | _SCANNER)
        link = _serial_link(url)
    elif url.scheme == "evdev":
        url.check_params(_SCANNER | {"grab"})
        link = EvdevLink(url.text, _path(url), grab=url.choice("grab", {"0", "1"}, "1") == "1")
        suffix = b"\r" if suffix is None else suffix  # Enter
    elif url.scheme == "sim":
        url.check_params(_SCANNER)
        link = SimScanner(url.text, prefix=prefix, suffix=b"\r" if suffix is None else suffix)
    else:
        raise _unknown_scheme(url, "scanner", "serial://, evdev:// or sim://")
    framer = ScanFramer(
        url.text,
        prefix=prefix,
        suffix=suffix,
        encoding=encoding,
        max_length=url.integer("max_length", 4096),
        gap=url.seconds("gap", 0.1),
    )
    return Device(link, framer, on_event)


def _scale(url: DeviceUrl, on_event: OnEvent) -> Device:
    link: Link
    if url.scheme == "serial":
        url.check_params(_SERIAL | _SCALE | {"protocol"})
        link = _serial_link(url)
        dialect = url.choice("protocol", {"sics", "nci", "continuous"}, "sics")
    elif url.scheme == "hid":
        url.check_params(_SCALE | {"serial"})
        vid, pid = _usb_id(url, url.address)
        link = HidLink(url.text, vid, pid, url.params.get("serial"))
        dialect = "hid"
    elif url.scheme == "sim":
        url.check_params(_SCALE)
        link = SimScale(url.text)
        dialect = "sics"
    else:
        raise _unknown_scheme(url, "scale", "serial://, hid:// or sim://")
    no_reading = url.seconds("no_reading", 2.0)
    protocol = ScaleProtocol(
        url.text,
        DIALECTS[dialect],
        poll=url.seconds("poll", 0.2),
        no_reading_after=no_reading or None,
    )
    return Device(link, protocol, on_event)


def _serial_link(url: DeviceUrl) -> SerialLink:
    port: str | UsbIdentity
    if url.address.startswith("usb/"):
        vid, pid = _usb_id(url, url.address.removeprefix("usb/"))
        port = UsbIdentity(vid, pid, url.params.get("serial"))
    else:
        if "serial" in url.params:
            raise DeviceUrlError(
                url.text, "serial= selects a USB device", "Write serial://usb/vid:pid?serial=…"
            )
        port = _path(url)
    return SerialLink(
        url.text,
        port,
        baud=url.integer("baud", 9600, BAUD_RATES),
        bytesize=url.integer("bytesize", 8, (7, 8)),
        parity=url.choice("parity", PARITIES, "N"),
        stopbits=url.integer("stopbits", 1, STOPBITS),
    )


def _path(url: DeviceUrl) -> str:
    if not url.address:
        raise DeviceUrlError(
            url.text, "the device path is missing", f"Write it as {url.scheme}:///dev/…"
        )
    return url.address


def _usb_id(url: DeviceUrl, text: str) -> tuple[int, int]:
    match = _USB_ID.fullmatch(text)
    if match is None:
        raise DeviceUrlError(
            url.text,
            f"{text!r} is not a USB vendor:product pair",
            "Write it as four hex digits, a colon and four hex digits, e.g. 0c2e:0b61",
        )
    return int(match[1], 16), int(match[2], 16)


def _unknown_scheme(url: DeviceUrl, kind: str, schemes: str) -> DeviceUrlError:
    return DeviceUrlError(
        url.text, f"a {kind} cannot be reached through {url.scheme}://", f"Use {schemes}"
    )
