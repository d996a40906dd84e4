"""Returns recorded by `workstation return`, and the return rate on the hand-made shift.

O1 (JNE) is the one order handed over on the day (shipped 12:10); O2-O4 were packed, not yet
handed over; O6 is new.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, OrderReturn
from tests.helpers.report_data import ST_A, ST_B, at
from workstation.cli import main
from workstation.services.errors import ConflictError, NotFoundError
from workstation.services.reports.model import Window
from workstation.services.reports.return_rate import return_rate
from workstation.services.returns import record_return


def _rate(db: Session, window: Window) -> dict[str, tuple[int, int, float]]:
    return {r["carrier"]: (r["shipped"], r["returned"], r["return_rate_percent"])
            for r in return_rate(db, window).as_dicts()}


def test_return_rate_counts_handed_over_orders_that_came_back(
        shift: sessionmaker[Session], day: Window) -> None:
    with shift() as db:
        assert _rate(db, day) == {"JNE": (1, 0, 0.0)}  # O1 handed over, nothing back yet
    with shift.begin() as db:
        record_return(db, "O1", "DAMAGED", at(13, 0), rma="RMA-1")
        record_return(db, "O1", "WRONG_SIZE", at(13, 30))  # a second parcel: still one order
        record_return(db, "O2", "DAMAGED", at(13, 40))  # packed, not handed over: not counted
    with shift() as db:
        assert _rate(db, day) == {"JNE": (1, 1, 100.0)}
        assert _rate(db, replace(day, station_id=ST_A)) == {"JNE": (1, 1, 100.0)}
        assert _rate(db, replace(day, station_id=ST_B)) == {}  # O1 was packed at ST-A
        earlier = Window.for_dates(day.start.date().replace(day=22),
                                   day.start.date().replace(day=22), day.now)
        assert _rate(db, earlier) == {}
        audited = db.scalars(select(AuditEntry.reason)
                             .where(AuditEntry.action == "return_received")).all()
        assert sorted(audited) == ["DAMAGED", "DAMAGED", "WRONG_SIZE"]


def test_a_return_needs_a_packed_order_a_reason_and_a_new_rma(
        shift: sessionmaker[Session]) -> None:
    with shift.begin() as db:
        record_return(db, "O1", "DAMAGED", at(13, 0), rma="RMA-1")
    with shift.begin() as db, pytest.raises(ConflictError, match="already received"):
        record_return(db, "O1", "DAMAGED", at(13, 5), rma="RMA-1")
    with shift.begin() as db, pytest.raises(ConflictError, match="only an order packed"):
        record_return(db, "O6", "DAMAGED", at(13, 5))
    with shift.begin() as db, pytest.raises(NotFoundError):
        record_return(db, "NO-SUCH", "DAMAGED", at(13, 5))
    with shift() as db:
        assert len(db.scalars(select(OrderReturn.id)).all()) == 1


def test_cli_records_a_return(shift: sessionmaker[Session], db_url: str) -> None:
    runner = CliRunner()
    done = runner.invoke(main, ["--db", db_url, "return", "O3", "--reason", "DAMAGED",
                                "--rma", "RMA-9", "--as", "lead"])
    assert done.exit_code == 0, done.output
    assert "return of order O3 (SICEPAT) recorded: DAMAGED, RMA RMA-9" in done.output
    again = runner.invoke(main, ["--db", db_url, "return", "O3", "--reason", "DAMAGED",
                                 "--rma", "RMA-9"])
    assert again.exit_code == 5
    with shift() as db:
        assert db.scalars(select(OrderReturn.rma)).all() == ["RMA-9"]
