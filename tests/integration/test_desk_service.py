"""The desk on a real database: find an order by each key, reprint and void with an audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, Order, Parcel, PrintJob
from devices.scan import ScanInput
from tests.helpers.catalogue import SHIRT_EAN, seed
from workstation.services import desk
from workstation.services.errors import NotFoundError, WorkstationError
from workstation.services.operators import find_operator
from workstation.services.pack import PackService
from workstation.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def pack(sessions: sessionmaker[Session], number: str, *codes: str) -> None:
    service = PackService(sessions, Settings(station="ST-01", slip_format="none"),
                          clock=Clock())
    service.sign_in("op1")
    for code in (number, *codes):
        service.handle_scan(ScanInput(text=code, source="test"))


@pytest.fixture
def packed(session_factory: sessionmaker[Session]) -> sessionmaker[Session]:
    seed(session_factory)
    pack(session_factory, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    return session_factory


def parcel_of(sessions: sessionmaker[Session], number: str) -> Parcel:
    with sessions() as s:
        parcel = s.scalar(select(Parcel).join(Order).where(Order.number == number))
        assert parcel is not None and parcel.tracking_number and parcel.sscc
        return parcel


def test_found_by_number_tote_tracking_sscc_and_customer(packed) -> None:  # type: ignore[no-untyped-def]
    parcel = parcel_of(packed, "ORD-1")
    by = {m.matched_by: m.number for key in (
        "ORD-1", "TOTE-7", parcel.tracking_number, parcel.sscc) for m in desk.find_orders(
            packed, key or "")}
    assert by == {"number": "ORD-1", "tote": "ORD-3", "tracking": "ORD-1", "sscc": "ORD-1"}
    by_name = desk.find_orders(packed, "budi")
    assert {m.matched_by for m in by_name} == {"customer"}
    assert {m.number for m in by_name} >= {"ORD-1", "ORD-2", "ORD-3"}
    assert desk.find_orders(packed, "no such thing") == []


def test_a_scanned_gs1_label_finds_its_order(packed) -> None:  # type: ignore[no-untyped-def]
    parcel = parcel_of(packed, "ORD-1")
    # What a scanner sends for the GS1-128 SSCC on the label: AIM id, AI 00, 18 digits.
    for scanned in (f"]C100{parcel.sscc}", f"00{parcel.sscc}", f"(00){parcel.sscc}",
                    f"00{parcel.sscc}\x1d4201234", f"(00){parcel.sscc}(420)12345",
                    f"  {parcel.tracking_number}\r\n", (parcel.tracking_number or "").lower()):
        [match] = desk.find_orders(packed, scanned)
        assert match.number == "ORD-1", scanned


def test_details_show_parcels_labels_history_and_scans(packed) -> None:  # type: ignore[no-untyped-def]
    details = desk.order_details(packed, "ORD-1")
    assert [p["seq"] for p in details["parcels"]] == [1]
    assert [j["kind"] for j in details["print_jobs"]] == ["shipping"]
    assert [h["to"] for h in details["history"]][-1] == "packed"
    assert [e["raw"] for e in details["events"]] == ["ORD-1", SHIRT_EAN, SHIRT_EAN]


def test_reprint_queues_the_same_bytes_and_writes_an_audit_entry(packed) -> None:  # type: ignore[no-untyped-def]
    with packed() as s:
        lead = find_operator(s, "lead1")
    [job_id] = desk.reprint_labels(packed, "DESK-1", "ORD-1", "label damaged", lead)
    with packed() as s:
        copy = s.get(PrintJob, job_id)
        assert copy is not None and copy.reprint_of_id is not None
        original = s.get(PrintJob, copy.reprint_of_id)
        assert original is not None and original.data  # rendered when the order was packed
        assert copy.data == original.data
        assert copy.reason == "label damaged" and copy.state == "pending"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "label_reprinted")).one()
        assert entry.operator_id == lead.id and entry.reason == "label damaged"
        assert entry.details is not None and entry.details["jobs"] == [job_id]
    with pytest.raises(WorkstationError, match="reason"):
        desk.reprint_labels(packed, "DESK-1", "ORD-1", "  ", lead)
    with pytest.raises(NotFoundError):
        desk.reprint_labels(packed, "DESK-1", "ORD-2", "lost", lead)  # not packed: no labels


def test_void_marks_the_label_and_is_audited(packed) -> None:  # type: ignore[no-untyped-def]
    [job] = desk.order_details(packed, "ORD-1")["print_jobs"]
    desk.void_label(packed, "DESK-1", job["id"], "torn", None)
    [after] = desk.order_details(packed, "ORD-1")["print_jobs"]
    assert after["state"] == "voided"
    trail = desk.order_details(packed, "ORD-1")["audit"]
    assert [a["action"] for a in trail if a["action"] == "label_voided"] == ["label_voided"]
