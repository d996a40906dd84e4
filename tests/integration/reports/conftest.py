"""The hand-made shift loaded into a fresh database, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from tests.helpers.report_data import ADMIN, ANA, BUDI, DAY, LEAD, NOW, load_shift
from workstation.services.operators import OperatorInfo
from workstation.services.reports.model import Window
from workstation.services.reports.rollup import catch_up


def catch_ups_at_once(engine: Engine, threads: int = 4) -> None:
    """Several catch-ups at the same moment (a board on each of several leads' screens),
    then one more: whichever skipped (PostgreSQL) or waited (SQLite), all is done after it.
    Any error in one of them fails the test."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            catch_up(engine)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    running = [threading.Thread(target=run) for _ in range(threads)]
    for t in running:
        t.start()
    for t in running:
        t.join()
    assert not errors
    catch_up(engine)


@pytest.fixture
def shift(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    load_shift(session_factory)
    return session_factory


@pytest.fixture
def db(shift: sessionmaker[Session]) -> Iterator[Session]:
    with shift() as session:
        yield session


@pytest.fixture
def day() -> Window:
    return Window.for_dates(DAY, DAY, NOW)


LEAD_INFO = OperatorInfo(LEAD, "lead", "Lena Lead", Role.LEAD)
ADMIN_INFO = OperatorInfo(ADMIN, "admin", "Adi Admin", Role.ADMIN)
ANA_INFO = OperatorInfo(ANA, "ana", "Ana", Role.OPERATOR)
BUDI_INFO = OperatorInfo(BUDI, "budi", "Budi", Role.OPERATOR)
