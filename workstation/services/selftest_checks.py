"""The pre-shift self-test, as pure checks: what the sheet holds, and what a scan or weight says.

No I/O and no clock here (the caller passes readings and times), so every diagnosis is tested
without a scanner. Problems are named by a short code the UI translates (``gs-lost``,
``qwertz``, ``suffix-missing``…) plus an English sentence for the log and the stored result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from devices.layout import GS, LAYOUT_TEST_TEXT, diagnose_layout

__all__ = [
    "SHEET_CODES",
    "ScaleCheck",
    "ScaleVerdict",
    "ScanVerdict",
    "SheetEntry",
    "check_rejected_scan",
    "check_scan",
    "shift_of",
]


@dataclass(frozen=True, slots=True)
class SheetEntry:
    key: str
    caption: str  # English, printed on the sheet
    data: str  # exactly what the scanner must deliver (GS as 0x1D)
    gs1: bool = False


#: In the order the operator scans them. Each one catches its own traps: case and y/z swaps,
#: NumLock digits, the symbols keyboard layouts move, GS lost, a missing suffix.
SHEET_CODES: tuple[SheetEntry, ...] = (
    SheetEntry("suffix", "Suffix: one code, then Enter", "SELFTEST-1"),
    SheetEntry("letters", "Letters: capitals, small letters, y/z, q/a, w/m", "AbQwYz-aBqWyZ-Mm"),
    SheetEntry("digits", "Digits (NumLock)", "0123456789"),
    SheetEntry("symbols", "Symbols keyboard layouts move", "@#[]{}<>|\\~^_'\"/"),
    SheetEntry("punctuation", "More symbols", "!$%&*()-=+;:,.?"),
    SheetEntry("layout", "Layout test with GS", LAYOUT_TEST_TEXT),
    SheetEntry("gs1", "GS1-128: GTIN, lot, GS, expiry",
               f"0108997770001042" f"10LOT42{GS}17271231", gs1=True),
)
#: Answers the operator scans after measuring the test label's 10 mm ruler.
RULER_OK = "SELFTEST:RULER-OK"
RULER_WRONG = "SELFTEST:RULER-WRONG"


@dataclass(frozen=True, slots=True)
class ScanVerdict:
    key: str
    ok: bool
    problems: tuple[str, ...] = ()  # "suffix-missing", "gs-lost", "qwertz", …, "other"
    detail: str = ""  # English: what is wrong
    remedy: str = ""  # English: what to do


def check_scan(entry: SheetEntry, received: str) -> ScanVerdict:
    """Compare one scan with the sheet code it should be."""
    expected = entry.data
    if received == expected:
        return ScanVerdict(entry.key, True)
    if received.startswith(expected) and any(
        received[len(expected):].startswith(other.data) for other in SHEET_CODES
    ):
        return ScanVerdict(
            entry.key, False, ("suffix-missing",),
            "two codes arrived as one: the scanner sends no suffix (Enter) after a code",
            "Program the scanner to send Enter (CR) after each code, or give the scanner "
            "URL the suffix it sends (suffix=TAB, suffix=NONE…)",
        )
    diagnosis = diagnose_layout(expected, received)
    assert diagnosis is not None  # the texts differ
    return ScanVerdict(entry.key, False, diagnosis.traps, diagnosis.problem, diagnosis.remedy)


def check_rejected_scan(entry: SheetEntry, reason: str) -> ScanVerdict:
    """The device gave up on the bytes: without its suffix a code is never complete."""
    return ScanVerdict(
        entry.key, False, ("suffix-missing",),
        f"the scan of {entry.caption!r} was rejected: {reason}",
        "Program the scanner to send Enter (CR) after each code, or give the scanner URL "
        "the suffix it sends",
    )


@dataclass(frozen=True, slots=True)
class ScaleVerdict:
    phase: str  # "zero", "place", "settling", "done", "failed"
    ok: bool
    grams: float | None = None
    detail: str = ""


class ScaleCheck:
    """The scale must read zero, empty, then settle on the test weight within tolerance."""

    def __init__(self, test_weight_grams: float, tolerance_grams: float = 5.0,
                 zero_tolerance_grams: float = 2.0) -> None:
        self.test_weight = test_weight_grams
        self.tolerance = tolerance_grams
        self.zero_tolerance = zero_tolerance_grams
        self.verdict = ScaleVerdict("zero", False, detail="empty the scale")

    def feed(self, grams: float | None, stable: bool) -> ScaleVerdict:
        phase = self.verdict.phase
        if phase in ("done", "failed") or grams is None:
            return self.verdict
        if phase == "zero":
            if stable and abs(grams) <= self.zero_tolerance:
                self.verdict = ScaleVerdict("place", False, grams, "zero ok: place the test weight")
            elif stable:
                self.verdict = ScaleVerdict(
                    "zero", False, grams,
                    f"the empty scale reads {grams:g} g: take everything off and zero it")
            return self.verdict
        if not stable or abs(grams) <= self.zero_tolerance:
            self.verdict = ScaleVerdict("settling", False, grams, "waiting for a stable reading")
            return self.verdict
        error = grams - self.test_weight
        if abs(error) <= self.tolerance:
            self.verdict = ScaleVerdict("done", True, grams, f"{grams:g} g, within tolerance")
        else:
            self.verdict = ScaleVerdict(
                "failed", False, grams,
                f"the test weight of {self.test_weight:g} g reads {grams:g} g "
                f"({error:+g} g, tolerance {self.tolerance:g} g): calibrate the scale")
        return self.verdict


# Shifts by local start hour; a night shift belongs to the day it started.
SHIFTS: tuple[tuple[str, int, int], ...] = (("early", 6, 14), ("late", 14, 22), ("night", 22, 6))


def shift_of(local: datetime) -> str:
    """``2026-11-23/early``: the key self-test results are stored under."""
    hour = local.hour
    for name, start, end in SHIFTS:
        if start < end and start <= hour < end:
            return f"{local.date().isoformat()}/{name}"
    day: date = local.date() if hour >= SHIFTS[-1][1] else local.date() - timedelta(days=1)
    return f"{day.isoformat()}/night"
