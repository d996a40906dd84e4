"""Printer status read from the device: ZPL ``~HQES`` / ``~HS`` / ``~HI`` and ESC/POS DLE EOT.

Parsers are pure (bytes in, :class:`PrinterStatus` out) and never raise on what a printer or a
line might send: anything they do not recognise is ``UNKNOWN``.  Formats follow the Zebra ZPL II
Programming Guide (``~HS`` host status: three STX...ETX strings; ``~HQES``: "PRINTER STATUS"
with ERRORS/WARNINGS flags and two 8-hex-digit groups) and the Epson ESC/POS reference for
``DLE EOT n`` (one status byte each, fixed bits 1 and 4 set, 0 and 7 clear).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "PrinterIdentity",
    "PrinterState",
    "PrinterStatus",
    "combine",
    "parse_escpos_status",
    "parse_hi",
    "parse_hqes",
    "parse_hs",
]


class PrinterState(Enum):
    READY = "ready"
    PAPER_OUT = "paper_out"
    HEAD_OPEN = "head_open"
    RIBBON_OUT = "ribbon_out"
    PAUSED = "paused"
    BUFFER_FULL = "buffer_full"
    CUTTER_FAULT = "cutter_fault"
    OVERHEATED = "overheated"
    HARDWARE_ERROR = "hardware_error"
    OFFLINE = "offline"
    UNKNOWN = "unknown"

    @property
    def what_to_do(self) -> str:
        return _WHAT_TO_DO[self]

    @property
    def is_ready(self) -> bool:
        return self is PrinterState.READY


_WHAT_TO_DO = {
    PrinterState.READY: "Ready to print.",
    PrinterState.PAPER_OUT: "Load labels (or paper) and close the printer; it resumes by itself "
    "or press FEED.",
    PrinterState.HEAD_OPEN: "Close the print head (the lid) firmly until it clicks.",
    PrinterState.RIBBON_OUT: "Load a new ribbon, or switch the printer to direct thermal "
    "if the labels need none.",
    PrinterState.PAUSED: "Press PAUSE (or the play button) on the printer to resume.",
    PrinterState.BUFFER_FULL: "Wait for the printer to work off its queue, then retry.",
    PrinterState.CUTTER_FAULT: "Open the printer, clear the cutter jam, close it again.",
    PrinterState.OVERHEATED: "Let the printer cool down for a few minutes; it resumes by itself.",
    PrinterState.HARDWARE_ERROR: "Switch the printer off and on; call service if it stays.",
    PrinterState.OFFLINE: "Check the printer is switched on and connected (cable/network).",
    PrinterState.UNKNOWN: "The printer did not say how it is: check its display and the cable.",
}

# Which state wins when a printer reports several at once (the one the operator fixes first).
_PRIORITY = (
    PrinterState.OFFLINE,
    PrinterState.HEAD_OPEN,
    PrinterState.PAPER_OUT,
    PrinterState.RIBBON_OUT,
    PrinterState.CUTTER_FAULT,
    PrinterState.OVERHEATED,
    PrinterState.HARDWARE_ERROR,
    PrinterState.PAUSED,
    PrinterState.BUFFER_FULL,
    PrinterState.UNKNOWN,
    PrinterState.READY,
)


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said.  ``conditions`` holds every state reported; ``state`` the one the
    operator deals with first.  ``can_tell`` is False for transports that cannot ask."""

    state: PrinterState
    conditions: frozenset[PrinterState] = frozenset()
    warnings: tuple[str, ...] = ()
    detail: str = ""
    can_tell: bool = True
    raw: bytes = field(default=b"", repr=False)

    @property
    def what_to_do(self) -> str:
        return self.state.what_to_do

    @classmethod
    def of(cls, conditions: set[PrinterState], **kwargs: object) -> PrinterStatus:
        conds = frozenset(conditions) or frozenset({PrinterState.READY})
        if len(conds) > 1:
            conds = conds - {PrinterState.READY}
        state = next(s for s in _PRIORITY if s in conds)
        return cls(state, conds, **kwargs)  # type: ignore[arg-type]

    @classmethod
    def unknown(cls, detail: str, raw: bytes = b"", can_tell: bool = True) -> PrinterStatus:
        return cls(PrinterState.UNKNOWN, frozenset({PrinterState.UNKNOWN}), detail=detail,
                   raw=raw, can_tell=can_tell)


