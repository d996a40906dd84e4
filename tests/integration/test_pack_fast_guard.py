"""A station's cached session (the fast path's ``Live``) gone stale: another process packing
the same session (two processes configured as one station, say the window and a
``workstation scan``) added a unit, which bumps no version. The next fast scan sees that unit's
scan event, takes the full path and answers from the database: the line is never over-packed
and the answer counts right. On SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import Order, PackSession, Parcel, ParcelItem
from devices.scan import ScanInput
from tests.helpers.catalogue import SHIRT_EAN, seed
from tests.helpers.clock import TickingClock
from workstation.domain.outcomes import Outcome
from workstation.services.pack import PackService
from workstation.settings import Settings


def _units(sessions: sessionmaker[Session], number: str) -> int:
    with sessions() as s:
        return int(s.scalar(
            select(func.coalesce(func.sum(ParcelItem.quantity), 0))
            .join(Parcel, Parcel.id == ParcelItem.parcel_id)
            .join(Order, Order.id == Parcel.order_id)
            .where(Order.number == number)) or 0)


def _station(sessions: sessionmaker[Session]) -> PackService:
    service = PackService(sessions, Settings(station="ST-01"), clock=TickingClock())
    service.sign_in("op1")
    return service


def test_a_unit_packed_by_another_process_is_seen_by_the_next_fast_scan(
    session_factory: sessionmaker[Session],
) -> None:
    seed(session_factory)  # ORD-1: two shirts
    window, script = _station(session_factory), _station(session_factory)
    opened = window.handle_scan(ScanInput(text="ORD-1", source="test"))
    assert opened.outcome is Outcome.ORDER_OPENED  # the window caches the session: 0 of 2
    first = script.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert first.outcome is Outcome.ACCEPTED and first.params["scanned"] == 1, first.message
    with session_factory() as s:  # a plain unit: the session's row was not written
        assert s.scalar(select(PackSession.version)) == 0

    # The window's cache still says 0 of 2: taken as is, it would answer "1 of 2" and, on the
    # scan after, pack a third shirt. It sees the script's scan event instead.
    second = window.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert second.outcome is Outcome.ORDER_COMPLETE, second.message
    assert _units(session_factory, "ORD-1") == 2

    # The script's cache is stale too (the session is closed now).
    third = script.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert third.outcome is not Outcome.ACCEPTED, third.message
    assert _units(session_factory, "ORD-1") == 2


def test_the_stale_fast_scan_writes_nothing_before_the_full_path_answers(
    session_factory: sessionmaker[Session],
) -> None:
    """The same on a line that stays open: the answer counts the other process's unit."""
    seed(session_factory)  # ORD-2: eight shirts, a phone, milk
    window, script = _station(session_factory), _station(session_factory)
    window.handle_scan(ScanInput(text="ORD-2", source="test"))
    window.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))  # 1 of 8, cached
    for expected in (2, 3):
        done = script.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
        assert done.params["scanned"] == expected, done.message
    again = window.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert again.outcome is Outcome.ACCEPTED
    assert again.params["scanned"] == 4, again.message  # not 2: the cache was not believed
    assert _units(session_factory, "ORD-2") == 4
    # And the window's next scan, on its refreshed cache, takes the fast path and counts on.
    on = window.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert on.params["scanned"] == 5, on.message
