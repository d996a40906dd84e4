"""The station's print spooler: sends the stored bytes of its print jobs, durably.

Jobs are written, and rendered, in the transaction that packs the order (see labels.py): the
spooler sends exactly the bytes stored with each job. The one job it renders is one written
without bytes because its document could not be rendered then (it was written failed, with the
reason) and that a person retried after fixing the cause: just before sending it, the spooler
renders it from the packed order in a read-only session and stores the bytes with the job in
the transaction that marks it "sending" (``UPDATE ... WHERE data IS NULL``, so two renderers
agree on one set of bytes); if it still cannot be rendered it fails again with the reason.

A job moves pending -> sending -> done, or back to pending with a backoff when the printer is
offline, out of paper or refuses it (the operator sees why, and may redirect it), or to failed
after the configured number of attempts. The move to "sending" is committed before the first
byte goes out, so a crash mid-send leaves the job in "sending"; the next start turns it into
"unknown", which a person must resolve (printed: done; not printed: send again). A job is never
resent silently. Jobs for one printer go out in the order they were written: the oldest
pending job of a printer blocks the ones behind it while it waits.

One thread per station, with a stop event; events go out through callbacks (the UI turns them
into Qt signals). ``run_once`` does one round synchronously, for the command line and tests.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from db.engine import READ_ONLY
from db.enums import PrintJobState
from db.models import PrintJob
from printing import open_transport
from printing.status import PrinterStatus
from printing.transports import PrinterError, PrinterFault, Transport
from workstation.services.audit import audit
from workstation.services.errors import ConflictError, NotFoundError, WorkstationError
from workstation.services.labels import JobView, job_views, render_or_reason, store_rendered
from workstation.services.operators import OperatorInfo, ensure_station
from workstation.settings import Settings

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
PENDING, SENDING, DONE, FAILED, UNKNOWN, VOIDED = (
    s.value for s in (PrintJobState.PENDING, PrintJobState.SENDING, PrintJobState.DONE,
                      PrintJobState.FAILED, PrintJobState.UNKNOWN, PrintJobState.VOIDED)
)


@dataclass(frozen=True)
class JobEvent:
    """What happened to one job; ``printer_state``/``what_to_do`` when the printer said why."""

    job_id: int
    order_number: str | None
    kind: str
    printer_url: str
    state: str
    attempts: int
    error: str | None = None
    printer_state: str | None = None
    what_to_do: str | None = None


Subscriber = Callable[[JobEvent], None]


@dataclass(frozen=True)
class PrinterEvent:
    """A station printer's own state, read every few seconds (and whenever a job fails)."""

    printer_url: str
    role: str  # "label", "slip" or "label+slip"
    state: str  # printing.status.PrinterState value: ready, paper_out, head_open, offline...
    ready: bool
    what_to_do: str
    detail: str = ""


StatusSubscriber = Callable[[PrinterEvent], None]
STATUS_EVERY_SECONDS = 5.0
RENDER_AHEAD_PER_ROUND = 20  # jobs rendered ahead after a round, so a backlog cannot stall it


