"""The pages other than packing, added to the window.

The desk (reprint, lookup) lives in ``ui.desk``, the self-test, settings and operator admin in
``ui.setup``, the lead's board in ``ui.board``; each is built with the same ``StationContext``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from ui.context import StationContext
from ui.i18n import Translations
from ui.sounds import FeedbackSounds
from ui.theme import current_theme
from ui.window import StationWindow
from workstation.services.operators import OperatorInfo

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def add_optional_pages(window: StationWindow, context: StationContext) -> None:
    """Built when first shown (the window is up sooner); scans go to the page showing."""

    def operator() -> OperatorInfo | None:
        return context.pack.operator

    def desk() -> QWidget:
        from ui.desk.page import DeskPage

        return DeskPage(context, operator)

    def selftest() -> QWidget:
        from ui.setup.selftest_page import SelfTestPage

        return SelfTestPage(context, operator)

    def settings() -> QWidget:
        from ui.setup.settings_page import SettingsPage

        page = SettingsPage(context, on_language=_switch_language(context),
                            on_theme=lambda theme: _set_theme(window, theme))
        sounds = context.extras.get("sounds")
        if isinstance(sounds, FeedbackSounds):
            page.saved.connect(lambda saved: sounds.set_volume(saved.sound_volume))
        return page

    def operators() -> QWidget | None:
        from ui.setup.operators_page import OperatorsPage

        return OperatorsPage(context, operator)

    def board() -> QWidget | None:
        viewer = context.pack.operator
        if viewer is None or not viewer.is_lead:
            return None  # the board is for leads: asked again once one has signed in
        from ui.board.page import BoardPage

        return BoardPage(context, viewer)

    window.add_page("desk", lambda: translate("Station", "Desk"), desk)
    window.add_page("selftest", lambda: translate("Station", "Self-test"), selftest)
    window.add_page("board", lambda: translate("Station", "Board"), board)
    window.add_page("settings", lambda: translate("Station", "Settings"), settings)
    window.add_page("operators", lambda: translate("Station", "Operators"), operators)


def _switch_language(context: StationContext) -> Callable[[str], None]:
    def switch(language: str) -> None:
        translations = context.extras.get("translations")
        if isinstance(translations, Translations):
            translations.switch(language)

    return switch


def _set_theme(window: StationWindow, theme: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and current_theme(app) != theme:
        window.toggle_theme()
