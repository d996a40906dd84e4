"""Status replies parsed from recorded bytes (formats of the ZPL II guide / Epson ESC/POS)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from printing.status import (
    PrinterState,
    combine,
    parse_escpos_status,
    parse_hi,
    parse_hqes,
    parse_hs,
)

S = PrinterState


def hs(paper: int = 0, pause: int = 0, head: int = 0, ribbon: int = 0, buffer_full: int = 0,
       under: int = 0) -> bytes:
    return (
        f"\x02030,{paper},{pause},1218,000,{buffer_full},0,0,000,0,{under},0\x03\r\n"
        f"\x02001,0,{head},{ribbon},1,2,4,0,00000000,1,000\x03\r\n"
        "\x021234,0\x03\r\n"
    ).encode()


def hqes(errors: int, warnings: int = 0) -> bytes:
    return (
        "\x02\r\n\r\n PRINTER STATUS\r\n"
        f"   ERRORS:         {int(bool(errors))} 00000000 {errors:08X}\r\n"
        f"   WARNINGS:       {int(bool(warnings))} 00000000 {warnings:08X}\r\n\x03\r\n"
    ).encode()


@pytest.mark.parametrize(
    ("reply", "state"),
    [
        (hs(), S.READY),
        (hs(paper=1), S.PAPER_OUT),
        (hs(pause=1), S.PAUSED),
        (hs(head=1), S.HEAD_OPEN),
        (hs(ribbon=1), S.RIBBON_OUT),
        (hs(buffer_full=1), S.BUFFER_FULL),
        (hs(under=1), S.OVERHEATED),
        (hs(paper=1, pause=1, head=1), S.HEAD_OPEN),  # the operator shuts the lid first
    ],
)
def test_hs(reply: bytes, state: PrinterState) -> None:
    assert parse_hs(reply).state is state


def test_hs_keeps_every_condition() -> None:
    status = parse_hs(hs(paper=1, pause=1))
    assert status.conditions == {S.PAPER_OUT, S.PAUSED}
    assert status.state is S.PAPER_OUT
    assert "labels" in status.what_to_do.lower()


def test_hs_split_in_the_middle_is_unknown_not_ready() -> None:
    assert parse_hs(hs()[:30]).state is S.UNKNOWN
    assert parse_hs(b"").state is S.UNKNOWN


@pytest.mark.parametrize(
    ("errors", "state"),
    [(0, S.READY), (0x1, S.PAPER_OUT), (0x2, S.RIBBON_OUT), (0x4, S.HEAD_OPEN),
     (0x8, S.CUTTER_FAULT), (0x10, S.OVERHEATED), (0x5, S.HEAD_OPEN),
     (0x00400000, S.HARDWARE_ERROR)],
)
def test_hqes(errors: int, state: PrinterState) -> None:
    assert parse_hqes(hqes(errors)).state is state


def test_hqes_warnings() -> None:
    status = parse_hqes(hqes(0, warnings=0x8 | 0x2))
    assert status.state is S.READY
    assert status.warnings == ("clean the printhead", "labels nearly out")


def test_combine_adds_pause_from_hs_to_hqes() -> None:
    merged = combine(parse_hqes(hqes(0)), parse_hs(hs(pause=1)))
    assert merged.state is S.PAUSED
    assert combine(parse_hqes(b"junk"), parse_hs(b"")).state is S.UNKNOWN


def test_hi() -> None:
    ident = parse_hi(b"\x02ZD421-300dpi,V84.20.18Z,12,8176KB\x03\r\n")
    assert ident is not None
    assert (ident.model, ident.firmware, ident.dpi) == ("ZD421-300dpi", "V84.20.18Z", 300)
    assert parse_hi(b"\x02garbage\x03") is None


@pytest.mark.parametrize(
    ("replies", "state"),
    [
        ({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12}, S.READY),
        ({1: 0x1A, 2: 0x16, 3: 0x12, 4: 0x12}, S.HEAD_OPEN),  # offline because cover open
        ({1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x72}, S.PAPER_OUT),  # paper end
        ({1: 0x12, 2: 0x12, 3: 0x1A, 4: 0x12}, S.CUTTER_FAULT),
        ({1: 0x12, 2: 0x12, 3: 0x52, 4: 0x12}, S.OVERHEATED),
        ({1: 0x1A}, S.PAUSED),  # offline, no cause known
        ({1: 0xFF, 2: 0x00}, S.UNKNOWN),  # fixed bits wrong: not a status byte
        ({}, S.UNKNOWN),
    ],
)
def test_escpos(replies: dict[int, int], state: PrinterState) -> None:
    assert parse_escpos_status(replies).state is state


def test_escpos_near_end_is_a_warning() -> None:
    status = parse_escpos_status({4: 0x1E})
    assert status.state is S.READY and status.warnings == ("paper roll nearly out",)


@given(st.binary(max_size=400))
def test_garbage_never_crashes_hs(data: bytes) -> None:
    status = parse_hs(data)
    assert status.state in PrinterState


@given(st.binary(max_size=400))
def test_garbage_hqes_is_unknown(data: bytes) -> None:
    status = parse_hqes(data)
    if b"ERRORS" not in data:
        assert status.state is S.UNKNOWN


@given(st.binary(max_size=40).filter(lambda b: b"\x02" not in b))
def test_bytes_without_frames_are_unknown(data: bytes) -> None:
    assert parse_hs(data).state is S.UNKNOWN
    assert parse_hi(data) is None


@given(st.dictionaries(st.integers(-5, 10), st.integers(0, 255)))
def test_escpos_any_bytes(replies: dict[int, int]) -> None:
    status = parse_escpos_status(replies)
    valid = {n for n, b in replies.items() if 1 <= n <= 4 and (b & 0x93) == 0x12}
    if not valid:
        assert status.state is S.UNKNOWN