@dataclass(frozen=True)
class PrinterIdentity:
    """From ``~HI``: model, firmware, dots per mm (8 = 203 dpi, 12 = 300 dpi), memory."""

    model: str
    firmware: str
    dots_per_mm: int
    memory: str = ""

    @property
    def dpi(self) -> int:
        return {6: 152, 8: 203, 12: 300, 24: 600}.get(self.dots_per_mm,
                                                       round(self.dots_per_mm * 25.4))


def combine(*statuses: PrinterStatus) -> PrinterStatus:
    """Merge what several queries said (``~HQES`` knows no pause, ``~HS`` does)."""
    known = [s for s in statuses if s.state is not PrinterState.UNKNOWN]
    if not known:
        return statuses[0] if statuses else PrinterStatus.unknown("no status")
    conds: set[PrinterState] = set()
    for s in known:
        conds |= s.conditions
    warnings = tuple(w for s in known for w in s.warnings)
    return PrinterStatus.of(conds, warnings=warnings,
                            detail="; ".join(s.detail for s in known if s.detail),
                            raw=b"".join(s.raw for s in known))


# --- ZPL ~HS --------------------------------------------------------------------------------

_FRAME_RE = re.compile(rb"\x02([^\x02\x03]*)\x03")


def _frames(reply: bytes) -> list[str]:
    return [m.group(1).decode("ascii", "replace").strip() for m in _FRAME_RE.finditer(reply)]


def parse_hs(reply: bytes) -> PrinterStatus:
    """``~HS``: string 1 ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l`` (b paper out, c pause,
    f buffer full, j corrupt RAM, k/l under/over temperature); string 2
    ``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www`` (o head up, p ribbon out); string 3 ``xxxx,y``."""
    frames = _frames(reply)
    if len(frames) < 2:
        return PrinterStatus.unknown("no complete ~HS reply", raw=reply)
    one, two = frames[0].split(","), frames[1].split(",")
    if len(one) < 12 or len(two) < 4 or not all(f.strip().isdigit() for f in one + two[:4]):
        return PrinterStatus.unknown("~HS reply not in the documented format", raw=reply)

    def flag(fields: list[str], i: int) -> bool:
        return fields[i].strip() == "1"

    conds: set[PrinterState] = set()
    if flag(one, 1):
        conds.add(PrinterState.PAPER_OUT)
    if flag(one, 2):
        conds.add(PrinterState.PAUSED)
    if flag(one, 5):
        conds.add(PrinterState.BUFFER_FULL)
    if flag(one, 9):
        conds.add(PrinterState.HARDWARE_ERROR)
    if flag(one, 10) or flag(one, 11):
        conds.add(PrinterState.OVERHEATED)
    if flag(two, 2):
        conds.add(PrinterState.HEAD_OPEN)
    if flag(two, 3):
        conds.add(PrinterState.RIBBON_OUT)
    return PrinterStatus.of(conds, detail=f"~HS formats in buffer: {one[4].strip()}", raw=reply)


# --- ZPL ~HQES ------------------------------------------------------------------------------

_HQES_RE = re.compile(
    rb"ERRORS:\s*([01])\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8}).*?"
    rb"WARNINGS:\s*([01])\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})",
    re.DOTALL,
)

# Error flags, group 1 (the last 8 hex digits), from the ZPL guide's ~HQES table.
_HQES_ERRORS = (
    (0x00000001, PrinterState.PAPER_OUT),
    (0x00000002, PrinterState.RIBBON_OUT),
    (0x00000004, PrinterState.HEAD_OPEN),
    (0x00000008, PrinterState.CUTTER_FAULT),
    (0x00000010, PrinterState.OVERHEATED),  # printhead over temperature
    (0x00000020, PrinterState.OVERHEATED),  # motor over temperature
    (0x00000040, PrinterState.HARDWARE_ERROR),  # bad printhead element
    (0x00000080, PrinterState.HARDWARE_ERROR),  # printhead detection error
    (0x00000100, PrinterState.HARDWARE_ERROR),  # invalid firmware configuration
    (0x00000200, PrinterState.HARDWARE_ERROR),  # printhead thermistor open
    (0x00010000, PrinterState.PAUSED),  # "paused" on newer firmware (Link-OS)
)
_HQES_WARNINGS = (
    (0x00000001, "needs calibration"),
    (0x00000002, "clean the printhead"),
    (0x00000004, "replace the printhead"),
    (0x00000008, "labels nearly out"),
)


