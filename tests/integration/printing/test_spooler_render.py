"""Rendered once, when packed: the scan that packs an order writes its jobs with their bytes
(dated the day it was packed), the spooler sends exactly those and renders nothing; a document
that cannot be rendered does not stop the scan: its job is written failed with the reason, and
after the fix a retry has the spooler render and print it; a reprint or a restart loses
nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from db.models import Order, Parcel, PrintJob
from printing.emulator import PrinterEmulator
from tests.helpers.barcode_reader import decode, pdf_to_images
from tests.helpers.catalogue import SHIRT_EAN
from tests.helpers.clock import ManualClock
from tests.integration.printing.test_spooler import _data, _jobs, _settings, pack
from workstation.domain.outcomes import Outcome
from workstation.services import desk, labels
from workstation.services.spooler import JobEvent, Spooler

DAY = 24 * 3600.0


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The ids of the jobs rendered from now on, one entry per render."""
    done: list[int] = []
    real = labels.render_job

    def counting(session: Session, job: PrintJob, settings: object, **kwargs: Any) -> bytes:
        done.append(job.id)
        return real(session, job, settings, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(labels, "render_job", counting)
    return done


def test_jobs_carry_their_bytes_from_the_packing_scan_and_the_spooler_renders_nothing(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = _settings(emulator.url)
    done = pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    label, slip = _jobs(sessions)
    assert [label.id, slip.id] == list(done.print_jobs)
    assert (label.state, slip.state) == ("pending", "pending")
    assert _data(label).startswith(b"^XA") and _data(slip).startswith(b"%PDF")
    with sessions() as s:
        same = labels.render_document(s, "ORD-1", "shipping", "zpl", settings, 1,
                                      label.created_at.date())
    assert label.data == same

    renders: list[int] = []
    monkeypatch.setattr(labels, "render_job", lambda _s, job, _st, **_k: renders.append(job.id))
    clock.advance(3 * DAY)  # printed days later: exactly what was rendered when packed
    spooler = Spooler(sessions, settings, clock=clock)
    while spooler.run_once():
        pass
    assert renders == []
    assert emulator.job_bytes == [label.data, slip.data]
    assert [v.size for v in spooler.jobs(("done",))] == [len(_data(label)), len(_data(slip))]

    with sessions.begin() as s:  # a reprint is the same label
        labels.reprint(s, "ORD-1", "label torn", None, spooler.station_id, clock(),
                       kind="shipping", settings=settings)
    while spooler.run_once():
        pass
    assert renders == []
    assert emulator.job_bytes[-1] == label.data


def test_the_first_stored_bytes_win(sessions: sessionmaker[Session], clock: ManualClock) -> None:
    settings = _settings("file:///nonexistent/", slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    (job,) = _jobs(sessions)
    with sessions.begin() as s:  # as a job whose render failed when it was packed
        s.execute(update(PrintJob).values(data=None))
    with sessions.begin() as s:
        assert labels.store_rendered(s, job.id, b"first") == b"first"
    with sessions.begin() as s:
        assert labels.store_rendered(s, job.id, b"second") == b"first"
    assert _data(_jobs(sessions)[0]) == b"first"


def test_the_rendered_label_and_slip_decode_back(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    settings = _settings(emulator.url, label_format="pdf")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    spooler = Spooler(sessions, settings, clock=clock)
    while spooler.run_once():
        pass
    label, slip = _jobs(sessions)
    assert (label.state, slip.state) == ("done", "done")
    with sessions() as s:
        parcel = s.scalars(select(Parcel)).one()
    tracking, sscc = parcel.tracking_number or "", parcel.sscc or ""
    [page] = pdf_to_images(_data(label))
    found = {(d.symbology, d.text): d for d in decode(page)}
    assert ("CODE128", tracking) in found
    gs1 = found[("CODE128", "00" + sscc)]
    assert gs1.aim_id == "]C1" and gs1.gs1
    assert any(sym == "QRCODE" and tracking in text for sym, text in found)
    slip_codes = {(d.symbology, d.text) for p in pdf_to_images(_data(slip)) for d in decode(p)}
    assert ("CODE128", "ORD-1") in slip_codes


def _bad_tracking(sessions: sessionmaker[Session]) -> None:
    # An import that let a character through that no Code 128 can carry.
    with sessions.begin() as s:
        s.execute(update(Order).where(Order.number == "ORD-1")
                  .values(carrier_tracking_number="JNE–Ü12"))


def test_a_label_that_cannot_be_rendered_fails_with_the_reason_and_the_rest_print(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator
) -> None:
    _bad_tracking(sessions)
    settings = _settings(emulator.url)
    done = pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    assert done.outcome is Outcome.ORDER_COMPLETE  # the operator is not stopped by it
    label, slip = _jobs(sessions)
    assert (label.state, label.data, slip.state) == ("failed", None, "pending")
    error = label.last_error or ""
    assert "ORD-1" in error and f"print job {label.id}" in error
    assert "Code 128" in error and f"workstation jobs retry {label.id}" in error
    spooler = Spooler(sessions, settings, clock=clock)
    while spooler.run_once():
        pass
    assert emulator.job_bytes == [_jobs(sessions)[1].data]  # the slip printed

    # Retried before the fix: the spooler renders it, fails it again and says why.
    events: list[JobEvent] = []
    spooler.subscribe(events.append)
    spooler.retry(label.id, None)
    while spooler.run_once():
        pass
    assert [(e.state, e.error) for e in events if e.job_id == label.id][-1] == ("failed", error)

    # Corrected, retried: rendered and printed.
    with sessions.begin() as s:
        s.execute(update(Parcel).values(tracking_number="JNE012345678"))
    spooler.retry(label.id, None)
    while spooler.run_once():
        pass
    label, slip = _jobs(sessions)
    assert label.state == "done" and b"JNE012345678" in _data(label)
    assert emulator.job_bytes == [slip.data, label.data]


def test_a_fault_in_a_layout_fails_the_job_not_the_scan_nor_the_spooler_thread(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator,
    monkeypatch: pytest.MonkeyPatch
) -> None:
    real = labels.render_job
    broken = True

    def layout(session: Session, job: PrintJob, settings: object, **kwargs: Any) -> bytes:
        if job.kind == "shipping" and broken:
            raise KeyError("routing")
        return real(session, job, settings, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(labels, "render_job", layout)
    settings = _settings(emulator.url)
    label_id, slip_id = pack(sessions, settings, clock, "ORD-1", SHIRT_EAN,
                             SHIRT_EAN).print_jobs
    spooler = Spooler(sessions, settings)
    assert spooler.job(label_id).state == "failed"
    error = spooler.job(label_id).last_error or ""
    assert "KeyError" in error and "fault in the station software" in error
    settled: dict[int, str] = {}
    flags = {label_id: threading.Event(), slip_id: threading.Event()}

    def seen(event: JobEvent) -> None:
        if event.state in ("failed", "done"):
            settled[event.job_id] = event.state
            flags[event.job_id].set()

    spooler.subscribe(seen)
    spooler.start()
    try:
        spooler.wake()
        assert flags[slip_id].wait(20), f"the slip did not print: {settled}"
        spooler.retry(label_id, None)  # the layout is still broken: fails again, thread lives
        assert flags[label_id].wait(20) and settled[label_id] == "failed"
        flags[label_id].clear()
        broken = False  # "after an update"
        spooler.retry(label_id, None)
        assert flags[label_id].wait(20), "the spooler thread stopped after the fault"
    finally:
        spooler.stop()
    assert settled == {label_id: "done", slip_id: "done"}


def test_a_reprint_of_a_job_that_could_not_be_rendered_is_the_same_label(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator,
    renders: list[int],
) -> None:
    _bad_tracking(sessions)
    settings = _settings(emulator.url, slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    spooler = Spooler(sessions, settings, clock=clock)
    (original,) = _jobs(sessions)
    assert (original.state, original.data) == ("failed", None)
    with sessions.begin() as s:
        s.execute(update(Parcel).values(tracking_number="JNE012345678"))
    renders.clear()
    # From a caller without the station's settings, a day later: the copy is written without
    # bytes and rendered when it is sent, with its original's ship date.
    clock.advance(DAY)
    [desk_copy_id] = desk.reprint_labels(sessions, "ST-P", "ORD-1", "label lost", None,
                                         kind="shipping", now=clock())
    assert [j.data for j in _jobs(sessions)] == [None, None]
    # With the station's settings (scan CMD:REPRINT-LAST, `workstation reprint`): the original
    # is rendered now, and the copy carries its bytes.
    with sessions.begin() as s:
        [copy] = labels.reprint(s, "ORD-1", "printer jammed", None, spooler.station_id,
                                clock(), settings=settings)
        copy_id = copy.id
    original, desk_copy, copy = _jobs(sessions)
    assert copy.id == copy_id and _data(copy) == _data(original)
    assert desk_copy.id == desk_copy_id and desk_copy.data is None
    while spooler.run_once():
        pass
    jobs = _jobs(sessions)
    assert [j.state for j in jobs] == ["failed", "done", "done"]  # the two copies printed
    assert renders == [original.id, desk_copy_id]
    assert len({_data(j) for j in jobs}) == 1 and b"JNE012345678" in _data(original)
    assert emulator.job_bytes == [_data(original)] * 2


def test_a_desk_reprint_with_the_station_settings_renders_the_label_now(
    sessions: sessionmaker[Session], clock: ManualClock, emulator: PrinterEmulator,
) -> None:
    """The desk page passes its station's settings: the fixed label is rendered once, stored
    on the original, and the copy is those bytes."""
    _bad_tracking(sessions)
    settings = _settings(emulator.url, slip_format="none")
    pack(sessions, settings, clock, "ORD-1", SHIRT_EAN, SHIRT_EAN)
    with sessions.begin() as s:
        s.execute(update(Parcel).values(tracking_number="JNE012345678"))
    [copy_id] = desk.reprint_labels(sessions, "DESK-1", "ORD-1", "label lost", None,
                                    kind="shipping", now=clock(), settings=settings)
    original, copy = _jobs(sessions)
    assert copy.id == copy_id and copy.reprint_of_id == original.id
    assert original.data is not None and _data(copy) == _data(original)
    assert b"JNE012345678" in _data(original)


_PACK_AND_DIE = textwrap.dedent("""
    import os, signal, sys
    from db.engine import make_engine, make_sessionmaker
    from devices.scan import ScanInput
    from workstation.services.pack import PackService
    from workstation.settings import Settings

    url, printer, *codes = sys.argv[1:]
    settings = Settings(station="ST-P", label_printer=printer, slip_printer=printer,
                        slip_format="none")
    service = PackService(make_sessionmaker(make_engine(url)), settings)
    service.sign_in("op1")
    for code in codes:
        result = service.handle_scan(ScanInput(text=code, source="test"))
    print(result.outcome.value, *result.print_jobs, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # gone before any spooler sent anything
""")


def test_a_station_killed_between_packing_and_printing_prints_the_label_on_restart(
    db_url: str, sessions: sessionmaker[Session], emulator: PrinterEmulator
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PACK_AND_DIE, db_url, emulator.url, "ORD-1", SHIRT_EAN,
         SHIRT_EAN], capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.returncode == -9, proc.stderr
    outcome, job_id = proc.stdout.split()
    assert outcome == Outcome.ORDER_COMPLETE.value
    (job,) = _jobs(sessions)
    assert (job.id, job.state) == (int(job_id), "pending")
    packed = _data(job)
    assert emulator.job_bytes == []

    settings = _settings(emulator.url, slip_format="none")
    spooler = Spooler(sessions, settings)
    printed = threading.Event()
    spooler.subscribe(_when(lambda e: e.state == "done", printed))
    spooler.start()  # the next start of the station
    try:
        assert printed.wait(20), "the label was not printed after the restart"
    finally:
        spooler.stop()
    (job,) = _jobs(sessions)
    with sessions() as s:
        tracking = s.scalars(select(Parcel.tracking_number)).one() or ""
    assert job.state == "done" and tracking.encode() in packed
    assert emulator.job_bytes == [packed]


def _when(test: Callable[[JobEvent], bool], flag: threading.Event) -> Callable[[JobEvent], None]:
    return lambda event: flag.set() if test(event) else None
