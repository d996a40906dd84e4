"""Managing operators: admins only, checked here (not in the screen), every change audited."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from db.models import Operator
from workstation.services.audit import audit
from workstation.services.errors import ConflictError, NotFoundError, PermissionDeniedError
from workstation.services.operators import OperatorInfo, add_operator, hash_pin

log = logging.getLogger(__name__)

__all__ = ["OperatorAdmin", "OperatorRow", "require_admin"]


@dataclass(frozen=True, slots=True)
class OperatorRow:
    code: str
    name: str
    role: Role
    badge: str | None
    has_pin: bool
    active: bool


def require_admin(actor: OperatorInfo | None, what: str) -> OperatorInfo:
    if actor is None:
        raise PermissionDeniedError(f"sign in as an admin to {what}")
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError(
            f"{actor.name} ({actor.role.value}) may not {what}: only an admin may")
    return actor


class OperatorAdmin:
    """One database transaction per action; ``actor`` is whoever is signed in now."""

    def __init__(self, sessions: sessionmaker[Session],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._sessions = sessions
        self._clock = clock

    def operators(self, actor: OperatorInfo | None) -> list[OperatorRow]:
        require_admin(actor, "manage operators")
        with self._sessions() as session:
            return [OperatorRow(o.code, o.name, Role(o.role), o.badge, o.pin_hash is not None,
                                o.active)
                    for o in session.scalars(select(Operator).order_by(Operator.code))]

    def add(self, actor: OperatorInfo | None, code: str, name: str, role: Role,
            badge: str | None = None, pin: str | None = None) -> None:
        admin = require_admin(actor, "add operators")
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise ValueError("an operator needs a code and a name")
        with self._sessions.begin() as session:
            added = add_operator(session, code, name, role, badge or None, pin or None)
            audit(session, "operator_added", at=self._clock(), operator_id=admin.id,
                  details={"code": added.code, "role": role.value, "badge": bool(badge),
                           "pin": bool(pin)})

    def set_active(self, actor: OperatorInfo | None, code: str, active: bool) -> None:
        admin = require_admin(actor, "enable or disable operators")
        with self._sessions.begin() as session:
            op = self._get(session, code)
            if not active and op.id == admin.id:
                raise ConflictError("you cannot disable yourself: ask another admin")
            if not active:
                self._keep_an_admin(session, op)
            op.active = active
            audit(session, "operator_enabled" if active else "operator_disabled",
                  at=self._clock(), operator_id=admin.id, details={"code": code})

    def set_role(self, actor: OperatorInfo | None, code: str, role: Role) -> None:
        admin = require_admin(actor, "change roles")
        with self._sessions.begin() as session:
            op = self._get(session, code)
            if role is not Role.ADMIN:
                self._keep_an_admin(session, op)
            before, op.role = op.role, role.value
            audit(session, "operator_role_changed", at=self._clock(), operator_id=admin.id,
                  details={"code": code, "from": before, "to": role.value})

    def set_badge(self, actor: OperatorInfo | None, code: str, badge: str | None) -> None:
        admin = require_admin(actor, "change badges")
        badge = (badge or "").strip() or None
        with self._sessions.begin() as session:
            op = self._get(session, code)
            if badge is not None:
                holder = session.scalar(select(Operator.code).where(Operator.badge == badge,
                                                                    Operator.id != op.id))
                if holder is not None:
                    raise ConflictError(f"badge {badge!r} belongs to operator {holder!r}")
            op.badge = badge
            audit(session, "operator_badge_changed", at=self._clock(), operator_id=admin.id,
                  details={"code": code, "badge": badge is not None})

    def set_pin(self, actor: OperatorInfo | None, code: str, pin: str | None) -> None:
        """A new PIN (4-12 digits, stored as an argon2id hash), or ``None`` to remove it."""
        admin = require_admin(actor, "change PINs")
        pin_hash = hash_pin(pin) if pin else None
        with self._sessions.begin() as session:
            op = self._get(session, code)
            op.pin_hash = pin_hash
            audit(session, "operator_pin_changed", at=self._clock(), operator_id=admin.id,
                  details={"code": code, "pin": pin_hash is not None})

    @staticmethod
    def _get(session: Session, code: str) -> Operator:
        op = session.scalar(select(Operator).where(Operator.code == code))
        if op is None:
            raise NotFoundError(f"no operator {code!r}")
        return op

    @staticmethod
    def _keep_an_admin(session: Session, op: Operator) -> None:
        """Never leave the station without an active admin (nobody could undo it)."""
        if op.role != Role.ADMIN.value or not op.active:
            return
        others = session.scalar(select(func.count()).select_from(Operator).where(
            Operator.role == Role.ADMIN.value, Operator.active.is_(True), Operator.id != op.id))
        if not others:
            raise ConflictError(f"{op.code} is the last active admin: make another admin first")