def parse_hqes(reply: bytes) -> PrinterStatus:
    m = _HQES_RE.search(reply)
    if m is None:
        return PrinterStatus.unknown("no ~HQES reply in the documented format", raw=reply)
    err_flag, _err2, err1, warn_flag, _warn2, warn1 = (g.decode("ascii") for g in m.groups())
    conds: set[PrinterState] = set()
    errors = int(err1, 16)
    for bit, state in _HQES_ERRORS:
        if errors & bit:
            conds.add(state)
    if err_flag == "1" and not conds:
        conds.add(PrinterState.HARDWARE_ERROR)  # an error bit we have no name for
    warnings = int(warn1, 16)
    texts = tuple(t for bit, t in _HQES_WARNINGS if warnings & bit) if warn_flag == "1" else ()
    return PrinterStatus.of(conds, warnings=texts, raw=reply)


def parse_hi(reply: bytes) -> PrinterIdentity | None:
    """``~HI``: ``<STX>model,firmware,dots per mm,memory,options<ETX>``."""
    frames = _frames(reply)
    if not frames:
        return None
    parts = [p.strip() for p in frames[0].split(",")]
    if len(parts) < 3 or not parts[2].isdigit():
        return None
    return PrinterIdentity(parts[0], parts[1], int(parts[2]),
                           parts[3] if len(parts) > 3 else "")


# --- ESC/POS DLE EOT ------------------------------------------------------------------------


def _valid_escpos_byte(b: int) -> bool:
    # Fixed bits of every DLE EOT reply: bit 1 and bit 4 are 1, bit 0 and bit 7 are 0.
    return (b & 0x93) == 0x12


def parse_escpos_status(replies: dict[int, int]) -> PrinterStatus:
    """Parse ``DLE EOT n`` replies, ``{n: status byte}`` for n in 1..4.

    n=1 printer: bit 3 offline.  n=2 offline cause: bit 2 cover open, bit 3 feed button,
    bit 5 paper end stop, bit 6 error.  n=3 error: bit 3 cutter, bit 5 unrecoverable,
    bit 6 auto-recoverable (head temperature).  n=4 roll sensor: bits 2-3 near end,
    bits 5-6 paper end.
    """
    usable = {n: b for n, b in replies.items() if n in (1, 2, 3, 4) and _valid_escpos_byte(b)}
    if not usable:
        return PrinterStatus.unknown("no valid DLE EOT reply",
                                     raw=bytes(b & 0xFF for b in replies.values()))
    conds: set[PrinterState] = set()
    warnings: list[str] = []
    b1, b2, b3, b4 = (usable.get(n) for n in (1, 2, 3, 4))
    if b2 is not None:
        if b2 & 0x04:
            conds.add(PrinterState.HEAD_OPEN)  # cover open
        if b2 & 0x20:
            conds.add(PrinterState.PAPER_OUT)
    if b3 is not None:
        if b3 & 0x08:
            conds.add(PrinterState.CUTTER_FAULT)
        if b3 & 0x20:
            conds.add(PrinterState.HARDWARE_ERROR)
        if b3 & 0x40:
            conds.add(PrinterState.OVERHEATED)
    if b4 is not None:
        if b4 & 0x60:
            conds.add(PrinterState.PAPER_OUT)
        elif b4 & 0x0C:
            warnings.append("paper roll nearly out")
    if b1 is not None and b1 & 0x08 and not conds:
        # Offline without a stated cause (e.g. feed button held).
        conds.add(PrinterState.PAUSED)
    return PrinterStatus.of(conds, warnings=tuple(warnings),
                            raw=bytes(usable[n] for n in sorted(usable)))
