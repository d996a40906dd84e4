# ruff: noqa: E501  (one template a line reads better than wrapped strings for translators)
"""The words for every outcome, through Qt's translation system.

The service answers with an ``Outcome`` and its parameters (and an English message for the
log); the window shows the translated template of the outcome filled with the same
parameters. ``QT_TRANSLATE_NOOP`` marks the templates for ``pyside6-lupdate`` (context
``outcome``); ``message_for`` translates at the moment of display, so a language switch applies
to the next scan. Keys are the outcome values, so outcomes added to the service later fall back
to the service's English text until they are given a template here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

log = logging.getLogger(__name__)

CONTEXT = "outcome"

_MARKED: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text; typed object
    "order_opened": QT_TRANSLATE_NOOP("outcome", "Order {order} opened: {lines} lines, {units} units"),
    "order_resumed": QT_TRANSLATE_NOOP("outcome", "Order {order} resumed: {scanned} of {units} units scanned"),
    "accepted": QT_TRANSLATE_NOOP("outcome", "{name}: {scanned} of {ordered}"),
    "order_complete": QT_TRANSLATE_NOOP("outcome", "Order {order} complete: {units} units in {parcels} parcel(s)"),
    "wrong_item": QT_TRANSLATE_NOOP("outcome", "Wrong item: {name} is not in this order. Take it out and scan it again"),
    "over_scan": QT_TRANSLATE_NOOP("outcome", "Too many: {sku} needs {ordered}. Take the extra unit out and scan it again"),
    "unknown_barcode": QT_TRANSLATE_NOOP("outcome", "Unknown barcode {code}"),
    "invalid_scan": QT_TRANSLATE_NOOP("outcome", "Unreadable scan: {error}"),
    "needs_serial": QT_TRANSLATE_NOOP("outcome", "{sku}: scan the serial number"),
    "needs_lot": QT_TRANSLATE_NOOP("outcome", "{sku}: scan the lot (batch) number"),
    "duplicate_serial": QT_TRANSLATE_NOOP("outcome", "Serial {serial} was already packed. Take this unit out and scan it again"),
    "lot_expired": QT_TRANSLATE_NOOP("outcome", "Expired: lot {lot} of {sku} expired on {expiry}. Take it out and scan it again"),
    "order_not_found": QT_TRANSLATE_NOOP("outcome", "No order, tote or pick list {code}"),
    "order_in_progress_elsewhere": QT_TRANSLATE_NOOP("outcome", "Order {order} is in progress at station {station} by {operator}"),
    "order_cancelled": QT_TRANSLATE_NOOP("outcome", "Order {order} is cancelled: do not pack it"),
    "order_on_hold": QT_TRANSLATE_NOOP("outcome", "Order {order} is on hold: {reason}"),
    "order_already_packed": QT_TRANSLATE_NOOP("outcome", "Order {order} is already {status}"),
    "another_order_open": QT_TRANSLATE_NOOP("outcome", "Order {order} is open here: finish or park it first"),
    "no_order_open": QT_TRANSLATE_NOOP("outcome", "No order open: scan an order, tote or pick list"),
    "acknowledge_first": QT_TRANSLATE_NOOP("outcome", "Still waiting: scan {code} back out, or a lead's badge"),
    "error_cleared": QT_TRANSLATE_NOOP("outcome", "Confirmed: {sku} taken out"),
    "lead_override": QT_TRANSLATE_NOOP("outcome", "Lead {lead} overrode: {what}"),
    "removed": QT_TRANSLATE_NOOP("outcome", "Removed {quantity} x {sku}: {scanned} of {ordered}"),
    "nothing_to_remove": QT_TRANSLATE_NOOP("outcome", "Nothing of {sku} to remove"),
    "shorted": QT_TRANSLATE_NOOP("outcome", "{sku}: {quantity} short ({reason})"),
    "damaged_recorded": QT_TRANSLATE_NOOP("outcome", "{sku}: {quantity} damaged ({reason}); scan a good unit"),
    "mode_set": QT_TRANSLATE_NOOP("outcome", "{mode}: now scan the item"),
    "parcel_closed": QT_TRANSLATE_NOOP("outcome", "Parcel {parcel} closed; parcel {next} open"),
    "parcel_empty": QT_TRANSLATE_NOOP("outcome", "Parcel {parcel} is empty: scan items into it first"),
    "box_set": QT_TRANSLATE_NOOP("outcome", "Parcel {parcel}: box {box}"),
    "weight_set": QT_TRANSLATE_NOOP("outcome", "Parcel {parcel}: {grams} g"),
    "paused": QT_TRANSLATE_NOOP("outcome", "Order {order} parked"),
    "session_cancelled": QT_TRANSLATE_NOOP("outcome", "Packing of order {order} cancelled: put the items back"),
    "order_held": QT_TRANSLATE_NOOP("outcome", "Order {order} complete but short: on hold for a lead"),
    "unknown_command": QT_TRANSLATE_NOOP("outcome", "Unknown command {code}"),
    "quantity_not_allowed": QT_TRANSLATE_NOOP("outcome", "{sku}: quantity entry is not allowed on this line"),
    "signed_in": QT_TRANSLATE_NOOP("outcome", "Signed in: {operator}"),
    "not_signed_in": QT_TRANSLATE_NOOP("outcome", "Nobody is signed in: scan your badge first"),
    "not_allowed": QT_TRANSLATE_NOOP("outcome", "{operator} may not {what}: a lead's badge is needed"),
    "label_confirmed": QT_TRANSLATE_NOOP("outcome", "Label of order {order} parcel {parcel} of {parcels} confirmed"),
    "label_already_confirmed": QT_TRANSLATE_NOOP("outcome", "Label of order {order} parcel {parcel} was already confirmed"),
    "label_wrong_order": QT_TRANSLATE_NOOP("outcome", "Wrong label: this is order {order} parcel {parcel}, but order {expected} was just packed here. Take the label off"),
    "weigh_parcel": QT_TRANSLATE_NOOP("outcome", "Parcel {parcel}: put it on the scale (expected {expected})"),
    "weight_out_of_tolerance": QT_TRANSLATE_NOOP("outcome", "Parcel {parcel} weighs {grams} g, expected {expected} (± {allowed} g): check the items and weigh again, or a lead releases it"),
    "release_reason_needed": QT_TRANSLATE_NOOP("outcome", "Lead {lead}: scan the reason for releasing parcel {parcel}"),
    "signed_out": QT_TRANSLATE_NOOP("outcome", "Signed out: {operator}"),
    "label_reprinted": QT_TRANSLATE_NOOP("outcome", "Order {order}: {labels} label(s) printed again"),
    "nothing_to_reprint": QT_TRANSLATE_NOOP("outcome", "Nothing to reprint: no order was packed at this station yet"),
}
TEMPLATES: dict[str, str] = {key: str(text) for key, text in _MARKED.items()}


def message_for(outcome: str, params: Mapping[str, object], fallback: str) -> str:
    """The translated text for ``outcome`` with ``params``; ``fallback`` (the service's English
    message) when there is no template or a parameter the template names is missing."""
    template = TEMPLATES.get(outcome)
    if template is None:
        return fallback
    translated = QCoreApplication.translate(CONTEXT, template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        # A translation with a broken placeholder must not blank the screen: try the source.
        log.warning("outcome %s: template %r does not fit %s", outcome, translated, params)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            return fallback


#: What each kind of print job is called (``PrintJob.kind``), for the printer line and the desk.
_JOB_KINDS: dict[str, object] = {
    "shipping": QT_TRANSLATE_NOOP("PrintJob", "shipping label"),
    "return": QT_TRANSLATE_NOOP("PrintJob", "return label"),
    "slip": QT_TRANSLATE_NOOP("PrintJob", "packing slip"),
    "manifest": QT_TRANSLATE_NOOP("PrintJob", "manifest"),
    "test": QT_TRANSLATE_NOOP("PrintJob", "test label"),
}
JOB_KINDS: dict[str, str] = {key: str(text) for key, text in _JOB_KINDS.items()}


def job_kind_text(kind: str) -> str:
    """A print job's kind in the operator's language (a kind without words here as it is)."""
    source = JOB_KINDS.get(kind)
    return kind if source is None else QCoreApplication.translate("PrintJob", source)
