"""A scale reading, as every scale protocol hands it upwards."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal


class WeightState(enum.Enum):
    OK = "ok"  # stable: the only state in which the station takes the weight
    MOTION = "motion"
    UNDER = "under"  # below zero or under range
    OVER = "over"  # over capacity
    NO_READING = "no_reading"  # the scale stopped answering
    ERROR = "error"  # the scale reports a fault or rejected the station's command


@dataclass(frozen=True, slots=True)
class WeightReading:
    """``grams`` is ``None`` where the scale shows no usable number (under, over, no reading).

    ``unit_raw`` is the unit as the scale sent it (``"kg"``, ``"lb"``…); ``raw`` the bytes of the
    reply, for diagnostics.
    """

    grams: float | None
    unit_raw: str
    state: WeightState
    raw: bytes = b""
    source: str = "unknown"
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    received_monotonic: float = field(default_factory=time.monotonic)

    @property
    def stable(self) -> bool:
        return self.state is WeightState.OK


class UnexpectedReply(ValueError):
    """Bytes from the scale that are not a reply of the protocol the settings name."""


_GRAMS_PER_UNIT = {
    "mg": Decimal("0.001"),
    "g": Decimal(1),
    "kg": Decimal(1000),
    "lb": Decimal("453.59237"),
    "lbs": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
}


def to_grams(number: Decimal, unit: str) -> float:
    """Convert exactly in Decimal, then once to float: ``1.1 lb`` is not a sum of float errors."""
    per_unit = _GRAMS_PER_UNIT.get(unit.lower())
    if per_unit is None:
        raise UnexpectedReply(f"{unit!r} is not a unit of weight; is the scale counting pieces?")
    return float(number * per_unit)
