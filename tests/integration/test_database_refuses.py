"""A database that refuses a scan (locked by another writer past the station's wait, or gone):
the operator is told nothing was recorded and to scan again, nothing is recorded, and the next
scan, once the database answers, is taken from what the database holds. Every kind of scan's
path: the fast open, the fast item, the fast completion and the ORM path."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select, text

from db.engine import make_engine, make_sessionmaker
from db.models import ScanEvent
from devices.scan import ScanInput
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN, seed
from tests.helpers.clock import TickingClock
from workstation.domain.outcomes import Outcome
from workstation.services.errors import DatabaseUnavailableError
from workstation.services.pack import PackService
from workstation.settings import Settings


@pytest.fixture
def station_engine(db_url: str) -> Iterator[Engine]:
    """The station's engine, waiting 0.3 s for a lock instead of its usual seconds."""
    if db_url.startswith("sqlite"):
        engine = make_engine(db_url, connect_args={"timeout": 0.3})
    else:
        engine = make_engine(db_url)

        @event.listens_for(engine, "connect")
        def _lock_timeout(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.autocommit = True
            dbapi_connection.execute("SET lock_timeout = '300ms'")
            dbapi_connection.autocommit = False
    yield engine
    engine.dispose()


@contextmanager
def _refusing(db_url: str) -> Iterator[None]:
    """Another connection holds the tables a scan writes to."""
    if db_url.startswith("sqlite"):
        conn = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("LOCK TABLE scan_events, pack_sessions, orders "
                              "IN ACCESS EXCLUSIVE MODE"))
            yield
    finally:
        engine.dispose()


def _events(engine: Engine) -> int:
    with make_sessionmaker(engine)() as s:
        return int(s.scalar(select(func.count()).select_from(ScanEvent)) or 0)


@pytest.mark.parametrize("refused", ["open", "item", "complete", "orm"])
def test_a_refused_scan_records_nothing_and_says_so(
    db_url: str, station_engine: Engine, refused: str
) -> None:
    sessions = make_sessionmaker(station_engine)
    seed(sessions)
    service = PackService(sessions, Settings(station="ST-01"), clock=TickingClock())
    service.sign_in("op1")
    # ORD-1: two shirts. The scans before the refused one, the refused one, then it again.
    before_it = {"open": [], "item": ["ORD-1"], "complete": ["ORD-1", SHIRT_EAN],
                 "orm": ["ORD-1"]}[refused]
    code = {"open": "ORD-1", "item": SHIRT_EAN, "complete": SHIRT_EAN, "orm": MUG_CODE}[refused]
    for scanned in before_it:
        service.handle_scan(ScanInput(text=scanned, source="test"))
    before = _events(station_engine)
    with _refusing(db_url), pytest.raises(DatabaseUnavailableError) as refusal:
        service.handle_scan(ScanInput(text=code, source="test"))
    assert "nothing was recorded" in str(refusal.value)
    assert "scan again" in str(refusal.value)
    assert _events(station_engine) == before
    again = service.handle_scan(ScanInput(text=code, source="test"))
    assert _events(station_engine) == before + 1
    assert again.outcome is {"open": Outcome.ORDER_OPENED, "item": Outcome.ACCEPTED,
                             "complete": Outcome.ORDER_COMPLETE,
                             "orm": Outcome.WRONG_ITEM}[refused], again.message
    if refused == "complete":
        assert again.print_jobs  # its labels were written with it, once


# PostgreSQL only: a server that drops connections (an SQLite file has none).
@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_a_station_whose_connection_the_server_dropped_scans_on(db_url: str) -> None:
    """PostgreSQL ends the station's connections between two item scans (a restart, a network
    blip): the next item scan (the DBAPI path, pack_fast.ScanWriter.transaction) is taken on a
    new connection, and nothing is lost."""
    assert db_url.startswith("postgresql")
    station_engine = make_engine(db_url, connect_args={"application_name": "ws-dropped"})
    admin = make_engine(db_url)
    try:
        sessions = make_sessionmaker(station_engine)
        seed(sessions)
        service = PackService(sessions, Settings(station="ST-01"), clock=TickingClock())
        service.sign_in("op1")
        service.handle_scan(ScanInput(text="ORD-1", source="test"))
        with admin.connect() as conn, conn.begin():
            killed = conn.execute(text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = 'ws-dropped'")).scalar_one()
        assert killed >= 1
        before = _events(station_engine)
        again = service.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
        assert again.outcome is Outcome.ACCEPTED, again.message
        assert _events(station_engine) == before + 1
    finally:
        station_engine.dispose()
        admin.dispose()
