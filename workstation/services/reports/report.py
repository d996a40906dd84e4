"""The report and the board: which figures, for whom, over which window.

Every figure comes from its definition module (throughput, accuracy, exceptions, progress,
misscans, series); this module only picks them and checks who is asking.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from db.models import Operator, Station
from workstation.services.operators import OperatorInfo
from workstation.services.reports import access
from workstation.services.reports.accuracy import rollup as rollup_accuracy
from workstation.services.reports.accuracy import scan_cells
from workstation.services.reports.exceptions import exceptions, printer_faults, reprints
from workstation.services.reports.misscans import misscans
from workstation.services.reports.model import Report, Table, Window, reading
from workstation.services.reports.progress import at_risk, lead_time, progress
from workstation.services.reports.throughput import Dimension, packed_orders, series
from workstation.services.reports.throughput import rollup as rollup_throughput

log = logging.getLogger(__name__)


def lead_tables(session: Session, window: Window) -> list[Table]:
    """Everything, in the order the PDF and the CSV show it."""
    packed = packed_orders(session, window)
    cells = scan_cells(session, window)
    return [
        rollup_throughput(packed, Dimension.TOTAL),
        rollup_accuracy(cells, Dimension.TOTAL),
        rollup_throughput(packed, Dimension.STATION),
        rollup_throughput(packed, Dimension.OPERATOR),
        rollup_throughput(packed, Dimension.CARRIER),
        rollup_throughput(packed, Dimension.HOUR),
        series(packed),
        rollup_accuracy(cells, Dimension.STATION),
        rollup_accuracy(cells, Dimension.OPERATOR),
        rollup_accuracy(cells, Dimension.HOUR),
        exceptions(session, window),
        reprints(session, window),
        printer_faults(session, window),
        lead_time(session, window),
        progress(session, window),
        at_risk(session, window),
        misscans(session, window),
        misscans(session, window, per_operator=True),
    ]


def own_tables(session: Session, window: Window) -> list[Table]:
    """An operator's own figures (the window is already narrowed to them)."""
    packed = packed_orders(session, window)
    cells = scan_cells(session, window)
    return [
        rollup_throughput(packed, Dimension.TOTAL),
        rollup_accuracy(cells, Dimension.TOTAL),
        rollup_throughput(packed, Dimension.HOUR),
        rollup_throughput(packed, Dimension.STATION),
        rollup_accuracy(cells, Dimension.HOUR),
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
                 operator: str | None = None) -> Report:
    window = access.report_window(session, viewer, first, last, now, station=station,
                                  operator=operator)
    tables = lead_tables(session, window) if viewer.is_lead else own_tables(session, window)
    title = f"Shift report {first.isoformat()}" + (
        f" to {last.isoformat()}" if last != first else "")
    return Report(title, window, _station_name(session, window.station_id),
                  _operator_code(session, window.operator_id), viewer.code, tables)


def board_tables(session: Session, window: Window) -> list[Table]:
    packed = packed_orders(session, window)
    cells = scan_cells(session, window)
    return [
        rollup_throughput(packed, Dimension.TOTAL),
        rollup_accuracy(cells, Dimension.TOTAL),
        rollup_throughput(packed, Dimension.STATION),
        rollup_throughput(packed, Dimension.OPERATOR),
        rollup_accuracy(cells, Dimension.STATION),
        rollup_accuracy(cells, Dimension.OPERATOR),
        series(packed),
        at_risk(session, window),
        progress(session, window),
        exceptions(session, window),
        reprints(session, window),
        printer_faults(session, window),
    ]


class ReportService:
    """The use cases the CLI and the board call: one database session per request."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def report(self, viewer: OperatorInfo, first: date, last: date, now: datetime, *,
               station: str | None = None, operator: str | None = None) -> Report:
        with reading(self._sessions) as session:
            return build_report(session, viewer, first, last, now, station=station,
                                operator=operator)

    def board(self, viewer: OperatorInfo, day: date, now: datetime) -> Report:
        """Today's board: leads and admins only (refused here, not only hidden in the UI)."""
        access.require_board(viewer)
        with reading(self._sessions) as session:
            window = Window.for_dates(day, day, now)
            return Report(f"Board {day.isoformat()}", window, None, None, viewer.code,
                          board_tables(session, window))
