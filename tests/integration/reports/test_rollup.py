"""The rollup path gives exactly the raw path's figures: before any catch-up, after one, and
after rows added or changed since (late label confirmations, new scans, new orders packed, later
hand-overs and corrected import times: throughput, accuracy and lead time alike)."""

from __future__ import annotations

from dataclasses import astuple, replace

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from db.models import (
    Order,
    OrderStatusChange,
    Parcel,
    ReportDirtyOrder,
    ReportDirtySession,
    ReportLeadTime,
    ReportPackedOrder,
    ReportRollupState,
    ReportScanHour,
    ScanEvent,
)
from tests.helpers.report_data import ANA, BUDI, ST_A, ST_B, at
from tests.integration.reports.conftest import catch_ups_at_once
from workstation.services.reports import rollup
from workstation.services.reports.accuracy import rollup as rollup_accuracy
from workstation.services.reports.accuracy import scan_cells
from workstation.services.reports.model import Window, reading
from workstation.services.reports.progress import lead_time
from workstation.services.reports.rolled_throughput import throughput_tables_rolled
from workstation.services.reports.rollup import (
    accuracy_tables_rolled,
    catch_up,
    packed_orders_rolled,
    scan_cells_rolled,
)
from workstation.services.reports.rollup_lead import lead_time_rolled
from workstation.services.reports.throughput import Dimension, packed_orders, series
from workstation.services.reports.throughput import rollup as rollup_throughput

DIMS = [Dimension.TOTAL, Dimension.STATION, Dimension.OPERATOR, Dimension.HOUR]


def _engine(sessions: sessionmaker[Session]) -> Engine:
    bind = sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _windows(day: Window) -> list[Window]:
    return [day, replace(day, station_id=ST_A), replace(day, operator_id=BUDI),
            replace(day, station_id=ST_B, operator_id=ANA)]


def assert_same_as_raw(sessions: sessionmaker[Session], day: Window) -> None:
    with reading(sessions) as s:
        for window in _windows(day):
            assert (sorted(map(astuple, scan_cells_rolled(s, window)))
                    == sorted(map(astuple, scan_cells(s, window))))
            assert (sorted(map(astuple, packed_orders_rolled(s, window)))
                    == sorted(map(astuple, packed_orders(s, window))))
            raw_cells = scan_cells(s, window)
            rolled = accuracy_tables_rolled(s, window, DIMS)
            for by in DIMS:
                assert rolled[by] == rollup_accuracy(raw_cells, by)
            raw_orders = packed_orders(s, window)
            every = [*DIMS, Dimension.CARRIER]
            tables, by_station = throughput_tables_rolled(s, window, every, with_series=True)
            for by in every:
                assert tables[by] == rollup_throughput(raw_orders, by)
            assert by_station == series(raw_orders)
            assert lead_time_rolled(s, window) == lead_time(s, window)


def _rolled_counts(sessions: sessionmaker[Session]) -> tuple[int, int, int, int]:
    with sessions() as s:
        return (int(s.scalar(select(func.coalesce(func.sum(ReportScanHour.scans), 0))) or 0),
                int(s.scalar(select(func.count()).select_from(ReportPackedOrder)) or 0),
                int(s.scalar(select(func.count()).select_from(ReportDirtySession)) or 0),
                int(s.scalar(select(ReportRollupState.last_id)) or 0))


def test_rollup_equals_raw_before_and_after_catch_up(
        shift: sessionmaker[Session], day: Window, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollup, "VACUUM_AFTER", 1)  # PostgreSQL: the queue vacuumed after it
    assert _rolled_counts(shift)[:2] == (0, 0)  # nothing rolled yet: everything read raw
    assert_same_as_raw(shift, day)
    done = catch_up(_engine(shift))
    assert done.scans > 0 and done.sessions > 0
    scans, facts, queued, watermark = _rolled_counts(shift)
    with shift() as s:
        assert scans == s.scalar(select(func.count()).select_from(ScanEvent))
        assert watermark == s.scalar(select(func.max(ScanEvent.id)))
    assert facts == 5 and queued == 0  # O1-O4 today, O9 yesterday: every completed session
    assert done.orders == 6  # queued by the packed rows of O1-O4 and O9, and O1's hand-over
    with shift() as s:
        assert s.scalar(select(func.count()).select_from(ReportLeadTime)) == 5
        assert s.scalar(select(func.count()).select_from(ReportDirtyOrder)) == 0
    assert_same_as_raw(shift, day)
    again = catch_up(_engine(shift))  # idempotent: nothing new, nothing counted twice
    assert (again.scans, again.sessions) == (0, 0)
    assert _rolled_counts(shift) == (scans, facts, 0, watermark)
    assert_same_as_raw(shift, day)


