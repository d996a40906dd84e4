"""Labels as print jobs: numbering parcels, writing the jobs of a packed order (the outbox),
rendering them, reprints, voids and the print history.

Every function here takes the caller's Session: the jobs of a packed order are written in
the same transaction that closes its parcels, so a parcel is never closed without its labels
and a label never exists for a parcel that was not closed. Each job is rendered there too, and
its bytes stored with it (DESIGN.md: the spooler renders nothing late; every send and every
reprint is exactly those bytes). A carrier's own label is stored unchanged.

One exception: a document that cannot be rendered (a field no barcode can carry, a missing
font, a fault in a layout) does not stop the packing scan. Its job is written *failed*, without
bytes, with the reason and what to do; the operator sees it at once on the printer panel, and
when the cause is fixed a retry has the spooler render it (:func:`render_job`) and store the
bytes (:func:`store_rendered`: the first renderer wins) before it sends them.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from sqlalchemy import TextClause, func, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.enums import PrintJobState, SessionStatus
from db.models import Order, PackSession, Parcel, PrintJob
from printing import render
from printing.escpos_receipt import RECEIPT_58MM, RECEIPT_80MM
from printing.fonts import FontNotFound
from printing.identifiers import s10, sscc
from printing.render import render_picture
from workstation.services import label_data
from workstation.services.audit import audit
from workstation.services.errors import ConflictError, NotFoundError, WorkstationError
from workstation.services.operators import OperatorInfo
from workstation.settings import Settings

if TYPE_CHECKING:
    from PIL.Image import Image

    from printing.model import ShippingLabelData

log = logging.getLogger(__name__)

Kind = Literal["shipping", "return", "slip", "manifest"]
KINDS: tuple[Kind, ...] = ("shipping", "return", "slip", "manifest")
TRACKING_COUNTER = "tracking"
SSCC_COUNTER = "sscc"


# -- numbering -----------------------------------------------------------------------------

def next_value(session: Session, name: str) -> int:
    """The next value of a named counter shared by every station.

    The UPDATE takes the counter row's lock until the caller commits, so two stations can
    never get the same value; the row is created on first use."""
    return next_values(session, (name,))[name]


def next_values(session: Session, names: Sequence[str]) -> dict[str, int]:
    """The next value of each named counter, in one statement (see :func:`next_value`).

    Run on the session's connection, not through the ORM: no autoflush in the middle of the
    caller's changes (which would split one parcel's UPDATE into several). The rows are
    locked in name order, the same at every station."""
    wanted = sorted(set(names))
    rows = session.connection().execute(_counters_upsert(len(wanted)),
                                        {f"n{i}": n for i, n in enumerate(wanted)}).all()
    return {str(n): int(v) for n, v in rows}


@functools.cache
def _counters_upsert(count: int) -> TextClause:
    """The upsert of ``count`` counters, as SQL text: the same on SQLite (3.35+) and PostgreSQL.

    Text, not ``insert().values([...]).on_conflict_do_update()``: SQLAlchemy compiles a
    multi-row VALUES upsert anew on every execution (no statement cache), which cost the scan
    that completes an order more than its own SQL did."""
    rows = ", ".join(f"(:n{i}, 1)" for i in range(count))
    return text(f"INSERT INTO counters (name, value) VALUES {rows} ON CONFLICT (name) "
                "DO UPDATE SET value = counters.value + 1 RETURNING name, value")


def number_parcel(session: Session, order: Order, parcel: Parcel, settings: Settings) -> None:
    """Give a closed parcel its tracking number and SSCC (once; a reprint keeps them)."""
    carrier = parcel.seq == 1 and bool(order.carrier_tracking_number)
    wanted = []
    if parcel.tracking_number is None and not carrier:
        wanted.append(TRACKING_COUNTER)
    if parcel.sscc is None:
        wanted.append(SSCC_COUNTER)
    values = next_values(session, wanted) if wanted else {}
    if parcel.tracking_number is None:
        if carrier:
            parcel.tracking_number = order.carrier_tracking_number
        else:
            serial = values[TRACKING_COUNTER]
            if serial > 99_999_999:
                raise WorkstationError(
                    "the tracking-number sequence is used up (8 digits): set a new "
                    "labels.tracking_prefix in the settings"
                )
            parcel.tracking_number = s10(settings.tracking_prefix, serial,
                                         settings.tracking_country)
    if parcel.sscc is None:
        parcel.sscc = sscc(settings.sscc_extension, settings.sscc_company_prefix,
                           values[SSCC_COUNTER])


# -- the outbox: jobs written when an order is packed --------------------------------------

def jobs_for_packed_order(session: Session, order: Order, parcels: Sequence[Parcel],
                          station_id: int, settings: Settings, now: dt.datetime
                          ) -> list[PrintJob]:
    """Number the parcels and write every job the packed order needs, in the caller's
    transaction: a shipping label per parcel (the carrier's own label, unchanged, where the
    order came with one), a return label when the order asks for it, one packing slip.

    Each job is rendered here and its bytes stored with it; one that cannot be rendered is
    written failed with the reason (see the module docstring)."""
    jobs, failed = prepare_jobs(session, order, parcels, station_id, settings, now)
    session.add_all(jobs)
    session.flush()
    for job in failed:
        fail_with_reason(session, job, settings, len(parcels))
    if failed:
        session.flush()
    return jobs


def prepare_jobs(session: Session, order: Order, parcels: Sequence[Parcel], station_id: int,
                 settings: Settings, now: dt.datetime) -> tuple[list[PrintJob], list[PrintJob]]:
    """The jobs of :func:`jobs_for_packed_order`, numbered and rendered but not yet added to
    the session: (every job, the ones that could not be rendered).

    Rendered before they are inserted, so each job's bytes are written once, with its row. A
    job that cannot be rendered is inserted first, then given its reason by
    :func:`fail_with_reason` (which renders it again, so that the reason names the job's id:
    the `jobs retry` command in it) -- the rare path."""
    jobs: list[PrintJob] = []

    def add(kind: str, fmt: str, url: str, data: bytes | None, parcel: Parcel | None) -> None:
        jobs.append(PrintJob(order_id=order.id, parcel_id=parcel.id if parcel else None,
                             station_id=station_id, kind=kind, format=fmt, printer_url=url,
                             data=data, state=PrintJobState.PENDING.value, attempts=0,
                             created_at=now, updated_at=now))

    for parcel in parcels:
        number_parcel(session, order, parcel, settings)
        if parcel.seq == 1 and order.carrier_label:
            add("shipping", order.carrier_label_format or settings.label_format,
                settings.label_printer, order.carrier_label, parcel)
            continue
        add("shipping", settings.label_format, settings.label_printer, None, parcel)
    if order.return_label:
        add("return", settings.label_format, settings.label_printer, None, None)
    slip_format = _slip_job_format(settings)
    if slip_format is not None:
        add("slip", slip_format, settings.slip_printer, None, None)
    failed = []
    for job in jobs:
        if job.data is None:
            job.data, error = render_or_reason(session, job, settings,
                                               parcel_count=len(parcels), log_faults=False)
            if error is not None:
                failed.append(job)
    return jobs, failed


def fail_with_reason(session: Session, job: PrintJob, settings: Settings,
                     parcel_count: int) -> None:
    """A job that could not be rendered, now that it has its id: failed, with the reason
    (rendered once more; should it render now after all, it stays pending with its bytes)."""
    job.data, error = render_or_reason(session, job, settings, parcel_count=parcel_count)
    if error is not None:
        job.state, job.last_error = PrintJobState.FAILED.value, error


def render_or_reason(session: Session, job: PrintJob, settings: Settings, *,
                     parcel_count: int | None = None, log_faults: bool = True
                     ) -> tuple[bytes | None, str | None]:
    """(bytes, None), or (None, why it cannot be rendered and what to do). Database errors
    propagate (they are not the job's fault); any other fault in a layout becomes a reason, so
    it cannot stop a packing scan or the spooler's thread."""
    try:
        return render_job(session, job, settings, parcel_count=parcel_count), None
    except SQLAlchemyError:
        raise
    except RenderError as exc:
        return None, str(exc)
    except Exception as exc:
        if log_faults:
            log.exception("rendering print job %s failed", job.id)
        return None, (f"cannot render the {job.kind} document of print job {job.id} as "
                      f"{job.format}: {type(exc).__name__}: {exc}. This is a fault in the "
                      "station software: report it; print the document with `workstation "
                      "label`, or retry the job after an update")


def _slip_job_format(settings: Settings) -> str | None:
    """The format of the packing slip job this station writes (None: it prints no slip)."""
    if settings.slip_format == "none":
        return None
    return "pdf" if settings.slip_format == "pdf" else "escpos"


# -- rendering a job's bytes (by the spooler, just before it sends the job) ----------------

class RenderError(WorkstationError):
    """A print job cannot be rendered; the message names the job, the problem and the fix."""


def render_label(session: Session, order: Order, parcel: Parcel, parcel_count: int,
                 settings: Settings, fmt: str, ship_date: dt.date) -> bytes:
    data = label_data.shipping_label(session, order, parcel, parcel_count, settings, ship_date)
    return render(data, fmt,  # type: ignore[arg-type]  # checked by the settings
                  label_data.label_size(settings), settings.label_dpi)


def render_job(session: Session, job: PrintJob, settings: Settings, *,
               parcel_count: int | None = None) -> bytes:
    """The bytes of a job written without them, rendered from the packed order.

    The format and printer are the job's own; label size, dpi, slip page and receipt width
    come from ``settings``; the ship date is the day the job was written (a reprint's: the
    day its original was). Raises :class:`RenderError` when the job cannot be rendered
    (its order or parcel is gone, or a field cannot be printed in its format); database
    errors propagate unchanged (they are not the job's fault)."""
    order = session.get(Order, job.order_id) if job.order_id is not None else None
    if order is None:
        raise RenderError(f"print job {job.id} ({job.kind}) belongs to no order, so there is "
                          "nothing to render: void it (workstation jobs void "
                          f"{job.id} --reason ...)")
    what = f"the {job.kind} document of order {order.number} (print job {job.id}) as {job.format}"
    origin = job
    if job.reprint_of_id is not None:
        origin = session.get(PrintJob, job.reprint_of_id) or job
    ship_date = ship_date_of(origin.created_at)
    # `parcel_count`: the caller knows how many parcels the order has (no query).
    size = label_data.label_size(settings)
    try:
        if job.kind == "shipping":
            parcel = session.get(Parcel, job.parcel_id) if job.parcel_id is not None else None
            if parcel is None:
                raise RenderError(f"cannot render {what}: its parcel is gone; void the job "
                                  "and reprint the order's labels")
            if parcel.seq == 1 and order.carrier_label:
                return bytes(order.carrier_label)
            count = parcel_count or session.scalar(
                select(func.count()).select_from(Parcel)
                .where(Parcel.session_id == parcel.session_id)) or 1
            return render_label(session, order, parcel, int(count), settings, job.format,
                                ship_date)
        if job.kind == "return":
            return render(label_data.return_label(order, settings),
                          job.format,  # type: ignore[arg-type]  # a bad one: ValueError
                          size, settings.label_dpi)
        if job.kind == "slip":
            slip = label_data.packing_slip(session, order, settings)
            if job.format == "escpos":
                profile = RECEIPT_58MM if settings.slip_format == "escpos58" else RECEIPT_80MM
                return render(slip, "escpos", receipt=profile)
            return render(slip, job.format,  # type: ignore[arg-type]
                          page_size=label_data.page_size(settings))
    except FontNotFound as exc:  # the machine, not the order
        raise RenderError(f"cannot render {what}: {exc}. Install the fonts (scripts/setup.sh "
                          f"does), then retry the job (workstation jobs retry {job.id})"
                          ) from exc
    except ValueError as exc:  # UnsupportedFormat, unprintable barcode data and friends
        raise RenderError(f"cannot render {what}: {exc}. Correct the order's data or the "
                          "station's [labels] settings, then retry the job (workstation jobs "
                          f"retry {job.id})") from exc
    raise RenderError(f"cannot render {what}: a {job.kind} job is only ever printed from the "
                      "bytes stored with it; void it")


def ship_date_of(written: dt.datetime) -> dt.date:
    """The ship date a label carries: the UTC day its job was written (naive: UTC already)."""
    return (written.astimezone(dt.UTC) if written.tzinfo else written).date()


def store_rendered(session: Session, job_id: int, data: bytes, *,
                   read_back: bool = True) -> bytes:
    """Store a job's rendered bytes unless someone stored them first; returns the bytes the
    job now has (so two renderers agree on one set of bytes; ``read_back=False``: the caller
    reads them itself, and gets ``data`` back)."""
    session.execute(
        update(PrintJob).where(PrintJob.id == job_id, PrintJob.data.is_(None))
        .values(data=data).execution_options(synchronize_session=False)
    )
    if not read_back:
        return data
    stored = session.scalar(select(PrintJob.data).where(PrintJob.id == job_id))
    return bytes(stored) if stored is not None else data


# -- rendering on demand (`workstation label`) ---------------------------------------------

def render_document(session: Session, order_number: str, kind: Kind, fmt: str,
                    settings: Settings, parcel_seq: int = 1,
                    today: dt.date | None = None) -> bytes:
    """Render one document of an order without printing it (nothing is written)."""
    order = _order(session, order_number)
    today = today or dt.datetime.now(dt.UTC).date()
    size = label_data.label_size(settings)
    try:
        if kind == "shipping":
            data = _shipping_data(session, order, settings, parcel_seq, today)
            return render(data, fmt, size, settings.label_dpi)  # type: ignore[arg-type]
        if kind == "return":
            return render(label_data.return_label(order, settings), fmt,  # type: ignore[arg-type]
                          size, settings.label_dpi)
        if kind == "slip":
            slip = label_data.packing_slip(session, order, settings)
            if fmt == "escpos":
                profile = RECEIPT_58MM if settings.slip_format == "escpos58" else RECEIPT_80MM
                return render(slip, "escpos", receipt=profile)
            return render(slip, fmt, page_size=label_data.page_size(settings))  # type: ignore[arg-type]
        parcels = _parcels(session, order)
        rows = [(p, order, label_data.parcel_weight(session, p)) for p in parcels]
        data_m = label_data.manifest(rows, order.carrier, settings.station, settings, today)
        return render(data_m, fmt, page_size=label_data.page_size(settings))  # type: ignore[arg-type]
    except ValueError as exc:  # UnsupportedFormat and friends: a usage problem
        raise WorkstationError(f"cannot render the {kind} document as {fmt}: {exc}") from exc


def shipping_picture(session: Session, order_number: str, settings: Settings,
                     parcel_seq: int = 1, today: dt.date | None = None) -> Image:
    """The shipping label as ``render_document(…, "shipping", "png", …)`` draws it, as a
    grayscale Pillow image: for the screen's preview, which need not encode and decode a PNG."""
    order = _order(session, order_number)
    data = _shipping_data(session, order, settings, parcel_seq,
                          today or dt.datetime.now(dt.UTC).date())
    return render_picture(data, label_data.label_size(settings), settings.label_dpi)


def _shipping_data(session: Session, order: Order, settings: Settings, parcel_seq: int,
                   today: dt.date) -> ShippingLabelData:
    parcels = _parcels(session, order)
    parcel = next((p for p in parcels if p.seq == parcel_seq), None)
    if parcel is None:
        if parcels or parcel_seq != 1:
            raise NotFoundError(f"order {order.number} has no parcel {parcel_seq} "
                                f"(it has {len(parcels)})")
        # Not packed yet: a preview with placeholder numbers, never stored.
        parcel = Parcel(order_id=order.id, seq=1, tracking_number="PREVIEW", sscc="")
        parcel.id = -1
        parcels = [parcel]
    return label_data.shipping_label(session, order, parcel, len(parcels), settings, today)


def render_manifest(session: Session, carrier: str, day: dt.date, settings: Settings,
                    fmt: str = "pdf") -> tuple[bytes, int]:
    """The courier manifest of every parcel packed for ``carrier`` on ``day`` (UTC): the
    document the driver signs. Returns (bytes, number of parcels)."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
    rows = session.execute(
        select(Parcel, Order).join(Order, Order.id == Parcel.order_id)
        .join(PackSession, PackSession.id == Parcel.session_id)
        .where(Order.carrier == carrier, PackSession.status == SessionStatus.COMPLETED.value,
               Parcel.closed_at >= start, Parcel.closed_at < start + dt.timedelta(days=1))
        .order_by(Parcel.closed_at, Parcel.id)
    ).all()
    if not rows:
        raise NotFoundError(f"no parcels packed for carrier {carrier!r} on {day.isoformat()}: "
                            "check the carrier's name as the orders spell it")
    parcels = [(p, o, label_data.parcel_weight(session, p)) for p, o in rows]
    data = label_data.manifest(parcels, carrier, settings.station, settings, day)
    return render(data, fmt, page_size=label_data.page_size(settings)), len(parcels)  # type: ignore[arg-type]


# -- reprints, voids, history --------------------------------------------------------------

@dataclass(frozen=True)
class JobView:
    id: int
    order_number: str | None
    parcel_seq: int | None
    kind: str
    format: str
    printer_url: str
    state: str
    attempts: int
    last_error: str | None
    reprint_of: int | None
    reason: str | None
    created_at: dt.datetime
    sent_at: dt.datetime | None
    size: int | None  # None: no bytes (its render failed when packed; a retry renders it)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "order": self.order_number, "parcel": self.parcel_seq,
            "kind": self.kind, "format": self.format, "printer": self.printer_url,
            "state": self.state, "attempts": self.attempts, "error": self.last_error,
            "reprint_of": self.reprint_of, "reason": self.reason,
            "created_at": self.created_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None, "bytes": self.size,
        }


def job_views(session: Session, where: Sequence[object]) -> list[JobView]:
    rows = session.execute(
        select(PrintJob.id, Order.number, Parcel.seq, PrintJob.kind, PrintJob.format,
               PrintJob.printer_url, PrintJob.state, PrintJob.attempts, PrintJob.last_error,
               PrintJob.reprint_of_id, PrintJob.reason, PrintJob.created_at,
               PrintJob.sent_at, func.length(PrintJob.data))
        .outerjoin(Order, Order.id == PrintJob.order_id)
        .outerjoin(Parcel, Parcel.id == PrintJob.parcel_id)
        .where(*where).order_by(PrintJob.id)  # type: ignore[arg-type]
    ).all()
    return [JobView(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                    r[12], None if r[13] is None else int(r[13])) for r in rows]


def history(session: Session, order_number: str) -> list[JobView]:
    order = _order(session, order_number)
    return job_views(session, [PrintJob.order_id == order.id])


def reprint(session: Session, order_number: str, reason: str, operator: OperatorInfo | None,
            station_id: int, now: dt.datetime, *, parcel_seq: int | None = None,
            kind: str | None = None, printer_url: str | None = None,
            settings: Settings | None = None) -> list[PrintJob]:
    """New jobs carrying exactly the stored bytes of the order's labels; audited with reason.

    An original without bytes (its render failed when the order was packed) is rendered now
    when ``settings`` are given, and its bytes stored on it
    (:func:`store_rendered`), so the copy and the original are one label. Without settings,
    or when it cannot be rendered, the copy is written without bytes: the spooler renders it
    before sending it, as it does the original (same order, same ship date: the original's),
    or fails it with the reason."""
    if not reason.strip():
        raise WorkstationError("a reprint needs a reason (e.g. 'label damaged'): give --reason")
    order = _order(session, order_number)
    query = select(PrintJob).where(PrintJob.order_id == order.id,
                                   PrintJob.reprint_of_id.is_(None),
                                   PrintJob.kind != "test")
    if kind is not None:
        query = query.where(PrintJob.kind == kind)
    if parcel_seq is not None:
        parcel = session.scalar(select(Parcel).where(Parcel.order_id == order.id,
                                                     Parcel.seq == parcel_seq))
        if parcel is None:
            raise NotFoundError(f"order {order_number} has no parcel {parcel_seq}")
        query = query.where(PrintJob.parcel_id == parcel.id)
    originals = session.scalars(query.order_by(PrintJob.id)).all()
    if not originals:
        raise NotFoundError(f"order {order_number} has no labels to reprint"
                            + (f" of kind {kind}" if kind else "")
                            + ": it is printed when the order is packed")
    copies = []
    for job in originals:
        data = job.data
        if data is None and settings is not None:
            try:
                data = store_rendered(session, job.id, render_job(session, job, settings))
            except RenderError as exc:
                log.warning("reprint of job %s: %s", job.id, exc)
        copy = PrintJob(order_id=job.order_id, parcel_id=job.parcel_id, station_id=station_id,
                        kind=job.kind, format=job.format,
                        printer_url=printer_url or job.printer_url, data=data,
                        state=PrintJobState.PENDING.value, attempts=0, reprint_of_id=job.id,
                        reason=reason.strip(), created_at=now, updated_at=now)
        session.add(copy)
        copies.append(copy)
    session.flush()
    audit(session, "label_reprinted", at=now, station_id=station_id,
          operator_id=operator.id if operator else None, order_id=order.id,
          reason=reason.strip(),
          details={"jobs": [c.id for c in copies], "of": [j.id for j in originals],
                   "parcel": parcel_seq, "kind": kind})
    return copies


def void(session: Session, job_id: int, reason: str, operator: OperatorInfo | None,
         station_id: int, now: dt.datetime) -> PrintJob:
    """Mark a label void (torn, misapplied, order changed): it must not be used or sent."""
    if not reason.strip():
        raise WorkstationError("voiding a label needs a reason")
    job = session.get(PrintJob, job_id, with_for_update=True)
    if job is None:
        raise NotFoundError(f"no print job {job_id}")
    if job.state == PrintJobState.SENDING.value:
        raise ConflictError(f"print job {job_id} is being sent right now: wait a moment")
    before = job.state
    job.state = PrintJobState.VOIDED.value
    job.updated_at = now
    audit(session, "label_voided", at=now, station_id=station_id,
          operator_id=operator.id if operator else None, order_id=job.order_id,
          reason=reason.strip(), details={"job": job.id, "state_before": before})
    return job


def parcel_for_label(session: Session, text: str, sscc_value: str | None = None
                     ) -> Parcel | None:
    """The parcel whose label carries this tracking number or SSCC."""
    if sscc_value:
        found = session.scalar(select(Parcel).where(Parcel.sscc == sscc_value))
        if found is not None:
            return found
    code = text.strip()
    if not code:
        return None
    return session.scalar(select(Parcel).where(Parcel.tracking_number == code))


def _order(session: Session, number: str) -> Order:
    order = session.scalar(select(Order).where(Order.number == number))
    if order is None:
        raise NotFoundError(f"no order {number}: check the number (workstation order list)")
    return order


def _parcels(session: Session, order: Order) -> list[Parcel]:
    """The parcels of the order's completed pack session (a cancelled session's do not ship)."""
    return list(session.scalars(
        select(Parcel).join(PackSession, PackSession.id == Parcel.session_id)
        .where(Parcel.order_id == order.id,
               PackSession.status == SessionStatus.COMPLETED.value)
        .order_by(Parcel.seq)))
