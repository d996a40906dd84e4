"""Who may see which figures: leads and admins everything, an operator only their own."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Operator, Station
from workstation.services.errors import NotFoundError, PermissionDeniedError, WorkstationError
from workstation.services.operators import OperatorInfo, require_lead
from workstation.services.reports.model import Window


def require_board(viewer: OperatorInfo) -> None:
    require_lead(viewer, "see the shift board")


def station_id(session: Session, name: str) -> int:
    found = session.scalar(select(Station.id).where(Station.name == name))
    if found is None:
        names = ", ".join(session.scalars(select(Station.name).order_by(Station.name)))
        raise NotFoundError(f"no station named {name!r}; stations: {names or 'none yet'}")
    return found


def operator_id(session: Session, code_or_badge: str) -> int:
    """Any operator, active or not: a report may cover someone who has since left."""
    found = session.scalar(select(Operator.id).where(
        or_(Operator.code == code_or_badge, Operator.badge == code_or_badge)))
    if found is None:
        raise NotFoundError(f"no operator with code or badge {code_or_badge!r}: "
                            "list them with `workstation operator list`")
    return found


def report_window(session: Session, viewer: OperatorInfo, first: date, last: date,
                  now: datetime, *, station: str | None = None,
                  operator: str | None = None, tz: tzinfo = UTC) -> Window:
    """The window a viewer may see. An operator's report is always narrowed to themselves;
    asking for someone else's figures is refused (not silently narrowed)."""
    op_id = operator_id(session, operator) if operator else None
    if not viewer.is_lead:
        if op_id is not None and op_id != viewer.id:
            raise PermissionDeniedError(
                f"{viewer.name} ({viewer.role.value}) may see only their own figures: "
                "leave out --operator, or ask a lead for the team's report")
        op_id = viewer.id
    st_id = station_id(session, station) if station else None
    try:
        return Window.for_dates(first, last, now, station_id=st_id, operator_id=op_id,
                                tz=tz)
    except ValueError as exc:
        raise WorkstationError(str(exc)) from exc
