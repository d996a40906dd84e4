from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from devices.framing import ScanFramer, byte_setting
from devices.scan import ScanInput, ScanRejected
from devices.symbology import VARIANTS

GS = "\x1d"

# What a barcode can hold: printable text in any script, and GS.
data_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")) | st.just(GS), min_size=1
).filter(lambda t: not t.startswith("]"))
scans = st.lists(st.tuples(st.sampled_from([None, *VARIANTS]), data_text), min_size=1, max_size=8)


def feed_all(
    framer: ScanFramer, chunks: list[bytes], now: float = 0.0
) -> list[ScanInput | ScanRejected]:
    out: list[ScanInput | ScanRejected] = []
    for chunk in chunks:
        out += framer.feed(chunk, now)
    return out


def split(stream: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(stream) + 1) for c in cuts})
    return [stream[a:b] for a, b in zip([0, *points], [*points, len(stream)], strict=True)]


def as_pairs(events: Sequence[object]) -> list[tuple[str | None, str]]:
    assert all(isinstance(e, ScanInput) for e in events), events
    return [(e.symbology, e.text) for e in events if isinstance(e, ScanInput)]


@given(scans, st.sampled_from([b"\r", b"\n", b"\r\n"]), st.lists(st.integers(0, 10_000)))
def test_any_split_of_the_stream_gives_the_same_scans(
    items: list[tuple[str | None, str]], suffix: bytes, cuts: list[int]
) -> None:
    stream = b"".join(((s or "") + t).encode() + suffix for s, t in items)
    framer = ScanFramer("test")  # the default suffix: CR, LF or CR LF
    assert as_pairs(feed_all(framer, split(stream, cuts))) == items


@given(
    scans, st.sampled_from([b"\r\n", b"\t", b"\x03", b"<END>"]), st.lists(st.integers(0, 10_000))
)
def test_a_configured_suffix_of_any_length_cuts_the_stream(
    items: list[tuple[str | None, str]], suffix: bytes, cuts: list[int]
) -> None:
    items = [(s, t) for s, t in items if suffix.decode() not in t and "\t" not in t]
    stream = b"".join(((s or "") + t).encode() + suffix for s, t in items)
    assert as_pairs(feed_all(ScanFramer("test", suffix=suffix), split(stream, cuts))) == items


@given(st.binary(max_size=300))
def test_noise_never_breaks_the_next_scan(noise: bytes) -> None:
    framer = ScanFramer("test", gap=0.1)
    out = framer.feed(noise, 0.0)
    assert all(isinstance(e, (ScanInput, ScanRejected)) for e in out)
    # After a quiet moment, whatever the noise left behind is not glued to the next scan.
    after = framer.feed(b"", 0.2) + framer.feed(b"]E05901234123457\r", 0.3)
    assert isinstance(after[-1], ScanInput)
    assert (after[-1].symbology, after[-1].text) == ("]E0", "5901234123457")


def test_a_scan_in_pieces_and_two_scans_in_one_read() -> None:
    framer = ScanFramer("serial:///dev/ttyACM0")
    assert framer.feed(b"]C1010950600", 0.0) == []
    first = framer.feed(b"0134352\r]d201095", 0.01)
    second = framer.feed(b"06000134352\x1d10LOT\r4006381333931\r", 0.02)
    assert as_pairs(first) == [("]C1", "0109506000134352")]
    assert as_pairs(second) == [("]d2", "0109506000134352\x1d10LOT"), (None, "4006381333931")]
    assert second[0].source == "serial:///dev/ttyACM0"
    assert second[0].received_monotonic == 0.02


def test_line_noise_is_rejected_and_the_next_scan_is_fine() -> None:
    framer = ScanFramer("test")
    out = framer.feed(b"\x00\x13garbage\r12345\r", 0.0)
    assert isinstance(out[0], ScanRejected)
    assert "control character U+0000" in out[0].reason
    assert out[0].raw == b"\x00\x13garbage"
    assert as_pairs(out[1:]) == [(None, "12345")]


