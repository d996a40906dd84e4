"""The one thing every scanner hands upwards: a complete scan with the time it arrived."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class ScanInput:
    """One complete scan as read from a device.

    ``text`` is the decoded data without prefix, suffix or AIM identifier; a GS1 group separator
    (``\\x1d``) is kept as it is. ``symbology`` is the AIM symbology identifier (``"]C1"``,
    ``"]E0"``, ``"]d2"``, ``"]Q3"``…) when the scanner sent one, else ``None``. ``source`` names
    the device (its URL, or ``"cli"``/``"keyboard"``). ``received_at`` is wall-clock UTC for the
    record; ``received_monotonic`` is ``time.monotonic()`` at arrival, for latency figures.
    """

    text: str
    symbology: str | None = None
    source: str = "unknown"
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    received_monotonic: float = field(default_factory=time.monotonic)



@dataclass(frozen=True, slots=True)
class ScanRejected:
    """Bytes from a scanner that are not a scan (line noise, an over-long line, a missing prefix).

    ``reason`` says what was wrong and what to check, for the operator and the log; ``raw`` holds
    the bytes (cut to a few hundred) for the traffic log. The scanner keeps working: the next
    complete scan is read as usual.
    """

    reason: str
    raw: bytes = b""
    source: str = "unknown"
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    received_monotonic: float = field(default_factory=time.monotonic)
