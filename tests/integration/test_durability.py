"""kill -9 while scanning loses no acknowledged scan, and a restart resumes exactly."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Order, OrderLine, ParcelItem, Product, ScanEvent
from tests.helpers.catalogue import SHIRT_EAN, seed

UNITS = 150


def _cli(db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "workstation", "--db", db_url, "--station", "ST-KILL",
            *args]


def _big_order(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        shirt = s.scalar(select(Product).where(Product.sku == "SHIRT"))
        assert shirt is not None
        order = Order(number="BIG-1", customer_name="x", ship_to_name="x", address_lines="x",
                      city="x", country="ID", carrier="JNE")
        order.lines = [OrderLine(line_no=1, product_id=shirt.id, quantity=UNITS)]
        s.add(order)


def _counts(sessions: sessionmaker[Session]) -> tuple[int, set[int]]:
    with sessions() as s:
        units = s.scalar(select(func.coalesce(func.sum(ParcelItem.quantity), 0))) or 0
        events = set(s.scalars(select(ScanEvent.id)))
    return int(units), events


@pytest.mark.slow
def test_kill_9_during_scanning_loses_no_acknowledged_scan(
    db_url: str, session_factory: sessionmaker[Session]
) -> None:
    seed(session_factory)
    _big_order(session_factory)
    rng = random.Random(1234)
    acknowledged: list[dict[str, object]] = []
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _round in range(4):
        proc = subprocess.Popen(
            _cli(db_url, "scan", "BIG-1", *[SHIRT_EAN] * UNITS, "--operator", "op1", "--json"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
        )
        assert proc.stdout is not None
        # Let it acknowledge a few scans, then kill it at a random moment, mid-scan as often
        # as not. Counting lines (not sleeping) keeps the kill inside the order however fast
        # the machine is.
        lines: list[str] = []
        for _ in range(rng.randint(3, 25)):
            line = proc.stdout.readline()
            assert line, proc.stderr.read() if proc.stderr else ""
            lines.append(line)
        time.sleep(rng.uniform(0, 0.01))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        lines += proc.stdout.read().splitlines()
        acknowledged += [a for a in (json.loads(x) for x in lines if x.strip())
                         if "outcome" in a]
        units, events = _counts(session_factory)
        # Every scan whose outcome was printed was committed before it was printed.
        assert {int(str(a["event_id"])) for a in acknowledged} <= events
        accepted = sum(1 for a in acknowledged if a["outcome"] in ("accepted", "order_complete"))
        # At most one more unit per kill than acknowledged: the scan committed just before it.
        assert accepted <= units <= accepted + _round + 1
    # A restart resumes the open session exactly: the rest of the units complete the order.
    units, _ = _counts(session_factory)
    done = subprocess.run(
        _cli(db_url, "scan", "BIG-1", *[SHIRT_EAN] * (UNITS - units), "--operator", "op1",
             "--json"),
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )
    records = [json.loads(x) for x in done.stdout.splitlines()]
    outcomes = [r["outcome"] for r in records if "outcome" in r]
    # The packed order's labels were printed (on the simulated printer) before the exit.
    assert [r["print_job"]["state"] for r in records if "print_job" in r] == ["done", "done"]
    assert outcomes[0] == "order_resumed", done.stderr
    assert outcomes[-1] == "order_complete"
    assert set(outcomes[1:-1]) <= {"accepted"}
    assert _counts(session_factory)[0] == UNITS

