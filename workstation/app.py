"""Wiring: settings -> engine -> upgraded schema -> services. Used by the CLI and the UI."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.engine import DatabaseUrlError, make_engine, make_sessionmaker
from db.migrate import upgrade
from db.models import Order
from workstation.services.errors import DatabaseUnavailableError, WorkstationError
from workstation.services.pack import PackService
from workstation.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    def pack_service(self) -> PackService:
        return PackService(self.sessions, self.settings)

    def is_empty(self) -> bool:
        with self.sessions() as session:
            return not session.scalar(select(func.count()).select_from(Order))

    def close(self) -> None:
        self.engine.dispose()


def open_app(settings: Settings, *, migrate: bool = True) -> App:
    """Connect and bring the schema up to date (the app upgrades its database on start)."""
    url = settings.resolved_database_url
    try:
        engine = make_engine(url)
    except DatabaseUrlError as exc:
        raise WorkstationError(str(exc)) from exc
    try:
        if migrate:
            upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseUnavailableError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}. Check that it is running and reachable, or pass --db"
        ) from exc
    return App(settings, engine, make_sessionmaker(engine))
