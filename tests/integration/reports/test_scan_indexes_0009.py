"""Migration 0009: the mis-scan reads go through the partial index ``ix_scan_events_misscans``
(only scans not accepted), on SQLite and PostgreSQL, and give the same figures.

The figures themselves are proved on the hand-made shift by test_misscans.py and
test_drill.py; here, that each read can use the partial index: the only other index that could
serve (``ix_scan_events_recorded_cover``) is dropped inside the transaction, table scans are
priced out on PostgreSQL, and the plan must name the partial index. A query that loses the
literal predicate (``accuracy.not_accepted``) falls back to a table scan on SQLite, and the
test fails.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.report_data import DAY, NOW
from workstation.services.reports.drill import DrillKind, drill
from workstation.services.reports.misscans import misscans_tables
from workstation.services.reports.model import Window


def _scan_statements(engine: Engine, run: Any) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "scan_events" in statement and "outcome" in statement:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return seen


def _plan(session: Session, statement: str, parameters: Any) -> str:
    engine = session.get_bind()
    raw = session.connection().connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    cursor.execute("DROP INDEX ix_scan_events_recorded_cover")
    if engine.dialect.name == "sqlite":
        cursor.execute("EXPLAIN QUERY PLAN " + statement, parameters)
    else:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + statement, parameters)
    plan = " ".join(str(row) for row in cursor.fetchall())
    session.rollback()  # the index comes back with the rollback (DDL is transactional)
    return plan


def test_misscan_and_drill_reads_use_the_partial_index(shift: sessionmaker[Session]) -> None:
    window = Window.for_dates(DAY, DAY, NOW)
    with shift() as s:
        engine = s.get_bind()
        assert isinstance(engine, Engine)
        reads = {
            "misscans": lambda: misscans_tables(s, window),
            "drill wrong items": lambda: drill(s, window, DrillKind.WRONG_ITEM),
            "drill over-scans": lambda: drill(s, window, DrillKind.OVER_SCAN),
        }
        for name, run in reads.items():
            statements = _scan_statements(engine, run)
            assert statements, name
            for statement, parameters in statements:
                plan = _plan(s, statement, parameters)
                assert "ix_scan_events_misscans" in plan, (name, plan)


def test_the_figures_still_count_the_shift_s_mis_scans(shift: sessionmaker[Session]) -> None:
    """The literal predicate narrows nothing: every wrong item and over-scan is still seen."""
    window = Window.for_dates(DAY, DAY, NOW)
    with shift() as s:
        wrong = drill(s, window, DrillKind.WRONG_ITEM)
        over = drill(s, window, DrillKind.OVER_SCAN)
        overall, _per_operator = misscans_tables(s, window)
    assert wrong.events.rows and all(r[6] == "wrong_item" for r in wrong.events.rows)
    assert over.events.rows and all(r[6] == "over_scan" for r in over.events.rows)
    assert overall.rows
