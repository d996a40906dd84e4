"""`python -m printing.emulator` runs as a process, takes jobs and stops cleanly on SIGINT."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from printing.transports import open_transport
from tests.helpers.cups import free_port


def test_emulator_module_runs_and_saves_jobs(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "printing.emulator", "--port", str(port), "--state", "paused",
         "--save-dir", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.1)
        t = open_transport(f"tcp://127.0.0.1:{port}?query_timeout=1")
        assert t.status().state.value == "paused"
        t.send(b"^XA^FDhi^FS^XZ", "j1")
        deadline = time.monotonic() + 10
        while not list(tmp_path.glob("job-*.prn")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (tmp_path / "job-00001.prn").read_bytes() == b"^XA^FDhi^FS^XZ"
    finally:
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=15)
    assert proc.returncode == 0
    assert "job 1: 14 bytes" in out
