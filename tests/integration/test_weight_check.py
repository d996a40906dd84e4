"""Weighing before the label: out of tolerance blocks it until a re-weigh or a lead's release."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, Operator, PrintJob
from devices.scan import ScanInput
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN, seed
from tests.helpers.clock import TickingClock
from workstation.domain.outcomes import Outcome, Severity
from workstation.services.pack import PackService, ScanResult
from workstation.settings import Settings


@pytest.fixture
def station(session_factory: sessionmaker[Session]) -> PackService:
    seed(session_factory)
    settings = Settings(station="ST-W", weight_check=True, slip_format="none",
                        label_printer="file:///nonexistent/")
    service = PackService(session_factory, settings, clock=TickingClock())
    service.sign_in("op1")
    return service


def scan(service: PackService, code: str) -> ScanResult:
    return service.handle_scan(ScanInput(text=code, source="test"))


def _jobs(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return len(s.scalars(select(PrintJob.id)).all())


def test_out_of_tolerance_holds_the_label_until_a_lead_releases_it(
    station: PackService, session_factory: sessionmaker[Session]
) -> None:
    # ORD-1: two shirts of 200 g, no dimensions known: box S (150 g) -> 550 g +/- 50 g.
    scan(station, "ORD-1")
    scan(station, SHIRT_EAN)
    last = scan(station, SHIRT_EAN)
    assert last.outcome is Outcome.WEIGH_PARCEL and "550 g" in last.message
    assert _jobs(session_factory) == 0
    info = station.parcel_info()
    assert info is not None
    assert (info.suggested_box, info.expected_grams, info.tolerance_grams) == ("S", 550, 50)

    heavy = scan(station, "WEIGHT:800")
    assert heavy.outcome is Outcome.WEIGHT_OUT_OF_TOLERANCE
    assert heavy.severity is Severity.ERROR and "800 g" in heavy.message
    assert _jobs(session_factory) == 0
    # An operator's badge cannot release it; a lead's can, with a reason code.
    assert scan(station, "B-OP2").outcome is Outcome.NOT_ALLOWED
    assert scan(station, "B-LEAD1").outcome is Outcome.RELEASE_REASON_NEEDED
    assert scan(station, SHIRT_EAN).outcome is not Outcome.ORDER_COMPLETE
    done = scan(station, "CMD:REASON:SCALE_FAULT")
    assert done.outcome is Outcome.ORDER_COMPLETE, done.message
    assert len(done.print_jobs) == 1
    with session_factory() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "weight_released")).one()
        lead = s.scalar(select(Operator.id).where(Operator.code == "lead1"))
        assert entry.authorised_by_id == lead and entry.reason == "scale fault"
        assert entry.details == {"parcel": 1, "grams": 800}


def test_reweighing_within_tolerance_prints_and_next_parcel_is_weighed_too(
    station: PackService, session_factory: sessionmaker[Session]
) -> None:
    # ORD-4: a shirt (200 g) and a mug (200 g), in two parcels.
    scan(station, "ORD-4")
    scan(station, SHIRT_EAN)
    assert scan(station, "CMD:NEXT-PARCEL").outcome is Outcome.WEIGH_PARCEL
    assert scan(station, "WEIGHT:900").outcome is Outcome.WEIGHT_OUT_OF_TOLERANCE
    closed = scan(station, "WEIGHT:360")  # 200 + 150 box, within 50 g
    assert closed.outcome is Outcome.PARCEL_CLOSED
    assert scan(station, MUG_CODE).outcome is Outcome.WEIGH_PARCEL
    done = scan(station, "WEIGHT:345")
    assert done.outcome is Outcome.ORDER_COMPLETE, done.message
    assert _jobs(session_factory) == 2  # a label for each parcel
    # Weight is optional on a station without the check: WEIGHT just records it.
    plain = PackService(session_factory, Settings(station="ST-X", slip_format="none",
                                                  label_printer="file:///x/"))
    plain.sign_in("op1")
    scan(plain, "ORD-3")
    assert scan(plain, "WEIGHT:999").outcome is Outcome.WEIGHT_SET
    assert scan(plain, MUG_CODE).outcome is Outcome.ORDER_COMPLETE
