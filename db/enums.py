"""The closed vocabularies stored in the database.

Plain ``StrEnum``s with no SQLAlchemy in them, so the pure domain can use the same names the
database stores without importing the ORM.
"""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    NEW = "new"  # imported, not yet opened at a station
    IN_PROGRESS = "in_progress"  # a pack session is open at a station
    PARKED = "parked"  # paused by an operator; any station may resume it
    ON_HOLD = "on_hold"  # stopped by a person or a rule (short item); needs a lead
    PACKED = "packed"  # every line scanned (or shorted with partial shipping allowed)
    SHIPPED = "shipped"  # handed over to the carrier
    CANCELLED = "cancelled"


class SessionStatus(StrEnum):
    OPEN = "open"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ParcelStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Role(StrEnum):
    OPERATOR = "operator"
    LEAD = "lead"
    ADMIN = "admin"


class BarcodeKind(StrEnum):
    GTIN = "gtin"  # stored normalised to 14 digits
    INTERNAL = "internal"  # any other code printed by the warehouse or the supplier


class PrintJobState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the process died while sending: a person must decide
    VOIDED = "voided"


class LineExceptionKind(StrEnum):
    SHORT = "short"
    DAMAGED = "damaged"
