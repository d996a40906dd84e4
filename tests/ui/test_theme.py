"""The theme: qt-material's sheet is built once and reused from the cache, identically."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.theme import apply_theme, current_theme


def test_the_cached_sheet_is_the_built_one(qapp: QApplication, tmp_path: Path) -> None:
    saved = (qapp.styleSheet(), qapp.palette(), qapp.style().name(),
             qapp.property("station_theme"))
    try:
        assert apply_theme(qapp, "dark", tmp_path) is False  # built, and written to the cache
        built = qapp.styleSheet()
        assert len(list(tmp_path.glob("qt-material-*.qss"))) == 1
        qapp.setStyleSheet("")
        assert apply_theme(qapp, "dark", tmp_path) is True  # from the cache
        assert qapp.styleSheet() == built
        assert current_theme(qapp) == "dark"
        assert apply_theme(qapp, "light", tmp_path) is False  # another theme, another sheet
        assert qapp.styleSheet() != built
    finally:
        qapp.setStyleSheet(saved[0])
        qapp.setPalette(saved[1])
        qapp.setStyle(saved[2])
        qapp.setProperty("station_theme", saved[3])
