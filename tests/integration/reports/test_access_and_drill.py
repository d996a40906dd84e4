"""Who sees what (checked in the service), and drill-down from a figure to its rows."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.report_data import DAY, NOW
from tests.integration.reports.conftest import ADMIN_INFO, ANA_INFO, BUDI_INFO, LEAD_INFO
from workstation.services.errors import NotFoundError, PermissionDeniedError, WorkstationError
from workstation.services.reports import ReportService
from workstation.services.reports.drill import DrillKind, drill_for


@pytest.mark.parametrize("viewer", [LEAD_INFO, ADMIN_INFO], ids=["lead", "admin"])
def test_leads_and_admins_get_the_board_and_every_table(
        shift: sessionmaker[Session], viewer: object) -> None:
    service = ReportService(shift)
    report = service.report(viewer, DAY, DAY, NOW)  # type: ignore[arg-type]
    names = {t.name for t in report.tables}
    assert {"progress", "at_risk", "reprints", "printer_faults", "misscans_by_operator",
            "throughput_by_carrier"} <= names
    board = service.board(viewer, DAY, NOW)  # type: ignore[arg-type]
    assert board.table("throughput_by_station").by("station")["ST-A"]["orders"] == 3


def test_an_operator_gets_only_their_own_figures(shift: sessionmaker[Session]) -> None:
    report = ReportService(shift).report(ANA_INFO, DAY, DAY, NOW)
    assert report.operator == "ana"
    assert report.table("throughput_by_total").rows[0][1:3] == (3, 6)  # not budi's O4
    assert report.table("accuracy_by_total").rows[0][1] == 17
    names = {t.name for t in report.tables}
    assert not names & {"progress", "at_risk", "reprints", "printer_faults",
                        "throughput_by_operator", "misscans_by_operator"}
    budi = ReportService(shift).report(BUDI_INFO, DAY, DAY, NOW)
    assert budi.table("throughput_by_total").rows[0][1:3] == (1, 4)


def test_an_operator_may_not_ask_for_someone_else(shift: sessionmaker[Session]) -> None:
    with pytest.raises(PermissionDeniedError, match="only their own figures"):
        ReportService(shift).report(ANA_INFO, DAY, DAY, NOW, operator="budi")
    # Naming themselves is fine.
    own = ReportService(shift).report(ANA_INFO, DAY, DAY, NOW, operator="B-ANA")
    assert own.operator == "ana"


def test_an_operator_is_refused_the_board(shift: sessionmaker[Session]) -> None:
    with pytest.raises(PermissionDeniedError, match="may not see the shift board"):
        ReportService(shift).board(ANA_INFO, DAY, NOW)


def test_unknown_station_or_operator_and_bad_dates(shift: sessionmaker[Session]) -> None:
    service = ReportService(shift)
    with pytest.raises(NotFoundError, match="ST-A, ST-B"):
        service.report(LEAD_INFO, DAY, DAY, NOW, station="ST-Z")
    with pytest.raises(NotFoundError):
        service.report(LEAD_INFO, DAY, DAY, NOW, operator="nobody")
    with pytest.raises(WorkstationError, match="before"):
        service.report(LEAD_INFO, DAY, DAY.replace(day=22), NOW)


def test_drill_from_wrong_items_at_a_station(shift: sessionmaker[Session]) -> None:
    found = drill_for(shift, LEAD_INFO, DAY, DAY, NOW, DrillKind.WRONG_ITEM, station="ST-A")
    # The accuracy cell ST-A / wrong_item says 3: these are its three events.
    assert [r[6] for r in found.events.rows] == ["wrong_item"] * 3
    assert [r[0] for r in found.orders.rows] == ["O1", "O2"]


def test_drill_from_packed_in_one_hour(shift: sessionmaker[Session]) -> None:
    found = drill_for(shift, LEAD_INFO, DAY, DAY, NOW, DrillKind.PACKED,
                      hour="2026-11-23 08:00")
    assert [r[0] for r in found.orders.rows] == ["O1", "O2", "O4"]
    # Every scan event of those orders, today and only theirs: 9 + 4 + 10.
    assert len(found.events.rows) == 23
    assert {r[4] for r in found.events.rows} == {"O1", "O2", "O4"}


@pytest.mark.parametrize(("kind", "orders"), [
    (DrillKind.OVER_SCAN, ["O4"]), (DrillKind.SHORT, ["O4"]), (DrillKind.DAMAGED, ["O1", "O3"]),
    (DrillKind.OVERRIDE, ["O4"]), (DrillKind.REPRINT, ["O1", "O4"]),
    (DrillKind.FAULT, ["O3", "O4"]),
])
def test_drill_each_kind(shift: sessionmaker[Session], kind: DrillKind,
                         orders: list[str]) -> None:
    found = drill_for(shift, LEAD_INFO, DAY, DAY, NOW, kind)
    assert [r[0] for r in found.orders.rows] == orders


def test_an_operator_drills_only_into_their_own(shift: sessionmaker[Session]) -> None:
    found = drill_for(shift, ANA_INFO, DAY, DAY, NOW, DrillKind.PACKED)
    assert [r[0] for r in found.orders.rows] == ["O1", "O2", "O3"]
    with pytest.raises(PermissionDeniedError):
        drill_for(shift, ANA_INFO, DAY, DAY, NOW, DrillKind.PACKED, operator="budi")


def test_a_bad_hour_is_a_usage_error(shift: sessionmaker[Session]) -> None:
    with pytest.raises(WorkstationError, match="YYYY-MM-DD HH:00"):
        drill_for(shift, LEAD_INFO, DAY, DAY, NOW, DrillKind.PACKED, hour="8am")
