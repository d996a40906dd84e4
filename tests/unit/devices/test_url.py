from __future__ import annotations

import pytest

from devices.errors import DeviceUrlError
from devices.url import DeviceUrl


def test_parts_of_a_device_url() -> None:
    url = DeviceUrl.parse(" serial:///dev/ttyACM0?baud=9600&suffix=%03 ")
    assert (url.text, url.scheme, url.address) == (
        "serial:///dev/ttyACM0?baud=9600&suffix=%03",
        "serial",
        "/dev/ttyACM0",
    )
    assert dict(url.params) == {"baud": "9600", "suffix": "\x03"}
    assert DeviceUrl.parse("serial://COM3").address == "COM3"
    assert DeviceUrl.parse("serial://usb/0c2e:0b61?serial=X").address == "usb/0c2e:0b61"
    assert DeviceUrl.parse("sim://scanner").address == "scanner"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "not a device URL"),
        ("/dev/ttyACM0", "not a device URL"),
        ("serial:///dev/x?baud=1&baud=2", "given twice"),
        ("serial:///dev/x#frag", "no '#' part"),
    ],
)
def test_unusable_urls_say_why(text: str, problem: str) -> None:
    with pytest.raises(DeviceUrlError, match=problem):
        DeviceUrl.parse(text)


def test_option_values_are_checked() -> None:
    url = DeviceUrl.parse("serial:///dev/x?baud=fast&gap=-1&parity=X&n=3")
    with pytest.raises(DeviceUrlError, match="baud='fast' is not valid"):
        url.integer("baud", 9600, (9600, 19200))
    with pytest.raises(DeviceUrlError, match="gap='-1' is not valid"):
        url.seconds("gap", 0.1)
    with pytest.raises(DeviceUrlError, match="Use one of: E, N, O"):
        url.choice("parity", {"N", "E", "O"}, "N")
    with pytest.raises(DeviceUrlError, match="unknown option 'n'"):
        url.check_params({"baud", "gap", "parity"})
    assert url.integer("absent", 7) == 7
