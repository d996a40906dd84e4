"""What scales say, dialect by dialect: pure parsers from reply bytes to a reading.

- ``sics``: Mettler Toledo MT-SICS level 0/1. The station polls ``SI``; replies ``S S``
  (stable), ``S D`` (dynamic), ``S I`` (busy), ``S +``/``S -`` (over/under range), and ``ES``,
  ``ET``, ``EL`` for a command the scale did not take. ``Z`` zeroes, ``T`` tares.
- ``nci``: NCI / Avery Weigh-Tronix SCP-01. ``W<CR>`` is answered ``<LF>1.25lb<CR><LF>hh<CR><ETX>``
  where ``hh`` are status bytes (motion, at zero, under/over capacity, faults); the weight field is
  ``^^^`` over capacity, ``___`` under, ``---`` for a zero error. ``Z`` zeroes, ``T`` tares.
- ``continuous``: scales that stream ``ST,GS,+  1.234kg`` lines unasked (CAS, A&D and many
  indicators): ``ST`` stable, ``US`` unstable, ``OL`` overload.
- ``hid``: USB HID scales (usage page 0x8D, Dymo and Stamps.com models): 6-byte input reports
  ``[3, status, unit, exponent, weight LSB, weight MSB]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from devices.weight import UnexpectedReply, WeightState, to_grams


@dataclass(frozen=True, slots=True)
class Parsed:
    grams: float | None
    unit_raw: str
    state: WeightState


@dataclass(frozen=True, slots=True)
class Dialect:
    name: str
    parse: Callable[[bytes], Parsed | None]  # None: a reply that carries no weight (an ack)
    delimiter: re.Pattern[bytes] | None  # what ends a reply; None: reports of ``report_size``
    poll: bytes | None = None  # sent every poll interval; None: the scale speaks unasked
    commands: Mapping[str, bytes] = field(default_factory=dict)
    report_size: int = 0


_NUMBER = rb"([+-]?)\s*(\d+(?:\.\d*)?|\.\d+)"


def _weight(sign: bytes, number: bytes, unit: bytes, state: WeightState) -> Parsed:
    value = Decimal(number.decode())
    unit_raw = unit.decode()
    return Parsed(to_grams(-value if sign == b"-" else value, unit_raw), unit_raw, state)


_SICS_WEIGHT = re.compile(rb"S\s+([SD])\s+" + _NUMBER + rb"\s*([A-Za-z]+)")
_SICS_RANGE = re.compile(rb"S\s+([+-])")
_SICS_ACK = re.compile(rb"(S\s+I|[ZT]\s+[AI+-]|T\s+S\s.*)")
_SICS_ERROR = re.compile(rb"E[STL]")


def parse_sics(reply: bytes) -> Parsed | None:
    reply = reply.strip()
    if match := _SICS_WEIGHT.fullmatch(reply):
        status, sign, number, unit = match.groups()
        return _weight(sign, number, unit, WeightState.OK if status == b"S" else WeightState.MOTION)
    if match := _SICS_RANGE.fullmatch(reply):
        return Parsed(None, "", WeightState.OVER if match[1] == b"+" else WeightState.UNDER)
    if _SICS_ACK.fullmatch(reply):
        return None  # busy, or the answer to a zero or tare command
    if _SICS_ERROR.fullmatch(reply):
        return Parsed(None, "", WeightState.ERROR)
    raise UnexpectedReply(f"not an MT-SICS reply: {reply!r}")


_NCI_WEIGHT = re.compile(_NUMBER + rb"\s*([A-Za-z]+)")
_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_NCI_FLAG = re.compile(rb"[\x30-\x3f\x70-\x7f]+")  # status bytes: bits 4 and 5 always set


def parse_nci(reply: bytes) -> Parsed | None:
    fields = [f.strip() for f in re.split(rb"[\r\n]+", reply.replace(b"\x03", b"")) if f.strip()]
    if fields == [b"?"]:
        return Parsed(None, "", WeightState.ERROR)  # the scale did not know the command
    if not fields or not _NCI_FLAG.fullmatch(fields[-1]):
        raise UnexpectedReply(f"not an NCI reply: {reply!r}")
    if len(fields) == 1:
        return None  # status only: the answer to S, Z or T
    weight, status = fields[0], [b & 0x0F for b in fields[-1]]
    motion = bool(status[0] & 0x1)
    under = len(status) > 1 and bool(status[1] & 0x1)
    over = len(status) > 1 and bool(status[1] & 0x2)
    fault = bool(status[0] & 0xC) or (len(status) > 1 and bool(status[1] & 0xC))
    figures = set(weight.rstrip(_LETTERS).strip())  # the scale fills them to show a condition
    if fault or figures == {ord("-")}:
        return Parsed(None, "", WeightState.ERROR)
    if over or figures == {ord("^")}:
        return Parsed(None, "", WeightState.OVER)
    if under or figures == {ord("_")}:
        return Parsed(None, "", WeightState.UNDER)
    match = _NCI_WEIGHT.fullmatch(weight)
    if match is None:
        raise UnexpectedReply(f"not an NCI weight: {weight!r}")
    sign, number, unit = match.groups()
    return _weight(sign, number, unit, WeightState.MOTION if motion else WeightState.OK)


_CONTINUOUS = re.compile(
    rb"(ST|US|OL),(?:(?:GS|NT|TR|G|N),)?\s*(?:" + _NUMBER + rb"(?:\s*E[+-]?\d+)?)?\s*([A-Za-z]*)"
)


def parse_continuous(reply: bytes) -> Parsed | None:
    reply = reply.strip()
    if not reply:
        return None
    match = _CONTINUOUS.fullmatch(reply)
    if match is None:
        raise UnexpectedReply(f"not a streamed weight: {reply!r}")
    header, sign, number, unit = match.groups()
    if header == b"OL":
        return Parsed(None, "", WeightState.UNDER if sign == b"-" else WeightState.OVER)
    if number is None or not unit:
        raise UnexpectedReply(f"weight or unit missing: {reply!r}")
    return _weight(sign, number, unit, WeightState.OK if header == b"ST" else WeightState.MOTION)


HID_REPORT_SIZE = 6
_HID_DATA_REPORT = 3
_HID_UNITS = {1: "mg", 2: "g", 3: "kg", 11: "oz", 12: "lb"}
_HID_STATES = {
    1: WeightState.ERROR,  # fault
    2: WeightState.OK,  # stable at zero
    3: WeightState.MOTION,
    4: WeightState.OK,
    5: WeightState.UNDER,
    6: WeightState.OVER,
    7: WeightState.ERROR,  # requires calibration
    8: WeightState.ERROR,  # requires re-zeroing
}


def parse_hid(report: bytes) -> Parsed | None:
    if len(report) != HID_REPORT_SIZE:
        raise UnexpectedReply(f"a HID scale report has 6 bytes, not {len(report)}: {report!r}")
    report_id, status, unit_code, exponent, low, high = report
    if report_id != _HID_DATA_REPORT:
        return None  # other reports (e.g. attributes) carry no weight
    state = _HID_STATES.get(status)
    unit = _HID_UNITS.get(unit_code)
    if state is None or unit is None:
        raise UnexpectedReply(f"unknown HID scale status {status} or unit {unit_code}")
    if state in (WeightState.UNDER, WeightState.OVER, WeightState.ERROR):
        return Parsed(None, unit, state)
    exponent = exponent - 256 if exponent > 127 else exponent
    value = Decimal(low | high << 8).scaleb(exponent)
    return Parsed(to_grams(value, unit), unit, state)


DIALECTS: Mapping[str, Dialect] = {
    d.name: d
    for d in (
        Dialect(
            "sics",
            parse_sics,
            re.compile(rb"\r\n"),
            b"SI\r\n",
            {"zero": b"Z\r\n", "tare": b"T\r\n"},
        ),
        Dialect("nci", parse_nci, re.compile(rb"\x03"), b"W\r", {"zero": b"Z\r", "tare": b"T\r"}),
        Dialect("continuous", parse_continuous, re.compile(rb"\r\n?|\n")),
        Dialect("hid", parse_hid, None, report_size=HID_REPORT_SIZE),
    )
}
