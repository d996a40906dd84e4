"""`python -m bench ui [--orders N] [--pack N]`: the station window's speed and memory.

Figures, all from one run on one database (``--orders`` orders in it: bulk rows like the lookup
benchmark's, plus demo orders to pack):
* start-up: process start until the station window is shown, its pack service answers and its
  scanner is connected (ready to scan: a scan now is answered), median of ``--starts`` runs,
  beside the floor: a bare PySide6 window in a process of its own; their ratio (target < 1.5).
  Also the processor time each had used by then (``*_cpu_ms``), a steadier check on a busy
  machine.
  The station starts as ``workstation gui`` does (``build_station(defer=True)``): the
  keyboard-wedge filter, the scale, the print spooler, the other pages and sounds come up after
  the first paint, so they are not in this figure; ``deferred_done_ms`` says when they were all
  up. The project's modules are compiled to bytecode first, as an installed station has them
  (a process started with ``PYTHONDONTWRITEBYTECODE`` would otherwise compile ~600 modules
  from source on every start, which the bare window, importing only the compiled PySide6,
  never does).
* scan-to-screen: a scan's arrival from the simulated scanner (``ScanInput.received_monotonic``)
  until the feedback area has painted its answer, p50/p99 over every scan of ``--pack`` orders
  packed through the sim scanner (target p99 < 16 ms). The answer paints on its own, before
  the rest of the screen: ``settled_*`` is until the rest (the order's lines) has painted too.
  Also given: the part spent in ``PackService.handle_scan`` (the durable commit), so the
  window's own share is the difference; and each kind of scan apart (``open_*``: the order
  scan, ``item_*``, ``complete_*``: the item that completes the order), with its phases:
  ``*_wait`` (arrival until the service is called), ``*_service``, ``*_gui`` (the service's
  answer until painted).
* ``--label-pause S``: the scans pause for S seconds after each completed order, as an operator
  sticking the label on does; the label preview makes its picture in such a pause
  (``label_pictures_shown``), so with 0 (back to back) it makes almost none.
* memory: resident set after the orders were packed, and its growth over the last 80 % of them
  (target < 300 MB, no growth).
Run it under ``QT_QPA_PLATFORM=offscreen`` or a display; it sets offscreen when none is set.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import cProfile
import os
import shutil
import sqlite3
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


ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bench", "db", "devices", "printing", "resources", "ui", "workstation")


def compile_sources() -> None:
    """Bytecode for the project's modules, as ``pip install`` writes it for a station."""
    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=1)


def time_start(args: list[str]) -> tuple[float, float | None, float | None]:
    """(seconds to READY, seconds to DEFERRED-DONE or None, processor seconds the child had
    used at READY or None) of one child process."""
    t0 = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "bench._ui_child", *args],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    ready: float | None = None
    deferred: float | None = None
    cpu: float | None = None
    for line in child.stdout:
        if line.strip() == "READY":
            ready = time.perf_counter() - t0
        elif line.strip() == "DEFERRED-DONE":
            deferred = time.perf_counter() - t0
        elif line.startswith("CPU "):
            cpu = float(line.split()[1])
    child.wait(60)
    if ready is None:
        raise RuntimeError(f"{args[0]}: the window never became ready")
    return ready, deferred, cpu


def build_database(directory: Path, orders: int, to_pack: int) -> str:
    """The database in ``directory``/ui.db, each run starting from the same unpacked rows: a
    copy of ``ui-<orders>-<to_pack>.db`` there, built the first time (``--dir`` reuses it)."""
    pristine = directory / f"ui-{orders}-{to_pack}.db"
    target = directory / "ui.db"
    for stale in (target, *(target.with_name(f"ui.db{x}") for x in ("-wal", "-shm"))):
        stale.unlink(missing_ok=True)
    if pristine.exists():
        print(f"reusing {pristine}", flush=True)
        shutil.copyfile(pristine, target)
        return f"sqlite:///{target}"
    url = _build(directory, orders, to_pack)
    with contextlib.closing(sqlite3.connect(target)) as conn:  # every page in the main file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(target, pristine)
    return url


def _build(directory: Path, orders: int, to_pack: int) -> str:
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
    parser.add_argument("--label-pause", type=float, default=0.0,
                        help="Seconds without a scan after each order completes (the operator "
                             "sticking the label on; 0: the next order at once).")
    parser.add_argument("--profile", type=Path, default=None,
                        help="Write a cProfile of the GUI thread while packing to this file.")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    directory = args.dir or Path(tempfile.mkdtemp(prefix="ws-bench-ui-"))
    url = build_database(directory, args.orders, args.pack)

    compile_sources()
    # Taken in turns, so a change in the machine's load hits both alike.
    station_runs, bare_runs = [], []
    for _ in range(args.starts):
        station_runs.append(time_start(["station", url, str(directory)]))
        bare_runs.append(time_start(["bare"]))
    startup = statistics.median(r[0] for r in station_runs)
    floor = statistics.median(r[0] for r in bare_runs)
    deferred = [r[1] for r in station_runs if r[1] is not None]
    station_cpu = [r[2] for r in station_runs if r[2] is not None]
    bare_cpu = [r[2] for r in bare_runs if r[2] is not None]

    run = PackRun(url, directory, args.label_pause)
    rss: list[float] = []
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    packed = run.pack(args.pack, after_order=lambda: rss.append(rss_mb()))
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    run.close()
    latency, service = summary_ms(run.latencies), summary_ms(run.service)
    settle = max(1, len(rss) // 5)
    settled = summary_ms(run.settled)
    emit({
        "benchmark": "ui",
        "orders_in_db": args.orders,
        "startup_ms": round(startup * 1000, 1),
        "bare_window_ms": round(floor * 1000, 1),
        "startup_ratio": round(startup / floor, 2),
        "deferred_done_ms": round(statistics.median(deferred) * 1000, 1) if deferred else None,
        # Processor time used by READY (all threads): steadier than the wall clock on a
        # shared machine; not the target's figure, a check on it.
        "startup_cpu_ms": round(statistics.median(station_cpu) * 1000, 1) if station_cpu
        else None,
        "bare_window_cpu_ms": round(statistics.median(bare_cpu) * 1000, 1) if bare_cpu
        else None,
        "orders_packed": packed,
        "scans": len(run.latencies),
        "scan_to_screen_p50_ms": latency["p50_ms"],
        "scan_to_screen_p99_ms": latency["p99_ms"],
        "scan_to_screen_max_ms": latency["max_ms"],
        # Until the rest of the screen (the lines, the summary) has painted after the answer.
        "settled_p50_ms": settled["p50_ms"],
        "settled_p99_ms": settled["p99_ms"],
        "of_which_service_p50_ms": service["p50_ms"],
        "of_which_service_p99_ms": service["p99_ms"],
        # By kind of scan and phase (see bench/_ui_pack.py): what makes the tail.
        **run.by_kind(),
        "label_pause_s": args.label_pause,
        # The preview makes an order's label picture once the scans pause; back to back, the
        # next order opens first and the picture is dropped.
        "label_pictures_shown": run.pictures,
        "rss_mb_after": round(rss[-1], 1) if rss else None,
        "rss_growth_last_80pct_mb": round(rss[-1] - rss[settle - 1], 1) if rss else None,
        "target": "startup ratio < 1.5, p99 < 16 ms, RSS < 300 MB and no growth",
    })
    return 0
