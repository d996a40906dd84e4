"""The pack verifier: the state of one order being packed and what each scan does to it.

Pure: the service loads a ``PackState`` from the database, resolves the scanned code to a
product (that needs the catalogue), calls ``decide`` and writes back what the ``Decision`` says,
all in one transaction. Nothing here reads a clock or a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from workstation.domain.barcodes import CodeKind, Interpretation
from workstation.domain.outcomes import HOLDING, Outcome


@dataclass(frozen=True, slots=True)
class LineState:
    line_id: int
    line_no: int
    product_id: int
    sku: str
    name: str
    ordered: int
    scanned: int = 0
    short: int = 0
    serial_tracked: bool = False
    lot_tracked: bool = False
    quantity_entry: bool = False
    fragile: bool = False

    @property
    def remaining(self) -> int:
        return self.ordered - self.scanned - self.short

    @property
    def done(self) -> bool:
        return self.remaining <= 0


class Mode(StrEnum):
    """What the next item scan means, set by a command barcode."""

    PACK = "pack"
    REMOVE = "remove"
    SHORT = "short"
    DAMAGED = "damaged"


@dataclass(frozen=True, slots=True)
class Pending:
    """What the next scan must be. Stored as JSON on the pack session, so it survives a crash.

    ``need`` is "serial" or "lot" (the next scan is that datum for ``line_id``), "mode" (the
    next item scan is read in ``mode``), or "ack" (an error holds the screen until ``code`` is
    scanned again, meaning the unit is out, or a lead's badge overrides).
    """

    need: str
    line_id: int | None = None
    quantity: int = 1
    code: str | None = None
    outcome: str | None = None
    mode: str | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Pending | None:
        if not data:
            return None
        return cls(**{k: data[k] for k in cls.__slots__ if k in data})


@dataclass(frozen=True, slots=True)
class PackState:
    order_number: str
    lines: tuple[LineState, ...]
    pending: Pending | None = None
    # Every line done (LineState.done), worked out once: a scan asks it several times.
    complete: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "complete",
                           all(x.ordered - x.scanned - x.short <= 0 for x in self.lines))

    def line(self, line_id: int) -> LineState:
        for line in self.lines:
            if line.line_id == line_id:
                return line
        raise KeyError(line_id)

    def lines_for_product(self, product_id: int) -> list[LineState]:
        return [line for line in self.lines if line.product_id == product_id]

    @property
    def units(self) -> int:
        return sum(line.ordered for line in self.lines)

    @property
    def scanned(self) -> int:
        return sum(line.scanned for line in self.lines)

    @property
    def next_line(self) -> LineState | None:
        return next((line for line in self.lines if not line.done), None)

    def with_line(self, line: LineState) -> PackState:
        return replace(
            self, lines=tuple(line if x.line_id == line.line_id else x for x in self.lines)
        )


@dataclass(frozen=True, slots=True)
class ProductMatch:
    """The catalogue's answer for a scanned code: which product, and how many units it counts."""

    product_id: int
    sku: str
    name: str
    pack_quantity: int = 1


@dataclass(frozen=True, slots=True)
class ResolvedScan:
    interpretation: Interpretation
    product: ProductMatch | None = None
    # Set by the service when the scan carries a serial already packed: where it went.
    serial_used_in: str | None = None
    # The scan is the badge of a lead or admin (an override).
    lead_name: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    state: PackState
    line_id: int | None = None
    product_id: int | None = None
    # Units to add to (positive) or take out of (negative) the open parcel.
    quantity: int = 0
    serial: str | None = None
    lot: str | None = None
    expiry: date | None = None
    short: int = 0
    damaged: int = 0
    reason: str | None = None
    params: dict[str, object] = field(default_factory=dict)


def _line_params(line: LineState) -> dict[str, object]:
    return {"sku": line.sku, "name": line.name, "scanned": line.scanned, "ordered": line.ordered}


def _hold(decision: Decision, code: str) -> Decision:
    """Errors with a unit in hand hold the screen until it is scanned back out."""
    if decision.outcome not in HOLDING:
        return decision
    pending = Pending(need="ack", code=code, outcome=decision.outcome.value,
                      line_id=decision.line_id)
    return replace(decision, state=replace(decision.state, pending=pending))


def decide(state: PackState, scan: ResolvedScan, today: date) -> Decision:
    """What one scan does to an open order. Commands and order numbers are the service's."""
    interp = scan.interpretation
    pending = state.pending
    if pending is not None and pending.need == "ack":
        return _acknowledge(state, pending, scan)
    if pending is not None and pending.need in ("serial", "lot"):
        return _hold(_tracked_datum(state, pending, scan, today), interp.text)
    if scan.product is None:
        if interp.kind is CodeKind.INVALID:
            return Decision(Outcome.INVALID_SCAN, state, params={"error": interp.error})
        return Decision(Outcome.UNKNOWN_BARCODE, state, params={"code": interp.text})
    mode = Mode.PACK
    if pending is not None and pending.need == "mode" and pending.mode:
        mode = Mode(pending.mode)
    if mode is Mode.PACK:
        return _hold(_pack(state, scan, today), interp.text)
    # One scan in a special mode, then back to packing.
    state = replace(state, pending=None)
    reason = pending.reason if pending is not None else None
    if mode is Mode.REMOVE:
        return _remove(state, scan.product)
    return _exception(state, scan.product, mode, reason or "unspecified")


def _acknowledge(state: PackState, pending: Pending, scan: ResolvedScan) -> Decision:
    cleared = replace(state, pending=None)
    what = pending.outcome or "error"
    if scan.lead_name is not None:
        return Decision(Outcome.LEAD_OVERRIDE, cleared, line_id=pending.line_id,
                        params={"lead": scan.lead_name, "what": what})
    if scan.interpretation.text == pending.code:
        sku = scan.product.sku if scan.product else pending.code
        return Decision(Outcome.ERROR_CLEARED, cleared, line_id=pending.line_id,
                        params={"sku": sku})
    return Decision(Outcome.ACKNOWLEDGE_FIRST, state,
                    params={"pending": f"scan {pending.code} back out, or a lead's badge"})


def _pack(state: PackState, scan: ResolvedScan, today: date) -> Decision:
    product = scan.product
    assert product is not None
    interp = scan.interpretation
    lines = state.lines_for_product(product.product_id)
    base: dict[str, object] = {"sku": product.sku, "name": product.name,
                               "order": state.order_number}
    if not lines:
        return Decision(Outcome.WRONG_ITEM, state, product_id=product.product_id, params=base)
    # Several lines of one product: fill them in line order.
    line = lines[0] if len(lines) == 1 else next((x for x in lines if not x.done), lines[-1])
    quantity = product.pack_quantity * (interp.count if interp.contents and interp.count else 1)
    if quantity > line.remaining:
        return Decision(Outcome.OVER_SCAN, state, line_id=line.line_id,
                        product_id=product.product_id,
                        params={**base, **_line_params(line), "quantity": quantity})
    if interp.expiry is not None and interp.expiry < today:
        return Decision(Outcome.LOT_EXPIRED, state, line_id=line.line_id,
                        product_id=product.product_id,
                        params={**base, "lot": interp.lot or "?",
                                "expiry": interp.expiry.isoformat()})
    if line.serial_tracked:
        if interp.serial is None:
            pending = Pending(need="serial", line_id=line.line_id, quantity=quantity)
            return Decision(Outcome.NEEDS_SERIAL, replace(state, pending=pending),
                            line_id=line.line_id, product_id=product.product_id, params=base)
        if scan.serial_used_in is not None:
            return Decision(Outcome.DUPLICATE_SERIAL, state, line_id=line.line_id,
                            product_id=product.product_id,
                            params={**base, "serial": interp.serial,
                                    "where": scan.serial_used_in})
        if quantity != 1:
            # One serial number names one unit; a case of serialised units is scanned unit
            # by unit after its case code asked for them.
            pending = Pending(need="serial", line_id=line.line_id, quantity=quantity)
            return Decision(Outcome.NEEDS_SERIAL, replace(state, pending=pending),
                            line_id=line.line_id, product_id=product.product_id, params=base)
    if line.lot_tracked and interp.lot is None:
        pending = Pending(need="lot", line_id=line.line_id, quantity=quantity)
        return Decision(Outcome.NEEDS_LOT, replace(state, pending=pending),
                        line_id=line.line_id, product_id=product.product_id, params=base)
    return _accept(state, line, quantity, serial=interp.serial, lot=interp.lot,
                   expiry=interp.expiry)


def _accept(state: PackState, line: LineState, quantity: int, *, serial: str | None = None,
            lot: str | None = None, expiry: date | None = None) -> Decision:
    # Built directly, not by replace() (which inspects the fields each time): this is every
    # accepted unit.
    new_line = LineState(line.line_id, line.line_no, line.product_id, line.sku, line.name,
                         line.ordered, line.scanned + quantity, line.short,
                         line.serial_tracked, line.lot_tracked, line.quantity_entry,
                         line.fragile)
    lines = tuple(new_line if x.line_id == line.line_id else x for x in state.lines)
    new_state = PackState(state.order_number, lines)
    outcome = Outcome.ORDER_COMPLETE if new_state.complete else Outcome.ACCEPTED
    params = {**_line_params(new_line), "order": state.order_number, "units": new_state.units}
    return Decision(outcome, new_state, line_id=line.line_id, product_id=line.product_id,
                    quantity=quantity, serial=serial, lot=lot, expiry=expiry, params=params)


def _tracked_datum(state: PackState, pending: Pending, scan: ResolvedScan,
                   today: date) -> Decision:
    """The scan after "needs serial" / "needs lot": it must be that datum, not an item."""
    assert pending.line_id is not None
    line = state.line(pending.line_id)
    interp = scan.interpretation
    base: dict[str, object] = {"sku": line.sku, "name": line.name,
                               "order": state.order_number}
    wanted = Outcome.NEEDS_SERIAL if pending.need == "serial" else Outcome.NEEDS_LOT
    if scan.product is not None and (interp.serial is None and interp.lot is None):
        # The item's own barcode again, or another item: not the serial/lot we asked for.
        return Decision(wanted, state, line_id=line.line_id, params=base)
    if interp.kind in (CodeKind.INVALID, CodeKind.COMMAND, CodeKind.SSCC):
        return Decision(wanted, state, line_id=line.line_id, params=base)
    if interp.expiry is not None and interp.expiry < today:
        return Decision(Outcome.LOT_EXPIRED, replace(state, pending=None), line_id=line.line_id,
                        product_id=line.product_id,
                        params={**base, "lot": interp.lot or interp.text,
                                "expiry": interp.expiry.isoformat()})
    if pending.need == "serial":
        serial = interp.serial or interp.text
        if scan.serial_used_in is not None:
            return Decision(Outcome.DUPLICATE_SERIAL, replace(state, pending=None),
                            line_id=line.line_id, product_id=line.product_id,
                            params={**base, "serial": serial, "where": scan.serial_used_in})
        decision = _accept(state, line, 1, serial=serial, lot=interp.lot, expiry=interp.expiry)
        left = pending.quantity - 1
        if left > 0 and not decision.state.line(line.line_id).done:
            # A case of serialised units: one serial per unit until the case is counted.
            more = Pending(need="serial", line_id=line.line_id, quantity=left)
            decision = replace(decision, state=replace(decision.state, pending=more))
        return decision
    lot = interp.lot or interp.text
    return _accept(state, line, pending.quantity, lot=lot, expiry=interp.expiry)


def _remove(state: PackState, product: ProductMatch) -> Decision:
    lines = [x for x in state.lines_for_product(product.product_id) if x.scanned > 0]
    params: dict[str, object] = {"sku": product.sku, "name": product.name}
    if not lines:
        return Decision(Outcome.NOTHING_TO_REMOVE, state, product_id=product.product_id,
                        params=params)
    line = lines[-1]
    quantity = min(product.pack_quantity, line.scanned)
    new_line = replace(line, scanned=line.scanned - quantity)
    return Decision(Outcome.REMOVED, state.with_line(new_line), line_id=line.line_id,
                    product_id=product.product_id, quantity=-quantity,
                    params={**_line_params(new_line), "quantity": quantity})


def _exception(state: PackState, product: ProductMatch, mode: Mode, reason: str) -> Decision:
    lines = state.lines_for_product(product.product_id)
    params: dict[str, object] = {"sku": product.sku, "name": product.name, "reason": reason,
                                 "order": state.order_number}
    if not lines:
        return Decision(Outcome.WRONG_ITEM, state, product_id=product.product_id, params=params)
    line = next((x for x in lines if not x.done), lines[-1])
    if mode is Mode.DAMAGED:
        # The damaged unit is set aside, not packed; a good unit still has to be scanned.
        return Decision(Outcome.DAMAGED_RECORDED, state, line_id=line.line_id,
                        product_id=product.product_id, damaged=product.pack_quantity,
                        reason=reason, params={**params, "quantity": product.pack_quantity})
    quantity = line.remaining
    if quantity <= 0:
        return Decision(Outcome.OVER_SCAN, state, line_id=line.line_id,
                        product_id=product.product_id, params={**params, **_line_params(line)})
    new_state = state.with_line(replace(line, short=line.short + quantity))
    return Decision(Outcome.SHORTED, new_state, line_id=line.line_id,
                    product_id=product.product_id, short=quantity, reason=reason,
                    params={**params, "quantity": quantity})


def enter_quantity(state: PackState, line_id: int, quantity: int) -> Decision:
    """Count many identical units at once: only on lines flagged for it."""
    line = state.line(line_id)
    params = {**_line_params(line), "order": state.order_number, "quantity": quantity}
    if not line.quantity_entry or line.serial_tracked or line.lot_tracked:
        return Decision(Outcome.QUANTITY_NOT_ALLOWED, state, line_id=line_id, params=params)
    if quantity < 1 or quantity > line.remaining:
        return Decision(Outcome.OVER_SCAN, state, line_id=line_id, params=params)
    return _accept(state, line, quantity)
