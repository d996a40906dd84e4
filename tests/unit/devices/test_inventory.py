from __future__ import annotations

from pathlib import Path

from serial.tools.list_ports_common import ListPortInfo

from devices.inventory import cups_queues, hid_scales, input_devices, serial_ports


def port(
    device: str, vid: int | None = None, pid: int | None = None, sn: str | None = None
) -> ListPortInfo:
    info = ListPortInfo(device, skip_link_detection=True)
    info.vid, info.pid, info.serial_number = vid, pid, sn
    info.description = "Honeywell 1900" if vid else "n/a"
    return info


def test_usb_serial_ports_are_offered_by_identity_others_by_path() -> None:
    found = serial_ports(
        lambda: [port("/dev/ttyS0"), port("/dev/ttyACM0", 0x0C2E, 0x0B61, "18290B0A2D")]
    )
    assert [(d.url, d.usb_id, d.path) for d in found] == [
        ("serial:///dev/ttyS0", None, "/dev/ttyS0"),
        ("serial://usb/0c2e:0b61?serial=18290B0A2D", "0c2e:0b61", "/dev/ttyACM0"),
    ]


def test_cups_queues_from_lpstat_and_none_without_cups() -> None:
    output = (
        "device for ZT410: usb://Zebra%20Technologies/ZTC%20ZT410?serial=18J1\n"
        "device for Office: ipp://10.0.0.9/ipp/print\n"
    )
    queues = cups_queues(lambda command: output if command == ["lpstat", "-v"] else None)
    assert [(q.url, q.description) for q in queues] == [
        ("cups://ZT410", "usb://Zebra%20Technologies/ZTC%20ZT410?serial=18J1"),
        ("cups://Office", "ipp://10.0.0.9/ipp/print"),
    ]
    assert cups_queues(lambda command: None) == []


def test_keyboard_input_devices_by_id(tmp_path: Path) -> None:
    (tmp_path / "event7").touch()
    (tmp_path / "usb-Honeywell_1900-event-kbd").symlink_to(tmp_path / "event7")
    (tmp_path / "usb-Logitech_Mouse-event-mouse").symlink_to(tmp_path / "event7")
    [scanner] = input_devices(tmp_path)
    assert scanner.url == f"evdev://{tmp_path}/usb-Honeywell_1900-event-kbd"
    assert scanner.path == str(tmp_path / "event7")
    assert input_devices(tmp_path / "absent") == []


def test_hid_scales_are_found_by_their_usage_page() -> None:
    listing = [
        {"vendor_id": 0x0922, "product_id": 0x8003, "usage_page": 0x8D, "serial_number": "",
         "manufacturer_string": "DYMO", "product_string": "M10 10 lb Digital Postal Scale",
         "path": b"/dev/hidraw2"},
        {"vendor_id": 0x046D, "product_id": 0xC077, "usage_page": 0x01, "path": b"/dev/hidraw0"},
    ]  # fmt: skip
    [scale] = hid_scales(lambda: listing)
    assert scale.url == "hid://0922:8003"
    assert scale.description == "DYMO M10 10 lb Digital Postal Scale"
    assert scale.path == "/dev/hidraw2"
