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


def test_a_cached_start_finds_the_icons_without_rebuilding_them(
        qapp: QApplication, tmp_path: Path) -> None:
    from PySide6.QtCore import QDir

    saved = (qapp.styleSheet(), qapp.palette(), qapp.style().name(),
             qapp.property("station_theme"), QDir.searchPaths("icon"))
    try:
        assert apply_theme(qapp, "light", tmp_path) is False
        icons = next(tmp_path.glob("qt-material-*.icons"))
        assert (icons / "primary").is_dir() and any((icons / "primary").glob("*.svg"))
        written = {p: p.stat().st_mtime_ns for p in icons.rglob("*.svg")}
        # Forget this cache's icons (the paths the session had still find an icon meanwhile).
        QDir.setSearchPaths("icon", [p for p in QDir.searchPaths("icon") if p != str(icons)])
        assert apply_theme(qapp, "light", tmp_path) is True
        assert str(icons) in QDir.searchPaths("icon")  # the sheet's icon: URLs resolve here
        assert {p: p.stat().st_mtime_ns for p in icons.rglob("*.svg")} == written
        # Without its icons the cache is not used: the theme is built (and cached) again.
        for svg in icons.rglob("*"):
            if svg.is_file():
                svg.unlink()
        for folder in sorted(icons.rglob("*"), reverse=True):
            folder.rmdir()
        icons.rmdir()
        assert apply_theme(qapp, "light", tmp_path) is False
        assert (icons / "primary").is_dir()
    finally:
        qapp.setStyleSheet(saved[0])
        qapp.setPalette(saved[1])
        qapp.setStyle(saved[2])
        qapp.setProperty("station_theme", saved[3])
        QDir.setSearchPaths("icon", saved[4])
