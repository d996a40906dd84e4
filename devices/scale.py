"""The scale protocol: asks (where the dialect polls), reads replies, hands up what changed.

A reading is handed upwards only when it differs from the last one, so the UI gets a handful
of events per parcel rather than five a second. A scale that stops answering becomes one
``NO_READING`` reading after ``no_reading_after`` seconds, not a stale weight.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from devices.scale_dialects import DIALECTS, Dialect
from devices.weight import UnexpectedReply, WeightReading, WeightState

log = logging.getLogger(__name__)

_MAX_REPLY_BYTES = 512


class ScaleProtocol:
    read_timeout = 0.05

    def __init__(
        self,
        source: str,
        dialect: str | Dialect = "sics",
        *,
        poll: float = 0.2,
        no_reading_after: float | None = 2.0,
    ) -> None:
        self.source = source
        self._dialect = DIALECTS[dialect] if isinstance(dialect, str) else dialect
        self._poll = poll
        self._no_reading_after = no_reading_after
        self._buffer = bytearray()
        self._asked_at: float | None = None
        self._heard_at: float | None = None
        self._last: tuple[float | None, str, WeightState] | None = None

    @property
    def commands(self) -> Mapping[str, bytes]:
        return self._dialect.commands

    def reset(self) -> None:
        self._buffer.clear()
        self._asked_at = None
        self._heard_at = None
        self._last = None

    def request(self, now: float) -> bytes | None:
        poll = self._dialect.poll
        if poll is None or (self._asked_at is not None and now - self._asked_at < self._poll):
            return None
        self._asked_at = now
        return poll

    def feed(self, data: bytes, now: float) -> list[WeightReading]:
        if self._heard_at is None:
            self._heard_at = now  # silence is counted from the (re)connection
        readings: list[WeightReading] = []
        for reply in self._replies(data):
            try:
                parsed = self._dialect.parse(reply)
            except UnexpectedReply as error:
                log.debug("%s: %s", self.source, error)
                continue
            if parsed is None:
                continue
            self._heard_at = now
            self._hand_up(
                WeightReading(
                    parsed.grams,
                    parsed.unit_raw,
                    parsed.state,
                    reply,
                    self.source,
                    received_monotonic=now,
                ),
                readings,
            )
        if self._no_reading_after is not None and now - self._heard_at > self._no_reading_after:
            self._hand_up(
                WeightReading(
                    None, "", WeightState.NO_READING, b"", self.source, received_monotonic=now
                ),
                readings,
            )
        return readings

    def _replies(self, data: bytes) -> list[bytes]:
        self._buffer += data
        size = self._dialect.report_size
        delimiter = self._dialect.delimiter
        if delimiter is None:
            cut = len(self._buffer) - len(self._buffer) % size
            replies = [bytes(self._buffer[i : i + size]) for i in range(0, cut, size)]
            del self._buffer[:cut]
            return replies
        *replies, rest = delimiter.split(self._buffer)
        # Noise without a delimiter must not grow the buffer for ever.
        self._buffer = bytearray(rest[-_MAX_REPLY_BYTES:])
        return [bytes(r) for r in replies]

    def _hand_up(self, reading: WeightReading, readings: list[WeightReading]) -> None:
        key = (reading.grams, reading.unit_raw, reading.state)
        if key != self._last:
            self._last = key
            readings.append(reading)
