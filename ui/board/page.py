"""The board page: today's figures for every station, refreshed in a worker every few seconds.

Built from the ``App`` (or a station's ``StationContext``) and the signed-in person. Only
leads and admins get figures: the report service refuses anyone else, and the page then shows
why instead of the tables and stops refreshing. Double-click a cell to see the orders and scan
events behind it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.board.charts import chart_view, show_accuracy, show_orders_per_hour
from ui.board.drill_dialog import DrillDialog
from ui.board.model import BoardViewModel, DrillRequest
from ui.board.tables import (
    PEOPLE_COLUMNS,
    FigureTable,
    colour_at_risk,
    exception_drill,
    merged,
    people_drill,
    station_drill,
)
from ui.context import StationContext
from ui.tasks import TaskRunner
from workstation.app import App
from workstation.services.operators import OperatorInfo
from workstation.services.reports.drill import Drill, DrillKind
from workstation.services.reports.notify import BoardNotifications

log = logging.getLogger(__name__)
# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

BOARD_STYLE = """
QTableWidget { font-size: 15px; }
QHeaderView::section { font-size: 12px; padding: 2px; text-transform: none; }
QTabBar::tab { font-size: 14px; padding: 4px 10px; min-width: 60px; }
QLabel#boardTitle { font-size: 26px; font-weight: bold; }
QLabel#boardTile { font-size: 18px; padding: 6px 12px; border-radius: 6px;
                   background: palette(alternate-base); }
QLabel#boardRefused { font-size: 22px; color: #C62828; }
"""
# The captions are marked here and translated when shown (QT_TRANSLATE_NOOP returns its text).
TILES: tuple[tuple[str, str], ...] = (
    ("orders", str(QT_TRANSLATE_NOOP("Board", "orders packed"))),
    ("units", str(QT_TRANSLATE_NOOP("Board", "units"))),
    ("orders_per_hour", str(QT_TRANSLATE_NOOP("Board", "orders / h"))),
    ("avg_seconds", str(QT_TRANSLATE_NOOP("Board", "avg s / order"))),
    ("p90_seconds", str(QT_TRANSLATE_NOOP("Board", "p90 s / order"))),
    ("wrong_item_per_1000", str(QT_TRANSLATE_NOOP("Board", "wrong / 1,000"))),
    ("over_scan_per_1000", str(QT_TRANSLATE_NOOP("Board", "over / 1,000"))))


NOTICE_DELAY_MS = 500  # coalesce a burst of notices into one refresh


class _Notices(QObject):
    """Carries a notice from the listener's thread to the GUI thread (a queued signal)."""

    arrived = Signal()

    def notify(self) -> None:
        """Called from the listener's thread."""
        try:
            self.arrived.emit()
        except RuntimeError:  # the page and this object are gone: nobody left to tell
            log.debug("board notice after the board was deleted")


