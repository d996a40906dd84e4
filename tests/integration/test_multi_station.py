"""Several stations on one database: an order is claimed by exactly one of them."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Order, OrderLine, ParcelItem, Product
from devices.scan import ScanInput
from tests.helpers.catalogue import PHONE_EAN, seed
from workstation.domain.outcomes import Outcome
from workstation.domain.pack import Decision
from workstation.services.pack import PackService
from workstation.settings import Settings

STATIONS = 8


def test_concurrent_claims_have_exactly_one_winner(
    session_factory: sessionmaker[Session],
) -> None:
    seed(session_factory)
    services = []
    for i in range(STATIONS):
        service = PackService(session_factory, Settings(station=f"ST-{i:02d}"),
                              clock=lambda: datetime.now(UTC))
        service.sign_in("op1" if i % 2 else "op2")
        services.append(service)
    # Every station scans the same orders at the same moment, on its own connection.
    barrier = threading.Barrier(STATIONS)
    results: dict[str, list[Outcome]] = {number: [] for number in ("ORD-1", "ORD-2", "ORD-4")}
    lock = threading.Lock()
    errors: list[BaseException] = []

    def station(service: PackService) -> None:
        try:
            for number in results:
                barrier.wait(timeout=30)
                outcome = service.handle_scan(ScanInput(text=number)).outcome
                with lock:
                    results[number].append(outcome)
                barrier.wait(timeout=30)  # everyone has tried before the winner lets go
                if outcome is Outcome.ORDER_OPENED:
                    # Park it so this station is free for the next round.
                    service.handle_scan(ScanInput(text="CMD:PAUSE"))
                barrier.wait(timeout=30)
        except BaseException as exc:  # noqa: BLE001 - reported below; a thread must not die silently
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=station, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    for number, outcomes in results.items():
        counts = Counter(outcomes)
        assert counts[Outcome.ORDER_OPENED] == 1, (number, counts)
        assert counts[Outcome.ORDER_IN_PROGRESS_ELSEWHERE] == STATIONS - 1, (number, counts)


def test_one_serial_scanned_at_two_stations_at_once_is_packed_once(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Station A has checked the serial and not yet committed when station B checks the same
    serial: B waits for A (the product's row is locked for the check) and is told it is a
    duplicate. Without the lock both were told "accepted" (found by review)."""
    seed(session_factory)
    with session_factory.begin() as s:
        phone = s.scalar(select(Product).where(Product.sku == "PHONE"))
        s.add(Order(number="ORD-P", channel="web", customer_name="x", ship_to_name="x",
                    address_lines="a", city="c", country="ID", carrier="JNE",
                    lines=[OrderLine(line_no=1, product=phone, quantity=2)]))
    a = PackService(session_factory, Settings(station="ST-A"), clock=lambda: datetime.now(UTC))
    b = PackService(session_factory, Settings(station="ST-B"), clock=lambda: datetime.now(UTC))
    a.sign_in("op1")
    b.sign_in("op2")
    a.handle_scan(ScanInput(text="ORD-2"))  # phone x1 among its lines
    b.handle_scan(ScanInput(text="ORD-P"))
    serial = f"01{'0' + PHONE_EAN}21SN-TWICE"
    checked = threading.Event()
    real = PackService._fast_may_write

    def slow_after_check(self: PackService, decision: Decision) -> bool:
        if self is a and decision.serial == "SN-TWICE":
            checked.set()  # A has checked; B scans now, while A's transaction is open
            time.sleep(0.8)
        return real(self, decision)

    monkeypatch.setattr(PackService, "_fast_may_write", slow_after_check)
    said: dict[str, Outcome] = {}
    thread = threading.Thread(
        target=lambda: said.__setitem__("A", a.handle_scan(ScanInput(text=serial)).outcome))
    thread.start()
    assert checked.wait(timeout=30)
    said["B"] = b.handle_scan(ScanInput(text=serial)).outcome
    thread.join(timeout=30)
    with session_factory() as s:
        packed = s.scalar(select(func.count()).select_from(ParcelItem)
                          .where(ParcelItem.serial == "SN-TWICE"))
    assert packed == 1, said
    assert sorted(said.values(), key=str) == sorted(
        [Outcome.ACCEPTED, Outcome.DUPLICATE_SERIAL], key=str), said
