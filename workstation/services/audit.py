"""Writing the append-only audit log (the database refuses updates and deletes of it)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditEntry


def audit(
    session: Session,
    action: str,
    *,
    at: datetime,
    station_id: int | None = None,
    operator_id: int | None = None,
    authorised_by_id: int | None = None,
    order_id: int | None = None,
    reason: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditEntry(
            at=at,
            action=action,
            station_id=station_id,
            operator_id=operator_id,
            authorised_by_id=authorised_by_id,
            order_id=order_id,
            reason=reason,
            details=details,
        )
    )
