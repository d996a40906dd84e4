"""A lead's report on PostgreSQL reads part of its tables on a second connection, in the same
snapshot as the rest (model.shared_snapshot, reading_in): the figures are one moment's, and
the same as read in one go."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import ScanEvent, Station
from tests.helpers.report_data import DAY, NOW
from tests.integration.reports.conftest import LEAD_INFO
from workstation.services.reports import ReportService
from workstation.services.reports import report as report_module
from workstation.services.reports.model import reading, reading_in, shared_snapshot


def _events(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(ScanEvent)) or 0)


def test_the_second_reader_sees_the_snapshot_not_what_committed_since(
    shift: sessionmaker[Session],
) -> None:
    with reading(shift) as first:
        before = _events(first)
        snapshot = shared_snapshot(first)
        if shift.kw["bind"].dialect.name == "sqlite":
            assert snapshot is None  # one snapshot cannot be shared there: read in one go
            return
        assert snapshot is not None
        with shift.begin() as writer:  # a scan committed after the snapshot was taken
            station = writer.scalar(select(Station.id).limit(1))
            writer.add(ScanEvent(station_id=station, raw="late", outcome="wrong_item",
                                 received_at=datetime.now(UTC)))
        with closing(reading_in(shift.kw["bind"], snapshot)) as second:
            assert _events(second) == before
        assert _events(first) == before
    with shift() as now:
        assert _events(now) == before + 1


# PostgreSQL only: a report on SQLite is read in one go either way.
@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_read_in_two_halves_or_in_one_go_the_report_is_the_same(
    shift: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    service = ReportService(shift)
    halves = service.report(LEAD_INFO, DAY, DAY, NOW)
    monkeypatch.setattr(report_module, "shared_snapshot", lambda _session: None)
    one_go = service.report(LEAD_INFO, DAY, DAY, NOW)
    assert [t.name for t in halves.tables] == [t.name for t in one_go.tables]
    assert halves.tables == one_go.tables
    assert halves.table("misscans").rows  # not vacuously equal
    assert halves.table("lead_time").rows
