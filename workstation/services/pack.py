"""The pack use case: every scan at a station goes through ``PackService.handle_scan``.

One scan is one database transaction: the scan event and the new session state are committed
before the outcome is returned, so an outcome the operator saw survives a crash or power cut,
and a restart resumes the open session exactly (the state lives only in the database).
The UI, the ``workstation scan`` command and the tests all call this same path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.enums import LineExceptionKind, OrderStatus, ParcelStatus, SessionStatus
from db.models import (
    LineException,
    Operator,
    Order,
    OrderLine,
    PackSession,
    Parcel,
    ParcelItem,
    Product,
    ScanEvent,
    Station,
)
from devices.scan import ScanInput
from workstation.domain import parcels as parcels_domain
from workstation.domain.barcodes import (
    BOX_PREFIX,
    WEIGHT_PREFIX,
    CodeKind,
    Interpretation,
    interpret,
)
from workstation.domain.outcomes import Outcome, Severity, render_message, severity
from workstation.domain.pack import (
    Decision,
    LineState,
    Mode,
    PackState,
    Pending,
    ProductMatch,
    ResolvedScan,
    decide,
    enter_quantity,
)
from workstation.services import labels, pack_complete, pack_fast, pack_open
from workstation.services import pack_store as store
from workstation.services.audit import audit
from workstation.services.errors import (
    ConflictError,
    DatabaseUnavailableError,
    NotFoundError,
    PermissionDeniedError,
    WorkstationError,
)
from workstation.services.operators import (
    OperatorInfo,
    ensure_station,
    find_operator,
    operator_by_badge,
)
from workstation.settings import Settings

log = logging.getLogger(__name__)

_OPEN = SessionStatus.OPEN.value  # read on every scan (an enum's .value is a call)
_HEARTBEAT_EVERY = timedelta(seconds=30)

Clock = Callable[[], datetime]

# Reason codes a command barcode may carry (CMD:SHORT:<REASON>, CMD:DAMAGED:<REASON>).
REASONS = {
    "OUT_OF_STOCK": "out of stock",
    "NOT_FOUND": "not found at pick location",
    "DAMAGED": "damaged",
    "WRONG_PICK": "wrong item picked",
    "EXPIRED": "expired",
    "OTHER": "other",
    # Why a lead released a parcel whose weight was out of tolerance (CMD:REASON:<REASON>).
    "SCALE_FAULT": "scale fault",
    "PACKAGING": "extra packaging material",
    "CATALOGUE_WEIGHT": "catalogue weight wrong",
    # Why the last label is printed again (CMD:REPRINT-LAST:<REASON>).
    "LABEL_DAMAGED": "label damaged",
    "PRINT_FAULT": "label printed badly",
}


@dataclass(frozen=True, slots=True)
class LineView:
    line_id: int
    line_no: int
    sku: str
    name: str
    ordered: int
    scanned: int
    short: int
    serial_tracked: bool
    lot_tracked: bool
    fragile: bool

    @property
    def state(self) -> str:
        if self.scanned + self.short >= self.ordered:
            return "short" if self.short else "done"
        return "partial" if self.scanned else "todo"


@dataclass(frozen=True, slots=True)
class SessionView:
    session_id: int
    order_number: str
    status: str
    lines: tuple[LineView, ...]
    pending: dict[str, Any] | None
    parcel_seq: int | None
    parcels: int

    @property
    def complete(self) -> bool:
        return all(x.scanned + x.short >= x.ordered for x in self.lines)


@dataclass(frozen=True, slots=True)
class ScanResult:
    outcome: Outcome
    severity: Severity
    message: str
    event_id: int | None
    order_number: str | None = None
    session: SessionView | None = None
    params: dict[str, object] = field(default_factory=dict)
    # Print jobs written by this scan (the labels of an order it completed): wake the spooler.
    print_jobs: tuple[int, ...] = ()
    # The open parcel as ``parcel_info()`` would read it, when the scan knows it without a
    # read (an order just opened: its parcel is empty); None: ask ``parcel_info()``.
    parcel: ParcelInfo | None = None


@dataclass(frozen=True, slots=True)
class ParcelInfo:
    """The open parcel as the screen shows it beside the scale's live reading."""

    seq: int
    box_type: str | None
    suggested_box: str | None
    expected_grams: int | None  # items + box; None when an item's weight is unknown
    tolerance_grams: int
    weight_grams: int | None
    weight_required: bool


def _grams(value: int | None) -> str:
    return f"{value} g" if value is not None else "unknown"


def _fast(decision: Decision) -> bool:
    """Whether the fast path may write this decision (one more unit, nothing else)."""
    return not (decision.state.complete or decision.short or decision.damaged
                or decision.quantity < 0 or decision.outcome is Outcome.LEAD_OVERRIDE)


def _view(session: Session, pack: PackSession, state: PackState, *,
          closed: int | None = None) -> SessionView:
    """``closed``: the session was just completed with this many parcels, all closed (what
    would otherwise be read back)."""
    if closed is not None:
        parcel, count = None, closed
    else:
        parcel = session.scalar(
            select(Parcel.seq).where(Parcel.session_id == pack.id,
                                     Parcel.status == ParcelStatus.OPEN.value)
        )
        count = len(store.parcel_counts(session, pack.id))
    lines = tuple(
        LineView(x.line_id, x.line_no, x.sku, x.name, x.ordered, x.scanned, x.short,
                 x.serial_tracked, x.lot_tracked, x.fragile)
        for x in state.lines
    )
    return SessionView(pack.id, state.order_number, pack.status, lines,
                       state.pending.to_json() if state.pending else None, parcel, count)


