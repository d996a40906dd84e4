"""Migration 0008's read paths give exactly the definitions' figures, on SQLite and PostgreSQL.

- progress from ``report_cutoffs`` plus the unfolded ``report_cutoff_changes`` equals
  :func:`progress.progress` before any catch-up, after one, and after orders are added,
  changed (status, cut-off, carrier) and removed, in several batches;
- lead time's ``prev_packed_at`` shortcut (unfiltered windows) equals the raw definition with
  orders packed twice, inside the window and across its start;
- the one-statement mis-scans tables equal the two definitions, with limits that cut ties;
- PostgreSQL's ``percentile_disc(0.9)`` is the nearest-rank p90 the Python path picks;
- the fault and reprint reads use the partial indexes (the predicates must stay word for word);
- the per-snapshot state is read once inside a report and afresh outside one.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, event, func, insert, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from db.models import (
    Order,
    OrderLine,
    OrderStatusChange,
    ReportCutoff,
    ReportCutoffChange,
    ReportDirtySession,
    ReportLeadTime,
)
from tests.helpers.report_data import ANA, BUDI, DAY, NOW, ST_A, ST_B, at
from tests.integration.reports.conftest import catch_ups_at_once
from workstation.services.reports import rollup_cutoffs
from workstation.services.reports.exceptions import printer_faults, reprints
from workstation.services.reports.misscans import misscans, misscans_tables
from workstation.services.reports.model import Window, reading
from workstation.services.reports.progress import lead_time, progress
from workstation.services.reports.rollup import catch_up
from workstation.services.reports.rollup_cutoffs import progress_rolled
from workstation.services.reports.rollup_lead import lead_time_rolled
from workstation.services.reports.state import rollup_state


def _engine(sessions: sessionmaker[Session]) -> Engine:
    bind = sessions.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def _progress_windows() -> list[Window]:
    today = Window.for_dates(DAY, DAY, NOW)
    return [today, Window.for_dates(DAY - timedelta(days=1), DAY, NOW),
            Window.for_dates(DAY + timedelta(days=1), DAY + timedelta(days=1), NOW),
            replace(today, station_id=ST_A)]  # (progress is not per station: same table)


def _assert_progress_same_as_raw(sessions: sessionmaker[Session]) -> None:
    with reading(sessions) as s:
        for window in _progress_windows():
            assert progress_rolled(s, window) == progress(s, window)


def _counted(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    with sessions() as s:
        return (int(s.scalar(select(func.coalesce(func.sum(ReportCutoff.orders), 0))) or 0),
                int(s.scalar(select(func.count()).select_from(Order)
                             .where(Order.ship_by.is_not(None))) or 0),
                int(s.scalar(select(func.count()).select_from(ReportCutoffChange)) or 0))


def test_progress_rollup_equals_raw_through_changes_and_catch_ups(
        shift: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rollup_cutoffs, "CUTOFF_BATCH", 3)  # several folds per catch-up
    assert _counted(shift)[0] == 0  # the shift was loaded after the migration: all changes
    with reading(shift) as s:
        assert progress_rolled(s, _progress_windows()[0]).rows  # not vacuously equal
    _assert_progress_same_as_raw(shift)
    done = catch_up(_engine(shift))
    assert done.cutoffs == 10  # ten orders inserted with a cut-off
    counted, orders, unfolded = _counted(shift)
    assert (counted, unfolded) == (orders, 0)
    _assert_progress_same_as_raw(shift)
    with shift.begin() as s:
        s.execute(update(Order).where(Order.id == 6).values(status="in_progress"))
        s.execute(update(Order).where(Order.id == 5).values(status="packed"))
        s.execute(update(Order).where(Order.id == 7).values(ship_by=at(9, 0)))  # earlier
        s.execute(update(Order).where(Order.id == 8).values(carrier="POS"))  # overdue, moves
        s.execute(update(Order).where(Order.id == 2).values(status="shipped", priority=3))
        s.execute(update(Order).where(Order.id == 10).values(ship_by=None))  # leaves only
        s.execute(delete(OrderLine).where(OrderLine.order_id == 10))
        s.execute(delete(Order).where(Order.id == 10))
        s.add(Order(id=11, number="O11", customer_name="x", ship_to_name="x",
                    address_lines="x", city="x", country="ID", carrier="JNE", status="new",
                    ship_by=at(10, 0, day=21), imported_at=at(6, 0, day=21),
                    updated_at=at(6, 0, day=21)))  # overdue for two days
        s.add(Order(id=12, number="O12", customer_name="x", ship_to_name="x",
                    address_lines="x", city="x", country="ID", carrier="JNE", status="new",
                    ship_by=None, imported_at=at(6, 0), updated_at=at(6, 0)))
    counted, orders, unfolded = _counted(shift)
    assert unfolded == 12  # 5 updates (-1, +1 each), O10 leaving, O11 joining (O12: none)
    _assert_progress_same_as_raw(shift)  # counts plus the changes not folded yet
    with shift.begin() as s:  # the last order of a group leaves it: the group is not shown
        s.execute(update(Order).where(Order.id == 8).values(status="cancelled"))
    _assert_progress_same_as_raw(shift)
    catch_up(_engine(shift))
    counted, orders, unfolded = _counted(shift)
    assert (counted, unfolded) == (orders, 0)
    with shift() as s:
        assert s.scalar(select(func.count()).select_from(ReportCutoff)
                        .where(ReportCutoff.orders <= 0)) == 0
    _assert_progress_same_as_raw(shift)


def test_concurrent_catch_ups_fold_each_cutoff_change_once(
        shift: sessionmaker[Session]) -> None:
    engine = _engine(shift)
    catch_ups_at_once(engine)
    counted, orders, unfolded = _counted(shift)
    assert (counted, unfolded) == (orders, 0)
    _assert_progress_same_as_raw(shift)


def _lead_windows() -> list[Window]:
    today = Window.for_dates(DAY, DAY, NOW)
    both = Window.for_dates(DAY - timedelta(days=1), DAY, NOW)
    return [today, both, replace(today, station_id=ST_A), replace(both, operator_id=ANA),
            replace(today, station_id=ST_B, operator_id=BUDI)]


def _assert_lead_same_as_raw(sessions: sessionmaker[Session]) -> None:
    with reading(sessions) as s:
        for window in _lead_windows():
            assert lead_time_rolled(s, window) == lead_time(s, window)


def test_lead_time_previous_packed_row_equals_the_raw_first_in_window(
        shift: sessionmaker[Session]) -> None:
    catch_up(_engine(shift))
    with shift.begin() as s:
        # O9 packed yesterday and again today (its previous row is before today's window);
        # O3 packed a second time today at ST-B (counts once today, from its first row; at
        # ST-B alone, from the second); O1 a second packed row at the very same time as its
        # first (the tie goes by id).
        s.add(OrderStatusChange(order_id=9, to_status="packed", at=at(11, 0),
                                station_id=ST_A, operator_id=ANA))
        s.add(OrderStatusChange(order_id=3, to_status="packed", at=at(12, 30),
                                station_id=ST_B, operator_id=BUDI))
        first_o1 = s.scalar(select(OrderStatusChange.at).where(
            OrderStatusChange.order_id == 1, OrderStatusChange.to_status == "packed"))
        s.add(OrderStatusChange(order_id=1, to_status="packed", at=first_o1,
                                station_id=ST_A, operator_id=ANA))
    _assert_lead_same_as_raw(shift)  # queued: read raw
    catch_up(_engine(shift))
    with shift() as s:
        rows = s.execute(select(ReportLeadTime.order_id, ReportLeadTime.packed_at,
                                ReportLeadTime.prev_packed_at)
                         .order_by(ReportLeadTime.history_id)).all()
    prev = {o: [(p, q) for o2, p, q in rows if o2 == o] for o in (1, 9)}
    assert prev[9][0][1] is None and prev[9][1][1] == prev[9][0][0]  # yesterday's row
    assert prev[1][0][1] is None and prev[1][1][1] == prev[1][0][0]  # same time, later id
    with reading(shift) as s:
        today = lead_time_rolled(s, _lead_windows()[0]).by("carrier")
    # today: O1-O4 once each, and O9 (its first packed row today)
    assert sum(row["orders"] for row in today.values()) == 5
    _assert_lead_same_as_raw(shift)  # from the fact rows now


@pytest.mark.parametrize("limit", [100, 2, 1])
def test_misscans_in_one_statement_equal_the_two_definitions(
        shift: sessionmaker[Session], limit: int) -> None:
    with reading(shift) as s:
        windows = [Window.for_dates(DAY, DAY, NOW),
                   Window.for_dates(DAY - timedelta(days=1), DAY, NOW),
                   replace(Window.for_dates(DAY, DAY, NOW), operator_id=ANA)]
        for window in windows:
            overall, per_operator = misscans_tables(s, window, limit=limit)
            assert overall == misscans(s, window, limit=limit)
            assert per_operator == misscans(s, window, per_operator=True, limit=limit)
        assert misscans_tables(s, windows[1], limit=limit)[0].rows  # not vacuously equal


def test_percentile_disc_is_the_nearest_rank_p90(engine: Engine) -> None:
    # The rank PostgreSQL computes, ceil(0.9 * n) in double precision, is (9n + 9) // 10 ...
    assert all(math.ceil(0.9 * n) == (9 * n + 9) // 10 for n in range(1, 2_000_001))
    if engine.dialect.name != "postgresql":
        return
    # ... and percentile_disc picks the value of that rank, ties included.
    with engine.connect() as conn:
        got = conn.execute(text(
            "SELECT n, percentile_disc(0.9) WITHIN GROUP (ORDER BY v) "
            "FROM (SELECT n, x / 2 AS v FROM generate_series(1, 300) n, "
            "generate_series(1, n) x) t GROUP BY n ORDER BY n")).all()
    assert [(n, int(v)) for n, v in got] == [(n, ((9 * n + 9) // 10) // 2)
                                            for n in range(1, 301)]


def _statements(engine: Engine, figure: Any, session: Session, window: Window
                ) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "print_jobs" in statement:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        figure(session, window)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert len(seen) == 1
    return seen


def test_fault_and_reprint_reads_use_their_partial_indexes(
        shift: sessionmaker[Session]) -> None:
    engine = _engine(shift)
    window = Window.for_dates(DAY, DAY, NOW)
    with shift() as s:
        for figure, index in ((printer_faults, "ix_print_jobs_faulted"),
                              (reprints, "ix_print_jobs_reprints")):
            assert figure(s, window).rows  # the shift has both
            [(statement, parameters)] = _statements(engine, figure, s, window)
            raw = s.connection().connection.driver_connection
            assert raw is not None
            cursor = raw.cursor()
            if engine.dialect.name == "sqlite":
                cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
            else:  # the only index on created_at that could serve, with the plain one gone
                cursor.execute("DROP INDEX ix_print_jobs_created_at")
                cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute("EXPLAIN " + statement, parameters)
            plan = " ".join(str(row) for row in cursor.fetchall())
            s.rollback()
            assert index in plan, plan


def test_rollup_state_is_read_once_per_snapshot_and_afresh_outside_one(
        shift: sessionmaker[Session]) -> None:
    catch_up(_engine(shift))
    with reading(shift) as s:
        first = rollup_state(s)
        assert rollup_state(s) is first and not first.sessions_queued
    with shift() as s:
        assert not rollup_state(s).sessions_queued
        s.execute(insert(ReportDirtySession).values(session_id=1))
        assert rollup_state(s).sessions_queued  # not kept: this session is no snapshot
        s.rollback()
