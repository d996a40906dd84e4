"""Operators and stations: who is packing, where."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import Operator, Station
from workstation.services.errors import ConflictError, NotFoundError, PermissionDeniedError

_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class OperatorInfo:
    id: int
    code: str
    name: str
    role: Role

    @property
    def is_lead(self) -> bool:
        return self.role in (Role.LEAD, Role.ADMIN)


def _info(op: Operator) -> OperatorInfo:
    return OperatorInfo(op.id, op.code, op.name, Role(op.role))


def hash_pin(pin: str) -> str:
    if not pin.isdigit() or not 4 <= len(pin) <= 12:
        raise ValueError("a PIN is 4 to 12 digits")
    return _hasher.hash(pin)


def add_operator(
    session: Session, code: str, name: str, role: Role = Role.OPERATOR,
    badge: str | None = None, pin: str | None = None,
) -> OperatorInfo:
    existing = session.scalar(
        select(Operator).where(or_(Operator.code == code, Operator.badge == badge))
        if badge else select(Operator).where(Operator.code == code)
    )
    if existing is not None:
        raise ConflictError(f"operator {existing.code!r} already has that code or badge")
    op = Operator(code=code, name=name, role=role.value, badge=badge,
                  pin_hash=hash_pin(pin) if pin else None)
    session.add(op)
    session.flush()
    return _info(op)


def find_operator(session: Session, code_or_badge: str) -> OperatorInfo:
    op = session.scalar(
        select(Operator).where(
            or_(Operator.code == code_or_badge, Operator.badge == code_or_badge),
            Operator.active.is_(True),
        )
    )
    if op is None:
        raise NotFoundError(
            f"no active operator with code or badge {code_or_badge!r}: "
            "list them with `workstation operator list`, add one with `workstation operator add`"
        )
    return _info(op)


def operator_by_badge(session: Session, badge: str) -> OperatorInfo | None:
    op = session.scalar(
        select(Operator).where(Operator.badge == badge, Operator.active.is_(True))
    )
    return _info(op) if op is not None else None


def verify_pin(session: Session, operator_id: int, pin: str) -> bool:
    op = session.get(Operator, operator_id)
    if op is None or op.pin_hash is None:
        return False
    try:
        return _hasher.verify(op.pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def require_lead(op: OperatorInfo, what: str) -> None:
    if not op.is_lead:
        raise PermissionDeniedError(f"{op.name} ({op.role.value}) may not {what}: "
                                    "a lead or admin must do it")


def ensure_station(session: Session, name: str, now: datetime) -> int:
    """The station's id, registering it on first use (a station is a machine, not an account)."""
    station_id = session.scalar(select(Station.id).where(Station.name == name))
    if station_id is None:
        station = Station(name=name, hostname=socket.gethostname(), created_at=now,
                          last_seen_at=now)
        session.add(station)
        session.flush()
        station_id = station.id
    return station_id
