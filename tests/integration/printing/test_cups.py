"""The cups:// transport through a real CUPS scheduler to the loopback printer emulator."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from printing.emulator import PrinterEmulator
from printing.render import render
from printing.status import PrinterState
from printing.transports import PrinterOffline, PrinterRefused, open_transport
from tests.helpers.cups import CupsServer, free_port, start_cupsd
from tests.helpers.printing_data import shipping


@pytest.fixture(scope="module")
def cups() -> Iterator[CupsServer]:
    # Not under pytest's tmp_path: that is mode 0700, and CUPS runs the socket backend as an
    # unprivileged user who must read the spooled job file.
    root = Path(tempfile.mkdtemp(prefix="cups-test-"))
    started = start_cupsd(root)
    if isinstance(started, str):
        shutil.rmtree(root, ignore_errors=True)
        pytest.skip(started)
    try:
        yield started
    finally:
        started.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def queue(cups: CupsServer, emulator: PrinterEmulator, request: pytest.FixtureRequest
          ) -> Iterator[str]:
    name = f"Q{abs(hash(request.node.name)) % 10**8}"
    cups.add_raw_queue(name, f"socket://127.0.0.1:{emulator.port}")
    try:
        yield name
    finally:
        cups.delete_queue(name)


def test_bytes_arrive_exactly_via_server_param(cups: CupsServer, queue: str,
                                               emulator: PrinterEmulator) -> None:
    label = render(shipping(), "zpl")
    every_byte = bytes(range(256)) * 64  # raw: no filter may touch a single byte
    t = open_transport(f"cups://{queue}?server={cups.server}")
    r1 = t.send(label, "job-1")
    assert r1.confirmed and r1.job_ref.startswith(f"{queue}-")
    emulator.wait_for_jobs(1, timeout=30)
    t.send(every_byte, "job-2")
    jobs = emulator.wait_for_jobs(2, timeout=30)
    assert [j.data for j in jobs] == [label, every_byte], cups.log()[-2000:]


def test_cups_server_from_environment(cups: CupsServer, queue: str, emulator: PrinterEmulator,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CUPS_SERVER", cups.server)
    t = open_transport(f"cups://{queue}")
    assert t.status().state is PrinterState.READY
    t.send(b"^XA^FDenv^FS^XZ", "job-env")
    assert emulator.wait_for_jobs(1, timeout=30)[0].data == b"^XA^FDenv^FS^XZ"


def test_disabled_queue_is_paused_and_rejecting_queue_refuses(
        cups: CupsServer, queue: str) -> None:
    t = open_transport(f"cups://{queue}?server={cups.server}")
    cups.run("cupsdisable", queue)
    assert t.status().state is PrinterState.PAUSED
    cups.run("cupsreject", queue)
    with pytest.raises(PrinterRefused) as err:
        t.send(b"x", "job-x")
    assert f"cupsaccept {queue}" in str(err.value)


def test_missing_queue_checks_lp_exit_status(cups: CupsServer) -> None:
    t = open_transport(f"cups://NoSuchQueue?server={cups.server}")
    with pytest.raises(PrinterRefused, match="NoSuchQueue"):
        t.send(b"x", "job-x")
    assert t.status().state is PrinterState.OFFLINE


def test_unreachable_server() -> None:
    t = open_transport(f"cups://Q?server=127.0.0.1:{free_port()}&timeout=10")
    with pytest.raises(PrinterOffline) as err:
        t.send(b"x", "job")
    assert "cups://Q" in str(err.value) and "CUPS server" in str(err.value)
