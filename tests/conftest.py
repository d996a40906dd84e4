"""Shared database fixtures: every service test can run on SQLite and on PostgreSQL.

- SQLite: the schema is migrated once per test session into a template file, and each test gets
  a fresh copy of that file (a copy is much faster than running the migrations again).
- PostgreSQL (``WORKSTATION_TEST_PG``): one private schema per test session, migrated once; the
  tables are emptied before each test. The schema is chosen through ``search_path`` in the URL
  itself (``?options=-csearch_path=...``), so a subprocess given ``db_url`` (e.g. the CLI with
  ``--db``) sees the same tables as the test.

Fixtures: ``db_url`` (parametrized: sqlite, postgresql), ``engine``, ``session_factory``;
``sqlite_url`` for a test that only makes sense on SQLite.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.migrate import upgrade

# The computer's own time zone is the reports' default clock (settings: time_zone); the tests'
# expected figures are written for UTC, wherever they run (tzlocal reads TZ first).
os.environ["TZ"] = "UTC"

PG_ENV = "WORKSTATION_TEST_PG"
PG_SKIP_REASON = (
    f"PostgreSQL tests need {PG_ENV}, e.g. "
    f"{PG_ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db-template") / "template.db"
    engine = make_engine(str(path))
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    # Fold any WAL left into the main file, so copying that one file copies the whole schema.
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def sqlite_url(_sqlite_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "workstation.db"
    shutil.copyfile(_sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def _pg_session_url() -> Iterator[str]:
    """The URL of this test session's private, migrated PostgreSQL schema."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP_REASON)
    schema = f"ws_test_{os.getpid()}"
    admin = make_engine(base)
    try:
        with admin.begin() as conn:
            # A schema left by a killed run whose pid we now reuse.
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        url_text = url.render_as_string(hide_password=False)
        engine = make_engine(url_text)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        yield url_text
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _empty_pg_tables(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            # Fail instead of hanging if a previous test leaked a connection holding a lock.
            conn.execute(text("SET LOCAL lock_timeout = '10s'"))
            tables = conn.scalars(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tablename <> 'alembic_version'"
                )
            ).all()
            # The audit log refuses TRUNCATE by trigger (append-only); only the test harness
            # may switch that off, inside this transaction.
            conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            names = ", ".join(f'"{t}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            conn.execute(text("ALTER TABLE audit_log ENABLE TRIGGER USER"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """A migrated, empty database for this test, on each backend in turn."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    url = str(request.getfixturevalue("_pg_session_url"))
    _empty_pg_tables(url)
    return url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(engine: Engine) -> sessionmaker[Session]:
    return make_sessionmaker(engine)
