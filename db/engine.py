"""Engines and sessions: SQLite (the embedded default) and PostgreSQL (shared by stations)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

# Execution option: a read-only unit of work (reports, lookups) starts a deferred transaction
# on SQLite so it never takes the write lock a station's scan is waiting for.
READ_ONLY = "workstation_read_only"


class DatabaseUrlError(ValueError):
    """The database URL cannot be used; the message says what to pass instead."""


def normalise_url(url: str) -> str:
    """Accept the forms people type and return an SQLAlchemy URL.

    A bare path means an SQLite file; ``postgresql://`` means the psycopg 3 driver (the one we
    install), not psycopg2.
    """
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseUrlError(
            f"cannot read database URL {url!r}: {exc}. "
            "Use sqlite:////path/to/file.db or postgresql://user@host:5432/dbname"
        ) from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            f"database {parsed.get_backend_name()!r} is not supported: use SQLite or PostgreSQL"
        )
    return parsed.render_as_string(hide_password=False)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own transaction handling
    # would start transactions late and never as IMMEDIATE).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit that returned is on disk, so an acknowledged scan survives a power cut.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
    finally:
        cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # Writers take the write lock at BEGIN, so two writers queue instead of one failing late
    # with "database is locked" after it has read stale state.
    if conn.get_execution_options().get(READ_ONLY):
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        connect_args = kwargs.pop("connect_args", {})
        # A station must not hang forever on a network that went away.
        connect_args.setdefault("connect_timeout", 5)
        engine = create_engine(url, connect_args=connect_args, **kwargs)
    log.debug("engine for %s", engine.url.render_as_string(hide_password=True))
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def read_only_session(engine: Engine) -> Session:
    return Session(engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
