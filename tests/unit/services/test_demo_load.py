"""load_demo: imports the generated data and adds the demo operators and stations, once."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, Operator, Order, OrderLine, Product, Station
from workstation.services.demo_data import DEMO_OPERATORS, generate, load_demo
from workstation.services.operators import verify_pin

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def _count(session: Session, model: type) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_load_demo_imports_everything_and_is_idempotent(
    session_factory: sessionmaker[Session],
) -> None:
    data = generate(25, seed=11, now=NOW)
    first = load_demo(session_factory, 25, seed=11, now=NOW)
    assert first.exit_code == 0, first.errors
    assert first.warnings == []
    assert first.orders_created == 25
    assert first.products_created == len(data["products"])
    second = load_demo(session_factory, 25, seed=11, now=NOW)
    assert (second.created, second.updated, second.exit_code) == (0, 0, 0)
    assert second.unchanged == 25 + len(data["products"])
    with session_factory() as session:
        assert _count(session, Order) == 25
        assert _count(session, Product) == len(data["products"])
        assert _count(session, OrderLine) == sum(len(o["lines"]) for o in data["orders"])
        assert _count(session, Operator) == len(DEMO_OPERATORS)
        assert set(session.scalars(select(Station.name))) == {"ST-01", "ST-02"}
        assert _count(session, AuditEntry) == 2
        for code, _name, role, badge, pin in DEMO_OPERATORS:
            op = session.scalars(select(Operator).where(Operator.code == code)).one()
            assert (op.role, op.badge) == (role.value, badge)
            assert op.pin_hash is not None and op.pin_hash.startswith("$argon2")
            assert verify_pin(session, op.id, pin)
        assert not verify_pin(session, op.id, "1234")
