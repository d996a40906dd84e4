"""What every rollup reader needs to know first, read once per report snapshot.

A report's figures each read a rollup plus whatever the rollup does not hold yet (see
:mod:`rollup`): the scans' watermark, whether any session or order is still queued, and the
station and operator names. Inside :func:`model.reading` (one read-only snapshot) those cannot
change, so they are read in two statements for the whole report and kept on the session for
the rest of its transaction; anywhere else they are read afresh at each call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from db.models import (
    Operator,
    ReportDirtyOrder,
    ReportDirtySession,
    ReportRollupState,
    Station,
)
from workstation.services.reports.model import SNAPSHOT

SCANS = "scans"  # report_rollup_state's row for the scans' watermark


@dataclass(frozen=True, slots=True)
class RollupState:
    watermark: int  # every scan event with an id up to it is in report_scan_hours
    sessions_queued: bool  # report_dirty_sessions has rows
    orders_queued: bool  # report_dirty_orders has rows


def first_id(model: Any) -> Any:
    """The queue's first id, or NULL: by the primary key, not a scan (after a big catch-up a
    queue is full of dead rows until (auto)vacuum)."""
    return select(model.id).order_by(model.id).limit(1).scalar_subquery()


def _memo(session: Session, key: str) -> Any:
    if not session.info.get(SNAPSHOT):
        return None
    held = session.info.get(key)
    if held is not None and held[0] is session.get_transaction():
        return held[1]
    return None


def _keep(session: Session, key: str, value: Any) -> None:
    if session.info.get(SNAPSHOT):
        session.info[key] = (session.get_transaction(), value)


def rollup_state(session: Session) -> RollupState:
    kept: RollupState | None = _memo(session, "reports.rollup_state")
    if kept is not None:
        return kept
    watermark = (select(ReportRollupState.last_id).where(ReportRollupState.name == SCANS)
                 .scalar_subquery())
    row = session.execute(select(watermark, first_id(ReportDirtySession),
                                 first_id(ReportDirtyOrder))).one()
    state = RollupState(int(row[0] or 0), row[1] is not None, row[2] is not None)
    _keep(session, "reports.rollup_state", state)
    return state


def names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """Station names and operator codes by id (one statement)."""
    kept: tuple[dict[int, str], dict[int, str]] | None = _memo(session, "reports.names")
    if kept is not None:
        return kept
    stations: dict[int, str] = {}
    operators: dict[int, str] = {}
    both = union_all(select(literal(0), Station.id, Station.name),
                     select(literal(1), Operator.id, Operator.code))
    for kind, id_, name in session.execute(both):
        (operators if kind else stations)[id_] = name
    _keep(session, "reports.names", (stations, operators))
    return stations, operators
