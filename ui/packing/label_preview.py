"""A side panel with what was printed: each shipping label's picture and its print job's state.

A job that failed, waits on a refusing printer or whose outcome is unknown shows the operator's
choices: send it to another printer, try again, or say whether the label came out. These are
buttons (48 px high): this is the exception path, not the scan-only happy path. Spooler calls
and rendering run in a worker; the panel only draws.

The picture is made once the scans pause (``PICTURE_QUIET_MS``): its worker is Python (reads,
layout, drawing) and would hold the GIL against the GUI thread answering the next scans; an
operator sticking the label on pauses long before the picture is needed. A scanner that never
pauses gets it ``PICTURE_LATEST_MS`` after the jobs all the same. A picture still to be made
when another order is on screen is dropped: its labels are old news.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from ui.packing.details import read_only
from ui.packing.label_pictures import LabelPicture, label_pictures
from ui.tasks import TaskRunner
from workstation.services.operators import OperatorInfo
from workstation.services.spooler import JobEvent
from workstation.settings import Settings

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)

TOUCH = 48
# A label's picture is made once no scan has come for this long (ms)...
PICTURE_QUIET_MS = 250
# ...or this long after its print jobs came, if the scans never pause.
PICTURE_LATEST_MS = 5000
#: The spooler's latest news kept per job, for the cards still to be pictured (an order's
#: jobs are the latest few); the oldest go.
KEEP_EVENTS = 64
_STATE_COLOURS = {"pending": "#455A64", "sending": "#0D47A1", "done": "#1B7F3B",
                  "failed": "#C62828", "unknown": "#B26A00", "voided": "#616161"}


class JobActions(Protocol):
    """What the panel asks of the spooler (``workstation.services.spooler.Spooler``)."""

    def redirect(self, job_id: int, printer_url: str, operator: OperatorInfo | None) -> None: ...

    def retry(self, job_id: int, operator: OperatorInfo | None) -> None: ...

    def confirm_unknown(self, job_id: int, printed: bool,
                        operator: OperatorInfo | None) -> None: ...


def state_text(state: str) -> str:
    return {"pending": translate("LabelPreview", "waiting to print"),
            "sending": translate("LabelPreview", "printing…"),
            "done": translate("LabelPreview", "printed"),
            "failed": translate("LabelPreview", "failed"),
            "unknown": translate("LabelPreview", "did it print?"),
            "voided": translate("LabelPreview", "void")}.get(state, state)


def needs_operator(state: str, error: str | None) -> bool:
    return state in ("failed", "unknown") or (state == "pending" and bool(error))


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setMinimumHeight(TOUCH)
    return button


#: Pixels a picture may fall short of its room and still be shown as the worker scaled it.
_SNUG = 2


class LabelCard(QFrame):
    """One label: its picture scaled to fit, the job's state, and the choices when it failed."""

    def __init__(self, picture: LabelPicture, act: Callable[[str, int, object], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LabelCard")
        self.picture = picture
        self.job_id = picture.job_id
        self._source = QPixmap.fromImage(picture.image)
        self._scaled_for: tuple[int, int, int] | None = None  # (source key, width, height)
        self._state_colour: str | None = None
        self.room: QSize | None = None  # the room the picture was last scaled to
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        self.image = QLabel()
        self.image.setObjectName("LabelImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Ignored: the picture is scaled to the room the layout gives, never the other way.
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumHeight(120)
        self.caption = QLabel()
        self.caption.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("font-size: 16px;")
        self.choices = QWidget()
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        self.url = QLineEdit()
        self.url.setMinimumHeight(TOUCH)
        self.url.setPlaceholderText(translate("LabelPreview", "another printer, e.g. tcp://host:9100"))
        self.redirect = _button(translate("LabelPreview", "Send to this printer"))
        self.retry = _button(translate("LabelPreview", "Try again"))
        self.printed = _button(translate("LabelPreview", "It printed"))
        self.not_printed = _button(translate("LabelPreview", "Not printed: send again"))
        row = QHBoxLayout()
        row.addWidget(self.printed)
        row.addWidget(self.not_printed)
        choices.addLayout(row)
        choices.addWidget(self.url)
        row2 = QHBoxLayout()
        row2.addWidget(self.redirect)
        row2.addWidget(self.retry)
        choices.addLayout(row2)
        for widget in (self.caption, self.state, self.problem):
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.state)
        layout.addWidget(self.problem)
        layout.addWidget(self.choices)
        self.redirect.clicked.connect(lambda: act("redirect", self.job_id, self.url.text().strip()))
        self.retry.clicked.connect(lambda: act("retry", self.job_id, None))
        self.printed.clicked.connect(lambda: act("confirm", self.job_id, True))
        self.not_printed.clicked.connect(lambda: act("confirm", self.job_id, False))
        self.set_picture(picture)

    def set_picture(self, picture: LabelPicture) -> None:
        """Show another label (cards are reused from order to order: building one is slow)."""
        if picture is not self.picture:  # (the first picture's source is made already)
            self._source = QPixmap.fromImage(picture.image)
        self.picture = picture
        self.job_id = picture.job_id
        self._scaled_for = None
        self.caption.setText(translate("LabelPreview", "Parcel {n} of {count}").format(
            n=picture.parcel_seq, count=picture.parcels))
        self.url.clear()
        self.show_job(picture.state, picture.printer_url, picture.error)
        self._scale()

    def show_job(self, state: str, printer_url: str, error: str | None) -> None:
        self.job_state = state
        colour = _STATE_COLOURS.get(state, "#455A64")
        self.state.setText(translate("LabelPreview", "{state} on {printer}").format(
            state=state_text(state), printer=printer_url))
        if colour != self._state_colour:  # style sheets are slow to apply: only on a change
            self._state_colour = colour
            self.state.setStyleSheet(f"background: {colour}; color: white; font-size: 18px; "
                                     "font-weight: bold; padding: 6px;")
        ask = needs_operator(state, error)
        self.problem.setText((error or "") if ask else "")
        self.problem.setVisible(ask and bool(error))
        self.choices.setVisible(ask)
        self.printed.setVisible(state == "unknown")
        self.not_printed.setVisible(state == "unknown")
        self.retry.setVisible(state == "failed")

    def shown_pixmap(self) -> QPixmap:
        return self.image.pixmap()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def _scale(self) -> None:
        room = self.image.contentsRect().size()
        if room.width() < 8 or room.height() < 8:
            return
        key = (self._source.cacheKey(), room.width(), room.height())
        if key == self._scaled_for:
            return  # a relayout that left the room as it was: no second smooth scaling
        self._scaled_for = key
        self.room = room
        source = self._source.size()
        if source.width() <= room.width() and source.height() <= room.height() and (
                room.width() - source.width() <= _SNUG or room.height() - source.height() <= _SNUG):
            # Scaled to this room in the worker already (or to one a pixel or two smaller: a
            # layout settling by a pixel is not worth a second, blurrier scaling here).
            self.image.setPixmap(self._source)
            return
        self.image.setPixmap(self._source.scaled(
            room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))


class LabelPreview(QFrame):
    """The labels of the order just packed; hidden until a scan writes print jobs."""

    def __init__(self, sessions: sessionmaker[Session], settings: Settings,
                 spooler: JobActions | None, operator: Callable[[], OperatorInfo | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LabelPreview")
        self.setFixedWidth(340)
        self._sessions = read_only(sessions)  # the pictures only read: no write lock
        self._settings = settings
        self._spooler = spooler
        self._operator = operator
        self._tasks = TaskRunner(self)
        self._events: dict[int, JobEvent] = {}
        self.order_number = ""  # the order whose labels are shown
        self._on_screen = ""  # the order the packing screen shows
        self.due: tuple[int, ...] | None = None  # jobs whose picture waits for a pause
        self._due_order = ""
        self._due_since = 0.0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._draw_due)
        self.cards: list[LabelCard] = []
        self._spare: list[LabelCard] = []  # cards of earlier orders, hidden, for reuse
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(translate("LabelPreview", "Label printed"))
        self.title.setObjectName("LabelPreviewTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #C62828; font-size: 16px;")
        self.message.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        self.hide()

    # -- what the station tells it ------------------------------------------------------------

    def show_jobs(self, job_ids: tuple[int, ...]) -> None:
        """A scan wrote these print jobs: picture their shipping labels (in the worker) once
        the scans pause (see the module's docstring)."""
        if self.due is None:
            self._due_since = time.monotonic()
        self.due = job_ids  # the latest jobs' labels are the ones to show
        self._due_order = self._on_screen
        self._quiet.start(PICTURE_QUIET_MS)

    def hold_off(self) -> None:
        """A scan came: a picture still to be made waits for the next pause (up to
        ``PICTURE_LATEST_MS`` after its jobs)."""
        if self.due is not None and \
                time.monotonic() - self._due_since < PICTURE_LATEST_MS / 1000:
            self._quiet.start(PICTURE_QUIET_MS)

    def order_on_screen(self, number: str) -> None:
        """The packing screen shows this order now: another order's labels are old news, on
        the panel or still to be pictured."""
        if not number:
            return
        self._on_screen = number
        if self.due is not None and self._due_order and number != self._due_order:
            self.due = None
            self._quiet.stop()
        if self.order_number and number != self.order_number:
            self.clear()

    def _draw_due(self) -> None:
        job_ids, self.due = self.due, None
        if job_ids is None:
            return
        sessions, settings = self._sessions, self._settings
        # The room the last label had: most orders have one parcel, so the next fits it too.
        fit = next((card.room for card in self.cards + self._spare if card.room is not None),
                   None)
        self._tasks.submit(lambda _progress: label_pictures(sessions, settings, job_ids, fit),
                           self._show_pictures, self._show_problem)

    def on_job(self, event: JobEvent) -> None:
        self._events.pop(event.job_id, None)
        self._events[event.job_id] = event  # the latest last
        while len(self._events) > KEEP_EVENTS:  # a shift's jobs are not all kept
            del self._events[next(iter(self._events))]
        for card in self.cards:
            if card.job_id == event.job_id:
                card.show_job(event.state, event.printer_url, event.error)

    def clear(self) -> None:
        for card in self.cards:
            card.hide()
        self._spare = self.cards + self._spare
        self.cards = []
        self.order_number = ""
        self.message.hide()
        self.hide()

    def close_tasks(self) -> None:
        self._quiet.stop()
        self.due = None
        self._tasks.close()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._tasks.wait(msecs)

    # -- drawing ------------------------------------------------------------------------------

    def _show_pictures(self, pictures: list[LabelPicture]) -> None:
        if not pictures:
            return
        if self._on_screen and pictures[0].order_number != self._on_screen:
            return  # another order was opened while they were being made
        self.clear()
        self.order_number = pictures[0].order_number
        self.title.setText(translate("LabelPreview", "Label printed for {order}").format(
            order=self.order_number))
        while len(self._spare) > len(pictures):  # keep no more than this order needs
            extra = self._spare.pop()
            self._layout.removeWidget(extra)
            extra.deleteLater()
        for picture in pictures:
            if self._spare:
                card = self._spare.pop(0)
                card.set_picture(picture)
                card.show()
            else:
                card = LabelCard(picture, self._act, self)
                self._layout.addWidget(card, 1)
            event = self._events.get(picture.job_id)
            if event is not None:  # the spooler moved on while the picture was being made
                card.show_job(event.state, event.printer_url, event.error)
            self.cards.append(card)
        self.show()

    def _show_problem(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.message.show()
        self.show()

    def _act(self, action: str, job_id: int, arg: object) -> None:
        spooler = self._spooler
        if spooler is None:
            self._show_problem(RuntimeError(translate("LabelPreview", "This station has no "
                                                      "print spooler")))
            return
        operator = self._operator()
        self.message.hide()
        if action == "redirect":
            url = str(arg)
            if not url:
                self._show_problem(ValueError(translate(
                    "LabelPreview", "Type the other printer's address first")))
                return

            def work(_progress: object) -> None:
                spooler.redirect(job_id, url, operator)
        elif action == "retry":
            def work(_progress: object) -> None:
                spooler.retry(job_id, operator)
        else:
            printed = bool(arg)

            def work(_progress: object) -> None:
                spooler.confirm_unknown(job_id, printed, operator)
        self._tasks.submit(work, lambda _none: None, self._show_problem)
