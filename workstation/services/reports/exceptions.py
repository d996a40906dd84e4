"""Exceptions, overrides, reprints and printer faults.

Definitions:

- *Short* and *damaged*: ``line_exceptions`` rows recorded (``at``) in the window, per kind,
  reason, station (the session's) and operator; ``units`` sums their quantities.
- *Overrides*: ``audit_log`` entries ``lead_override`` in the window (a lead's badge released
  a held error), per reason (what was overridden), station and operator; units are 0.
- *Reprints*: print jobs created in the window that copy an earlier job
  (``print_jobs.reprint_of_id`` set), per station and reason.
- *Printer faults*: print jobs created in the window that did not go through at the first
  attempt: more than one attempt, or an error recorded, or ending failed/unknown. *Wait* is how
  long the station waited on each faulted job: from ``created_at`` to ``sent_at``, or to the
  end of the window (or now, if earlier) when it was never sent.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    bindparam,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from db.enums import PrintJobState
from db.models import AuditEntry, LineException, Operator, PackSession, PrintJob, Station
from workstation.services.reports.model import Table, Window
from workstation.services.reports.prebuilt import params, prebuilt
from workstation.services.reports.sql import seconds_between

OVERRIDE_ACTION = "lead_override"


@prebuilt
def _exceptions(window: Window) -> Any:
    line = (
        select(LineException.kind.label("kind"), LineException.reason.label("reason"),
               PackSession.station_id.label("station_id"),
               LineException.operator_id.label("operator_id"),
               LineException.quantity.label("units"))
        .join(PackSession, PackSession.id == LineException.session_id)
        .where(LineException.at >= window.start, LineException.at < window.end)
    )
    override = (
        select(literal("override").label("kind"),
               func.coalesce(AuditEntry.reason, "").label("reason"),
               AuditEntry.station_id.label("station_id"),
               AuditEntry.operator_id.label("operator_id"), literal(0).label("units"))
        .where(AuditEntry.action == OVERRIDE_ACTION, AuditEntry.at >= window.start,
               AuditEntry.at < window.end)
    )
    if window.station_id is not None:
        line = line.where(PackSession.station_id == window.station_id)
        override = override.where(AuditEntry.station_id == window.station_id)
    if window.operator_id is not None:
        line = line.where(LineException.operator_id == window.operator_id)
        override = override.where(AuditEntry.operator_id == window.operator_id)
    both = union_all(line, override).subquery("exc")
    station = func.coalesce(Station.name, "")
    operator = func.coalesce(Operator.code, "")
    return (
        select(both.c.kind, both.c.reason, station, operator, func.count(),
               func.sum(both.c.units))
        .outerjoin(Station, Station.id == both.c.station_id)
        .outerjoin(Operator, Operator.id == both.c.operator_id)
        .group_by(both.c.kind, both.c.reason, station, operator)
        .order_by(both.c.kind, func.count().desc(), both.c.reason, station, operator)
    )


def exceptions(session: Session, window: Window) -> Table:
    rows = session.execute(_exceptions.get(session, window), params(window)).all()
    return Table("exceptions", "Exceptions (short, damaged, overrides) with reasons",
                 ("kind", "reason", "station", "operator", "count", "units"),
                 [(k, r, s, o, int(n), int(u or 0)) for k, r, s, o, n, u in rows])


def _jobs_in(window: Window) -> list[ColumnElement[bool]]:
    where = [PrintJob.created_at >= window.start, PrintJob.created_at < window.end]
    if window.station_id is not None:
        where.append(PrintJob.station_id == window.station_id)
    return where


def reprinted() -> ColumnElement[bool]:
    """A reprint: the predicate of the partial index ``ix_print_jobs_reprints`` (0008)."""
    return PrintJob.reprint_of_id.is_not(None)


@prebuilt
def _reprints(window: Window) -> Any:
    station = func.coalesce(Station.name, "")
    reason = func.coalesce(PrintJob.reason, "")
    return (
        select(station, reason, func.count())
        .select_from(PrintJob)
        .outerjoin(Station, Station.id == PrintJob.station_id)
        .where(reprinted(), *_jobs_in(window))
        .group_by(station, reason)
        .order_by(station, func.count().desc(), reason)
    )


def reprints(session: Session, window: Window) -> Table:
    rows = session.execute(_reprints.get(session, window), params(window)).all()
    return Table("reprints", "Reprints with reasons", ("station", "reason", "jobs"),
                 [(s, r, int(n)) for s, r, n in rows])


def faulted() -> ColumnElement[bool]:
    """A job that did not go through at the first attempt. Spelled with literals, exactly as
    the partial index ``ix_print_jobs_faulted`` (migration 0008, db.models.PRINT_JOB_FAULTED)
    is, so SQLite and PostgreSQL see the query's WHERE implies the index's and read only it."""
    failed, unknown = PrintJobState.FAILED.value, PrintJobState.UNKNOWN.value
    return or_(PrintJob.attempts > literal_column("1"), PrintJob.last_error.is_not(None),
               PrintJob.state.in_([literal_column(f"'{failed}'"),
                                   literal_column(f"'{unknown}'")]))


@prebuilt
def _printer_faults(window: Window) -> Any:
    # The wait of a job never sent runs to the window's end or now, whichever is first.
    cutoff = bindparam("w_cutoff", type_=PrintJob.created_at.type)
    waited_until: ColumnElement[Any] = func.coalesce(PrintJob.sent_at, cutoff)
    wait = seconds_between(PrintJob.created_at, waited_until)
    station = func.coalesce(Station.name, "")
    return (
        select(station, PrintJob.printer_url, func.count(),
               func.sum(case((PrintJob.state == PrintJobState.FAILED.value, 1), else_=0)),
               func.sum(wait), func.max(wait))
        .select_from(PrintJob)
        .outerjoin(Station, Station.id == PrintJob.station_id)
        .where(faulted(), *_jobs_in(window))
        .group_by(station, PrintJob.printer_url)
        .order_by(func.sum(wait).desc(), station)
    )


def printer_faults(session: Session, window: Window) -> Table:
    rows = session.execute(_printer_faults.get(session, window),
                           params(window, w_cutoff=min(window.end, window.now))).all()
    return Table("printer_faults", "Printer faults and the time stations waited on them",
                 ("station", "printer", "faulted_jobs", "failed_jobs", "wait_seconds",
                  "longest_wait_seconds"),
                 [(s, p, int(n), int(f or 0), round(float(w or 0), 1), round(float(m or 0), 1))
                  for s, p, n, f, w, m in rows])
