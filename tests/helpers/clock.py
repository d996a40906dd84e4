"""A clock the tests drive: services take ``clock=`` so time is never read from the machine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class TickingClock:
    """Each reading is one second after the last (every action gets its own time)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


class ManualClock:
    """Stands still until the test moves it (for backoffs and timeouts)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
