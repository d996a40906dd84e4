"""Operator admin on a real database: only admins, every change audited, one admin kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from db.models import AuditEntry, Operator
from tests.helpers.catalogue import seed
from workstation.services.errors import ConflictError, PermissionDeniedError
from workstation.services.operator_admin import OperatorAdmin
from workstation.services.operators import OperatorInfo, add_operator, find_operator, verify_pin


@pytest.fixture
def people(session_factory: sessionmaker[Session]) -> dict[str, OperatorInfo]:
    seed(session_factory)
    with session_factory.begin() as s:
        add_operator(s, "adm", "Admin Dewi", Role.ADMIN, badge="B-ADM", pin="4321")
    with session_factory() as s:
        return {code: find_operator(s, code) for code in ("op1", "lead1", "adm")}


@pytest.mark.parametrize("who", ["op1", "lead1", None])
def test_anyone_but_an_admin_is_refused(session_factory, people, who) -> None:  # type: ignore[no-untyped-def]
    admin = OperatorAdmin(session_factory)
    actor = people[who] if who else None
    with pytest.raises(PermissionDeniedError, match="admin"):
        admin.operators(actor)
    with pytest.raises(PermissionDeniedError):
        admin.add(actor, "x1", "X", Role.ADMIN)
    with pytest.raises(PermissionDeniedError):
        admin.set_role(actor, "op1", Role.ADMIN)
    with session_factory() as s:
        assert s.scalar(select(Operator).where(Operator.code == "x1")) is None
        assert s.scalar(select(Operator.role).where(Operator.code == "op1")) == "operator"


def test_an_admin_adds_disables_and_sets_badge_pin_and_role(session_factory, people) -> None:  # type: ignore[no-untyped-def]
    admin, me = OperatorAdmin(session_factory), people["adm"]
    admin.add(me, "op9", "Rina", Role.OPERATOR, badge="B-OP9", pin="123456")
    admin.set_role(me, "op9", Role.LEAD)
    admin.set_badge(me, "op9", "B-OP9-NEW")
    admin.set_pin(me, "op9", "7777")
    admin.set_active(me, "op2", False)
    rows = {r.code: r for r in admin.operators(me)}
    assert rows["op9"].role is Role.LEAD and rows["op9"].badge == "B-OP9-NEW"
    assert rows["op9"].has_pin and not rows["op2"].active
    with session_factory() as s:
        op9 = s.scalars(select(Operator).where(Operator.code == "op9")).one()
        assert op9.pin_hash is not None and op9.pin_hash.startswith("$argon2id$")
        assert verify_pin(s, op9.id, "7777") and not verify_pin(s, op9.id, "123456")
        actions = s.scalars(select(AuditEntry.action).where(
            AuditEntry.operator_id == me.id)).all()
    assert actions == ["operator_added", "operator_role_changed", "operator_badge_changed",
                       "operator_pin_changed", "operator_disabled"]


def test_badges_stay_unique_and_the_last_admin_stays(session_factory, people) -> None:  # type: ignore[no-untyped-def]
    admin, me = OperatorAdmin(session_factory), people["adm"]
    with pytest.raises(ConflictError, match="op1"):
        admin.set_badge(me, "op2", "B-OP1")
    with pytest.raises(ConflictError, match="yourself"):
        admin.set_active(me, "adm", False)
    with pytest.raises(ConflictError, match="last active admin"):
        admin.set_role(me, "adm", Role.LEAD)
    with pytest.raises(ValueError, match="PIN"):
        admin.set_pin(me, "op1", "12ab")
