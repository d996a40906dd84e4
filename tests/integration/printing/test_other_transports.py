"""file://, usb:// (device file), serial:// (pty), sim:// and python-escpos backends."""

from __future__ import annotations

import os
import select
import tty
from pathlib import Path

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
from printing.transports.file import FileTransport
from printing.transports.sim import SimTransport, simulator
from tests.helpers.printing_data import shipping, slip


def test_file_one_atomic_file_per_job(tmp_path: Path) -> None:
    t = open_transport(f"file://{tmp_path}/?ext=zpl")
    assert isinstance(t, FileTransport)
    label = render(shipping(), "zpl")
    r = t.send(label, "job-7")
    assert r.confirmed and Path(r.job_ref) == tmp_path / "job-7.zpl"
    assert (tmp_path / "job-7.zpl").read_bytes() == label
    t.send(b"second", "../../etc/passwd")  # a job id is never a path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_.._etc_passwd.zpl", "job-7.zpl"]
    assert not list(tmp_path.glob(".tmp-*"))


def test_file_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(PrinterOffline) as err:
        open_transport(f"file://{tmp_path}/nope/").send(b"x", "j")
    assert "nope" in str(err.value) and "Create the folder" in str(err.value)


def _pty() -> tuple[int, str]:
    master, slave = os.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    os.close(slave)  # the transport opens the path itself
    return master, path


def _read_all(fd: int, n: int, timeout: float = 5.0) -> bytes:
    data = b""
    while len(data) < n:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        data += os.read(fd, 65536)
    return data


def test_usb_device_file_write_through_a_pty() -> None:
    master, path = _pty()
    try:
        label = render(shipping(), "zpl")
        # Keep a slave fd open so the pty stays up while the transport opens/closes it.
        keep = os.open(path, os.O_RDWR | os.O_NOCTTY)
        r = open_transport(f"usb://{path}").send(label, "j")
        assert r.confirmed and _read_all(master, len(label)) == label
        os.close(keep)
    finally:
        os.close(master)


def test_usb_missing_device_and_permission(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(PrinterOffline, match="does not exist"):
        open_transport("usb:///dev/usb/lp-not-here").send(b"x", "j")

    def denied(*_a: object, **_k: object) -> int:
        raise PermissionError(13, "Permission denied")

    # (Tests run as root here, so a real EACCES cannot be produced with chmod.)
    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(PrinterRefused) as err:
        open_transport("usb:///dev/usb/lp0").send(b"x", "j")
    assert "usermod -aG lp" in str(err.value) and "usb:///dev/usb/lp0" in str(err.value)


def test_serial_through_a_pty() -> None:
    master, path = _pty()
    try:
        keep = os.open(path, os.O_RDWR | os.O_NOCTTY)
        data = render(shipping(), "zpl")
        r = open_transport(f"serial://{path}?baud=115200").send(data, "j")
        assert r.confirmed and _read_all(master, len(data)) == data
        os.close(keep)
    finally:
        os.close(master)


def test_serial_missing_port() -> None:
    with pytest.raises(PrinterOffline, match="ttyNOPE"):
        open_transport("serial:///dev/ttyNOPE?baud=9600").send(b"x", "j")


def test_sim_printer_stores_jobs_and_faults() -> None:
    t = open_transport("sim://station-a?state=paper_out")
    assert isinstance(t, SimTransport)
    emu = simulator("station-a")
    assert t.status().state is PrinterState.PAPER_OUT
    with pytest.raises(PrinterFault) as err:
        t.send_when_ready(b"^XA^XZ", "j1")
    assert "sim://station-a" in str(err.value) and "Load labels" in str(err.value)
    emu.set_conditions()
    label = render(shipping(), "zpl")
    assert t.send_when_ready(label, "j2").confirmed
    assert emu.wait_for_jobs(1)[0].data == label


@pytest.mark.parametrize(("fault", "error"), [("refuse", PrinterRefused),
                                               ("drop_after:10", PrinterOffline)])
def test_sim_faults_from_url(fault: str, error: type[Exception]) -> None:
    t = open_transport(f"sim://faulty-{fault.split(':')[0]}?fault={fault}")
    with pytest.raises(error):
        t.send(os.urandom(400_000), "j")


def test_escpos_network_backend_to_emulator(emulator: PrinterEmulator) -> None:
    receipt = render(slip(), "escpos")
    t = open_transport(f"escpos+network://127.0.0.1:{emulator.port}?timeout=2")
    assert t.send(receipt, "r1").confirmed
    assert emulator.wait_for_jobs(1)[0].data == receipt
    # The ZPL emulator does not answer DLE EOT: unknown, never "ready".
    assert t.status().state is PrinterState.UNKNOWN


def test_escpos_file_backend(tmp_path: Path) -> None:
    target = tmp_path / "lp1"
    target.write_bytes(b"")
    receipt = render(slip(), "escpos")
    assert open_transport(f"escpos+file://{target}").send(receipt, "r1").confirmed
    assert target.read_bytes() == receipt


def test_unknown_scheme_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="tcp://"):
        open_transport("ipp://printer")
