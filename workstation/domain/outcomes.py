"""Every answer a scan can get, how loudly it is given, and the words for it."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    OK = "ok"  # green
    ATTENTION = "attention"  # amber: the next scan must be something particular
    ERROR = "error"  # red: holds the screen until acknowledged


class Outcome(StrEnum):
    ORDER_OPENED = "order_opened"
    ORDER_RESUMED = "order_resumed"
    ACCEPTED = "accepted"
    ORDER_COMPLETE = "order_complete"
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    UNKNOWN_BARCODE = "unknown_barcode"
    INVALID_SCAN = "invalid_scan"
    NEEDS_SERIAL = "needs_serial"
    NEEDS_LOT = "needs_lot"
    DUPLICATE_SERIAL = "duplicate_serial"
    LOT_EXPIRED = "lot_expired"
    ORDER_NOT_FOUND = "order_not_found"
    ORDER_IN_PROGRESS_ELSEWHERE = "order_in_progress_elsewhere"
    ORDER_CANCELLED = "order_cancelled"
    ORDER_ON_HOLD = "order_on_hold"
    ORDER_ALREADY_PACKED = "order_already_packed"
    ANOTHER_ORDER_OPEN = "another_order_open"
    NO_ORDER_OPEN = "no_order_open"
    ACKNOWLEDGE_FIRST = "acknowledge_first"  # an error is holding the screen
    ERROR_CLEARED = "error_cleared"  # the wrong unit was scanned back out
    LEAD_OVERRIDE = "lead_override"
    REMOVED = "removed"
    NOTHING_TO_REMOVE = "nothing_to_remove"
    SHORTED = "shorted"
    DAMAGED_RECORDED = "damaged_recorded"
    MODE_SET = "mode_set"  # a command that changes what the next scan means
    PARCEL_CLOSED = "parcel_closed"
    PARCEL_EMPTY = "parcel_empty"
    BOX_SET = "box_set"
    WEIGHT_SET = "weight_set"
    PAUSED = "paused"
    SESSION_CANCELLED = "session_cancelled"
    ORDER_HELD = "order_held"  # completed with shorts under the "hold" policy
    UNKNOWN_COMMAND = "unknown_command"
    QUANTITY_NOT_ALLOWED = "quantity_not_allowed"
    SIGNED_IN = "signed_in"
    NOT_SIGNED_IN = "not_signed_in"
    NOT_ALLOWED = "not_allowed"  # the operator's role may not do this
    LABEL_CONFIRMED = "label_confirmed"  # the shipping label scanned on the packed parcel
    LABEL_ALREADY_CONFIRMED = "label_already_confirmed"
    LABEL_WRONG_ORDER = "label_wrong_order"  # a label of another order on this bench
    WEIGH_PARCEL = "weigh_parcel"  # the parcel must be weighed before its label prints
    WEIGHT_OUT_OF_TOLERANCE = "weight_out_of_tolerance"  # holds the label
    RELEASE_REASON_NEEDED = "release_reason_needed"  # a lead's badge: now a reason code
    SIGNED_OUT = "signed_out"
    LABEL_REPRINTED = "label_reprinted"
    NOTHING_TO_REPRINT = "nothing_to_reprint"


_SEVERITY: dict[Outcome, Severity] = {
    Outcome.ORDER_OPENED: Severity.OK,
    Outcome.ORDER_RESUMED: Severity.OK,
    Outcome.ACCEPTED: Severity.OK,
    Outcome.ORDER_COMPLETE: Severity.OK,
    Outcome.ERROR_CLEARED: Severity.OK,
    Outcome.LEAD_OVERRIDE: Severity.OK,
    Outcome.REMOVED: Severity.OK,
    Outcome.PARCEL_CLOSED: Severity.OK,
    Outcome.BOX_SET: Severity.OK,
    Outcome.WEIGHT_SET: Severity.OK,
    Outcome.PAUSED: Severity.OK,
    Outcome.SIGNED_IN: Severity.OK,
    Outcome.LABEL_CONFIRMED: Severity.OK,
    Outcome.LABEL_ALREADY_CONFIRMED: Severity.ATTENTION,
    Outcome.WEIGH_PARCEL: Severity.ATTENTION,
    Outcome.SIGNED_OUT: Severity.OK,
    Outcome.LABEL_REPRINTED: Severity.OK,
    Outcome.NOTHING_TO_REPRINT: Severity.ATTENTION,
    Outcome.RELEASE_REASON_NEEDED: Severity.ATTENTION,
    Outcome.NEEDS_SERIAL: Severity.ATTENTION,
    Outcome.NEEDS_LOT: Severity.ATTENTION,
    Outcome.MODE_SET: Severity.ATTENTION,
    Outcome.SHORTED: Severity.ATTENTION,
    Outcome.DAMAGED_RECORDED: Severity.ATTENTION,
    Outcome.SESSION_CANCELLED: Severity.ATTENTION,
    Outcome.ORDER_HELD: Severity.ATTENTION,
    Outcome.UNKNOWN_BARCODE: Severity.ATTENTION,
    Outcome.INVALID_SCAN: Severity.ATTENTION,
    Outcome.NO_ORDER_OPEN: Severity.ATTENTION,
    Outcome.NOTHING_TO_REMOVE: Severity.ATTENTION,
    Outcome.PARCEL_EMPTY: Severity.ATTENTION,
    Outcome.UNKNOWN_COMMAND: Severity.ATTENTION,
    Outcome.QUANTITY_NOT_ALLOWED: Severity.ATTENTION,
    Outcome.NOT_ALLOWED: Severity.ATTENTION,
    Outcome.NOT_SIGNED_IN: Severity.ATTENTION,
}


def severity(outcome: Outcome) -> Severity:
    return _SEVERITY.get(outcome, Severity.ERROR)


# Outcomes after which the screen is held until the unit is scanned back out or a lead
# overrides: a physical unit that must not ship may be in the operator's hand or the box.
HOLDING = frozenset({Outcome.WRONG_ITEM, Outcome.OVER_SCAN, Outcome.LOT_EXPIRED,
                     Outcome.DUPLICATE_SERIAL})

# Short texts in English; the UI translates by outcome and fills in the same parameters.
MESSAGES: dict[Outcome, str] = {
    Outcome.ORDER_OPENED: "Order {order} opened: {lines} lines, {units} units",
    Outcome.ORDER_RESUMED: "Order {order} resumed: {scanned} of {units} units scanned",
    Outcome.ACCEPTED: "{sku} {name}: {scanned} of {ordered}",
    Outcome.ORDER_COMPLETE: "Order {order} complete: {units} units in {parcels} parcel(s)",
    Outcome.WRONG_ITEM: "Wrong item: {sku} {name} is not in order {order}. Take it out and "
    "scan it again to confirm",
    Outcome.OVER_SCAN: "Too many: {sku} needs {ordered}, already {scanned}. Take the extra "
    "unit out and scan it again to confirm",
    Outcome.UNKNOWN_BARCODE: "Unknown barcode {code}: not in the catalogue",
    Outcome.INVALID_SCAN: "Unreadable scan: {error}",
    Outcome.NEEDS_SERIAL: "{sku}: scan the serial number",
    Outcome.NEEDS_LOT: "{sku}: scan the lot (batch) number",
    Outcome.DUPLICATE_SERIAL: "Serial {serial} was already packed ({where}). Take this unit "
    "out and scan it again to confirm",
    Outcome.LOT_EXPIRED: "Expired: lot {lot} of {sku} expired on {expiry}. Take it out and "
    "scan it again to confirm",
    Outcome.ORDER_NOT_FOUND: "No order, tote or pick list {code}",
    Outcome.ORDER_IN_PROGRESS_ELSEWHERE: "Order {order} is in progress at station {station} "
    "by {operator}",
    Outcome.ORDER_CANCELLED: "Order {order} is cancelled: do not pack it",
    Outcome.ORDER_ON_HOLD: "Order {order} is on hold: {reason}",
    Outcome.ORDER_ALREADY_PACKED: "Order {order} is already {status}",
    Outcome.ANOTHER_ORDER_OPEN: "Order {order} is open here: finish or park it first",
    Outcome.NO_ORDER_OPEN: "No order open: scan an order, tote or pick list first",
    Outcome.ACKNOWLEDGE_FIRST: "Still waiting: {pending}",
    Outcome.ERROR_CLEARED: "Confirmed: {sku} taken out",
    Outcome.LEAD_OVERRIDE: "Lead {lead} overrode: {what}",
    Outcome.REMOVED: "Removed {quantity} x {sku}: {scanned} of {ordered}",
    Outcome.NOTHING_TO_REMOVE: "Nothing of {sku} to remove",
    Outcome.SHORTED: "{sku}: {quantity} short ({reason})",
    Outcome.DAMAGED_RECORDED: "{sku}: {quantity} damaged ({reason}); scan a good unit",
    Outcome.MODE_SET: "{mode}: now scan the item",
    Outcome.PARCEL_CLOSED: "Parcel {parcel} closed; parcel {next} open",
    Outcome.PARCEL_EMPTY: "Parcel {parcel} is empty: scan items into it first",
    Outcome.BOX_SET: "Parcel {parcel}: box {box}",
    Outcome.WEIGHT_SET: "Parcel {parcel}: {grams} g",
    Outcome.PAUSED: "Order {order} parked",
    Outcome.SESSION_CANCELLED: "Packing of order {order} cancelled; put the items back",
    Outcome.ORDER_HELD: "Order {order} complete but short: on hold for a lead",
    Outcome.UNKNOWN_COMMAND: "Unknown command {code}",
    Outcome.QUANTITY_NOT_ALLOWED: "{sku}: quantity entry is not allowed on this line",
    Outcome.SIGNED_IN: "Signed in: {operator}",
    Outcome.NOT_SIGNED_IN: "Nobody is signed in: scan your badge, then {code} again",
    Outcome.NOT_ALLOWED: "{operator} may not {what}: a lead's badge is needed",
    Outcome.LABEL_CONFIRMED: "Label of order {order} parcel {parcel} of {parcels} confirmed"
    "{rest}",
    Outcome.LABEL_ALREADY_CONFIRMED: "Label of order {order} parcel {parcel} was already "
    "confirmed",
    Outcome.SIGNED_OUT: "Signed out: {operator}",
    Outcome.LABEL_REPRINTED: "Order {order}: {labels} label(s) printed again",
    Outcome.NOTHING_TO_REPRINT: "Nothing to reprint: no order was packed at this station yet",
    Outcome.WEIGH_PARCEL: "Parcel {parcel}: put it on the scale (expected {expected})",
    Outcome.WEIGHT_OUT_OF_TOLERANCE: "Parcel {parcel} weighs {grams} g, expected {expected} "
    "(± {allowed} g): check the items and weigh again, or a lead releases it",
    Outcome.RELEASE_REASON_NEEDED: "Lead {lead}: scan the reason for releasing parcel {parcel}",
    Outcome.LABEL_WRONG_ORDER: "Wrong label: this is order {order} parcel {parcel}, but order "
    "{expected} was just packed here. Take the label off",
}


def render_message(outcome: Outcome, params: dict[str, object]) -> str:
    template = MESSAGES.get(outcome, outcome.value)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        # A missing parameter is a bug, but an operator still needs words on the screen.
        return f"{outcome.value}: {params}"
