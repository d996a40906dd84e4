"""The feedback area: a large block of colour with the answer in large type.

The colour is painted here rather than by the style sheet so no theme can tone it down; the
``painted`` signal lets the benchmark measure scan-to-screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.packing.state import Feedback, Tone
from ui.theme import FEEDBACK_COLOURS


class FeedbackPanel(QFrame):
    painted = Signal(int)  # the feedback seq drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackPanel")
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._feedback = Feedback(Tone.IDLE, "", "")
        self._styled: Tone | None = None
        self.text = QLabel(self)
        self.text.setObjectName("FeedbackText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.hint = QLabel(self)
        self.hint.setObjectName("FeedbackHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The texts change on every scan; with their size hints ignored the layout stays put, so
        # a scan repaints this panel only, not the whole window (scan-to-screen time).
        for label in (self.text, self.hint):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.hint, 1)

    @property
    def tone(self) -> Tone:
        return self._feedback.tone

    def show_feedback(self, feedback: Feedback) -> None:
        if feedback == self._feedback:
            return
        if feedback.tone != self._styled:  # style sheets are slow to apply: only on a change
            self._styled = feedback.tone
            fg = FEEDBACK_COLOURS[feedback.tone.value][1]
            self.text.setStyleSheet(f"color: {fg}; background: transparent; font-size: 44px; "
                                    "font-weight: bold;")
            self.hint.setStyleSheet(f"color: {fg}; background: transparent; font-size: 26px;")
        self._feedback = feedback
        self.text.setText(feedback.text)
        self.hint.setText(feedback.hint)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(FEEDBACK_COLOURS[self._feedback.tone.value][0]))
        if self._feedback.tone is Tone.ERROR:
            # A thick yellow frame inside the red: an error reads as one even to the colour-blind.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#FFEB3B"))
            w, h, t = self.width(), self.height(), 10
            for rect in ((0, 0, w, t), (0, h - t, w, t), (0, 0, t, h), (w - t, 0, t, h)):
                painter.drawRect(*rect)
        painter.end()
        super().paintEvent(event)
        self.painted.emit(self._feedback.seq)