def test_bytes_that_are_not_text_are_rejected_with_the_settings_to_check() -> None:
    out = ScanFramer("test").feed(b"\xff\xfe\x80\r12345\r", 0.0)
    assert isinstance(out[0], ScanRejected)
    assert "baud rate" in out[0].reason
    assert as_pairs(out[1:]) == [(None, "12345")]


def test_an_over_long_line_is_rejected_once_and_its_tail_is_not_a_scan() -> None:
    framer = ScanFramer("test", max_length=100)
    out = feed_all(framer, [b"x" * 60, b"x" * 60, b"x" * 60, b"tail\rnext\r"])
    rejected = [e for e in out if isinstance(e, ScanRejected)]
    assert len(rejected) == 1
    assert "more than 100 bytes" in rejected[0].reason
    assert as_pairs([e for e in out if isinstance(e, ScanInput)]) == [(None, "next")]


def test_an_over_long_line_in_one_read_is_rejected() -> None:
    out = ScanFramer("test", max_length=10).feed(b"x" * 11 + b"\rok\r", 0.0)
    assert isinstance(out[0], ScanRejected)
    assert as_pairs(out[1:]) == [(None, "ok")]


def test_a_partial_scan_left_quiet_is_rejected_not_glued_to_the_next() -> None:
    framer = ScanFramer("test", gap=0.1)
    assert framer.feed(b"ABC", 0.0) == []
    assert framer.feed(b"", 0.05) == []  # not quiet long enough yet
    out = framer.feed(b"", 0.15)
    assert isinstance(out[0], ScanRejected) and "incomplete" in out[0].reason
    assert as_pairs(framer.feed(b"DEF\r", 0.2)) == [(None, "DEF")]


def test_bytes_that_waited_while_the_thread_was_held_up_still_complete_the_scan() -> None:
    # No quiet read in between: the rest may have sat in the kernel's buffer all along.
    framer = ScanFramer("test", gap=0.1)
    framer.feed(b"ABC", 0.0)
    assert as_pairs(framer.feed(b"DEF\r", 0.5)) == [(None, "ABCDEF")]


def test_without_a_suffix_a_quiet_line_ends_the_scan() -> None:
    framer = ScanFramer("test", suffix=b"", gap=0.1)
    assert framer.feed(b"4006381", 0.0) == []
    assert framer.feed(b"333931", 0.01) == []
    assert as_pairs(framer.feed(b"", 0.2)) == [(None, "4006381333931")]


def test_prefix_is_stripped_and_a_scan_without_it_is_rejected() -> None:
    framer = ScanFramer("test", prefix=b"\x02", suffix=b"\x03")
    out = framer.feed(b"\x02]Q3https://id.gs1.org/01/09506000134352\x03ABC\x03", 0.0)
    assert as_pairs(out[:1]) == [("]Q3", "https://id.gs1.org/01/09506000134352")]
    assert isinstance(out[1], ScanRejected) and "prefix" in out[1].reason


def test_reset_drops_a_partial_scan() -> None:
    framer = ScanFramer("test")
    framer.feed(b"half", 0.0)
    framer.reset()
    assert as_pairs(framer.feed(b"whole\r", 0.01)) == [(None, "whole")]


def test_latin1_scanners_are_read_with_their_encoding() -> None:
    out = ScanFramer("test", encoding="latin-1").feed("Größe\r".encode("latin-1"), 0.0)
    assert as_pairs(out) == [(None, "Größe")]


def test_named_prefixes_and_suffixes() -> None:
    assert byte_setting("CR") == b"\r"
    assert byte_setting("crlf") == b"\r\n"
    assert byte_setting("ETX") == b"\x03"
    assert byte_setting("TAB") == b"\t"
    assert byte_setting("NONE") == b""
    assert byte_setting("##") == b"##"
