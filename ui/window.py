"""The station window: a bar of pages (packing, desk, …) and the page showing below it.

The window owns no business state: it routes scans to the page that is showing (a page that
takes scans has ``handle_scan``), and offers the few actions that are not a scan.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import StationContext
from ui.theme import apply_theme, current_theme

log = logging.getLogger(__name__)

PageFactory = Callable[[], "QWidget | None"]


@dataclass
class _Page:
    title: Callable[[], str]
    widget: QWidget | None = None
    factory: PageFactory | None = None


class StationWindow(QMainWindow):
    def __init__(self, context: StationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StationWindow")
        self._context = context
        self._pages: dict[str, _Page] = {}
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 4, 8, 8)
        self._bar = QHBoxLayout()
        self._bar.addStretch(1)
        self.sheet_button = QPushButton()
        self.sheet_button.clicked.connect(self.print_command_sheet)
        self.theme_button = QPushButton()
        self.theme_button.clicked.connect(self.toggle_theme)
        self._bar.addWidget(self.sheet_button)
        self._bar.addWidget(self.theme_button)
        outer.addLayout(self._bar)
        self.stack = QStackedWidget()
        self._notice = QLabel()
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet("font-size: 26px; padding: 40px;")
        self.stack.addWidget(self._notice)
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.last_sheet: str | None = None
        # Until the keyboard-wedge filter watches the whole application (it is installed after
        # the first paint: an application-wide Python filter makes the first paint ~0.1 s
        # slower), the keys that reach the window go to it here, so no scanner key is lost.
        self.key_fallback: QObject | None = None
        self.retranslate()

    def add_page(self, key: str, title: Callable[[], str],
                 page: QWidget | PageFactory) -> None:
        """``title`` is called again on a language change, so pass e.g. ``lambda: tr(...)``.

        ``page`` is the widget, or a factory that builds it the first time it is shown (so the
        window is up sooner); a factory may return None while the page cannot open yet (e.g.
        the board without a lead signed in) and is asked again next time.
        """
        button = QPushButton(title())
        button.setCheckable(True)
        button.setObjectName(f"page-{key}")
        button.clicked.connect(lambda: self.show_page(key))
        self._bar.insertWidget(len(self._pages), button)
        self._buttons.addButton(button)
        entry = _Page(title)
        if isinstance(page, QWidget):
            entry.widget = page
            self.stack.addWidget(page)
        else:
            entry.factory = page
        self._pages[key] = entry
        if len(self._pages) == 1:
            self.show_page(key)

    def page_keys(self) -> list[str]:
        """The pages in the bar, in order (the optional ones once the station added them)."""
        return list(self._pages)

    def page(self, key: str) -> QWidget | None:
        """The page's widget, None while a lazy page has not been built."""
        return self._pages[key].widget

    def show_page(self, key: str) -> None:
        entry = self._pages[key]
        if entry.widget is None and entry.factory is not None:
            built = entry.factory()
            if built is None:
                self._notice.setText(self.tr("This page needs a lead: scan a lead's badge on "
                                             "the packing screen first"))
                self.stack.setCurrentWidget(self._notice)
                self._context.scans.set_target(None)
                self._check_button(key)
                return
            entry.widget = built
            self.stack.addWidget(built)
        page = entry.widget
        assert page is not None
        self.stack.setCurrentWidget(page)
        self._check_button(key)
        handle = getattr(page, "handle_scan", None)
        rejected = getattr(page, "handle_rejected", None)
        self._context.scans.set_target(handle, rejected)
        log.info("page: %s", key)

    def _check_button(self, key: str) -> None:
        for button in self._buttons.buttons():
            button.setChecked(button.objectName() == f"page-{key}")

    def print_command_sheet(self) -> None:
        from ui.command_sheet import write_command_sheet  # ReportLab: only when asked for

        path = write_command_sheet(self._context.settings.data_dir, self._context.settings.station)
        self.last_sheet = str(path)
        if QApplication.platformName() not in ("offscreen", "minimal"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def toggle_theme(self) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, "light" if current_theme(app) == "dark" else "dark")
        self.retranslate()
        for entry in self._pages.values():
            theme_changed = getattr(entry.widget, "theme_changed", None)
            if callable(theme_changed):
                theme_changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        fallback = self.key_fallback
        if fallback is not None and fallback.eventFilter(self, event):
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Packing station {station}")
                            .format(station=self._context.settings.station))
        self.sheet_button.setText(self.tr("Print command sheet"))
        app = QApplication.instance()
        dark = isinstance(app, QApplication) and current_theme(app) == "dark"
        self.theme_button.setText(self.tr("Light theme") if dark else self.tr("Dark theme"))
        for button in self._buttons.buttons():
            key = button.objectName().removeprefix("page-")
            if key in self._pages:
                button.setText(self._pages[key].title())
