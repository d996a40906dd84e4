from __future__ import annotations

from devices.scale import ScaleProtocol
from devices.scale_dialects import DIALECTS
from devices.weight import WeightReading, WeightState


def test_sics_polls_at_its_interval() -> None:
    protocol = ScaleProtocol("sim://scale", "sics", poll=0.2)
    assert protocol.request(0.0) == b"SI\r\n"
    assert protocol.request(0.1) is None
    assert protocol.request(0.2) == b"SI\r\n"
    protocol.reset()
    assert protocol.request(0.25) == b"SI\r\n"  # a new connection asks at once


def test_streaming_scales_are_not_asked() -> None:
    assert ScaleProtocol("x", "continuous").request(0.0) is None
    assert ScaleProtocol("x", "hid").request(0.0) is None


def test_only_changes_are_handed_up_and_replies_may_arrive_in_pieces() -> None:
    protocol = ScaleProtocol("serial:///dev/ttyUSB0", "sics")
    first = protocol.feed(b"S D      0.7", 0.0) + protocol.feed(b"30 kg\r\n", 0.01)
    same = protocol.feed(b"S D      0.730 kg\r\n", 0.2)
    settled = protocol.feed(b"S S      0.750 kg\r\nS S      0.750 kg\r\n", 0.4)
    assert [(r.grams, r.state) for r in first] == [(730.0, WeightState.MOTION)]
    assert same == []
    assert [(r.grams, r.stable) for r in settled] == [(750.0, True)]
    assert settled[0].raw == b"S S      0.750 kg"
    assert settled[0].source == "serial:///dev/ttyUSB0"


def test_silence_becomes_one_no_reading_and_a_reply_ends_it() -> None:
    protocol = ScaleProtocol("x", "sics", no_reading_after=2.0)
    assert len(protocol.feed(b"S S      1.000 kg\r\n", 0.0)) == 1
    assert protocol.feed(b"", 1.9) == []
    silent = protocol.feed(b"", 2.1)
    assert [r.state for r in silent] == [WeightState.NO_READING]
    assert silent[0].grams is None and not silent[0].stable
    assert protocol.feed(b"", 5.0) == []  # said once
    back = protocol.feed(b"S S      1.000 kg\r\n", 5.1)
    assert [r.state for r in back] == [WeightState.OK]


def test_silence_is_counted_from_the_connection() -> None:
    protocol = ScaleProtocol("x", "sics", no_reading_after=2.0)
    assert protocol.feed(b"", 100.0) == []
    assert [r.state for r in protocol.feed(b"", 102.5)] == [WeightState.NO_READING]


def test_busy_and_acks_are_not_signs_of_a_weight_but_errors_are() -> None:
    protocol = ScaleProtocol("x", "sics", no_reading_after=1.0)
    protocol.feed(b"S I\r\nZ A\r\n", 0.0)
    assert [r.state for r in protocol.feed(b"S I\r\n", 1.5)] == [WeightState.NO_READING]
    assert [r.state for r in protocol.feed(b"ES\r\n", 1.6)] == [WeightState.ERROR]


def test_garbage_is_skipped_and_does_not_grow_the_buffer() -> None:
    protocol = ScaleProtocol("x", "sics")
    assert protocol.feed(b"\x00\xffnoise\r\n" + b"z" * 100_000, 0.0) == []
    readings = protocol.feed(b"\r\nS S      2.000 kg\r\n", 0.1)
    assert [r.grams for r in readings] == [2000.0]


def test_hid_reports_are_cut_at_their_size() -> None:
    protocol = ScaleProtocol("hid://0922:8003", DIALECTS["hid"], no_reading_after=None)
    readings: list[WeightReading] = protocol.feed(
        bytes([3, 3, 2, 0, 0x10, 0x00, 3, 4, 2]), 0.0
    ) + protocol.feed(bytes([0, 0x20, 0x00]), 0.1)
    assert [(r.grams, r.state) for r in readings] == [
        (16.0, WeightState.MOTION),
        (32.0, WeightState.OK),
    ]


def test_commands_of_each_dialect() -> None:
    assert ScaleProtocol("x", "sics").commands == {"zero": b"Z\r\n", "tare": b"T\r\n"}
    assert ScaleProtocol("x", "nci").commands == {"zero": b"Z\r", "tare": b"T\r"}
    assert ScaleProtocol("x", "continuous").commands == {}
