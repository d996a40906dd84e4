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
from workstation.services.reports.accuracy import accuracy
from workstation.services.reports.exceptions import exceptions, printer_faults, reprints
from workstation.services.reports.misscans import misscans
from workstation.services.reports.model import Report, Table, Window
from workstation.services.reports.progress import at_risk, lead_time, progress
from workstation.services.reports.series import orders_per_hour_by_station
from workstation.services.reports.throughput import Dimension, throughput

log = logging.getLogger(__name__)


def lead_tables(session: Session, window: Window) -> list[Table]:
    """Everything, in the order the PDF and the CSV show it."""
    return [
        throughput(session, window, Dimension.TOTAL),
        accuracy(session, window, Dimension.TOTAL),
        throughput(session, window, Dimension.STATION),
        throughput(session, window, Dimension.OPERATOR),
        throughput(session, window, Dimension.CARRIER),
        throughput(session, window, Dimension.HOUR),
        orders_per_hour_by_station(session, window),
        accuracy(session, window, Dimension.STATION),
        accuracy(session, window, Dimension.OPERATOR),
        accuracy(session, window, Dimension.HOUR),
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
    return [
        throughput(session, window, Dimension.TOTAL),
        accuracy(session, window, Dimension.TOTAL),
        throughput(session, window, Dimension.HOUR),
        throughput(session, window, Dimension.STATION),
        accuracy(session, window, Dimension.HOUR),
        exceptions(session, window),
        misscans(session, window),
    ]


def _name(session: Session, model: type[Station] | type[Operator], id_: int | None
          ) -> str | None:
    if id_ is None:
        return None
    row = session.get(model, id_)
    if row is None:
        return None
    return row.name if isinstance(row, Station) else row.code


def build_report(session: Session, viewer: OperatorInfo, first: date, last: date,
                 now: datetime, *, station: str | None = None,
                 operator: str | None = None) -> Report:
    window = access.report_window(session, viewer, first, last, now, station=station,
                                  operator=operator)
    tables = lead_tables(session, window) if viewer.is_lead else own_tables(session, window)
    title = f"Shift report {first.isoformat()}" + (
        f" to {last.isoformat()}" if last != first else "")
    return Report(title, window, _name(session, Station, window.station_id),
                  _name(session, Operator, window.operator_id), viewer.code, tables)


def board_tables(session: Session, window: Window) -> list[Table]:
    return [
        throughput(session, window, Dimension.TOTAL),
        accuracy(session, window, Dimension.TOTAL),
        throughput(session, window, Dimension.STATION),
        throughput(session, window, Dimension.OPERATOR),
        accuracy(session, window, Dimension.STATION),
        accuracy(session, window, Dimension.OPERATOR),
        orders_per_hour_by_station(session, window),
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
        with self._sessions() as session:
            return build_report(session, viewer, first, last, now, station=station,
                                operator=operator)

    def board(self, viewer: OperatorInfo, day: date, now: datetime) -> Report:
        """Today's board: leads and admins only (refused here, not only hidden in the UI)."""
        access.require_board(viewer)
        with self._sessions() as session:
            window = Window.for_dates(day, day, now)
            return Report(f"Board {day.isoformat()}", window, None, None, viewer.code,
                          board_tables(session, window))
