"""The print spooler against the real TCP printer emulator, on SQLite and PostgreSQL.

Packing an order writes its print jobs, with their rendered bytes, in the same transaction;
the spooler sends exactly the stored bytes; faults (paper out, offline,
dropped mid-job, a crash while sending) never lose a label and never print one twice by
accident.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, Order, Parcel, PrintJob
from devices.scan import ScanInput
from printing.emulator import PrinterEmulator
from printing.identifiers import validate_s10, validate_sscc
from printing.status import PrinterState
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.helpers.clock import ManualClock
from workstation.domain.outcomes import Outcome
from workstation.services import labels
from workstation.services.errors import ConflictError, WorkstationError
from workstation.services.pack import PackService, ScanResult
from workstation.services.spooler import JobEvent, Spooler
from workstation.settings import Settings


def _settings(printer: str, **more: object) -> Settings:
    return Settings(station="ST-P", label_printer=printer, slip_printer=printer,
                    **more)  # type: ignore[arg-type]


def pack(sessions: sessionmaker[Session], settings: Settings, clock: ManualClock,
         *codes: str) -> ScanResult:
    service = PackService(sessions, settings, clock=clock)
    service.sign_in("op1")
    result = None
    for code in codes:
        result = service.handle_scan(ScanInput(text=code, source="test"))
    assert result is not None
    return result


def _jobs(sessions: sessionmaker[Session]) -> list[PrintJob]:
    with sessions() as s:
        return list(s.scalars(select(PrintJob).order_by(PrintJob.id)))


def _data(job: PrintJob) -> bytes:
    assert job.data is not None, f"job {job.id} has no bytes yet"
    return job.data


def test_packing_writes_the_jobs_and_the_spooler_sends_exactly_their_bytes(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url)
    done = pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    assert done.outcome is Outcome.ORDER_COMPLETE
    jobs = _jobs(sessions)
    assert [j.id for j in jobs] == list(done.print_jobs)
    assert [(j.kind, j.format, j.state) for j in jobs] == [
        ("shipping", "zpl", "pending"), ("slip", "pdf", "pending")]
    with sessions() as s:
        parcel = s.scalars(select(Parcel)).one()
        assert validate_s10(parcel.tracking_number or "")
        assert validate_sscc(parcel.sscc or "")
    # Rendered when packed: the label carries the parcel's numbers (escaped ZPL field data).
    assert (parcel.tracking_number or "").encode() in _data(jobs[0])
    assert _data(jobs[1]).startswith(b"%PDF")
    packed = [jobs[0].data, jobs[1].data]

    events: list[JobEvent] = []
    spooler = Spooler(sessions, settings, clock=clock)
    spooler.subscribe(events.append)
    assert spooler.run_once() == 1  # one printer: its head job first, in order
    assert spooler.run_once() == 1
    assert spooler.run_once() == 0
    assert emulator.job_bytes == packed
    assert [j.state for j in _jobs(sessions)] == ["done", "done"]
    assert [(e.job_id, e.state) for e in events] == [
        (jobs[0].id, "sending"), (jobs[0].id, "done"),
        (jobs[1].id, "sending"), (jobs[1].id, "done")]


def test_paper_out_waits_with_backoff_and_keeps_the_order(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url, print_retry_first=2.0, print_retry_max=8.0)
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    emulator.set_conditions(PrinterState.PAPER_OUT)
    events: list[JobEvent] = []
    spooler = Spooler(sessions, settings, clock=clock)
    spooler.subscribe(events.append)
    first, slip = _jobs(sessions)
    assert spooler.run_once() == 1
    job = spooler.job(first.id)
    assert job.state == "pending" and job.attempts == 1
    assert "paper out" in (job.last_error or "").lower()
    assert events[-1].printer_state == "paper_out" and events[-1].what_to_do
    # The slip behind it does not overtake it, and nothing is due before the backoff ends.
    assert spooler.run_once() == 0
    clock.advance(2.1)
    assert spooler.run_once() == 1  # second attempt, still out of paper
    assert spooler.job(first.id).attempts == 2
    clock.advance(2.1)
    assert spooler.run_once() == 0  # the backoff doubled: 4 s
    emulator.set_conditions()  # paper loaded
    clock.advance(2.0)
    assert spooler.run_once() == 1
    assert spooler.run_once() == 1
    first, slip = _jobs(sessions)
    assert emulator.job_bytes == [_data(first), _data(slip)]
    assert [(j.state, j.attempts) for j in _jobs(sessions)] == [("done", 3), ("done", 1)]


def test_offline_printer_and_redirect_to_another(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    with PrinterEmulator() as dead:
        dead_url = dead.url
    settings = _settings(dead_url)  # nothing listens there any more
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    spooler = Spooler(sessions, settings, clock=clock)
    label, slip = _jobs(sessions)
    assert spooler.run_once() == 1
    waiting = spooler.job(label.id)
    assert waiting.state == "pending" and dead_url in (waiting.last_error or "")
    with pytest.raises(WorkstationError, match="unknown printer URL"):
        spooler.redirect(label.id, "nonsense://x", None)
    spooler.redirect(label.id, emulator.url, None)
    # The label goes to the live printer; the slip, now the dead printer's head, is tried.
    assert spooler.run_once() == 2
    assert emulator.job_bytes == [_data(_jobs(sessions)[0])]
    assert spooler.job(slip.id).state == "pending"  # still waiting for the dead printer
    assert spooler.job(slip.id).attempts == 1
    with sessions() as s:
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "print_job_redirected")).one()
        assert entry.details is not None and entry.details["after"]["printer"] == emulator.url
    with pytest.raises(ConflictError):
        spooler.redirect(label.id, dead_url, None)  # done jobs are not redirected


def test_a_connection_dropped_mid_job_is_unknown_and_never_resent_silently(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url, slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    (label,) = _jobs(sessions)
    emulator.drop_after(100)
    spooler = Spooler(sessions, settings, clock=clock)
    assert spooler.run_once() == 1
    assert spooler.job(label.id).state == "unknown"
    emulator.drop_after(None)
    clock.advance(3600)
    assert spooler.run_once() == 0
    assert emulator.job_bytes == []  # the partial job is stored as incomplete only
    spooler.confirm_unknown(label.id, printed=False, operator=None)
    assert spooler.run_once() == 1
    assert emulator.job_bytes == [_data(_jobs(sessions)[0])]
    assert spooler.job(label.id).state == "done"


def test_a_crash_while_sending_leaves_the_job_unknown_until_a_person_decides(
    db_url: str, sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url, slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    (label,) = _jobs(sessions)
    emulator.set_behaviour(blackhole=True)  # takes the connection, never answers
    proc = subprocess.Popen(
        [sys.executable, "-m", "workstation", "--db", db_url, "--station", "ST-P",
         "jobs", "run"], env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while _jobs(sessions)[0].state != "sending":
            assert time.monotonic() < deadline, "the job never started sending"
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    emulator.set_behaviour(blackhole=False)
    spooler = Spooler(sessions, settings, clock=clock)
    assert spooler.recover() == [label.id]
    assert spooler.job(label.id).state == "unknown"
    assert spooler.run_once() == 0
    spooler.confirm_unknown(label.id, printed=True, operator=None)
    assert spooler.job(label.id).state == "done"
    assert emulator.job_bytes == []  # the person said it printed: nothing is sent again
    with sessions() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))
    assert actions[-2:] == ["print_outcome_unknown", "print_confirmed_printed"]


def test_reprint_sends_the_same_bytes_with_a_reason_in_the_audit_log(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url, slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    spooler = Spooler(sessions, settings, clock=clock)
    spooler.run_once()
    with sessions.begin() as s:
        with pytest.raises(WorkstationError, match="reason"):
            labels.reprint(s, "ORD-1", "  ", None, spooler.station_id, clock())
        copies = labels.reprint(s, "ORD-1", "label torn", None, spooler.station_id, clock())
        copy_ids = [c.id for c in copies]
    spooler.run_once()
    original, copy = _jobs(sessions)
    assert copy.id == copy_ids[0] and copy.reprint_of_id == original.id
    assert copy.reason == "label torn" and copy.state == "done"
    assert emulator.job_bytes == [original.data, original.data]
    with sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "label_reprinted")).one()
        assert entry.reason == "label torn"
    # Voiding a label is audited too.
    with sessions.begin() as s:
        labels.void(s, copy.id, "misapplied", None, spooler.station_id, clock())
    assert spooler.job(copy.id).state == "voided"
    with sessions() as s:
        void = s.scalars(select(AuditEntry).where(AuditEntry.action == "label_voided")).one()
        assert void.reason == "misapplied"


def test_label_scan_confirms_the_parcel_and_a_wrong_label_is_an_error(
    sessions: sessionmaker[Session], clock: ManualClock
) -> None:
    settings = _settings("file:///nonexistent/", slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    with sessions() as s:
        first = s.scalars(select(Parcel)).one()
        tracking, sscc = first.tracking_number, first.sscc
    assert tracking and sscc
    service = PackService(sessions, settings, clock=clock)
    service.sign_in("op1")
    # GS1-128 with AI 00, as the SSCC barcode scans.
    result = service.handle_scan(ScanInput(text=f"]C100{sscc}", source="test"))
    assert result.outcome is Outcome.LABEL_CONFIRMED, result.message
    again = service.handle_scan(ScanInput(text=tracking, source="test"))
    assert again.outcome is Outcome.LABEL_ALREADY_CONFIRMED
    # ORD-3 is packed next at this station; ORD-1's label turning up on its parcel is wrong.
    packed = pack(sessions, settings, clock, "ORD-3", MUG_CODE)
    assert packed.outcome is Outcome.ORDER_COMPLETE
    wrong = service.handle_scan(ScanInput(text=tracking, source="test"))
    assert wrong.outcome is Outcome.LABEL_WRONG_ORDER
    assert wrong.severity.value == "error" and "ORD-3" in wrong.message
    with sessions() as s:
        ord3 = s.scalars(select(Parcel).join(Order, Order.id == Parcel.order_id)
                         .where(Order.number == "ORD-3")).one()
        assert ord3.label_confirmed_at is None
        ord3_tracking = ord3.tracking_number
    assert ord3_tracking
    right = service.handle_scan(ScanInput(text=ord3_tracking, source="test"))
    assert right.outcome is Outcome.LABEL_CONFIRMED
    assert "ready for the next order" in right.message


def test_tracking_numbers_are_unique_across_stations_under_concurrency(
    sessions: sessionmaker[Session]
) -> None:
    values: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def station() -> None:
        try:
            for _ in range(40):
                with sessions.begin() as s:
                    value = labels.next_value(s, labels.TRACKING_COUNTER)
                with lock:
                    values.append(value)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=station) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert sorted(values) == list(range(1, 241))


def test_carrier_label_passes_through_and_return_label_prints_when_asked(
    sessions: sessionmaker[Session], clock: ManualClock
) -> None:
    carrier_zpl = b"^XA^FO50,50^A0N,40,40^FDCARRIER LABEL ^FS^XZ"
    with sessions.begin() as s:
        order = s.scalar(select(Order).where(Order.number == "ORD-1"))
        assert order is not None
        order.carrier_label = carrier_zpl
        order.carrier_label_format = "zpl"
        order.carrier_tracking_number = "JNE0001234567"
        order.return_label = True
    settings = _settings("file:///nonexistent/", slip_format="escpos")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    shipping, ret, slip = _jobs(sessions)
    assert shipping.data == carrier_zpl
    assert ret.kind == "return" and b"RMA" in _data(ret)
    assert slip.kind == "slip" and slip.format == "escpos" and _data(slip).startswith(b"\x1b@")
    with sessions() as s:
        assert s.scalars(select(Parcel.tracking_number)).one() == "JNE0001234567"


def test_a_held_order_prints_nothing(sessions: sessionmaker[Session], clock: ManualClock) -> None:
    settings = _settings("file:///nonexistent/")
    result = pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, "CMD:SHORT:OUT_OF_STOCK",
                  SHIRT_EAN)
    assert result.outcome is Outcome.ORDER_HELD
    assert result.print_jobs == () and _jobs(sessions) == []


def test_the_spooler_thread_prints_on_wake_and_reports_printer_state(
    sessions: sessionmaker[Session], emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url, slip_format="none")
    spooler = Spooler(sessions, settings)
    printers: list[object] = []
    done = threading.Event()
    spooler.subscribe(lambda e: done.set() if e.state == "done" else None)
    spooler.subscribe_status(printers.append)
    emulator.set_conditions(PrinterState.HEAD_OPEN)
    (event,) = spooler.poll_status()
    assert (event.role, event.state, event.ready) == ("label+slip", "head_open", False)
    assert "head" in event.what_to_do.lower()
    emulator.set_conditions()
    spooler.start()
    try:
        result = pack(sessions, settings, ManualClock(), "ORD-1", SHIRT_EAN, SHIRT_EAN)
        spooler.wake()
        assert done.wait(10), "the spooler thread did not print the label"
        assert emulator.job_bytes == [spooler_job_bytes(sessions, result.print_jobs[0])]
    finally:
        spooler.stop()
    assert any(getattr(p, "state", None) == "ready" for p in printers)


def spooler_job_bytes(sessions: sessionmaker[Session], job_id: int) -> bytes:
    with sessions() as s:
        job = s.get(PrintJob, job_id)
        assert job is not None
        return _data(job)
