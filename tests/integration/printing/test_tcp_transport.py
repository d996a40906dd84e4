"""The tcp:// transport against the loopback emulator, faults included."""

from __future__ import annotations

import os
import socket
import time

import pytest

from printing.emulator import PrinterEmulator
from printing.render import render
from printing.status import PrinterState
from printing.transports import (
    PrinterFault,
    PrinterOffline,
    PrinterRefused,
    open_transport,
)
from printing.transports.tcp import TcpTransport
from tests.helpers.printing_data import shipping


def _tcp(emu: PrinterEmulator, **opts: float) -> TcpTransport:
    query = "&".join(f"{k}={v}" for k, v in {"timeout": 2, "confirm_timeout": 2,
                                              "query_timeout": 0.5, **opts}.items())
    t = open_transport(f"{emu.url}?{query}")
    assert isinstance(t, TcpTransport)
    return t


def test_job_bytes_arrive_exactly(emulator: PrinterEmulator) -> None:
    label = render(shipping(), "zpl")
    big = os.urandom(300_000)  # bigger than socket buffers: send loop and confirm must hold
    t = _tcp(emulator)
    r1 = t.send(label, "job-1")
    r2 = t.send(big, "job-2")
    assert r1.confirmed and r1.bytes_sent == len(label)
    assert r2.confirmed and r2.bytes_sent == len(big)
    emulator.wait_for_jobs(2)
    assert emulator.job_bytes == [label, big]


@pytest.mark.parametrize("state", [PrinterState.PAPER_OUT, PrinterState.HEAD_OPEN,
                                   PrinterState.PAUSED, PrinterState.RIBBON_OUT])
def test_status_reports_each_fault(emulator: PrinterEmulator, state: PrinterState) -> None:
    t = _tcp(emulator)
    assert t.status().state is PrinterState.READY
    emulator.set_conditions(state)
    status = t.status()
    assert status.state is state and status.what_to_do
    with pytest.raises(PrinterFault) as err:
        t.send_when_ready(b"^XA^XZ", "j")
    assert err.value.state is state and emulator.url.split("//")[1] in str(err.value)
    assert len(emulator.wait_for_queries(2)) >= 2
    assert emulator.jobs == []  # status queries are not jobs


def test_identify(emulator: PrinterEmulator) -> None:
    ident = _tcp(emulator).identify()
    assert ident is not None and ident.dpi == 203 and ident.model == emulator.model


def test_silent_printer_is_unknown_not_ready(emulator: PrinterEmulator) -> None:
    emulator.set_behaviour(silent=True)
    status = _tcp(emulator).status()
    assert status.state is PrinterState.UNKNOWN
    assert "neither" in status.detail


def test_refused_connection(emulator: PrinterEmulator) -> None:
    emulator.set_behaviour(refuse=True)
    t = _tcp(emulator)
    with pytest.raises(PrinterRefused) as err:
        t.send(b"^XA^XZ", "j")
    assert not err.value.outcome_unknown
    assert emulator.url in str(err.value) or str(emulator.port) in str(err.value)
    assert t.status().state is PrinterState.OFFLINE
    emulator.set_behaviour(refuse=False)
    assert t.send(b"^XA^XZ", "j2").confirmed


def test_dropped_mid_job_is_outcome_unknown(emulator: PrinterEmulator) -> None:
    emulator.drop_after(1000)
    with pytest.raises(PrinterOffline) as err:
        _tcp(emulator).send(os.urandom(500_000), "j")
    assert err.value.outcome_unknown
    (job,) = emulator.wait_for_jobs(1)
    assert not job.complete and len(job.data) == 1000


def test_hung_printer_times_out_with_unknown_outcome(emulator: PrinterEmulator) -> None:
    emulator.set_behaviour(blackhole=True)
    with pytest.raises(PrinterOffline) as err:
        _tcp(emulator, confirm_timeout=0.5).send(b"^XA^XZ", "j")
    assert err.value.outcome_unknown and "no confirmation" in str(err.value)


def test_nothing_listening_is_refused_with_what_to_do() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    t = open_transport(f"tcp://127.0.0.1:{port}?timeout=1")
    with pytest.raises(PrinterRefused) as err:
        t.send(b"x", "j")
    assert f"tcp://127.0.0.1:{port}" in str(err.value) and "9100" in str(err.value)


def test_an_emulator_that_keeps_a_few_holds_the_latest_and_counts_them_all() -> None:
    with PrinterEmulator(keep=2) as emu:
        t = _tcp(emu)
        jobs = [f"^XA^FDjob {n}^FS^XZ".encode() for n in range(5)]
        for n, data in enumerate(jobs):
            assert t.send(data, f"job-{n}").confirmed
        assert len(emu.wait_for_jobs(5)) == 2, "waits for all five, holds two"
        assert emu.jobs_received == 5
        assert emu.job_bytes == jobs[-2:], "the latest two, in order"
        for _ in range(3):
            t.status()
        assert len(emu.wait_for_queries(2)) == 2
        assert len(emu.wait_for_queries(3)) == 2 and emu.queries_received == 3


def test_a_sim_printer_does_not_grow_through_a_shift(monkeypatch: pytest.MonkeyPatch) -> None:
    from printing.transports import sim

    monkeypatch.setattr(sim, "SIM_KEEP", 3)
    emu = sim.simulator("keeps-three")
    try:
        t = _tcp(emu)
        for n in range(6):
            assert t.send(f"^XA^FDjob {n}^FS^XZ".encode(), f"job-{n}").confirmed
        deadline = time.monotonic() + 5
        while emu.jobs_received < 6 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert emu.jobs_received == 6 and len(emu.jobs) == 3
    finally:
        sim.shutdown_simulators()
