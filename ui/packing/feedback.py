"""The feedback area: a large block of colour with the answer in large type.

The colour and the texts are painted here rather than by the style sheet and child labels, so
no theme can tone them down, and a scan repaints this panel alone: a label's new text would
ask its layout (and so the window) to lay itself out again on every scan, and a style sheet
set on a tone change re-polishes the widget against the whole theme. The ``painted`` signal
lets the benchmark measure scan-to-screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from ui.packing.state import Feedback, Tone
from ui.theme import FEEDBACK_COLOURS

#: The answer's and the hint's type size (px); the answer takes 3/4 of the height.
TEXT_PX, HINT_PX = 44, 26
_MARGINS = (32, 20, 32, 20)  # left, top, right, bottom
_SPACING = 6
_COLOURS = {tone: (QColor(back), QColor(fore)) for tone, (back, fore) in FEEDBACK_COLOURS.items()}
_ERROR_FRAME = QColor("#FFEB3B")


class FeedbackPanel(QFrame):
    painted = Signal(int)  # the feedback seq drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackPanel")
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # Every pixel is painted here: what is behind the panel need not be painted first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._feedback = Feedback(Tone.IDLE, "", "")
        self._fonts: tuple[QFont, QFont] | None = None
        self.painted_seq = -1  # the feedback seq last drawn

    @property
    def tone(self) -> Tone:
        return self._feedback.tone

    @property
    def shown_text(self) -> tuple[str, str]:
        """(answer, hint) as drawn."""
        return self._feedback.text, self._feedback.hint

    def show_feedback(self, feedback: Feedback) -> bool:
        """Show ``feedback`` (painted in the next frame); False if it is already shown."""
        if feedback == self._feedback:
            return False
        self._feedback = feedback
        self.setAccessibleName(feedback.text)
        self.setAccessibleDescription(feedback.hint)
        self.update()
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fonts = None  # another theme: another font, perhaps
        super().changeEvent(event)

    def _text_fonts(self) -> tuple[QFont, QFont]:
        if self._fonts is None:
            text, hint = QFont(self.font()), QFont(self.font())
            text.setPixelSize(TEXT_PX)
            text.setBold(True)
            hint.setPixelSize(HINT_PX)
            self._fonts = (text, hint)
        return self._fonts

    def paintEvent(self, event: QPaintEvent) -> None:
        feedback = self._feedback
        back, fore = _COLOURS[feedback.tone.value]
        painter = QPainter(self)
        painter.fillRect(self.rect(), back)
        w, h = self.width(), self.height()
        if feedback.tone is Tone.ERROR:
            # A thick yellow frame inside the red: an error reads as one even to the colour-blind.
            t = 10
            for rect in ((0, 0, w, t), (0, h - t, w, t), (0, 0, t, h), (w - t, 0, t, h)):
                painter.fillRect(*rect, _ERROR_FRAME)
        left, top, right, bottom = _MARGINS
        room = QRect(left, top, w - left - right, h - top - bottom)
        text_h = (room.height() - _SPACING) * 3 // 4
        text_font, hint_font = self._text_fonts()
        painter.setPen(fore)
        painter.setFont(text_font)
        painter.drawText(QRect(room.x(), room.y(), room.width(), text_h),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, feedback.text)
        painter.setFont(hint_font)
        hint_top = room.y() + text_h + _SPACING
        painter.drawText(QRect(room.x(), hint_top, room.width(), room.bottom() - hint_top + 1),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, feedback.hint)
        painter.end()
        self.painted_seq = feedback.seq
        self.painted.emit(feedback.seq)
