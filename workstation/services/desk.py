"""The desk: find an order by anything on it, and show everything about it.

An operator types or scans: an order number, a tote, a tracking number (ours or the carrier's),
an SSCC (as printed in the GS1-128 label, ``(00)`` + 18 digits, with or without the AIM
identifier the scanner puts in front), or part of the customer's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from db.models import AuditEntry, Operator, Order, Parcel, Tote
from workstation.services import labels
from workstation.services.operators import OperatorInfo, ensure_station
from workstation.services.orders import show_order
from workstation.settings import Settings

__all__ = ["OrderMatch", "find_orders", "label_key", "order_details", "print_history",
           "reprint_labels", "void_label"]

_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# AI 00 + 18 digits, alone or followed by more element strings (GS or "(" in front of them).
_SSCC = re.compile(r"^(?:\(00\)|00)?(\d{18})(?:$|\x1d|\()")
NAME_LIMIT = 50


@dataclass(frozen=True, slots=True)
class OrderMatch:
    number: str
    customer: str
    status: str
    matched_by: str  # "number", "tote", "tracking", "sscc", "carrier_tracking", "customer"
    matched: str  # the value that matched


def label_key(scanned: str) -> str:
    """What was scanned, without the scanner's AIM identifier and surrounding white space."""
    text = scanned.strip()
    return _AIM.sub("", text, count=1) if _AIM.match(text) else text


def _exact(session: Session, key: str) -> list[OrderMatch]:
    found: list[OrderMatch] = []

    def add(kind: str, query: Any, value: str) -> None:
        for order in session.scalars(query):
            found.append(OrderMatch(order.number, order.customer_name, order.status, kind, value))

    keys = {key, key.upper()}  # typed in small letters, printed in capitals
    add("number", select(Order).where(Order.number.in_(keys)), key)
    add("tote", select(Order).join(Tote, Tote.order_id == Order.id).where(Tote.code.in_(keys)),
        key)
    add("tracking", select(Order).join(Parcel, Parcel.order_id == Order.id)
        .where(Parcel.tracking_number.in_(keys)), key)
    add("carrier_tracking", select(Order).where(Order.carrier_tracking_number.in_(keys)), key)
    sscc = _SSCC.match(key)
    if sscc:
        add("sscc", select(Order).join(Parcel, Parcel.order_id == Order.id)
            .where(Parcel.sscc == sscc[1]), sscc[1])
    return found


def find_orders(sessions: sessionmaker[Session], text: str) -> list[OrderMatch]:
    """Exact matches on a code first; else orders whose customer or ship-to name contains it."""
    key = label_key(text)
    if not key:
        return []
    with sessions() as session:
        found = _exact(session, key)
        if not found and len(key) >= 2:
            pattern = f"%{key.lower()}%"
            rows = session.scalars(
                select(Order).where(or_(func.lower(Order.customer_name).like(pattern),
                                        func.lower(Order.ship_to_name).like(pattern)))
                .order_by(Order.imported_at.desc(), Order.number).limit(NAME_LIMIT))
            found = [OrderMatch(o.number, o.customer_name, o.status, "customer", o.customer_name)
                     for o in rows]
    seen: set[str] = set()
    unique = []
    for match in found:
        if match.number not in seen:
            seen.add(match.number)
            unique.append(match)
    return unique


def print_history(session: Session, number: str) -> list[dict[str, Any]]:
    """Every print job of the order (labels, slips, reprints, voids), oldest first."""
    return [job.as_json() for job in labels.history(session, number)]


def reprint_labels(sessions: sessionmaker[Session], station: str, order_number: str,
                   reason: str, operator: OperatorInfo | None, *, parcel: int | None = None,
                   kind: str | None = None, now: datetime | None = None,
                   settings: Settings | None = None) -> list[int]:
    """Queue exact copies of the order's labels (one parcel's, one kind's, or all); audited.

    With the station's ``settings``, a label that could not be rendered when the order was
    packed is rendered now, and the original and its copy get the same bytes (see
    ``labels.reprint``); without them the spooler renders the copy before sending it."""
    now = now or datetime.now(UTC)
    with sessions.begin() as session:
        station_id = ensure_station(session, station, now)
        copies = labels.reprint(session, order_number, reason, operator, station_id, now,
                                parcel_seq=parcel, kind=kind, settings=settings)
        return [job.id for job in copies]


def void_label(sessions: sessionmaker[Session], station: str, job_id: int, reason: str,
               operator: OperatorInfo | None, *, now: datetime | None = None) -> None:
    """Mark one label void so it is never sent or used; audited with the reason."""
    now = now or datetime.now(UTC)
    with sessions.begin() as session:
        station_id = ensure_station(session, station, now)
        labels.void(session, job_id, reason, operator, station_id, now)


def _audit_trail(session: Session, number: str) -> list[dict[str, Any]]:
    rows = session.execute(
        select(AuditEntry, Operator.code)
        .join(Order, Order.id == AuditEntry.order_id)
        .outerjoin(Operator, Operator.id == AuditEntry.operator_id)
        .where(Order.number == number).order_by(AuditEntry.id)
    ).all()
    return [{"at": e.at.isoformat(), "action": e.action, "operator": code, "reason": e.reason,
             "details": e.details} for e, code in rows]


def order_details(sessions: sessionmaker[Session], number: str) -> dict[str, Any]:
    """``show_order`` plus the order's print history and audit trail, for the desk."""
    with sessions() as session:
        details = show_order(session, number)
        details["print_jobs"] = print_history(session, number)
        details["audit"] = _audit_trail(session, number)
        return details
