"""Self-test results stored per station and shift; the schema has exactly one head."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic.script import ScriptDirectory
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.migrate import alembic_config
from db.models import AuditEntry
from workstation.services.selftest import latest_self_test, record_self_test


def test_runs_are_stored_per_station_and_shift(session_factory: sessionmaker[Session]) -> None:
    at = datetime(2026, 11, 23, 6, 5, tzinfo=UTC)
    failed = {"suffix": {"ok": True}, "gs1": {"ok": False, "problems": ["gs-lost"]}}
    passed = {"suffix": {"ok": True}, "gs1": {"ok": True}}
    record_self_test(session_factory, "ST-01", "2026-11-23/early", operator_id=None,
                     started_at=at, finished_at=at, results=failed)
    second = record_self_test(session_factory, "ST-01", "2026-11-23/early", operator_id=None,
                              started_at=at, finished_at=at, results=passed)
    record_self_test(session_factory, "ST-02", "2026-11-23/early", operator_id=None,
                     started_at=at, finished_at=at, results=failed)
    latest = latest_self_test(session_factory, "ST-01", "2026-11-23/early")
    assert latest is not None and latest.id == second.id and latest.passed
    other = latest_self_test(session_factory, "ST-02", "2026-11-23/early")
    assert other is not None and not other.passed
    assert other.results["gs1"]["problems"] == ["gs-lost"]
    assert latest_self_test(session_factory, "ST-01", "2026-11-23/late") is None
    with session_factory() as s:
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "self_test")).all()) == 3


def test_the_migrations_have_exactly_one_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1
