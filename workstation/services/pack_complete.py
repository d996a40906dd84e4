"""The scan that completes an order, written on the fast path's connection.

The full path (``PackService._complete`` in pack.py) completes an order through the ORM: it
re-reads the session it already knows, and about two thirds of the completing scan's time went
to the ORM's own Python (building statements, the unit of work, loading objects), not to the
database or to rendering the labels. One scan in every order pays it, so it set the scan
latency's p99. This module writes a *plain* completion -- every line scanned, nothing short,
damaged or overridden, no weight check -- with SQLAlchemy Core statements built once, on the
fast path's connection, in the same single transaction as the scan event (DESIGN.md §2).

What it shares with the full path, so the two cannot drift apart where it matters: the domain
decision (``decide``), the parcels' numbering and every document's rendering
(``labels.prepare_jobs`` and ``labels.fail_with_reason``, run through a read-only Session on
this connection), and the audit's and status history's content. Everything else a completion
can be (held for a short, a weight to check, an override) takes the full path.
tests/integration/test_pack_complete_fast.py packs the same orders by both paths, on SQLite
and PostgreSQL, and compares every row they write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, null, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.enums import OrderStatus, ParcelStatus, SessionStatus
from db.models import (
    AuditEntry,
    Order,
    OrderStatusChange,
    PackSession,
    Parcel,
    ParcelItem,
    PrintJob,
    utcnow,
)
from workstation.domain.outcomes import Outcome
from workstation.domain.pack import Decision
from workstation.services import labels
from workstation.settings import Settings

_COMPLETE_SESSION = (
    update(PackSession)
    .where(PackSession.id == bindparam("b_id"), PackSession.version == bindparam("b_version"),
           PackSession.status == SessionStatus.OPEN.value)
    .values(status=SessionStatus.COMPLETED.value, ended_at=bindparam("b_now"), pending=null(),
            version=bindparam("b_new_version"))
)
# The claim is released in the same statement; it must still be this station's.
_PACK_ORDER = (
    update(Order)
    .where(Order.id == bindparam("b_id"), Order.status == OrderStatus.IN_PROGRESS.value,
           Order.claim_station_id == bindparam("b_station"))
    .values(status=OrderStatus.PACKED.value, packed_at=bindparam("b_now"),
            updated_at=bindparam("b_updated"), claim_station_id=None, claim_operator_id=None,
            claimed_at=None)
)
_STATUS_CHANGE = insert(OrderStatusChange)
_DELETE_EMPTY_OPEN = delete(Parcel).where(
    Parcel.session_id == bindparam("b_session"), Parcel.status == ParcelStatus.OPEN.value,
    ~select(ParcelItem.id).where(ParcelItem.parcel_id == Parcel.id).exists(),
)
_CLOSE_PARCELS = (
    update(Parcel)
    .where(Parcel.session_id == bindparam("b_session"),
           Parcel.status == ParcelStatus.OPEN.value)
    .values(status=ParcelStatus.CLOSED.value, closed_at=bindparam("b_now"))
)
_PARCELS = select(Parcel).where(Parcel.session_id == bindparam("b_session")).order_by(Parcel.seq)
_NUMBER_PARCEL = (
    update(Parcel).where(Parcel.id == bindparam("b_id"))
    .values(tracking_number=bindparam("b_tracking"), sscc=bindparam("b_sscc"))
)
_JOB_COLUMNS = ("order_id", "parcel_id", "station_id", "kind", "format", "printer_url", "data",
                "state", "attempts", "last_error", "reprint_of_id", "reason", "created_at",
                "updated_at")
_INSERT_JOBS = insert(PrintJob).returning(PrintJob.id, sort_by_parameter_order=True)
_FAIL_JOB = (
    update(PrintJob).where(PrintJob.id == bindparam("b_id"))
    .values(data=bindparam("b_data"), state=bindparam("b_state"),
            last_error=bindparam("b_error"))
)
_AUDIT = insert(AuditEntry)


def plain(decision: Decision, settings: Settings) -> bool:
    """Whether this decision is a completion this module may write (else: the full path)."""
    return (decision.state.complete and decision.outcome is Outcome.ORDER_COMPLETE
            and decision.quantity > 0 and not decision.short and not decision.damaged
            and not any(line.short for line in decision.state.lines)
            and not settings.weight_check)


@dataclass(frozen=True, slots=True)
class Completed:
    parcels: int
    print_jobs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Context:
    """Who completes which session, and when."""

    pack_id: int
    order_id: int
    version: int
    station_id: int
    operator_id: int | None
    units: int
    parcels: int
    now: datetime


def close_session(conn: Connection, ctx: Context) -> bool:
    """The session completed and the order packed and released, or False (nothing written
    that counts: the caller rolls back) when either changed under us."""
    done = conn.execute(_COMPLETE_SESSION, {"b_id": ctx.pack_id, "b_version": ctx.version,
                                            "b_now": ctx.now, "b_new_version": ctx.version + 1})
    if done.rowcount != 1:
        return False
    packed = conn.execute(_PACK_ORDER, {"b_id": ctx.order_id, "b_station": ctx.station_id,
                                        "b_now": ctx.now, "b_updated": utcnow()})
    if packed.rowcount != 1:
        return False
    conn.execute(_STATUS_CHANGE, {
        "order_id": ctx.order_id, "from_status": OrderStatus.IN_PROGRESS.value,
        "to_status": OrderStatus.PACKED.value, "at": ctx.now, "station_id": ctx.station_id,
        "operator_id": ctx.operator_id, "reason": None})
    return True


def close_parcels_and_print(conn: Connection, ctx: Context, settings: Settings) -> Completed:
    """After the scan's own item is written: close the parcels, number them, write and render
    the print jobs (the outbox), and audit the packed order."""
    conn.execute(_DELETE_EMPTY_OPEN, {"b_session": ctx.pack_id})
    conn.execute(_CLOSE_PARCELS, {"b_session": ctx.pack_id, "b_now": ctx.now})
    # A Session on this connection only reads (and numbers through the counters' upsert):
    # nothing of it is ever flushed, and it neither commits nor rolls back the connection's
    # transaction, which it did not begin.
    with Session(bind=conn, autoflush=False) as reader:
        order = reader.get(Order, ctx.order_id)
        assert order is not None, "the order was just updated in this transaction"
        parcels = list(reader.scalars(_PARCELS, {"b_session": ctx.pack_id}))
        before = {p.id: (p.tracking_number, p.sscc) for p in parcels}
        jobs, failed = labels.prepare_jobs(reader, order, parcels, ctx.station_id, settings,
                                           ctx.now)
        for parcel in parcels:
            if (parcel.tracking_number, parcel.sscc) != before[parcel.id]:
                conn.execute(_NUMBER_PARCEL, {"b_id": parcel.id, "b_tracking":
                                              parcel.tracking_number, "b_sscc": parcel.sscc})
        ids = [int(row[0]) for row in conn.execute(
            _INSERT_JOBS, [{c: getattr(job, c) for c in _JOB_COLUMNS} for job in jobs])]
        for job, job_id in zip(jobs, ids, strict=True):
            job.id = job_id
        for job in failed:
            labels.fail_with_reason(reader, job, settings, len(parcels))
            conn.execute(_FAIL_JOB, {"b_id": job.id, "b_data": job.data, "b_state": job.state,
                                     "b_error": job.last_error})
        reader.expunge_all()  # the numbered parcels are written above, not by a flush
    details: dict[str, Any] = {"parcels": len(parcels), "units": ctx.units, "short": {}}
    conn.execute(_AUDIT, {"at": ctx.now, "action": "order_packed", "station_id": ctx.station_id,
                          "operator_id": ctx.operator_id, "authorised_by_id": None,
                          "order_id": ctx.order_id, "reason": None, "details": details})
    return Completed(len(parcels), tuple(ids))
