from __future__ import annotations

import pytest

from devices import DeviceUrlError, device_kind, open_device, open_scale, open_scanner
from devices.evdev_link import EvdevLink
from devices.framing import ScanFramer
from devices.hid_link import HidLink
from devices.scale import ScaleProtocol
from devices.serial_link import SerialLink
from devices.sim import SimScale, SimScanner


def ignore(event: object) -> None:
    pass


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("sim://scanner", "scanner"),
        ("sim://scale", "scale"),
        ("sim://packing-scale-2", "scale"),
        ("serial:///dev/ttyACM0", "scanner"),
        ("serial:///dev/ttyUSB0?protocol=nci", "scale"),
        ("evdev:///dev/input/event3", "scanner"),
        ("hid://0922:8003", "scale"),
    ],
)
def test_what_a_url_names(url: str, kind: str) -> None:
    assert device_kind(url) == kind


def test_each_scheme_gets_its_link_and_protocol() -> None:
    assert isinstance(open_device("sim://scanner", ignore).link, SimScanner)
    sim_scale = open_device("sim://scale", ignore)
    assert isinstance(sim_scale.link, SimScale)
    assert isinstance(sim_scale.protocol, ScaleProtocol)
    serial_scanner = open_device("serial:///dev/ttyACM0?baud=115200&suffix=CRLF", ignore)
    assert isinstance(serial_scanner.link, SerialLink)
    assert isinstance(serial_scanner.protocol, ScanFramer)
    assert isinstance(open_device("serial://usb/0c2e:0b61?serial=A1", ignore).link, SerialLink)
    assert isinstance(open_device("evdev:///dev/input/event3?grab=0", ignore).link, EvdevLink)
    assert isinstance(open_device("hid://0922:8003?serial=X", ignore).link, HidLink)
    forced = open_scale("serial:///dev/ttyUSB0", ignore)
    assert isinstance(forced.protocol, ScaleProtocol)
    assert forced.protocol.request(0.0) == b"SI\r\n"  # MT-SICS unless protocol= says otherwise


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("tcp://10.0.0.5:9100", "cannot be reached through tcp://"),
        ("serial:///dev/x?baud=9601", "baud='9601' is not valid"),
        ("serial:///dev/x?parity=M", "parity='M' is not valid"),
        ("serial:///dev/x?encoding=klingon", "unknown encoding"),
        ("serial:///dev/x?protocol=sics&suffix=CR", "unknown option 'suffix'"),
        ("serial:///dev/x?serial=123", "serial= selects a USB device"),
        ("serial://usb/0c2e?serial=123", "not a USB vendor:product pair"),
        ("serial://", "the device path is missing"),
        ("evdev:///dev/input/event3?grab=yes", "grab='yes' is not valid"),
        ("sim://scanner?protocol=sics", "unknown option 'protocol'"),
    ],
)
def test_unusable_urls_are_refused_before_anything_opens(url: str, message: str) -> None:
    with pytest.raises(DeviceUrlError, match=message):
        open_device(url, ignore)


def test_a_scanner_url_can_not_be_forced_onto_a_scale_scheme() -> None:
    with pytest.raises(DeviceUrlError, match="scanner cannot be reached through hid://"):
        open_scanner("hid://0922:8003", ignore)