class Spooler:
    def __init__(self, sessions: sessionmaker[Session], settings: Settings, *,
                 clock: Clock | None = None,
                 transports: Callable[[str], Transport] = open_transport) -> None:
        self._sessions = sessions
        engine = sessions.kw.get("bind")
        assert engine is not None, "the sessionmaker must be bound to an engine"
        # Reads (what is due, rendering) must not take SQLite's write lock a scan waits for.
        self._reads = sessionmaker(engine.execution_options(**{READ_ONLY: True}),
                                   expire_on_commit=False)
        self._settings = settings
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._open_transport = transports
        self._transports: dict[str, Transport] = {}
        self._subscribers: list[Subscriber] = []
        self._status: dict[str, PrinterStatus] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._station_id: int | None = None
        self._lock = threading.Lock()  # one round at a time (thread and run_once)
        self._status_subscribers: list[StatusSubscriber] = []
        self._status_due = 0.0

    # -- lifecycle -----------------------------------------------------------------------

    @property
    def station_id(self) -> int:
        if self._station_id is None:
            with self._sessions.begin() as session:
                self._station_id = ensure_station(session, self._settings.station,
                                                  self._clock())
        return self._station_id

    def start(self) -> None:
        """Recover from a crash, then send in the background until :meth:`stop`."""
        self.recover()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="print-spooler", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        for transport in self._transports.values():
            transport.close()
        self._transports.clear()

    def wake(self) -> None:
        """New jobs were written: look now rather than at the next poll."""
        self._wake.set()

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def subscribe_status(self, subscriber: StatusSubscriber) -> Callable[[], None]:
        self._status_subscribers.append(subscriber)
        return lambda: self._status_subscribers.remove(subscriber)

    def printers(self) -> dict[str, str]:
        """The station's printers and what each prints."""
        roles: dict[str, list[str]] = {}
        roles.setdefault(self._settings.label_printer, []).append("label")
        roles.setdefault(self._settings.slip_printer, []).append("slip")
        return {url: "+".join(r) for url, r in roles.items()}

    def poll_status(self) -> list[PrinterEvent]:
        """Ask each station printer for its state now; tell the status subscribers."""
        events = []
        for url, role in self.printers().items():
            status = self.printer_status(url, refresh=True)
            assert status is not None
            # A transport that cannot ask (file://, some USB) is not reported as a fault.
            ready = status.state.is_ready or not status.can_tell
            events.append(PrinterEvent(url, role, status.state.value, ready,
                                       status.what_to_do, status.detail))
        for event in events:
            for subscriber in list(self._status_subscribers):
                subscriber(event)
        return events

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self._status_subscribers and time.monotonic() >= self._status_due:
                    self._status_due = time.monotonic() + STATUS_EVERY_SECONDS
                    self.poll_status()
                self.run_once()
            except WorkstationError as exc:  # the database went away: say so, keep going
                log.warning("spooler round failed: %s", exc)
            except Exception:  # a bug must not silently kill the spooler thread
                log.exception("spooler round failed")
            self._wake.wait(self._idle_wait())
            self._wake.clear()

    def _idle_wait(self) -> float:
        """Sleep until the earliest retry is due (or a wake-up), at most a few seconds."""
        with self._reads() as session:
            due = session.scalar(
                select(func.min(PrintJob.next_attempt_at))
                .where(PrintJob.station_id == self.station_id, PrintJob.state == PENDING)
            )
        ceiling = STATUS_EVERY_SECONDS
        if self._status_subscribers:
            ceiling = max(0.05, min(ceiling, self._status_due - time.monotonic()))
        if due is None:
            return ceiling
        due = due if due.tzinfo else due.replace(tzinfo=UTC)
        return max(0.05, min(ceiling, (due - self._clock()).total_seconds()))

    def recover(self) -> list[int]:
        """Jobs left "sending" by a process that died: their outcome is unknown."""
        now = self._clock()
        with self._sessions.begin() as session:
            ids = list(session.scalars(
                select(PrintJob.id).where(PrintJob.station_id == self.station_id,
                                          PrintJob.state == SENDING)))
            if ids:
                session.execute(
                    update(PrintJob).where(PrintJob.id.in_(ids)).values(
                        state=UNKNOWN, updated_at=now,
                        last_error="the station stopped while this job was being sent: check "
                                   "whether the label came out, then confirm or reprint it")
                )
                audit(session, "print_outcome_unknown", at=now, station_id=self.station_id,
                      details={"jobs": ids})
        for job_id in ids:
            self._emit_job(job_id)
        return ids

    # -- sending ---------------------------------------------------------------------------

    def due_heads(self) -> list[int]:
        """The oldest pending job of each printer of this station, where it is due now."""
        return self._heads()[0]

    def _heads(self) -> tuple[list[int], bool]:
        """(the due head jobs, whether other pending jobs wait behind or beside them), in one
        query."""
        now = self._clock()
        per_printer = (
            select(PrintJob.printer_url, func.min(PrintJob.id).label("head"),
                   func.count().label("waiting"))
            .where(PrintJob.station_id == self.station_id, PrintJob.state == PENDING)
            .group_by(PrintJob.printer_url).subquery()
        )
        with self._reads() as session:
            rows = session.execute(
                select(per_printer.c.head, per_printer.c.waiting, PrintJob.next_attempt_at)
                .join(PrintJob, PrintJob.id == per_printer.c.head)
            ).all()
        due, more = [], False
        for job_id, waiting, nxt in rows:
            if nxt is None or (nxt if nxt.tzinfo else nxt.replace(tzinfo=UTC)) <= now:
                due.append(int(job_id))
                more = more or int(waiting) > 1
            else:
                more = True
        return sorted(due), more

    def run_once(self) -> int:
        """Send every printer's due head job once, then render ahead what waits behind them;
        returns how many jobs were tried."""
        with self._lock:
            tried = 0
            heads, more = self._heads()
            for job_id in heads:
                if self._stop.is_set() and self._thread is not None:
                    break
                tried += self._send(job_id)
            if more and not (self._stop.is_set() and self._thread is not None):
                self.render_ahead()
            return tried

    # -- rendering -------------------------------------------------------------------------

    def render_ahead(self, limit: int = RENDER_AHEAD_PER_ROUND) -> int:
        """Render pending jobs of this station that have no bytes yet (oldest first, at most
        ``limit``); returns how many were rendered."""
        with self._reads() as session:
            ids = list(session.scalars(
                select(PrintJob.id).where(PrintJob.station_id == self.station_id,
                                          PrintJob.state == PENDING, PrintJob.data.is_(None))
                .order_by(PrintJob.id).limit(limit)))
        rendered = 0
        for job_id in ids:
            _outcome, data = self._render(job_id)
            if data is not None:
                with self._sessions.begin() as session:
                    store_rendered(session, job_id, data)
                rendered += 1
        return rendered

    def _render(self, job_id: int) -> tuple[Literal["ready", "rendered", "failed", "gone"],
                                             bytes | None]:
        """Render a pending job that has no bytes yet, in a read-only session: ("rendered",
        the bytes, for the caller to store), ("ready", None) when it has its bytes already,
        ("failed", None) when it cannot be rendered (the job is failed with the reason) and
        ("gone", None) when it is not pending any more."""
        with self._reads() as session:
            job = session.get(PrintJob, job_id)
            if job is None or job.state != PENDING:
                return "gone", None
            if job.data is not None:
                return "ready", None
            started = time.perf_counter()
            data, error = render_or_reason(session, job, self._settings)
        if data is None:
            self._fail_unrendered(job_id, error or "cannot render the job")
            return "failed", None
        log.debug("print job %s rendered: %d bytes in %.1f ms", job_id, len(data),
                  (time.perf_counter() - started) * 1000)
        return "rendered", data

    def _fail_unrendered(self, job_id: int, error: str) -> None:
        now = self._clock()
        with self._sessions.begin() as session:
            session.execute(
                update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == PENDING,
                                       PrintJob.data.is_(None))
                .values(state=FAILED, last_error=error, updated_at=now, next_attempt_at=None)
                .execution_options(synchronize_session=False)
            )
        log.warning("print job %s failed: %s", job_id, error)
        self._emit_job(job_id)

    def run_until_idle(self, timeout: float = 30.0) -> None:
        """Send until no pending job is left or ``timeout`` seconds pass (command line)."""
        deadline = self._clock() + timedelta(seconds=timeout)
        while self._clock() < deadline:
            if not self.run_once():
                if not self.pending_count():
                    return
                self._stop.wait(min(0.2, self._idle_wait()))

    def pending_count(self) -> int:
        with self._reads() as session:
            return int(session.scalar(
                select(func.count()).select_from(PrintJob)
                .where(PrintJob.station_id == self.station_id, PrintJob.state == PENDING)
            ) or 0)

    def _claim(self, job_id: int, rendered: bytes | None) -> tuple[str, bytes, int] | None:
        """Move the job to "sending" (committed before its first byte goes out); with the
        bytes just rendered for it, stored in the same transaction unless another renderer
        stored its own first. Returns (printer URL, the stored bytes, attempts)."""
        now = self._clock()
        with self._sessions.begin() as session:
            if rendered is not None:
                store_rendered(session, job_id, rendered, read_back=False)
            row = session.execute(
                update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == PENDING,
                                       PrintJob.data.is_not(None))
                .values(state=SENDING, attempts=PrintJob.attempts + 1, updated_at=now)
                .returning(PrintJob.printer_url, PrintJob.data, PrintJob.attempts)
                .execution_options(synchronize_session=False)
            ).one_or_none()
            if row is None:  # another round took it, or a person changed it
                return None
        url, data, attempts = row
        assert data is not None  # claimed only with its bytes
        return str(url), bytes(data), int(attempts)

    def _transport(self, url: str) -> Transport:
        transport = self._transports.get(url)
        if transport is None:
            transport = self._transports[url] = self._open_transport(url)
        return transport

    def _send(self, job_id: int) -> int:
        outcome, rendered = self._render(job_id)
        if outcome == "failed" or outcome == "gone":
            return int(outcome == "failed")
        claimed = self._claim(job_id, rendered)
        if claimed is None:
            return 0
        url, data, attempts = claimed
        self._emit_job(job_id)
        try:
            transport = self._transport(url)
            result = transport.send_when_ready(data, f"job-{job_id}")
        except PrinterError as exc:
            status = exc.status if isinstance(exc, PrinterFault) else None
            if status is not None:
                self._status[url] = status
            if exc.outcome_unknown:
                self._finish(job_id, UNKNOWN, f"{exc} Some of the label may have printed: "
                                              "check it, then confirm or reprint")
            else:
                self._retry_later(job_id, attempts, str(exc))
            self._emit_job(job_id, status)
            return 1
        except ValueError as exc:  # a printer URL that cannot work: retrying will not help
            self._finish(job_id, FAILED, f"{exc}. Redirect the job to a working printer")
            self._emit_job(job_id)
            return 1
        if result.confirmed:
            self._finish(job_id, DONE, None)
        else:
            self._finish(job_id, UNKNOWN, f"{url} took {result.bytes_sent} of {len(data)} "
                                          "bytes: check the label, then confirm or reprint")
        self._emit_job(job_id)
        return 1

    def _finish(self, job_id: int, state: str, error: str | None) -> None:
        now = self._clock()
        with self._sessions.begin() as session:
            session.execute(
                update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == SENDING)
                .values(state=state, last_error=error, updated_at=now, next_attempt_at=None,
                        sent_at=now if state == DONE else None)
                .execution_options(synchronize_session=False)
            )

    def _retry_later(self, job_id: int, attempts: int, error: str) -> None:
        limit = self._settings.print_max_attempts
        if limit and attempts >= limit:
            self._finish(job_id, FAILED, f"{error} (gave up after {attempts} attempts: "
                                         "redirect it or retry when the printer is fixed)")
            return
        delay = min(self._settings.print_retry_max,
                    self._settings.print_retry_first * 2 ** max(0, attempts - 1))
        now = self._clock()
        with self._sessions.begin() as session:
            session.execute(
                update(PrintJob).where(PrintJob.id == job_id, PrintJob.state == SENDING)
                .values(state=PENDING, last_error=error, updated_at=now,
                        next_attempt_at=now + timedelta(seconds=delay))
                .execution_options(synchronize_session=False)
            )
        log.info("print job %s waits %.1f s: %s", job_id, delay, error)

    # -- what the operator does ------------------------------------------------------------

    def redirect(self, job_id: int, printer_url: str, operator: OperatorInfo | None) -> None:
        """Send a waiting, failed or unknown job to another printer (now, from the top)."""
        self._transport_check(printer_url)
        self._change(job_id, (PENDING, FAILED, UNKNOWN), operator, "print_job_redirected",
                     printer_url=printer_url, state=PENDING, next_attempt_at=None)

    def retry(self, job_id: int, operator: OperatorInfo | None) -> None:
        """Try a waiting or failed job again now."""
        self._change(job_id, (PENDING, FAILED), operator, "print_job_retried", state=PENDING,
                     next_attempt_at=None)

    def confirm_unknown(self, job_id: int, printed: bool, operator: OperatorInfo | None) -> None:
        """A person looked: the label came out (done) or it did not (send it again)."""
        if printed:
            self._change(job_id, (UNKNOWN,), operator, "print_confirmed_printed", state=DONE,
                         sent_at=self._clock())
        else:
            self._change(job_id, (UNKNOWN,), operator, "print_confirmed_not_printed",
                         state=PENDING, next_attempt_at=None)

    def _transport_check(self, url: str) -> None:
        try:
            self._open_transport(url).close()
        except ValueError as exc:
            raise WorkstationError(str(exc)) from exc

    def _change(self, job_id: int, allowed: tuple[str, ...], operator: OperatorInfo | None,
                action: str, **values: object) -> None:
        now = self._clock()
        with self._sessions.begin() as session:
            job = session.get(PrintJob, job_id, with_for_update=True)
            if job is None:
                raise NotFoundError(f"no print job {job_id}")
            if job.state not in allowed:
                raise ConflictError(f"print job {job_id} is {job.state}; this applies only to "
                                    + " or ".join(allowed) + " jobs")
            before = {"state": job.state, "printer": job.printer_url}
            for name, value in values.items():
                setattr(job, name, value)
            job.updated_at = now
            audit(session, action, at=now, station_id=self.station_id,
                  operator_id=operator.id if operator else None, order_id=job.order_id,
                  details={"job": job_id, "before": before,
                           "after": {"state": job.state, "printer": job.printer_url}})
        self._emit_job(job_id)
        self.wake()

    # -- what the operator sees -------------------------------------------------------------

    def jobs(self, states: tuple[str, ...] = (PENDING, SENDING, FAILED, UNKNOWN)
             ) -> list[JobView]:
        with self._reads() as session:
            return job_views(session, [PrintJob.station_id == self.station_id,
                                       PrintJob.state.in_(states)])

    def job(self, job_id: int) -> JobView:
        with self._reads() as session:
            found = job_views(session, [PrintJob.id == job_id])
        if not found:
            raise NotFoundError(f"no print job {job_id}")
        return found[0]

    def printer_status(self, url: str, *, refresh: bool = False) -> PrinterStatus | None:
        """The printer's own state: the last one seen, or asked now with ``refresh``."""
        if refresh:
            try:
                self._status[url] = self._transport(url).status()
            except (PrinterError, ValueError, OSError) as exc:
                self._status[url] = PrinterStatus.unknown(str(exc))
        return self._status.get(url)

    def _emit_job(self, job_id: int, status: PrinterStatus | None = None) -> None:
        if not self._subscribers:
            return
        view = self.job(job_id)
        event = JobEvent(view.id, view.order_number, view.kind, view.printer_url, view.state,
                         view.attempts, view.last_error,
                         status.state.value if status else None,
                         status.what_to_do if status else None)
        for subscriber in list(self._subscribers):
            subscriber(event)
