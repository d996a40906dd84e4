"""The station's look: qt-material (light or dark) with large type and large touch targets.

Operators read the screen from a metre away, wearing gloves: body text is 20 px, every button
and list row at least 48 px high, and the feedback colours do not depend on the theme.

qt-material builds its style sheet from a Jinja template on every call (a third of a second);
the built sheet is kept in the user's cache directory per qt-material version and theme, so
later starts only register its fonts and icons and set the sheet.
"""

from __future__ import annotations

import hashlib
import json
import logging
from importlib.metadata import version
from pathlib import Path

import qt_material  # after PySide6: ui/__init__ has imported it already
from platformdirs import user_cache_dir
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

THEMES = {"light": "light_blue.xml", "dark": "dark_blue.xml"}
_EXTRA = {"density_scale": "1", "font_size": "20px"}

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


def _cache_file(name: str, invert: bool, directory: Path | None) -> Path:
    key = json.dumps([version("qt-material"), name, invert, _EXTRA], sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    base = directory or Path(user_cache_dir("packing-workstation", appauthor=False))
    return base / f"qt-material-{digest}.qss"


def _apply_cached(app: QApplication, name: str, invert: bool, sheet: str) -> None:
    """What ``qt_material.apply_stylesheet`` does, with the sheet it built last time."""
    app.setStyle("Fusion")
    qt_material.add_fonts()
    colours = qt_material.get_theme(name, invert)
    qt_material.set_icons_theme(colours, parent="theme")
    palette = QGuiApplication.palette()
    primary = colours["primaryColor"]
    red, green, blue = (int(primary[i:i + 2], 16) for i in (1, 3, 5))
    palette.setColor(QPalette.ColorRole.Text, QColor(red, green, blue, 92))
    QGuiApplication.setPalette(palette)
    app.setStyleSheet(sheet)


def apply_theme(app: QApplication, theme: str = "light", cache_dir: Path | None = None) -> bool:
    """Apply ``theme``; True when the cached style sheet was used."""
    if theme not in THEMES:
        log.warning("unknown theme %r: using light (set station.theme to light or dark)", theme)
        theme = "light"
    name, invert = THEMES[theme], theme != "dark"
    cache = _cache_file(name, invert, cache_dir)
    cached = False
    try:
        sheet = cache.read_text(encoding="utf-8")
    except OSError:
        cache.parent.mkdir(parents=True, exist_ok=True)
        qt_material.apply_stylesheet(app, theme=name, invert_secondary=invert,
                                     extra=dict(_EXTRA), save_as=str(cache))
    else:
        _apply_cached(app, name, invert, sheet)
        cached = True
    app.setStyleSheet(app.styleSheet() + _EXTRA_QSS)
    app.setProperty("station_theme", theme)
    return cached


def current_theme(app: QApplication) -> str:
    value = app.property("station_theme")
    return str(value) if value else "light"
