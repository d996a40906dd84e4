"""The station's look: qt-material (light or dark) with large type and large touch targets.

Operators read the screen from a metre away, wearing gloves: body text is 20 px, every button
and list row at least 48 px high, and the feedback colours do not depend on the theme.
"""

from __future__ import annotations

import logging

import qt_material
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

THEMES = {"light": "light_blue.xml", "dark": "dark_blue.xml"}

# Feedback colours with their text colour; contrast at least 4.5:1 (WCAG AA) for large text.
FEEDBACK_COLOURS = {
    "ok": ("#1B7F3B", "#FFFFFF"),
    "attention": ("#FFB300", "#111111"),
    "error": ("#C62828", "#FFFFFF"),
    "idle": ("#263238", "#FFFFFF"),
}

_EXTRA_QSS = """
QWidget { font-size: 20px; }
QPushButton, QToolButton { min-height: 48px; min-width: 48px; padding: 0 16px;
                           font-size: 18px; }
QLineEdit, QComboBox, QSpinBox { min-height: 48px; font-size: 20px; }
QTableView { font-size: 20px; }
QHeaderView::section { font-size: 16px; min-height: 36px; }
QLabel#StatusTitle { font-size: 16px; }
"""


def apply_theme(app: QApplication, theme: str = "light") -> None:
    name = THEMES.get(theme, THEMES["light"])
    if theme not in THEMES:
        log.warning("unknown theme %r: using light (set station.theme to light or dark)", theme)
    qt_material.apply_stylesheet(app, theme=name, invert_secondary=theme != "dark",
                                 extra={"density_scale": "1", "font_size": "20px"})
    app.setStyleSheet(app.styleSheet() + _EXTRA_QSS)
    app.setProperty("station_theme", theme if theme in THEMES else "light")


def current_theme(app: QApplication) -> str:
    value = app.property("station_theme")
    return str(value) if value else "light"