class BoardPage(QWidget):
    def __init__(self, app: App | StationContext, viewer: OperatorInfo, *,
                 clock: Callable[[], datetime] | None = None, refresh_seconds: float = 5.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BoardViewModel(app.app if isinstance(app, StationContext) else app,
                                    viewer, clock)
        self.tasks = TaskRunner(self)
        self.drill_dialog: DrillDialog | None = None
        self.setStyleSheet(BOARD_STYLE)
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(int(refresh_seconds * 1000))
        self.timer.timeout.connect(self.refresh)
        # On PostgreSQL a NOTIFY (an order packed, rollups caught up) refreshes at once; a
        # burst of them makes one refresh. The timer stays as the fallback (and is all SQLite
        # has).
        self.notified = QTimer(self)
        self.notified.setSingleShot(True)
        self.notified.setInterval(NOTICE_DELAY_MS)
        self.notified.timeout.connect(self.refresh)
        self._notices = _Notices(self)
        self._notices.arrived.connect(self._on_notice)
        self.listener: BoardNotifications | None = None
        self.model.subscribe(self._render)
        self._render()
        if not self.model.refused:
            self.timer.start()
            self.refresh()
            self.listener = self.model.listen(self._notices.notify)
            if self.listener is not None:  # a page deleted with its window, never closed
                listener = self.listener  # (not self: the lambda must outlive the page)
                self.destroyed.connect(lambda *_: listener.stop(wait=False))

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Shift board"), self)
        self.title.setObjectName("boardTitle")
        self.status = QLabel(self)
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.status)
        self.export_button = QPushButton(self.tr("Save report..."), self)
        self.export_button.clicked.connect(self._ask_export)
        head.addWidget(self.export_button)
        layout.addLayout(head)
        self.refusal = QLabel(self)
        self.refusal.setObjectName("boardRefused")
        self.refusal.setWordWrap(True)
        layout.addWidget(self.refusal)
        self.content = QWidget(self)
        layout.addWidget(self.content, 1)
        grid = QVBoxLayout(self.content)
        grid.setContentsMargins(0, 0, 0, 0)
        tiles = QGridLayout()
        self.tiles: dict[str, QLabel] = {}
        for i, (key, _label) in enumerate(TILES):
            tile = QLabel(self.content)
            tile.setObjectName("boardTile")
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tiles.addWidget(tile, 0, i)
            self.tiles[key] = tile
        grid.addLayout(tiles)
        split = QSplitter(Qt.Orientation.Horizontal, self.content)
        grid.addWidget(split, 1)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("At risk of missing the cut-off"), left))
        self.at_risk = FigureTable(("order", "carrier", "cutoff", "status", "minutes_left"),
                                   left)
        self.at_risk.setMaximumHeight(240)
        left_layout.addWidget(self.at_risk)
        self.tabs = QTabWidget(left)
        self.stations = FigureTable(("station", *PEOPLE_COLUMNS), self.tabs)
        self.operators = FigureTable(("operator", *PEOPLE_COLUMNS), self.tabs)
        self.progress = FigureTable(("carrier", "cutoff", "due", "done", "remaining",
                                     "on_hold", "parked"), self.tabs)
        self.exceptions = FigureTable(("kind", "reason", "station", "operator", "count",
                                       "units"), self.tabs)
        self.reprints = FigureTable(("station", "reason", "jobs"), self.tabs)
        self.faults = FigureTable(("station", "printer", "faulted_jobs", "failed_jobs",
                                   "wait_seconds", "longest_wait_seconds"), self.tabs)
        for table, name in ((self.stations, self.tr("Stations")),
                            (self.operators, self.tr("Operators")),
                            (self.progress, self.tr("Progress")),
                            (self.exceptions, self.tr("Exceptions")),
                            (self.reprints, self.tr("Reprints")),
                            (self.faults, self.tr("Printer faults"))):
            self.tabs.addTab(table, name)
        left_layout.addWidget(self.tabs, 1)
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.orders_chart = chart_view(self.tr("Orders packed per hour"), right)
        self.accuracy_chart = chart_view(self.tr("Accuracy per station (per 1,000 scans)"),
                                         right)
        right_layout.addWidget(self.orders_chart)
        right_layout.addWidget(self.accuracy_chart)
        split.setSizes([640, 560])
        self._connect_drills()

    def _connect_drills(self) -> None:
        def on(table: FigureTable, make: Callable[[int, int], DrillRequest]) -> None:
            table.cellDoubleClicked.connect(lambda r, c: self.open_drill(make(r, c)))

        on(self.stations, lambda r, c: people_drill("station", self.stations.data[r], c))
        on(self.operators, lambda r, c: people_drill("operator", self.operators.data[r], c))
        on(self.exceptions, lambda r, _c: exception_drill(self.exceptions.data[r]))
        on(self.reprints, lambda r, _c: station_drill(DrillKind.REPRINT, self.reprints.data[r]))
        on(self.faults, lambda r, _c: station_drill(DrillKind.FAULT, self.faults.data[r]))

    # -- work -------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.model.refused or self.tasks.busy:
            return  # a refresh still running: skip this tick rather than queue behind it
        self.tasks.submit(lambda _progress: self.model.fetch(), self.model.loaded,
                          self.model.failed)

    def open_drill(self, request: DrillRequest) -> None:
        what = " ".join(x for x in (request.kind.value.replace("_", " "), request.station,
                                    request.operator, request.hour) if x)

        def show(drill: Drill) -> None:
            self.model.drilled(drill)
            self.drill_dialog = DrillDialog(drill, what, self)
            self.drill_dialog.show()

        self.tasks.submit(lambda _progress: self.model.fetch_drill(request), show,
                          self.model.failed)

    def _ask_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save today's report"), "shift-report.pdf",
            "PDF (*.pdf);;CSV (*.csv);;JSON (*.json)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Today's full report (the same as `workstation report`) to a PDF, CSV or JSON file,
        made in the worker."""
        def work(_progress: object) -> Path:
            path.write_bytes(self.model.export(path.suffix.lower().lstrip(".")))
            return path

        self.tasks.submit(work, lambda done: self.status.setText(
            self.tr("saved {path}").format(path=done)),
                          self.model.failed)

    def _on_notice(self) -> None:
        if not self.notified.isActive():
            self.notified.start()

    def stop(self) -> None:
        self.timer.stop()
        self.notified.stop()
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.tasks.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # -- showing ----------------------------------------------------------------------------

    def _render(self) -> None:
        m = self.model
        if m.refused:
            self.timer.stop()
            self.content.hide()
            self.refusal.show()
            self.export_button.hide()
            self.refusal.setText(m.error or self.tr(
                "{name} ({role}) may not see the shift board: only leads and admins. Your own "
                "figures: workstation report --as <your badge>.").format(
                    name=m.viewer.name, role=m.viewer.role.value))
            return
        self.refusal.hide()
        self.content.show()
        if m.refreshed_at is not None:
            self.status.setText(self.tr("updated {time} UTC").format(
                time=f"{m.refreshed_at:%H:%M:%S}") + (f" - {m.error}" if m.error else ""))
        elif m.error:
            self.status.setText(m.error)
        else:
            self.status.setText(self.tr("loading..."))
        if m.report is None:
            return
        self.title.setText(self.tr("Shift board {date}").format(
            date=f"{m.report.window.start:%Y-%m-%d}"))
        self._fill()

    def _fill(self) -> None:
        m = self.model
        total, acc = m.table("throughput_by_total"), m.table("accuracy_by_total")
        values = {**(total.as_dicts()[0] if total and total.rows else {}),
                  **(acc.as_dicts()[0] if acc and acc.rows else {})}
        for key, label in TILES:
            value = values.get(key)
            self.tiles[key].setText(
                f"{'-' if value is None else value}\n{translate('Board', label)}")
        self.stations.show_rows(merged(m.table("throughput_by_station"),
                                       m.table("accuracy_by_station"), "station"))
        self.operators.show_rows(merged(m.table("throughput_by_operator"),
                                        m.table("accuracy_by_operator"), "operator"))
        for widget, name in ((self.at_risk, "at_risk"), (self.progress, "progress"),
                             (self.exceptions, "exceptions"), (self.reprints, "reprints"),
                             (self.faults, "printer_faults")):
            table = m.table(name)
            widget.show_rows(table.rows if table else [])
        colour_at_risk(self.at_risk)
        series, accuracy = m.table("orders_per_hour_by_station"), m.table("accuracy_by_station")
        if series is not None:
            show_orders_per_hour(self.orders_chart, series)
        if accuracy is not None:
            show_accuracy(self.accuracy_chart, accuracy)
