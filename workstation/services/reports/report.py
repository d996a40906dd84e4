"""The report and the board: which figures, for whom, over which window.

Every figure comes from its definition module (throughput, accuracy, exceptions, progress,
misscans, series), read through the rollups where there is one (rollup, rolled_throughput,
rollup_lead, rollup_cutoffs); this module only picks them and checks who is asking.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import UTC, date, datetime, tzinfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.models import Operator, Station
from workstation.services.operators import OperatorInfo
from workstation.services.reports import access
from workstation.services.reports.exceptions import exceptions, printer_faults, reprints
from workstation.services.reports.misscans import misscans, misscans_tables
from workstation.services.reports.model import (
    Report,
    Table,
    Window,
    in_zone,
    reading,
    reading_in,
    shared_snapshot,
)
from workstation.services.reports.progress import at_risk
from workstation.services.reports.return_rate import return_rate
from workstation.services.reports.rolled_throughput import throughput_tables_rolled
from workstation.services.reports.rollup import CatchUp, accuracy_tables_rolled, catch_up
from workstation.services.reports.rollup_cutoffs import progress_rolled
from workstation.services.reports.rollup_lead import lead_time_rolled
from workstation.services.reports.throughput import Dimension

log = logging.getLogger(__name__)
ALL_DIMS = [Dimension.TOTAL, Dimension.STATION, Dimension.OPERATOR, Dimension.HOUR]


def _beside(session: Session, window: Window) -> list[Table]:
    """The lead's tables read beside the others on PostgreSQL: the mis-scans and lead time
    (statements that keep the server busy while the throughput's rows are grouped here)."""
    return [*misscans_tables(session, window), lead_time_rolled(session, window)]


def _read_beside(engine: Engine, snapshot: str, window: Window) -> list[Table]:
    with closing(reading_in(engine, snapshot)) as other:
        return _beside(other, window)


def lead_tables(session: Session, window: Window) -> list[Table]:
    """Everything, in the order the PDF and the CSV show it.

    On PostgreSQL the mis-scans and lead time are read on a second connection in the same
    snapshot (model.shared_snapshot), at the same time as the rest: the report takes about
    as long as its longer half, not the sum (the server works while Python groups rows).
    Split three ways it was slower on two cores: every part has Python of its own to run.
    """
    snapshot = shared_snapshot(session)
    bind = session.get_bind()
    assert isinstance(bind, Engine)
    with ThreadPoolExecutor(1, thread_name_prefix="report-beside") as pool:
        beside = (pool.submit(_read_beside, bind, snapshot, window)
                  if snapshot is not None else None)
        tp, series = throughput_tables_rolled(session, window, [*ALL_DIMS, Dimension.CARRIER],
                                              with_series=True)
        assert series is not None
        acc = accuracy_tables_rolled(session, window, ALL_DIMS)
        rest = [exceptions(session, window), reprints(session, window),
                printer_faults(session, window)]
        after = [return_rate(session, window), progress_rolled(session, window),
                 at_risk(session, window)]
        overall_misscans, operator_misscans, lead_time = (
            beside.result() if beside is not None else _beside(session, window))
    return [
        tp[Dimension.TOTAL],
        acc[Dimension.TOTAL],
        tp[Dimension.STATION],
        tp[Dimension.OPERATOR],
        tp[Dimension.CARRIER],
        tp[Dimension.HOUR],
        series,
        acc[Dimension.STATION],
        acc[Dimension.OPERATOR],
        acc[Dimension.HOUR],
        *rest,
        lead_time,
        *after,
        overall_misscans,
        operator_misscans,
    ]


def own_tables(session: Session, window: Window) -> list[Table]:
    """An operator's own figures (the window is already narrowed to them)."""
    tp, _ = throughput_tables_rolled(
        session, window, [Dimension.TOTAL, Dimension.HOUR, Dimension.STATION])
    acc = accuracy_tables_rolled(session, window, [Dimension.TOTAL, Dimension.HOUR])
    return [
        tp[Dimension.TOTAL],
        acc[Dimension.TOTAL],
        tp[Dimension.HOUR],
        tp[Dimension.STATION],
        acc[Dimension.HOUR],
        exceptions(session, window),
        misscans(session, window),
    ]


def _station_name(session: Session, id_: int | None) -> str | None:
    row = session.get(Station, id_) if id_ is not None else None
    return row.name if row is not None else None


def _operator_code(session: Session, id_: int | None) -> str | None:
    row = session.get(Operator, id_) if id_ is not None else None
    return row.code if row is not None else None


def build_report(session: Session, viewer: OperatorInfo, first: date, last: date,
                 now: datetime, *, station: str | None = None,
                 operator: str | None = None, tz: tzinfo = UTC) -> Report:
    window = access.report_window(session, viewer, first, last, now, station=station,
                                  operator=operator, tz=tz)
    tables = lead_tables(session, window) if viewer.is_lead else own_tables(session, window)
    tables = in_zone(tables, window)
    title = f"Shift report {first.isoformat()}" + (
        f" to {last.isoformat()}" if last != first else "")
    return Report(title, window, _station_name(session, window.station_id),
                  _operator_code(session, window.operator_id), viewer.code, tables)


def board_tables(session: Session, window: Window) -> list[Table]:
    tp, series = throughput_tables_rolled(session, window, ALL_DIMS[:3], with_series=True)
    assert series is not None
    acc = accuracy_tables_rolled(session, window, ALL_DIMS[:3])
    return [
        tp[Dimension.TOTAL],
        acc[Dimension.TOTAL],
        tp[Dimension.STATION],
        tp[Dimension.OPERATOR],
        acc[Dimension.STATION],
        acc[Dimension.OPERATOR],
        series,
        at_risk(session, window),
        progress_rolled(session, window),
        exceptions(session, window),
        reprints(session, window),
        printer_faults(session, window),
    ]


class ReportService:
    """The use cases the CLI and the board call: one database session per request."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def catch_up(self) -> CatchUp:
        """Bring the report rollups up to date (off the scan path; see :mod:`rollup`)."""
        bind = self._sessions.kw["bind"]
        assert isinstance(bind, Engine)
        done = catch_up(bind)
        log.debug("rollup catch-up: %s", done)
        return done

    def report(self, viewer: OperatorInfo, first: date, last: date, now: datetime, *,
               station: str | None = None, operator: str | None = None,
               tz: tzinfo = UTC) -> Report:
        """Days ``first``..``last`` of ``tz`` (the lead's clock), its hours and times."""
        self.catch_up()
        with reading(self._sessions) as session:
            return build_report(session, viewer, first, last, now, station=station,
                                operator=operator, tz=tz)

    def board(self, viewer: OperatorInfo, day: date, now: datetime, *,
              tz: tzinfo = UTC) -> Report:
        """Today's board: leads and admins only (refused here, not only hidden in the UI).
        ``day`` is a day of ``tz``, the lead's clock, as are the hours it shows."""
        access.require_board(viewer)
        self.catch_up()
        with reading(self._sessions) as session:
            window = Window.for_dates(day, day, now, tz=tz)
            return Report(f"Board {day.isoformat()}", window, None, None, viewer.code,
                          in_zone(board_tables(session, window), window))
