"""Several stations on one database: an order is claimed by exactly one of them."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from devices.scan import ScanInput
from tests.helpers.catalogue import seed
from workstation.domain.outcomes import Outcome
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
