"""`python -m bench ui [--orders N] [--pack N]`: the station window's speed and memory.

Figures, all from one run on one database (``--orders`` orders in it: bulk rows like the lookup
benchmark's, plus demo orders to pack):
* start-up: process start until the station window is shown and its scanner connected (ready
  to scan), median of ``--starts`` runs, beside the floor: a bare PySide6 window in a process
  of its own; their ratio (target < 1.5).
* scan-to-screen: a scan's arrival from the simulated scanner (``ScanInput.received_monotonic``)
  until the feedback area has painted its answer, p50/p99 over every scan of ``--pack`` orders
  packed through the sim scanner (target p99 < 16 ms).
  Also given: the part spent in ``PackService.handle_scan`` (the durable commit), so the
  window's own share is the difference.
* memory: resident set after the orders were packed, and its growth over the last 80 % of them
  (target < 300 MB, no growth).
Run it under ``QT_QPA_PLATFORM=offscreen`` or a display; it sets offscreen when none is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench._common import emit, fresh_sqlite, summary_ms
from bench._ui_pack import PackRun
from bench.lookup import populate
from workstation.app import open_app
from workstation.services.demo_data import load_demo
from workstation.settings import Settings


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def time_start(args: list[str]) -> float:
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "bench._ui_child", *args],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "READY":
            elapsed = time.perf_counter() - t0
            break
    else:
        raise RuntimeError(f"{args[0]}: the window never became ready")
    child.wait(60)
    return elapsed


def build_database(directory: Path, orders: int, to_pack: int) -> str:
    url = fresh_sqlite(directory, "ui.db")
    bulk = max(0, orders - 2 * to_pack)
    if bulk:
        print(f"writing {bulk:,} bulk orders…", flush=True)
        populate(directory / "ui.db", bulk, 0)
    demo = min(orders, 2 * to_pack + 20)
    print(f"writing {demo:,} demo orders…", flush=True)
    app = open_app(Settings(database_url=url, data_dir=directory))
    load_demo(app.sessions, orders=demo, seed=11)
    app.close()
    return url


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench ui")
    parser.add_argument("--orders", type=int, default=20_000,
                        help="Orders in the database (the issue's figure: 1,000,000).")
    parser.add_argument("--pack", type=int, default=500, help="Orders packed by scans.")
    parser.add_argument("--starts", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    directory = args.dir or Path(tempfile.mkdtemp(prefix="ws-bench-ui-"))
    url = build_database(directory, args.orders, args.pack)

    station_s = [time_start(["station", url, str(directory)]) for _ in range(args.starts)]
    bare_s = [time_start(["bare"]) for _ in range(args.starts)]
    startup, floor = statistics.median(station_s), statistics.median(bare_s)

    run = PackRun(url, directory)
    rss: list[float] = []
    packed = run.pack(args.pack, after_order=lambda: rss.append(rss_mb()))
    run.close()
    latency, service = summary_ms(run.latencies), summary_ms(run.service)
    settle = max(1, len(rss) // 5)
    emit({
        "benchmark": "ui",
        "orders_in_db": args.orders,
        "startup_ms": round(startup * 1000, 1),
        "bare_window_ms": round(floor * 1000, 1),
        "startup_ratio": round(startup / floor, 2),
        "orders_packed": packed,
        "scans": len(run.latencies),
        "scan_to_screen_p50_ms": latency["p50_ms"],
        "scan_to_screen_p99_ms": latency["p99_ms"],
        "scan_to_screen_max_ms": latency["max_ms"],
        "of_which_service_p50_ms": service["p50_ms"],
        "of_which_service_p99_ms": service["p99_ms"],
        "rss_mb_after": round(rss[-1], 1) if rss else None,
        "rss_growth_last_80pct_mb": round(rss[-1] - rss[settle - 1], 1) if rss else None,
        "target": "startup ratio < 1.5, p99 < 16 ms, RSS < 300 MB and no growth",
    })
    return 0
