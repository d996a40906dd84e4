"""Every benchmark still runs: tiny sizes, and its last line is the JSON of its figures.

The figures themselves are not checked (speed lives in the benchmarks, not in tests); what
breaks here is a benchmark that no longer runs against the code it measures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SMALL = {
    "scan": ["--scans", "200"],
    "lookup": ["--orders", "2000", "--events", "5000", "--samples", "50"],
    "import": ["--lines", "400"],
    "labels": ["--count", "5", "--sends", "10", "--parcels", "5"],
    "scanner": ["--scans", "50"],
    "report": ["--scans", "3000", "--orders", "300", "--days", "31", "--stations", "3",
               "--repeat", "1", "--scan-cost", "20", "--board-every", "0.2"],
    "ui": ["--orders", "300", "--pack", "5", "--starts", "1"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SMALL))
def test_benchmark_runs_and_prints_its_figures(name: str, tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "bench", name, *SMALL[name]], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(figures, dict) and figures
