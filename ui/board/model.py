"""The board's state in plain Python: the last figures, when they came, what went wrong.

``fetch`` is the blocking half (it runs in a worker and opens its own read-only database
session through the report service); ``loaded``/``failed`` are the GUI-thread half that changes
the state and tells the listeners. Who may see the board is checked by the service: an
operator's first fetch fails with the typed not-allowed error and the board stops refreshing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication

from workstation.app import App
from workstation.services.errors import PermissionDeniedError
from workstation.services.operators import OperatorInfo
from workstation.services.reports import Report, ReportService, Table
from workstation.services.reports.drill import Drill, DrillKind, drill_for
from workstation.services.reports.export import to_csv, to_json
from workstation.services.reports.notify import BoardNotifications, listen_for_changes
from workstation.services.reports.pdf import to_pdf

log = logging.getLogger(__name__)

Listener = Callable[[], None]
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class DrillRequest:
    kind: DrillKind
    station: str | None = None
    operator: str | None = None
    hour: str | None = None


class BoardViewModel:
    def __init__(self, app: App, viewer: OperatorInfo, clock: Clock | None = None) -> None:
        self.viewer = viewer
        self._app = app
        self._service = ReportService(app.sessions)
        self._clock = clock or (lambda: datetime.now(UTC))
        # The lead's clock: the board's "today", its hours and times (settings: time_zone).
        self.tz = app.settings.zone()
        self._listeners: list[Listener] = []
        self.report: Report | None = None
        self.refreshed_at: datetime | None = None
        self.error: str | None = None
        self.refused = not viewer.is_lead  # known at once; the service refuses it too
        self.drill: Drill | None = None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    # -- worker half ------------------------------------------------------------------------

    def fetch(self) -> Report:
        now = self._clock()
        return self._service.board(self.viewer, self._today(now), now, tz=self.tz)

    def _today(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()

    def listen(self, on_change: Callable[[], None]) -> BoardNotifications | None:
        """Figures changed elsewhere (PostgreSQL NOTIFY): ``on_change`` is called from the
        listener's thread. None on SQLite, where the board only polls."""
        return listen_for_changes(self._app.engine, on_change)

    def fetch_drill(self, request: DrillRequest) -> Drill:
        now = self._clock()
        today = self._today(now)
        return drill_for(self._app.sessions, self.viewer, today, today, now,
                         request.kind, station=request.station, operator=request.operator,
                         hour=request.hour, tz=self.tz)

    def export(self, fmt: str) -> bytes:
        """Today's full report as ``pdf``, ``csv`` or ``json`` bytes (worker half)."""
        now = self._clock()
        today = self._today(now)
        report = self._service.report(self.viewer, today, today, now, tz=self.tz)
        if fmt == "csv":
            return to_csv(report)
        if fmt == "json":
            return to_json(report)
        if fmt == "pdf":
            return to_pdf(report)
        raise ValueError(QCoreApplication.translate(
            "Board", "save the report as .pdf, .csv or .json, not .{format}").format(format=fmt))

    # -- GUI-thread half --------------------------------------------------------------------

    def loaded(self, report: Report) -> None:
        self.report = report
        self.refreshed_at = self._clock()
        self.error = None
        self._changed()

    def failed(self, exc: Exception) -> None:
        if isinstance(exc, PermissionDeniedError):
            self.refused = True
        self.error = str(exc)
        log.info("board refresh failed: %s", exc)
        self._changed()

    def drilled(self, drill: Drill) -> None:
        self.drill = drill
        self._changed()

    def table(self, name: str) -> Table | None:
        if self.report is None:
            return None
        try:
            return self.report.table(name)
        except KeyError:
            return None