class PackService:
    """The packing use cases for one station. Not thread-safe: one per station thread."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings,
                 clock: Clock | None = None) -> None:
        self._sessions = sessions
        self._settings = settings
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._station_id: int | None = None
        self.operator: OperatorInfo | None = None
        self._live: pack_fast.Live | None = None
        self._last_heartbeat: datetime | None = None
        # The line views of the open session's last answer (_live_view).
        self._views_of: int | None = None
        self._views: dict[int, tuple[LineState, LineView]] = {}
        engine = sessions.kw.get("bind")
        assert engine is not None, "the sessionmaker must be bound to an engine"
        self._writer = pack_fast.ScanWriter(engine)

    # -- who and where --------------------------------------------------------------------

    @property
    def station_name(self) -> str:
        return self._settings.station

    def _register_station(self, now: datetime) -> None:
        # In its own transaction, before the action's: a rolled-back action cannot leave us
        # holding the id of a station row that was never committed.
        if self._station_id is None:
            with _Tx(self._sessions) as session:
                self._station_id = ensure_station(session, self._settings.station, now)

    def _station(self, session: Session, now: datetime) -> int:
        assert self._station_id is not None, "registered by _transaction()"
        if self._heartbeat_due(now):  # as on the fast path: not one more UPDATE per scan
            session.execute(
                update(Station).where(Station.id == self._station_id).values(last_seen_at=now)
                .execution_options(synchronize_session=False)
            )
        return self._station_id

    def sign_in(self, code_or_badge: str) -> OperatorInfo:
        with self._transaction() as session:
            self.operator = find_operator(session, code_or_badge)
            self._station(session, self._clock())
        return self.operator

    def _transaction(self) -> _Tx:
        self._register_station(self._clock())
        return _Tx(self._sessions)

    # -- the scan path --------------------------------------------------------------------

    def handle_scan(self, scan: ScanInput) -> ScanResult:
        """Interpret one scan, apply it, commit, and only then return what to tell the operator."""
        now = self._clock()
        interp = interpret(scan.text, scan.symbology)
        try:
            if self._live is not None:
                fast = self._fast_scan(self._live, scan, interp, now)
                if fast is not None:
                    return fast
            elif interp.kind is CodeKind.TEXT and self.operator is not None:
                opened = self._open_fast(scan, interp, now)
                if opened is not None:
                    return opened
        except OperationalError as err:
            # As the full path's transaction says it (_Tx); what the station knew of its
            # session is read afresh from the database on the next scan.
            self._live = None
            raise DatabaseUnavailableError(
                f"the database cannot be reached ({err.orig}); nothing was recorded: check "
                "the network/database and scan again") from err
        self._live = None
        with self._transaction() as session:
            station_id = self._station(session, now)
            pack = self._open_session(session, station_id, lock=True)
            event = ScanEvent(
                station_id=station_id,
                operator_id=self.operator.id if self.operator else None,
                raw=scan.text[:4000],
                symbology=interp.symbology,
                source=scan.source[:200],
                interpretation=interp.as_record(),
                received_at=scan.received_at,
                recorded_at=now,
                outcome="",
            )
            if interp.kind is CodeKind.COMMAND:
                result = self._command(session, pack, interp.command or "", station_id, now)
            elif pack is None:
                result = self._no_session(session, interp, station_id, now, event)
            else:
                result = self._in_session(session, pack, interp, station_id, now, event)
            # Everything the event still needs, then one flush: the event of a scan that added
            # a unit was inserted already (its items point to it), and each autoflush between
            # these assignments would cost it another UPDATE.
            if result.session is not None:
                # In the identity map already (the session the scan worked on): no query.
                worked_on = session.get(PackSession, result.session.session_id)
                event.session_id = result.session.session_id
                event.order_id = worked_on.order_id if worked_on is not None else None
            event.outcome = result.outcome.value
            event.message = result.message
            session.add(event)
            session.flush()
            result = replace(result, event_id=event.id)
            # A scan that completed the station's open session leaves none open: no query.
            done = pack is not None and pack.status != SessionStatus.OPEN.value
            live = None if done else self._load_live(session, station_id)
        self._live = live  # only once the transaction has committed
        return result

    # -- the fast path: the next unit of the open order -----------------------------------

    def _load_live(self, session: Session, station_id: int) -> pack_fast.Live | None:
        pack = self._open_session(session, station_id, lock=False)
        if pack is None:
            return None
        state = store.load_state(session, pack, pack.order.number)
        return pack_fast.load_live(session, pack, state)

    def _fast_scan(self, live: pack_fast.Live, scan: ScanInput, interp: Interpretation,
                   now: datetime) -> ScanResult | None:
        """Handle a scan of one of the order's own products; None means "take the full path"."""
        pending = live.state.pending
        if pending is not None and pending.need in ("mode", "weight", "release"):
            return None
        product = live.product_for(interp)
        if product is None:
            return None
        writer = self._writer
        if interp.serial is None:
            # Decided before any transaction starts: a scan the full path must handle does
            # not first take and give back the write lock here.
            decision = decide(live.state, ResolvedScan(interp, product, None), now.date())
            if not self._fast_may_write(decision):
                return None
            if not decision.state.complete:
                return self._item_fast(live, scan, interp, product, decision, now)
        with writer.begin() as (conn, tx):
            if interp.serial is not None:
                used_in = writer.serial_used_in(writer.cursor(conn), product.product_id,
                                                interp.serial)
                decision = decide(live.state, ResolvedScan(interp, product, used_in),
                                  now.date())
                if not self._fast_may_write(decision):
                    tx.rollback()
                    return None
            # One transaction from the serial's check to the last write (a serial checked in
            # one and written in another could be packed twice).
            if decision.state.complete:
                result = self._complete_fast(conn, live, scan, interp, product, decision, now)
                advanced = None
            else:
                written = self._unit_written(writer.cursor(conn), live, scan, interp, product,
                                             decision, now)
                result, advanced = written if written is not None else (None, None)
            if result is None:
                tx.rollback()
                return None
        self._live = advanced  # committed
        return result

    def _item_fast(self, live: pack_fast.Live, scan: ScanInput, interp: Interpretation,
                   product: ProductMatch, decision: Decision, now: datetime
                   ) -> ScanResult | None:
        """The commonest scan of all, the next unit of the open order, in its own transaction
        on the DBAPI connection (pack_fast.ScanWriter.run)."""
        written = self._writer.run(self._unit_written, live, scan, interp, product, decision,
                                   now)
        if written is None:  # rolled back
            return None
        result, self._live = written  # committed
        return result

    def _unit_written(self, cur: Any, live: pack_fast.Live, scan: ScanInput,
                      interp: Interpretation, product: ProductMatch, decision: Decision,
                      now: datetime) -> tuple[ScanResult, pack_fast.Live] | None:
        """One more unit of the open order (or what the next scan must be) written on
        ``cur``: the answer, and ``live`` with it in; None: the session changed under us
        (the caller rolls back, the full path reads it afresh)."""
        writer = self._writer
        if not writer.unchanged(cur, live):
            return None
        bumped = pack_fast.bumps_version(live.state.pending, decision)
        if bumped and not writer.bump(cur, live, pack_fast.dumps_pending(decision.state)):
            return None
        params = {**decision.params, "order": live.order_number}
        outcome = decision.outcome
        message = render_message(outcome, params)
        event_id = self._write_scan(cur, live, scan, interp, now, outcome, message,
                                    decision, product, units=False)
        runs = self._add_units(cur, live, decision, event_id)
        if runs is None:
            return None
        advanced = pack_fast.advance(live, decision.state, bumped=bumped, last_event=event_id,
                                     runs=runs)
        return (ScanResult(outcome, severity(outcome), message, event_id, live.order_number,
                           self._live_view(advanced), params), advanced)

    def _open_fast(self, scan: ScanInput, interp: Interpretation,
                   now: datetime) -> ScanResult | None:
        """A new order opened on the fast path's connection (pack_open.py); None: not the
        common case, nothing was written, and the full path takes the scan."""
        operator = self.operator
        assert operator is not None
        self._register_station(now)
        station_id = self._station_id
        assert station_id is not None
        writer = self._writer
        with writer.begin() as (conn, tx):
            live = pack_open.open_order(conn, interp.text, interp.sscc,
                                        self._settings.pick_list_prefix, station_id,
                                        operator.id, now)
            if live is None:
                tx.rollback()
                return None
            outcome = Outcome.ORDER_OPENED
            params: dict[str, object] = {"order": live.order_number,
                                         "lines": len(live.state.lines),
                                         "units": live.state.units,
                                         "scanned": live.state.scanned}
            message = render_message(outcome, params)
            event_id = self._write_scan(writer.cursor(conn), live, scan, interp, now,
                                        outcome, message)
        self._live = live = replace(live, last_event=event_id)  # committed
        return ScanResult(outcome, severity(outcome), message, event_id, live.order_number,
                          self._live_view(live), params, parcel=self._empty_parcel(live))

    def _write_scan(self, cur: Any, live: pack_fast.Live, scan: ScanInput,
                    interp: Interpretation, now: datetime, outcome: Outcome, message: str,
                    decision: Decision | None = None, product: ProductMatch | None = None,
                    *, units: bool = True) -> int:
        """The fast paths' scan event, the units it added (if any; ``units=False``: the
        caller writes them) and the heartbeat when due; returns the event's id."""
        writer = self._writer
        station_id = self._station_id
        assert station_id is not None
        event_id = writer.event(
            cur, session_id=live.pack_id, order_id=live.order_id, station_id=station_id,
            operator_id=self.operator.id if self.operator else None, raw=scan.text[:4000],
            symbology=interp.symbology, source=scan.source[:200],
            interpretation=interp.record_json, outcome=outcome.value, message=message,
            order_line_id=decision.line_id if decision else None,
            product_id=product.product_id if product else None,
            quantity=decision.quantity if decision else 0, received_at=scan.received_at,
            recorded_at=now,
        )
        if units and decision is not None and decision.quantity > 0:
            self._insert_units(cur, live, decision, event_id)
        if self._heartbeat_due(now):
            writer.heartbeat(cur, station_id, now)
        return event_id

    def _add_units(self, cur: Any, live: pack_fast.Live, decision: Decision, event_id: int
                   ) -> Mapping[int, int] | None:
        """The units a fast scan added, in the open parcel: a plain unit (no serial, lot or
        expiry) goes into its line's run (``ScanWriter.add_units``), or starts one; any other
        gets a row of its own. Returns the runs now; None: the run's row is not what the
        station knew (the caller rolls back and the full path takes the scan)."""
        if decision.quantity <= 0:
            return live.runs
        line_id = decision.line_id
        assert line_id is not None
        plain = decision.serial is None and decision.lot is None and decision.expiry is None
        run = live.runs.get(line_id) if plain else None
        if run is not None:
            added = self._writer.add_units(cur, run, live.parcel_id, decision.quantity)
            return live.runs if added else None
        item_id = self._insert_units(cur, live, decision, event_id)
        return {**live.runs, line_id: item_id} if plain else live.runs

    def _insert_units(self, cur: Any, live: pack_fast.Live, decision: Decision,
                      event_id: int) -> int:
        """A ``parcel_items`` row of its own for the decision's units; returns its id."""
        return self._writer.item(
            cur, parcel_id=live.parcel_id, order_line_id=decision.line_id,
            quantity=decision.quantity, serial=decision.serial, lot=decision.lot,
            expiry=decision.expiry.isoformat() if decision.expiry else None,
            scan_event_id=event_id)

    def _fast_may_write(self, decision: Decision) -> bool:
        return _fast(decision) or pack_complete.plain(decision, self._settings)

    def _complete_fast(self, conn: Connection, live: pack_fast.Live, scan: ScanInput,
                       interp: Interpretation, product: ProductMatch, decision: Decision,
                       now: datetime) -> ScanResult | None:
        """A plain completion written on the fast path's connection (pack_complete.py); None:
        something changed under us, the caller rolls back and the full path takes the scan."""
        station_id = self._station_id
        assert station_id is not None
        operator_id = self.operator.id if self.operator else None
        ctx = pack_complete.Context(live.pack_id, live.order_id, live.version, station_id,
                                    operator_id, decision.state.scanned, live.parcels, now)
        if not (self._writer.unchanged(self._writer.cursor(conn), live)
                and pack_complete.close_session(conn, ctx)):
            return None
        outcome = Outcome.ORDER_COMPLETE
        params = {**decision.params, "order": live.order_number, "units": ctx.units,
                  "parcels": live.parcels, "held": False}
        message = render_message(outcome, params)
        event_id = self._write_scan(self._writer.cursor(conn), live, scan, interp, now, outcome,
                                    message, decision, product)
        done = pack_complete.close_parcels_and_print(conn, ctx, self._settings)
        if done.parcels != live.parcels:  # the message would be wrong: let the full path say
            return None
        view = replace(self._live_view(pack_fast.advance(live, decision.state, bumped=True,
                                                         last_event=event_id)),
                       status=SessionStatus.COMPLETED.value, parcel_seq=None)
        return ScanResult(outcome, severity(outcome), message, event_id, live.order_number,
                          view, params, done.print_jobs)

    def _heartbeat_due(self, now: datetime) -> bool:
        # The heartbeat only has to be fresher than the stale-claim time (minutes).
        if self._last_heartbeat is None or now - self._last_heartbeat > _HEARTBEAT_EVERY:
            self._last_heartbeat = now
            return True
        return False

    def _live_view(self, live: pack_fast.Live) -> SessionView:
        # A scan changes one line: the others' views are the ones made for the scan before
        # (a line's state is the same object until it changes). Kept for one session only.
        if self._views_of != live.pack_id:
            self._views_of, self._views = live.pack_id, {}
        views = self._views
        made = []
        for x in live.state.lines:
            known = views.get(x.line_id)
            if known is None or known[0] is not x:
                known = views[x.line_id] = (x, LineView(
                    x.line_id, x.line_no, x.sku, x.name, x.ordered, x.scanned, x.short,
                    x.serial_tracked, x.lot_tracked, x.fragile))
            made.append(known[1])
        lines = tuple(made)
        pending = live.state.pending.to_json() if live.state.pending else None
        return SessionView(live.pack_id, live.order_number, _OPEN, lines,
                           pending, live.parcel_seq, live.parcels)

    def current(self) -> SessionView | None:
        with self._transaction() as session:
            pack = self._open_session(session, self._station(session, self._clock()), lock=False)
            if pack is None:
                return None
            return _view(session, pack, store.load_state(session, pack, pack.order.number))

    def _open_session(self, session: Session, station_id: int, *, lock: bool) -> PackSession | None:
        query = select(PackSession).where(
            PackSession.station_id == station_id,
            PackSession.status == SessionStatus.OPEN.value,
        )
        if lock:
            query = query.with_for_update()
        return session.scalar(query)

    def _result(self, outcome: Outcome, params: dict[str, object],
                view: SessionView | None = None, order: str | None = None) -> ScanResult:
        jobs = params.pop("print_jobs", None) or ()
        assert isinstance(jobs, list | tuple)
        return ScanResult(outcome, severity(outcome), render_message(outcome, params), None,
                          order or (view.order_number if view else None), view, params,
                          tuple(int(j) for j in jobs))

    # -- no order open: a badge, or an order/tote/pick list --------------------------------

    def _no_session(self, session: Session, interp: Interpretation, station_id: int,
                    now: datetime, event: ScanEvent) -> ScanResult:
        code = interp.text
        badge = operator_by_badge(session, code)
        if badge is not None:
            self.operator = badge
            return self._result(Outcome.SIGNED_IN, {"operator": badge.name})
        parcel = labels.parcel_for_label(session, code, interp.sscc)
        if parcel is not None:
            event.order_id = parcel.order_id
            return self._confirm_label(session, parcel, station_id, now)
        return self._open_order(session, code, station_id, now)

    def _confirm_label(self, session: Session, parcel: Parcel, station_id: int,
                       now: datetime) -> ScanResult:
        """A shipping label scanned after packing: it must be on a parcel of the order just
        packed at this station."""
        order = session.get(Order, parcel.order_id)
        assert order is not None
        last = session.scalar(
            select(PackSession.order_id).where(PackSession.station_id == station_id,
                                               PackSession.status == SessionStatus.COMPLETED.value)
            .order_by(PackSession.ended_at.desc(), PackSession.id.desc()).limit(1)
        )
        count = len(session.scalars(select(Parcel.id).where(
            Parcel.order_id == order.id, Parcel.tracking_number.is_not(None))).all())
        params: dict[str, object] = {"order": order.number, "parcel": parcel.seq,
                                     "parcels": count}
        if last is not None and last != order.id:
            expected = session.get(Order, last)
            waiting = session.scalar(select(func.count()).select_from(Parcel).where(
                Parcel.order_id == last, Parcel.tracking_number.is_not(None),
                Parcel.label_confirmed_at.is_(None)))
            if expected is not None and waiting:
                return self._result(Outcome.LABEL_WRONG_ORDER,
                                    {**params, "expected": expected.number},
                                    order=order.number)
        if parcel.label_confirmed_at is not None:
            return self._result(Outcome.LABEL_ALREADY_CONFIRMED, params, order=order.number)
        parcel.label_confirmed_at = now
        session.flush()
        rest = session.scalar(select(func.count()).select_from(Parcel).where(
            Parcel.order_id == order.id, Parcel.tracking_number.is_not(None),
            Parcel.label_confirmed_at.is_(None))) or 0
        audit(session, "label_confirmed", at=now, station_id=station_id,
              operator_id=self.operator.id if self.operator else None, order_id=order.id,
              details={"parcel": parcel.seq, "tracking": parcel.tracking_number})
        params["remaining"] = rest
        params["rest"] = f"; {rest} more to label" if rest else "; ready for the next order"
        return self._result(Outcome.LABEL_CONFIRMED, params, order=order.number)

    def _open_order(self, session: Session, code: str, station_id: int,
                    now: datetime) -> ScanResult:
        operator = self.operator
        if operator is None:
            return self._result(Outcome.NOT_SIGNED_IN, {"code": code})
        order = store.find_order_by_code(session, code, self._settings.pick_list_prefix)
        if order is None:
            return self._result(Outcome.ORDER_NOT_FOUND, {"code": code})
        params: dict[str, object] = {"order": order.number}
        status = OrderStatus(order.status)
        if status is OrderStatus.CANCELLED:
            return self._result(Outcome.ORDER_CANCELLED, params, order=order.number)
        if status is OrderStatus.ON_HOLD:
            return self._result(Outcome.ORDER_ON_HOLD,
                                {**params, "reason": order.hold_reason or "ask a lead"},
                                order=order.number)
        if status in (OrderStatus.PACKED, OrderStatus.SHIPPED):
            return self._result(Outcome.ORDER_ALREADY_PACKED, {**params, "status": status.value},
                                order=order.number)
        if not store.claim_order(session, order.id, station_id, operator.id, now):
            session.refresh(order)
            return self._elsewhere(session, order)
        live = session.scalar(
            select(PackSession).where(
                PackSession.order_id == order.id,
                PackSession.status.in_([SessionStatus.OPEN.value, SessionStatus.PAUSED.value]),
            ).with_for_update()
        )
        if live is None:
            live = PackSession(order_id=order.id, station_id=station_id,
                               operator_id=operator.id, status=SessionStatus.OPEN.value,
                               started_at=now, version=0)
            session.add(live)
            session.flush()
            outcome = Outcome.ORDER_OPENED
            audit(session, "session_opened", at=now, station_id=station_id,
                  operator_id=operator.id, order_id=order.id)
        else:
            if live.station_id != station_id and live.status == SessionStatus.OPEN.value:
                # An open session elsewhere without a claim is impossible by construction.
                raise ConflictError(f"order {order.number} has an open session at another "
                                    "station; a lead must take it over")
            live.status = SessionStatus.OPEN.value
            live.station_id = station_id
            live.version += 1
            outcome = Outcome.ORDER_RESUMED
            audit(session, "session_resumed", at=now, station_id=station_id,
                  operator_id=operator.id, order_id=order.id)
        store.set_order_status(session, order, OrderStatus.IN_PROGRESS, at=now,
                               station_id=station_id, operator_id=operator.id)
        store.open_parcel(session, live, now)
        state = store.load_state(session, live, order.number)
        view = _view(session, live, state)
        return self._result(outcome, {**params, "lines": len(state.lines), "units": state.units,
                                      "scanned": state.scanned}, view)

    def _elsewhere(self, session: Session, order: Order) -> ScanResult:
        params: dict[str, object] = {"order": order.number}
        if order.claim_station_id is None:
            # Its status changed under us (cancelled, held, packed): say which.
            return self._open_order_status_result(order)
        station = session.get(Station, order.claim_station_id)
        op = session.get(Operator, order.claim_operator_id) if order.claim_operator_id else None
        return self._result(
            Outcome.ORDER_IN_PROGRESS_ELSEWHERE,
            {**params, "station": station.name if station else "?",
             "operator": op.name if op else "?"},
            order=order.number,
        )

    def _open_order_status_result(self, order: Order) -> ScanResult:
        status = OrderStatus(order.status)
        params: dict[str, object] = {"order": order.number, "status": status.value,
                                     "reason": order.hold_reason or "ask a lead"}
        outcome = {
            OrderStatus.CANCELLED: Outcome.ORDER_CANCELLED,
            OrderStatus.ON_HOLD: Outcome.ORDER_ON_HOLD,
        }.get(status, Outcome.ORDER_ALREADY_PACKED)
        return self._result(outcome, params, order=order.number)

    # -- an order is open ----------------------------------------------------------------

    def _in_session(self, session: Session, pack: PackSession, interp: Interpretation,
                    station_id: int, now: datetime, event: ScanEvent) -> ScanResult:
        order = pack.order
        state = store.load_state(session, pack, order.number)
        product = store.resolve_product(session, interp)
        lead_name: str | None = None
        lead_id: int | None = None
        if product is None and interp.kind is CodeKind.TEXT:
            upper = interp.text.upper()
            if upper.startswith(BOX_PREFIX) or upper.startswith(WEIGHT_PREFIX):
                return self._parcel_attribute(session, pack, state, interp.text, now)
            badge = operator_by_badge(session, interp.text)
            if (badge is not None and state.pending and state.pending.need == "weight"
                    and state.pending.outcome == Outcome.WEIGHT_OUT_OF_TOLERANCE.value):
                return self._start_release(session, pack, state, badge)
            if badge is not None:
                if not (state.pending and state.pending.need == "ack"):
                    return self._result(Outcome.NOT_ALLOWED,
                                        {"operator": badge.name,
                                         "what": "sign in while an order is open"},
                                        _view(session, pack, state))
                if not badge.is_lead:
                    return self._result(Outcome.NOT_ALLOWED,
                                        {"operator": badge.name, "what": "override"},
                                        _view(session, pack, state))
                lead_name = badge.name
                lead_id = badge.id
            elif not state.pending or state.pending.need in ("serial", "lot"):
                # An order code is never taken for a serial or lot number: an operator who
                # scans the order sheet again while a serial is asked for is told so.
                other = store.find_order_by_code(session, interp.text,
                                                 self._settings.pick_list_prefix)
                if other is not None:
                    view = _view(session, pack, state)
                    if other.id == order.id:
                        return self._result(Outcome.ORDER_RESUMED,
                                            {"order": order.number, "scanned": state.scanned,
                                             "units": state.units}, view)
                    return self._result(Outcome.ANOTHER_ORDER_OPEN, {"order": order.number},
                                        view)
        if state.pending and state.pending.need == "release":
            # A lead is releasing a parcel: only the reason code (a command) goes on.
            return self._result(Outcome.RELEASE_REASON_NEEDED,
                                {"lead": state.pending.reason or "?",
                                 "parcel": store.open_parcel(session, pack, now).seq},
                                _view(session, pack, state))
        serial = interp.serial
        if serial is None and state.pending and state.pending.need == "serial" and not product:
            serial = interp.text
        used_in = None
        if serial is not None:
            product_id = product.product_id if product else (
                state.line(state.pending.line_id).product_id
                if state.pending and state.pending.line_id else None)
            if product_id is not None:
                used_in = store.serial_used_in(session, product_id, serial)
        resolved = ResolvedScan(interp, product, used_in, lead_name)
        decision = decide(state, resolved, now.date())
        event.order_line_id = decision.line_id
        event.product_id = decision.product_id or (product.product_id if product else None)
        event.quantity = decision.quantity
        self._apply(session, pack, decision, station_id, now, event)
        if decision.outcome is Outcome.LEAD_OVERRIDE:
            audit(session, "lead_override", at=now, station_id=station_id,
                  operator_id=self.operator.id if self.operator else None,
                  authorised_by_id=lead_id, order_id=order.id,
                  reason=str(decision.params.get("what")),
                  details={"pending": state.pending.to_json() if state.pending else None})
        params = {**decision.params, "order": order.number}
        if decision.state.complete:
            gate = self._weight_gate(session, pack, decision.state, "complete", now)
            if gate is not None:
                return gate
            params.update(self._complete(session, pack, decision.state, station_id, now))
            outcome = decision.outcome
            if params.get("held"):
                outcome = Outcome.ORDER_HELD
            elif outcome is not Outcome.ORDER_COMPLETE and decision.short:
                outcome = Outcome.ORDER_COMPLETE
            parcels = params.get("parcels")
            view = _view(session, pack, decision.state,
                         closed=parcels if isinstance(parcels, int) else None)
            return self._result(outcome, params, view)
        return self._result(decision.outcome, params, _view(session, pack, decision.state))

    def _apply(self, session: Session, pack: PackSession, decision: Decision, station_id: int,
               now: datetime, event: ScanEvent) -> None:
        """Write what the decision says: units in or out, exceptions, what the next scan needs."""
        operator_id = self.operator.id if self.operator else None
        if decision.quantity > 0:
            assert decision.line_id is not None
            parcel = store.open_parcel(session, pack, now)
            session.add(event)
            session.flush()
            session.add(ParcelItem(
                parcel_id=parcel.id, order_line_id=decision.line_id,
                quantity=decision.quantity, serial=decision.serial, lot=decision.lot,
                expiry=decision.expiry.isoformat() if decision.expiry else None,
                scan_event_id=event.id,
            ))
        elif decision.quantity < 0:
            assert decision.line_id is not None
            store.remove_units(session, pack, decision.line_id, -decision.quantity)
            audit(session, "units_removed", at=now, station_id=station_id,
                  operator_id=operator_id, order_id=pack.order_id,
                  details={"line_id": decision.line_id, "quantity": -decision.quantity})
        for kind, quantity in ((LineExceptionKind.SHORT, decision.short),
                               (LineExceptionKind.DAMAGED, decision.damaged)):
            if quantity > 0:
                assert decision.line_id is not None
                session.add(LineException(session_id=pack.id, order_line_id=decision.line_id,
                                          kind=kind.value, quantity=quantity,
                                          reason=decision.reason or "unspecified",
                                          operator_id=operator_id, at=now))
                audit(session, f"item_{kind.value}", at=now, station_id=station_id,
                      operator_id=operator_id, order_id=pack.order_id, reason=decision.reason,
                      details={"line_id": decision.line_id, "quantity": quantity})
        new_pending = decision.state.pending.to_json() if decision.state.pending else None
        before = Pending.from_json(pack.pending)
        if new_pending != pack.pending:
            pack.pending = new_pending
        if pack_fast.bumps_version(before, decision):  # as the fast path does
            pack.version += 1

    def _complete(self, session: Session, pack: PackSession, state: PackState,
                  station_id: int, now: datetime) -> dict[str, object]:
        """Every line scanned or shorted: close the parcel, release the order."""
        # The session's and the order's new state first: the DELETE below flushes them with
        # the scan's own changes, in one UPDATE per row.
        pack.status = SessionStatus.COMPLETED.value
        pack.ended_at = now
        pack.pending = None
        order = pack.order
        shorts = [x for x in state.lines if x.short]
        operator_id = self.operator.id if self.operator else None
        held = bool(shorts) and self._settings.short_policy == "hold"
        if held:
            reason = "short: " + ", ".join(f"{x.sku} x{x.short}" for x in shorts)
            order.hold_reason = reason
            store.set_order_status(session, order, OrderStatus.ON_HOLD, at=now,
                                   station_id=station_id, operator_id=operator_id, reason=reason)
        else:
            order.packed_at = now
            store.set_order_status(session, order, OrderStatus.PACKED, at=now,
                                   station_id=station_id, operator_id=operator_id)
        store.delete_empty_open_parcels(session, pack.id)
        parcels = session.scalars(
            select(Parcel).where(Parcel.session_id == pack.id).order_by(Parcel.seq)
        ).all()
        for parcel in parcels:
            if parcel.status == ParcelStatus.OPEN.value:
                parcel.status = ParcelStatus.CLOSED.value
                parcel.closed_at = now
        jobs: list[int] = []
        if not held:
            # The outbox: the parcels are numbered and one job per document is written and
            # rendered in this transaction (a document that cannot be rendered: job failed).
            jobs = [j.id for j in labels.jobs_for_packed_order(
                session, order, parcels, station_id, self._settings, now)]
        store.release_claim(session, order.id, station_id)
        audit(session, "order_held" if held else "order_packed", at=now, station_id=station_id,
              operator_id=operator_id, order_id=order.id,
              details={"parcels": len(parcels), "units": state.scanned,
                       "short": {x.sku: x.short for x in shorts}})
        return {"units": state.scanned, "parcels": len(parcels), "held": held,
                "print_jobs": jobs}

    # -- parcels -------------------------------------------------------------------------

    def _parcel_attribute(self, session: Session, pack: PackSession, state: PackState,
                          text: str, now: datetime) -> ScanResult:
        parcel = store.open_parcel(session, pack, now)
        view = _view(session, pack, state)
        prefix, _, value = text.partition(":")
        if prefix.upper() == "BOX":
            parcel.box_type = value.strip()[:64]
            return self._result(Outcome.BOX_SET, {"parcel": parcel.seq, "box": parcel.box_type},
                                view)
        try:
            grams = round(float(value))
        except ValueError:
            return self._result(Outcome.INVALID_SCAN,
                                {"error": f"weight {value!r} is not a number of grams"}, view)
        if not 0 < grams < 1_000_000:
            return self._result(Outcome.INVALID_SCAN,
                                {"error": f"weight {grams} g is out of range"}, view)
        parcel.weight_grams = grams
        pending = state.pending
        action = pending.code if pending is not None and pending.need == "weight" else None
        if action is None and state.complete:
            action = "complete"
        if action is None or not self._settings.weight_check:
            check = self._check(session, parcel)
            return self._result(Outcome.WEIGHT_SET, {"parcel": parcel.seq, "grams": grams,
                                                     "expected": _grams(check.expected)}, view)
        gate = self._weight_gate(session, pack, state, action, now)
        if gate is not None:
            return gate
        return self._carry_out(session, pack, replace(state, pending=None), action, now,
                               released=None)

    # -- weighing: the label waits until the parcel weighs what its items should -----------

    def _boxes(self) -> tuple[parcels_domain.Box, ...]:
        return (parcels_domain.boxes_from_config(self._settings.boxes)
                if self._settings.boxes else parcels_domain.DEFAULT_BOXES)

    def _items(self, session: Session, parcel_id: int) -> list[parcels_domain.Item]:
        rows = session.execute(
            select(ParcelItem.quantity, Product.weight_grams, Product.length_mm,
                   Product.width_mm, Product.height_mm)
            .join(OrderLine, OrderLine.id == ParcelItem.order_line_id)
            .join(Product, Product.id == OrderLine.product_id)
            .where(ParcelItem.parcel_id == parcel_id)
        ).all()
        return [parcels_domain.Item(q, w, (a, b, c) if a and b and c else None)
                for q, w, a, b, c in rows]

    def _check(self, session: Session, parcel: Parcel) -> parcels_domain.WeightCheck:
        items = self._items(session, parcel.id)
        boxes = self._boxes()
        box = next((b for b in boxes if b.name == parcel.box_type), None)
        box = box or parcels_domain.suggest_box(items, boxes)
        expected = parcels_domain.expected_grams(items, box)
        return parcels_domain.check_weight(parcel.weight_grams or 0, expected,
                                           self._settings.weight_tolerance_percent,
                                           self._settings.weight_tolerance_grams)

    def _empty_parcel(self, live: pack_fast.Live) -> ParcelInfo:
        """What ``parcel_info()`` reads of the parcel an order was just opened with (nothing in
        it, no box set, not weighed), without reading it."""
        suggested = parcels_domain.suggest_box([], self._boxes())
        check = parcels_domain.check_weight(0, parcels_domain.expected_grams([], suggested),
                                            self._settings.weight_tolerance_percent,
                                            self._settings.weight_tolerance_grams)
        return ParcelInfo(live.parcel_seq, None, suggested.name if suggested else None,
                          check.expected, check.allowed, None, self._settings.weight_check)

    def parcel_info(self) -> ParcelInfo | None:
        """The open parcel: suggested box, expected weight and tolerance (for the screen)."""
        with self._transaction() as session:
            pack = self._open_session(session, self._station(session, self._clock()),
                                      lock=False)
            if pack is None:
                return None
            # Read-only: the open parcel, without opening one (a screen refresh changes nothing).
            parcel = session.scalar(select(Parcel).where(
                Parcel.session_id == pack.id, Parcel.status == ParcelStatus.OPEN.value))
            if parcel is None:
                return None
            items = self._items(session, parcel.id)
            suggested = parcels_domain.suggest_box(items, self._boxes())
            check = self._check(session, parcel)
            return ParcelInfo(parcel.seq, parcel.box_type,
                              suggested.name if suggested else None, check.expected,
                              check.allowed, parcel.weight_grams, self._settings.weight_check)

    def _weight_gate(self, session: Session, pack: PackSession, state: PackState, action: str,
                     now: datetime) -> ScanResult | None:
        """None when the open parcel may be closed; else what the operator must do first."""
        if not self._settings.weight_check:
            return None
        parcel = store.open_parcel(session, pack, now)
        check = self._check(session, parcel)
        params: dict[str, object] = {"parcel": parcel.seq, "order": pack.order.number,
                                     "expected": _grams(check.expected),
                                     "allowed": check.allowed}
        if parcel.weight_grams is None:
            outcome = Outcome.WEIGH_PARCEL
        elif check.ok:
            return None
        else:
            outcome = Outcome.WEIGHT_OUT_OF_TOLERANCE
            params["grams"] = parcel.weight_grams
        pending = Pending(need="weight", code=action,
                          outcome=outcome.value if outcome is not Outcome.WEIGH_PARCEL else None)
        pack.pending = pending.to_json()
        pack.version += 1
        return self._result(outcome, params, _view(session, pack, replace(state, pending=pending)))

    def _start_release(self, session: Session, pack: PackSession, state: PackState,
                       badge: OperatorInfo) -> ScanResult:
        parcel = store.open_parcel(session, pack, self._clock())
        if not badge.is_lead:
            return self._result(Outcome.NOT_ALLOWED, {"operator": badge.name,
                                                      "what": "release a parcel's weight"},
                                _view(session, pack, state))
        assert state.pending is not None
        pending = replace(state.pending, need="release", mode=str(badge.id),
                          reason=badge.name)
        pack.pending = pending.to_json()
        pack.version += 1
        return self._result(Outcome.RELEASE_REASON_NEEDED,
                            {"lead": badge.name, "parcel": parcel.seq},
                            _view(session, pack, replace(state, pending=pending)))

    def _carry_out(self, session: Session, pack: PackSession, state: PackState, action: str,
                   now: datetime, released: tuple[int, str] | None) -> ScanResult:
        """Do what waited for the weight: close the parcel, or complete the order."""
        station_id = self._station_id
        assert station_id is not None
        pack.pending = None
        pack.version += 1
        if released is not None:
            parcel = store.open_parcel(session, pack, now)
            audit(session, "weight_released", at=now, station_id=station_id,
                  operator_id=self.operator.id if self.operator else None,
                  authorised_by_id=released[0], order_id=pack.order_id, reason=released[1],
                  details={"parcel": parcel.seq, "grams": parcel.weight_grams})
        if action == "next-parcel":
            return self._close_parcel(session, pack, state, station_id, now)
        params: dict[str, object] = {"order": pack.order.number, "units": state.units}
        params.update(self._complete(session, pack, state, station_id, now))
        outcome = Outcome.ORDER_HELD if params.get("held") else Outcome.ORDER_COMPLETE
        return self._result(outcome, params, _view(session, pack, state))

    # -- command barcodes ----------------------------------------------------------------

    def _command(self, session: Session, pack: PackSession | None, command: str,
                 station_id: int, now: datetime) -> ScanResult:
        name, _, arg = command.partition(":")
        if name == "SIGN-OUT":
            return self._sign_out(session, pack, station_id, now)
        if name == "REPRINT-LAST" and pack is None:
            return self._reprint_last(session, arg, station_id, now)
        if pack is None:
            return self._result(Outcome.NO_ORDER_OPEN, {})
        order = pack.order
        state = store.load_state(session, pack, order.number)
        if name == "REASON" and state.pending and state.pending.need == "release":
            why = REASONS.get(arg.upper(), arg.lower() or "unspecified")
            lead_id = int(state.pending.mode or 0)
            return self._carry_out(session, pack, replace(state, pending=None),
                                   state.pending.code or "complete", now,
                                   released=(lead_id, why))
        if state.pending and state.pending.need == "release":
            return self._result(Outcome.RELEASE_REASON_NEEDED,
                                {"lead": state.pending.reason or "?",
                                 "parcel": store.open_parcel(session, pack, now).seq},
                                _view(session, pack, state))
        if state.pending and state.pending.need == "ack":
            return self._result(Outcome.ACKNOWLEDGE_FIRST,
                                {"pending": f"scan {state.pending.code} back out, "
                                            "or a lead's badge"},
                                _view(session, pack, state))
        if name in ("REMOVE", "SHORT", "DAMAGED"):
            mode = Mode(name.lower())
            reason = REASONS.get(arg.upper(), arg.lower() or "unspecified") if arg else None
            if mode is not Mode.REMOVE and reason is None:
                reason = REASONS["OTHER"]
            pack.pending = Pending(need="mode", mode=mode.value, reason=reason).to_json()
            pack.version += 1
            state = replace(state, pending=Pending.from_json(pack.pending))
            label = {"remove": "Remove", "short": f"Short ({reason})",
                     "damaged": f"Damaged ({reason})"}[mode.value]
            return self._result(Outcome.MODE_SET, {"mode": label, "order": order.number},
                                _view(session, pack, state))
        if name == "NEXT-PARCEL":
            parcel = store.open_parcel(session, pack, now)
            counts = store.parcel_counts(session, pack.id)
            if counts.get(parcel.id, 0) == 0:
                return self._result(Outcome.PARCEL_EMPTY, {"parcel": parcel.seq},
                                    _view(session, pack, state))
            gate = self._weight_gate(session, pack, state, "next-parcel", now)
            if gate is not None:
                return gate
            return self._close_parcel(session, pack, state, station_id, now)
        return self._other_command(session, pack, state, name, arg, station_id, now)

    def _sign_out(self, session: Session, pack: PackSession | None, station_id: int,
                  now: datetime) -> ScanResult:
        """The operator leaves: an open order is parked (any station may resume it)."""
        who = self.operator
        if who is None:
            return self._result(Outcome.NOT_SIGNED_IN, {"code": "CMD:SIGN-OUT"})
        parked = None
        if pack is not None:
            state = store.load_state(session, pack, pack.order.number)
            if state.pending and state.pending.need in ("ack", "release", "weight"):
                return self._result(Outcome.ACKNOWLEDGE_FIRST,
                                    {"pending": "finish what the screen asks first"},
                                    _view(session, pack, state))
            parked = self._other_command(session, pack, state, "PAUSE", "", station_id, now)
        audit(session, "signed_out", at=now, station_id=station_id, operator_id=who.id,
              order_id=pack.order_id if pack else None)
        self.operator = None
        params: dict[str, object] = {"operator": who.name,
                                     "order": parked.order_number if parked else None}
        return self._result(Outcome.SIGNED_OUT, params)

    def _reprint_last(self, session: Session, arg: str, station_id: int,
                      now: datetime) -> ScanResult:
        """Print the shipping labels of the order last packed here again (audited)."""
        if self.operator is None:
            return self._result(Outcome.NOT_SIGNED_IN, {"code": "CMD:REPRINT-LAST"})
        number = session.scalar(
            select(Order.number).join(PackSession, PackSession.order_id == Order.id)
            .where(PackSession.station_id == station_id,
                   PackSession.status == SessionStatus.COMPLETED.value)
            .order_by(PackSession.ended_at.desc(), PackSession.id.desc()).limit(1))
        if number is None:
            return self._result(Outcome.NOTHING_TO_REPRINT, {})
        reason = REASONS.get(arg.upper(), arg.lower()) if arg else "reprint of the last label"
        try:
            jobs = labels.reprint(session, number, reason, self.operator, station_id, now,
                                  kind="shipping", settings=self._settings)
        except NotFoundError:
            return self._result(Outcome.NOTHING_TO_REPRINT, {}, order=number)
        return self._result(Outcome.LABEL_REPRINTED,
                            {"order": number, "labels": len(jobs),
                             "print_jobs": [j.id for j in jobs]}, order=number)

    def _close_parcel(self, session: Session, pack: PackSession, state: PackState,
                      station_id: int, now: datetime) -> ScanResult:
        order = pack.order
        operator_id = self.operator.id if self.operator else None
        parcel = store.open_parcel(session, pack, now)
        parcel.status = ParcelStatus.CLOSED.value
        parcel.closed_at = now
        session.flush()
        nxt = store.open_parcel(session, pack, now)
        audit(session, "parcel_closed", at=now, station_id=station_id,
              operator_id=operator_id, order_id=order.id,
              details={"parcel": parcel.seq, "box": parcel.box_type,
                       "grams": parcel.weight_grams})
        return self._result(Outcome.PARCEL_CLOSED, {"parcel": parcel.seq, "next": nxt.seq},
                            _view(session, pack, state))

    def _other_command(self, session: Session, pack: PackSession, state: PackState, name: str,
                       arg: str, station_id: int, now: datetime) -> ScanResult:
        order = pack.order
        operator_id = self.operator.id if self.operator else None
        if name in ("PAUSE", "PARK"):
            pack.status = SessionStatus.PAUSED.value
            pack.version += 1
            store.release_claim(session, order.id, station_id)
            store.set_order_status(session, order, OrderStatus.PARKED, at=now,
                                   station_id=station_id, operator_id=operator_id)
            audit(session, "session_paused", at=now, station_id=station_id,
                  operator_id=operator_id, order_id=order.id)
            return self._result(Outcome.PAUSED, {"order": order.number},
                                _view(session, pack, state))
        if name == "CANCEL":
            return self._cancel(session, pack, state, station_id, now, arg or "cancelled")
        if name == "CLEAR":
            pack.pending = None
            pack.version += 1
            state = replace(state, pending=None)
            return self._result(Outcome.MODE_SET, {"mode": "Pack"}, _view(session, pack, state))
        command = f"{name}:{arg}" if arg else name
        return self._result(Outcome.UNKNOWN_COMMAND, {"code": f"CMD:{command}"},
                            _view(session, pack, state))

    def _cancel(self, session: Session, pack: PackSession, state: PackState, station_id: int,
                now: datetime, reason: str) -> ScanResult:
        order = pack.order
        operator_id = self.operator.id if self.operator else None
        pack.status = SessionStatus.CANCELLED.value
        pack.ended_at = now
        pack.version += 1
        store.release_claim(session, order.id, station_id)
        store.set_order_status(session, order, OrderStatus.NEW, at=now, station_id=station_id,
                               operator_id=operator_id, reason=reason)
        audit(session, "session_cancelled", at=now, station_id=station_id,
              operator_id=operator_id, order_id=order.id, reason=reason,
              details={"scanned": state.scanned})
        return self._result(Outcome.SESSION_CANCELLED, {"order": order.number},
                            _view(session, pack, state))

    # -- actions outside the scan stream -------------------------------------------------

    def enter_quantity(self, sku: str, quantity: int) -> ScanResult:
        """Count many identical units of a line flagged for quantity entry."""
        self._live = None
        now = self._clock()
        with self._transaction() as session:
            station_id = self._station(session, now)
            pack = self._open_session(session, station_id, lock=True)
            if pack is None:
                return self._result(Outcome.NO_ORDER_OPEN, {})
            state = store.load_state(session, pack, pack.order.number)
            line = next((x for x in state.lines if x.sku == sku), None)
            if line is None:
                raise NotFoundError(f"order {pack.order.number} has no line for SKU {sku}")
            decision = enter_quantity(state, line.line_id, quantity)
            event = ScanEvent(station_id=station_id,
                              operator_id=self.operator.id if self.operator else None,
                              raw=f"QTY:{sku}:{quantity}", source="quantity-entry",
                              interpretation={"kind": "quantity", "quantity": quantity},
                              outcome=decision.outcome.value, received_at=now, recorded_at=now,
                              session_id=pack.id, order_id=pack.order_id,
                              order_line_id=line.line_id, product_id=line.product_id,
                              quantity=decision.quantity)
            session.add(event)
            self._apply(session, pack, decision, station_id, now, event)
            params = {**decision.params, "order": pack.order.number}
            outcome = decision.outcome
            if decision.state.complete:
                params.update(self._complete(session, pack, decision.state, station_id, now))
                if params.get("held"):
                    outcome = Outcome.ORDER_HELD
            result = self._result(outcome, params, _view(session, pack, decision.state))
            event.message = result.message
            session.flush()
            return replace(result, event_id=event.id)

    def take_over(self, order_number: str, lead_badge: str, *, force: bool = False) -> ScanResult:
        """A lead moves an order claimed by a dead (silent) station to this station."""
        self._live = None
        now = self._clock()
        with self._transaction() as session:
            station_id = self._station(session, now)
            lead = operator_by_badge(session, lead_badge) or find_operator(session, lead_badge)
            if not lead.is_lead:
                raise PermissionDeniedError(f"{lead.name} is not a lead: a lead's badge is "
                                            "needed to take over an order")
            order = session.scalar(
                select(Order).where(Order.number == order_number).with_for_update()
            )
            if order is None:
                raise NotFoundError(f"no order {order_number}")
            if order.claim_station_id is None or order.claim_station_id == station_id:
                raise ConflictError(f"order {order_number} is not held by another station: "
                                    "just scan it")
            holder = session.get(Station, order.claim_station_id)
            assert holder is not None
            stale_after = timedelta(minutes=self._settings.stale_claim_minutes)
            silent = now - (holder.last_seen_at or now)
            if silent < stale_after and not force:
                raise ConflictError(
                    f"station {holder.name} was active {int(silent.total_seconds())} s ago: "
                    f"ask there, or wait until it has been silent for "
                    f"{self._settings.stale_claim_minutes:g} minutes"
                )
            if self._open_session(session, station_id, lock=True) is not None:
                raise ConflictError("this station has an order open: finish or park it first")
            order.claim_station_id = station_id
            order.claim_operator_id = (self.operator or lead).id
            order.claimed_at = now
            pack = session.scalar(
                select(PackSession).where(
                    PackSession.order_id == order.id,
                    PackSession.status.in_([SessionStatus.OPEN.value,
                                            SessionStatus.PAUSED.value]),
                ).with_for_update()
            )
            if pack is not None:
                pack.station_id = station_id
                pack.status = SessionStatus.OPEN.value
                pack.version += 1
            audit(session, "claim_taken_over", at=now, station_id=station_id,
                  operator_id=(self.operator or lead).id, authorised_by_id=lead.id,
                  order_id=order.id,
                  details={"from_station": holder.name,
                           "silent_seconds": int(silent.total_seconds()), "forced": force})
            if pack is None:
                return self._result(Outcome.ORDER_RESUMED,
                                    {"order": order.number, "scanned": 0, "units": 0},
                                    order=order.number)
            state = store.load_state(session, pack, order.number)
            return self._result(Outcome.ORDER_RESUMED,
                                {"order": order.number, "scanned": state.scanned,
                                 "units": state.units}, _view(session, pack, state))


class _Tx:
    """One unit of work: commit on success, roll back on error, map a lost database."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._session = sessions()

    def __enter__(self) -> Session:
        self._session.begin()
        return self._session

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        try:
            if exc is None:
                try:
                    self._session.commit()
                except OperationalError as err:
                    raise DatabaseUnavailableError(
                        f"the database did not take the change ({err.orig}); nothing was "
                        "recorded: check the network/database and scan again"
                    ) from err
            else:
                try:
                    self._session.rollback()
                except OperationalError:
                    log.warning("rollback failed: the connection is gone", exc_info=True)
                if isinstance(exc, OperationalError) and not isinstance(exc, WorkstationError):
                    raise DatabaseUnavailableError(
                        f"the database cannot be reached ({exc.orig}); nothing was recorded: "
                        "check the network/database and scan again"
                    ) from exc
        finally:
            self._session.close()
