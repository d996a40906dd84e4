"""The packing screen's state as plain values: what the widgets draw, nothing they decide."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workstation.services.parcels_view import ParcelView


class Tone(StrEnum):
    """The colour of the feedback area: a severity, or neutral while waiting for a scan."""

    IDLE = "idle"
    OK = "ok"
    ATTENTION = "attention"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class LineRow:
    line_no: int
    sku: str
    name: str
    ordered: int
    scanned: int
    short: int
    state: str  # todo, partial, done, short
    fragile: bool = False
    tracked: str = ""  # "serial", "lot" or ""
    image_path: str | None = None


@dataclass(frozen=True, slots=True)
class Feedback:
    tone: Tone
    text: str  # what happened, large
    hint: str  # what to do now
    outcome: str = ""  # the outcome value, "" when idle
    seq: int = 0  # one more for every scan answered


@dataclass(frozen=True, slots=True)
class DeviceLine:
    """One device in the status strip: ``ok`` None means not known yet."""

    label: str
    ok: bool | None
    text: str
    remedy: str = ""
    colour: str | None = None  # a state's own colour (printer: paper out, head open...)


@dataclass(frozen=True, slots=True)
class OrderPanel:
    number: str = ""
    lines: tuple[LineRow, ...] = ()
    next_index: int | None = None  # the row to scan next
    customer_note: str | None = None
    ship_to: str = ""
    carrier: str = ""
    parcel_seq: int | None = None
    parcels: int = 0
    complete: bool = False
    held: bool = False  # an error holds the screen until acknowledged
    mode: str = ""  # remove / short / damaged: what the next item scan means
    weighing: bool = False  # the parcel waits for its weight on the scale
    parcel_note: str = ""  # suggested box, expected weight and tolerance
    parcel_rows: tuple[ParcelView, ...] = ()  # read when the order has several parcels


def next_line(lines: tuple[LineRow, ...]) -> int | None:
    """The line to scan next: one already started, else the first not done."""
    for wanted in ("partial", "todo"):
        for i, line in enumerate(lines):
            if line.state == wanted:
                return i
    return None
