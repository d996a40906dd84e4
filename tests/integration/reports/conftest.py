"""The hand-made shift loaded into a fresh database, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from db.enums import Role
from tests.helpers.report_data import ADMIN, ANA, BUDI, DAY, LEAD, NOW, load_shift
from workstation.services.operators import OperatorInfo
from workstation.services.reports.model import Window


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
