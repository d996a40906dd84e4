"""Schema upgrades with Alembic, run by the app on start and by `workstation db upgrade`.

Alembic is imported only when there is something to do: a station starting on a database
that is already current only reads ``alembic_version`` (importing Alembic costs ~0.3 s of
start-up). ``HEAD`` must name the newest migration; a test checks it against Alembic's own
view of the scripts.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).parent / "migrations"
HEAD = "0012"  # the newest file in migrations/versions (tests/integration/test_db_fixtures.py)
# Any fixed number: stations starting together on one PostgreSQL take turns upgrading.
_PG_ADVISORY_LOCK = 0x5753_4D49  # "WSMI"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The revision in ``alembic_version``, or None (no table yet: a new database)."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None


@contextmanager
def _sqlite_foreign_keys_off(conn: Connection) -> Iterator[None]:
    """SQLite alters a column by copying its table and dropping the old one (Alembic's batch
    mode); with foreign keys on, that drop fails wherever a row points at another. So, as
    SQLite's own ALTER TABLE procedure says, the checks are off while migrations run and
    ``_check_foreign_keys`` verifies every link before the commit. The pragma only takes
    effect outside a transaction, hence the raw connection before BEGIN."""
    if conn.dialect.name != "sqlite":
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration would leave rows pointing at nothing: {broken[:5]}; "
                           "the database was not changed")


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Upgrade the schema; returns (revision before, revision after)."""
    if revision == "head" and _stored_revision(engine) == HEAD:
        return HEAD, HEAD
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = alembic_config()
    with engine.connect() as conn, _sqlite_foreign_keys_off(conn), conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_ADVISORY_LOCK})
        before = MigrationContext.configure(conn).get_current_revision()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        after = MigrationContext.configure(conn).get_current_revision()
        _check_foreign_keys(conn)
    if before != after:
        log.info("database upgraded from %s to %s", before, after)
    return before, after


def downgrade(engine: Engine, revision: str) -> tuple[str | None, str | None]:
    """Step the schema back to ``revision`` (for maintainers and the migration tests; the app
    never does this by itself). Returns (revision before, revision after)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = alembic_config()
    with engine.connect() as conn, _sqlite_foreign_keys_off(conn), conn.begin():
        before = MigrationContext.configure(conn).get_current_revision()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        after = MigrationContext.configure(conn).get_current_revision()
        _check_foreign_keys(conn)
    log.info("database downgraded from %s to %s", before, after)
    return before, after
