"""The desk's state, in plain Python: what was looked up, what was found, what is shown.

The blocking calls (``find``, ``load``, ``reprint``, ``void``) run in a worker; their results
come back through the ``*_loaded``/``*_done`` methods on the GUI thread, which change the state
and tell the listeners. Tests drive it without widgets by calling both halves in turn.
Messages are codes with parameters; the page words them in the operator's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from workstation.services import desk
from workstation.services.desk import OrderMatch
from workstation.services.operators import OperatorInfo
from workstation.settings import Settings

log = logging.getLogger(__name__)

Listener = Callable[[], None]
#: Reasons offered for a reprint or a void; the operator may type another.
REPRINT_REASONS = ("label_damaged", "printer_jam", "label_lost", "wrong_parcel", "other")


@dataclass(frozen=True, slots=True)
class Notice:
    code: str  # "not_found", "found_many", "reprinted", "voided", "error", "searching"…
    params: dict[str, Any] = field(default_factory=dict)
    error: bool = False


@dataclass(frozen=True, slots=True)
class LabelRow:
    job_id: int
    parcel: int | None
    kind: str
    state: str
    printer: str
    reprint_of: int | None
    reason: str | None
    created_at: str


class DeskViewModel:
    def __init__(self, sessions: sessionmaker[Session], station: str,
                 current_operator: Callable[[], OperatorInfo | None],
                 settings: Settings | None = None) -> None:
        self._sessions = sessions
        self._station = station
        self._settings = settings  # a label never rendered is rendered for its reprint
        self._operator = current_operator
        self._listeners: list[Listener] = []
        self.query = ""
        self.matches: list[OrderMatch] = []
        self.order: dict[str, Any] | None = None
        self.notice: Notice | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    # -- search (worker half, then GUI half) ------------------------------------------------

    def find(self, text: str) -> list[OrderMatch]:
        return desk.find_orders(self._sessions, text)

    def matches_loaded(self, text: str, matches: list[OrderMatch]) -> str | None:
        """Show the matches; the number of the order to open now when exactly one matched."""
        self.query = text
        self.matches = matches
        if not matches:
            self.order = None
            self.notice = Notice("not_found", {"query": desk.label_key(text)}, error=True)
        elif len(matches) > 1:
            self.notice = Notice("found_many", {"count": len(matches)})
        else:
            self.notice = Notice("found", {"order": matches[0].number,
                                           "by": matches[0].matched_by})
        self._changed()
        return matches[0].number if len(matches) == 1 else None

    def load(self, number: str) -> dict[str, Any]:
        return desk.order_details(self._sessions, number)

    def order_loaded(self, details: dict[str, Any]) -> None:
        self.order = details
        self._changed()

    def failed(self, error: Exception) -> None:
        self.notice = Notice("error", {"error": str(error)}, error=True)
        self._changed()

    # -- what the page shows ----------------------------------------------------------------

    @property
    def number(self) -> str | None:
        return None if self.order is None else str(self.order["number"])

    def label_rows(self) -> list[LabelRow]:
        if self.order is None:
            return []
        return [LabelRow(j["id"], j["parcel"], j["kind"], j["state"], j["printer"],
                         j["reprint_of"], j["reason"], j["created_at"])
                for j in self.order.get("print_jobs", [])]

    def parcel_numbers(self) -> list[int]:
        if self.order is None:
            return []
        return [int(p["seq"]) for p in self.order["parcels"]]

    def can_reprint(self) -> bool:
        return any(row.reprint_of is None for row in self.label_rows())

    # -- reprint and void -------------------------------------------------------------------

    def reprint(self, reason: str, parcel: int | None = None,
                kind: str | None = None) -> list[int]:
        number = self.number
        if number is None:
            raise ValueError("open an order first")
        if not reason.strip():
            raise ValueError("give a reason for the reprint")
        return desk.reprint_labels(self._sessions, self._station, number, reason,
                                   self._operator(), parcel=parcel, kind=kind,
                                   settings=self._settings)

    def reprinted(self, job_ids: list[int]) -> None:
        self.notice = Notice("reprinted", {"count": len(job_ids), "order": self.number})
        self._changed()

    def void(self, job_id: int, reason: str) -> int:
        if not reason.strip():
            raise ValueError("give a reason for voiding the label")
        desk.void_label(self._sessions, self._station, job_id, reason, self._operator())
        return job_id

    def voided(self, job_id: int) -> None:
        self.notice = Notice("voided", {"job": job_id})
        self._changed()
