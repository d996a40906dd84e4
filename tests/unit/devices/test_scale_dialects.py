"""Scale replies as recorded from (or documented for) the scales, byte for byte."""

from __future__ import annotations

import pytest

from devices.scale_dialects import (
    Parsed,
    parse_continuous,
    parse_hid,
    parse_nci,
    parse_sics,
)
from devices.weight import UnexpectedReply, WeightState

OK, MOTION, UNDER, OVER, ERROR = (
    WeightState.OK,
    WeightState.MOTION,
    WeightState.UNDER,
    WeightState.OVER,
    WeightState.ERROR,
)


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (b"S S      1.250 kg", Parsed(1250.0, "kg", OK)),
        (b"S D      0.730 kg", Parsed(730.0, "kg", MOTION)),
        (b"S S     -0.004 kg", Parsed(-4.0, "kg", OK)),
        (b"S S    100.00 g", Parsed(100.0, "g", OK)),
        (b"S S      2.5 lb", Parsed(1133.980925, "lb", OK)),
        (b"S +", Parsed(None, "", OVER)),
        (b"S -", Parsed(None, "", UNDER)),
        (b"ES", Parsed(None, "", ERROR)),
        (b"EL", Parsed(None, "", ERROR)),
        (b"S I", None),  # busy
        (b"Z A", None),  # zeroed
        (b"Z I", None),
        (b"T S      0.500 kg", None),  # tared: the tare weight, not a reading
    ],
)
def test_mt_sics(reply: bytes, expected: Parsed | None) -> None:
    assert parse_sics(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (b"\n0001.25lb\r\n00\r", Parsed(566.9904625, "lb", OK)),
        (b"\n  0.750kg\r\n10\r", Parsed(750.0, "kg", MOTION)),  # status 1: bit 0, motion
        (b"\n0012.0oz\r\n20\r", Parsed(340.1942775, "oz", OK)),  # bit 1: at zero, still stable
        (b"\n^^^^^^^lb\r\n02\r", Parsed(None, "", OVER)),
        (b"\n_______lb\r\n01\r", Parsed(None, "", UNDER)),
        (b"\n-------lb\r\n00\r", Parsed(None, "", ERROR)),  # zero error
        (b"\n0001.25lb\r\n40\r", Parsed(None, "", ERROR)),  # RAM error
        (b"\n?\r", Parsed(None, "", ERROR)),  # command not understood
        (b"\n00\r", None),  # status only: the answer to Z or T
    ],
)
def test_nci_scp01(reply: bytes, expected: Parsed | None) -> None:
    assert parse_nci(reply) == expected


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (b"ST,GS,+  1.234kg", Parsed(1234.0, "kg", OK)),
        (b"US,NT,-  0.010kg", Parsed(-10.0, "kg", MOTION)),
        (b"ST,+00123.45  g", Parsed(123.45, "g", OK)),
        (b"OL,GS,+9999999 kg", Parsed(None, "", OVER)),
        (b"OL,+9999999E+19", Parsed(None, "", OVER)),
        (b"OL,-9999999E+19", Parsed(None, "", UNDER)),
        (b"", None),
    ],
)
def test_continuous(reply: bytes, expected: Parsed | None) -> None:
    assert parse_continuous(reply) == expected


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        (bytes([3, 4, 2, 0, 0xE2, 0x04]), Parsed(1250.0, "g", OK)),
        (bytes([3, 2, 2, 0, 0, 0]), Parsed(0.0, "g", OK)),  # stable at zero
        (bytes([3, 4, 11, 0xFF, 0x7D, 0x00]), Parsed(354.3690390625, "oz", OK)),  # 12.5 oz
        (bytes([3, 3, 12, 0xFE, 0x2C, 0x01]), Parsed(1360.77711, "lb", MOTION)),  # 3.00 lb
        (bytes([3, 5, 2, 0, 0, 0]), Parsed(None, "g", UNDER)),
        (bytes([3, 6, 2, 0, 0, 0]), Parsed(None, "g", OVER)),
        (bytes([3, 8, 2, 0, 0, 0]), Parsed(None, "g", ERROR)),  # needs re-zeroing
        (bytes([4, 1, 2, 3, 4, 5]), None),  # not a data report
    ],
)
def test_hid_scale_reports(report: bytes, expected: Parsed | None) -> None:
    assert parse_hid(report) == expected


@pytest.mark.parametrize(
    ("parse", "reply"),
    [
        (parse_sics, b"hello"),
        (parse_sics, b"S S      3 pcs"),  # counting mode
        (parse_nci, b"\n1.25lb\r"),  # no status bytes
        (parse_continuous, b"ST,GS,+  1.234"),  # no unit
        (parse_hid, bytes([3, 4, 2])),
        (parse_hid, bytes([3, 9, 2, 0, 0, 0])),
    ],
)
def test_replies_of_another_protocol_are_refused(parse, reply: bytes) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnexpectedReply):
        parse(reply)
