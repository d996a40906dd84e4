"""The station's look: qt-material (light or dark) with large type and large touch targets.

Operators read the screen from a metre away, wearing gloves: body text is 20 px, every button
and list row at least 48 px high, and the feedback colours do not depend on the theme.

qt-material builds its style sheet from a Jinja template on every call (a third of a second)
and writes its icons out again on every start. The first start keeps what it built in the
user's cache directory, per qt-material version and theme: the sheet, the theme's colours and
the coloured icons. Later starts register the fonts and the icons' directory and set the sheet
without importing qt-material at all (with Jinja and Qt's UI loader it costs ~0.1-0.2 s).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
from pathlib import Path

from platformdirs import user_cache_dir
from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QPalette
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


def _package_dir() -> Path:
    """qt-material's directory, found without importing it."""
    spec = importlib.util.find_spec("qt_material")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("qt-material is not installed: run scripts/setup.sh")
    return Path(next(iter(spec.submodule_search_locations)))


def _cache_file(name: str, invert: bool, directory: Path | None) -> Path:
    init = _package_dir() / "__init__.py"
    stat = init.stat()  # another qt-material (an upgrade) is another cache
    key = json.dumps([str(init), stat.st_size, stat.st_mtime_ns, name, invert, _EXTRA],
                     sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    base = directory or Path(user_cache_dir("packing-workstation", appauthor=False))
    return base / f"qt-material-{digest}.qss"


def _set_palette(colours: dict[str, str]) -> None:
    palette = QGuiApplication.palette()
    primary = colours["primaryColor"]
    red, green, blue = (int(primary[i:i + 2], 16) for i in (1, 3, 5))
    palette.setColor(QPalette.ColorRole.Text, QColor(red, green, blue, 92))
    QGuiApplication.setPalette(palette)


def _build(app: QApplication, name: str, invert: bool, cache: Path) -> None:
    """What ``qt_material.apply_stylesheet`` does, keeping the sheet, colours and icons."""
    import qt_material  # after PySide6: ui/__init__ has imported it already

    cache.parent.mkdir(parents=True, exist_ok=True)
    qt_material.apply_stylesheet(app, theme=name, invert_secondary=invert,
                                 extra=dict(_EXTRA), save_as=str(cache))
    colours = qt_material.get_theme(name, invert)
    icons = cache.with_suffix(".icons")
    qt_material.set_icons_theme(colours, parent=str(icons))  # written once, here
    cache.with_suffix(".json").write_text(json.dumps(colours), encoding="utf-8")


def _apply_cached(app: QApplication, sheet: str, colours: dict[str, str], icons: Path) -> None:
    """What ``qt_material.apply_stylesheet`` does, with what it built last time."""
    app.setStyle("Fusion")
    fonts = _package_dir() / "fonts" / "roboto"
    for font in sorted(fonts.glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    for key in ("primaryColor", "primaryLightColor", "secondaryColor", "secondaryLightColor",
                "secondaryDarkColor", "primaryTextColor", "secondaryTextColor"):
        os.environ[f"QTMATERIAL_{key.upper()}"] = colours[key]  # as qt-material sets them
    QDir.addSearchPath("icon", str(icons))
    QDir.addSearchPath("qt_material", str(_package_dir() / "resources"))
    _set_palette(colours)
    app.setStyleSheet(sheet)


def apply_theme(app: QApplication, theme: str = "light", cache_dir: Path | None = None) -> bool:
    """Apply ``theme``; True when the cached style sheet was used."""
    if theme not in THEMES:
        log.warning("unknown theme %r: using light (set station.theme to light or dark)", theme)
        theme = "light"
    name, invert = THEMES[theme], theme != "dark"
    cache = _cache_file(name, invert, cache_dir)
    icons = cache.with_suffix(".icons")
    try:
        sheet = cache.read_text(encoding="utf-8")
        colours = json.loads(cache.with_suffix(".json").read_text(encoding="utf-8"))
        if not (icons / "primary").is_dir():
            raise FileNotFoundError(icons)
    except (OSError, ValueError):
        _build(app, name, invert, cache)
        cached = False
    else:
        _apply_cached(app, sheet, colours, icons)
        cached = True
    app.setStyleSheet(app.styleSheet() + _EXTRA_QSS)
    app.setProperty("station_theme", theme)
    return cached


def current_theme(app: QApplication) -> str:
    value = app.property("station_theme")
    return str(value) if value else "light"
