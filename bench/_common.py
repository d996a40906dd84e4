"""Shared pieces of the benchmarks: percentiles, fresh databases, the JSON last line."""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from db.engine import make_engine
from db.migrate import upgrade


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by the nearest-rank method."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary_ms(samples_s: Sequence[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples_s]
    return {"p50_ms": round(percentile(ms, 50), 3), "p99_ms": round(percentile(ms, 99), 3),
            "mean_ms": round(statistics.fmean(ms), 3), "max_ms": round(max(ms), 3)}


def fresh_sqlite(directory: Path | None = None, name: str = "bench.db") -> str:
    base = directory or Path(tempfile.mkdtemp(prefix="ws-bench-"))
    path = base / name
    engine = make_engine(str(path))
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return f"sqlite:///{path}"


def production_sqlite(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with exactly the pragmas the app uses."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn


def emit(figures: dict[str, Any]) -> None:
    """Readable lines, then the JSON object as the last line."""
    for key, value in figures.items():
        print(f"{key:>28}: {value}")
    print(json.dumps(figures, sort_keys=True))
