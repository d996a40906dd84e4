"""The README's first command runs this demo until the station window exists: keep it working."""

from __future__ import annotations

from click.testing import CliRunner

from printing.transports.sim import shutdown_simulators, simulator
from workstation.cli import main


def test_demo_packs_prints_and_confirms_the_label(sqlite_url: str) -> None:
    try:
        result = CliRunner().invoke(main, ["--db", sqlite_url, "--station", "DEMO", "demo"])
        assert result.exit_code == 0, result.output
        out = result.output
        assert "Wrong item" in out and "Confirmed" in out
        assert out.count("PRINTED   job") == 2
        assert "confirmed; ready for the next order" in out
        # The simulated printer really received the label: a ZPL document.
        jobs = simulator("printer").job_bytes
        assert jobs and b"^XA" in jobs[0] and jobs[0].rstrip().endswith(b"^XZ")
    finally:
        shutdown_simulators()
