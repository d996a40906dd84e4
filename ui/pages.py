"""The pages other than packing, added to the window.

The desk (reprint, lookup) lives in ``ui.desk``; it is built with the same ``StationContext``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from ui.context import StationContext
from ui.window import StationWindow

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


def add_optional_pages(window: StationWindow, context: StationContext) -> None:
    from ui.desk.page import DeskPage

    desk = DeskPage(context, lambda: context.pack.operator)
    window.add_page("desk", lambda: translate("Station", "Desk"), desk)
