"""The operators screen's state: the list and what the last action said (plain Python).

Every call goes to ``OperatorAdmin``, which checks that the signed-in person is an admin: the
screen hides nothing it relies on for safety.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.enums import Role
from workstation.services.errors import PermissionDeniedError
from workstation.services.operator_admin import OperatorAdmin, OperatorRow
from workstation.services.operators import OperatorInfo

Listener = Callable[[], None]


@dataclass(frozen=True, slots=True)
class AdminNotice:
    code: str  # "loaded", "saved", "denied", "error"
    text: str = ""  # the service's message, for "denied" and "error"
    error: bool = False


class OperatorsModel:
    def __init__(self, admin: OperatorAdmin,
                 current_operator: Callable[[], OperatorInfo | None]) -> None:
        self._admin = admin
        self._operator = current_operator
        self._listeners: list[Listener] = []
        self.rows: list[OperatorRow] = []
        self.notice: AdminNotice | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    # Blocking calls (a worker runs them); each returns the fresh list.

    def load(self) -> list[OperatorRow]:
        return self._admin.operators(self._operator())

    def add(self, code: str, name: str, role: Role, badge: str, pin: str) -> list[OperatorRow]:
        self._admin.add(self._operator(), code, name, role, badge or None, pin or None)
        return self.load()

    def set_active(self, code: str, active: bool) -> list[OperatorRow]:
        self._admin.set_active(self._operator(), code, active)
        return self.load()

    def set_role(self, code: str, role: Role) -> list[OperatorRow]:
        self._admin.set_role(self._operator(), code, role)
        return self.load()

    def set_badge(self, code: str, badge: str) -> list[OperatorRow]:
        self._admin.set_badge(self._operator(), code, badge or None)
        return self.load()

    def set_pin(self, code: str, pin: str) -> list[OperatorRow]:
        self._admin.set_pin(self._operator(), code, pin or None)
        return self.load()

    # GUI-thread halves.

    def loaded(self, rows: list[OperatorRow], saved: bool = False) -> None:
        self.rows = rows
        self.notice = AdminNotice("saved" if saved else "loaded")
        self._changed()

    def failed(self, error: Exception) -> None:
        if isinstance(error, PermissionDeniedError):
            self.rows = []
            self.notice = AdminNotice("denied", str(error), error=True)
        else:
            self.notice = AdminNotice("error", str(error), error=True)
        self._changed()