def test_late_changes_and_new_rows_are_caught_up(
        shift: sessionmaker[Session], day: Window) -> None:
    catch_up(_engine(shift))
    with shift.begin() as s:
        # O2's label is confirmed long after it was packed: its time per order grows.
        s.execute(update(Parcel).where(Parcel.id == 2).values(label_confirmed_at=at(8, 50)))
        s.add_all([ScanEvent(station_id=ST_B, operator_id=BUDI, raw="x", outcome=outcome,
                             received_at=at(9, 30), recorded_at=at(9, 30))
                   for outcome in ("wrong_item", "over_scan", "accepted")])
        s.add(ScanEvent(station_id=ST_A, operator_id=None, raw="y", outcome="unknown_code",
                        received_at=at(10, 1), recorded_at=at(10, 1)))
    with reading(shift) as s:
        o2 = [o for o in packed_orders_rolled(s, day) if o.hour == "2026-11-23 08:00"
              and o.station == "ST-A" and o.units == 1]
    assert [round(o.seconds, 1) for o in o2] == [1800.0]  # 08:20 -> 08:50, not -> ended_at 08:30
    assert_same_as_raw(shift, day)  # queued and above the watermark: read raw
    done = catch_up(_engine(shift))
    assert done.scans == 4
    assert_same_as_raw(shift, day)
    with shift.begin() as s:
        # Lead time's facts change later too: O2 handed over, O3's import time corrected, O4
        # packed a second time today at ST-A (it counts once, from its first packed row; at
        # ST-A alone, from the second), and O1's hand-over row removed.
        s.add(OrderStatusChange(order_id=2, to_status="shipped", at=at(13, 0)))
        s.execute(update(Order).where(Order.id == 3).values(imported_at=at(5, 0)))
        s.add(OrderStatusChange(order_id=4, to_status="packed", at=at(11, 0),
                                station_id=ST_A, operator_id=ANA))
        s.execute(OrderStatusChange.__table__.delete().where(
            OrderStatusChange.order_id == 1, OrderStatusChange.to_status == "shipped"))
    with reading(shift) as s:
        jne = lead_time(s, day).by("carrier")["JNE"]
    assert (jne["handed_over"], jne["avg_hours_packed_to_handed_over"]) == (1, 4.5)
    assert_same_as_raw(shift, day)  # queued: read raw
    done = catch_up(_engine(shift))
    assert done.orders == 4
    assert _rolled_counts(shift)[2] == 0
    assert_same_as_raw(shift, day)  # now from the rollups


def test_concurrent_catch_ups_count_each_row_once(
        shift: sessionmaker[Session], day: Window) -> None:
    engine = _engine(shift)
    catch_ups_at_once(engine)
    with shift() as s:
        total = s.scalar(select(func.sum(ReportScanHour.scans)))
        assert total == s.scalar(select(func.count()).select_from(ScanEvent))
    assert_same_as_raw(shift, day)


def test_throughput_tables_group_many_orders_like_the_row_path(
        shift: sessionmaker[Session], day: Window) -> None:
    """Bigger groups than the hand-made shift has (70 orders at ST-A, whose p90 rank is 63, 11
    at ST-B: rank 10), with ties and three carriers over six hours: the one-pass tables equal
    :func:`throughput.rollup` over the same fact rows, table for table."""
    catch_up(_engine(shift))
    with shift.begin() as s:
        for n in range(81):
            station, operator = (ST_A, ANA) if n < 70 else (ST_B, BUDI)
            hour = 8 + n % 6
            s.add(ReportPackedOrder(
                session_id=10_000 + n, station_id=station, operator_id=operator,
                carrier=("JNE", "POS", "SICEPAT")[n % 3], ended_at=at(hour, n % 60),
                hour=f"2026-11-23 {hour:02d}:00", units=1 + n % 4,
                seconds=float((n * 37) % 50) * 12.5))
    every = [*DIMS, Dimension.CARRIER]
    with reading(shift) as s:
        for window in _windows(day):
            orders = packed_orders_rolled(s, window)
            tables, by_station = throughput_tables_rolled(s, window, every, with_series=True)
            assert by_station == series(orders)
            for by in every:
                assert tables[by] == rollup_throughput(orders, by)
        total = throughput_tables_rolled(s, day, [Dimension.TOTAL])[0][Dimension.TOTAL]
        assert total.rows[0][1] == 81 + 4  # and the four orders packed today
