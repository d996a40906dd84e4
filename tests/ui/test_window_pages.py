"""The window's pages: built when first shown, scans go to the page showing, and the board
opens only for a lead."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.helpers.catalogue import SHIRT_EAN
from tests.ui.conftest import Scans
from ui.station import Station


def test_pages_open_on_demand_and_the_board_needs_a_lead(station: Station, scans: Scans) -> None:
    window = station.window
    assert window.page("desk") is None  # not built until shown: the window starts sooner
    for key in ("desk", "selftest", "settings", "operators"):
        window.show_page(key)
        assert window.page(key) is window.stack.currentWidget()

    window.show_page("board")
    assert window.page("board") is None
    notice = window.stack.currentWidget()
    assert isinstance(notice, QLabel) and "lead" in notice.text()

    window.show_page("packing")
    assert scans("B-LEAD1").outcome == "signed_in"
    window.show_page("board")
    assert window.page("board") is window.stack.currentWidget()
    window.show_page("packing")


def test_scans_go_to_the_page_that_is_showing(station: Station, scans: Scans, qtbot) -> None:  # type: ignore[no-untyped-def]
    scans("B-OP1")
    station.window.show_page("desk")
    desk = station.window.page("desk")
    seq = station.model.feedback.seq
    scans.scanner.scan("ORD-1")
    qtbot.waitUntil(lambda: desk.model.order is not None, timeout=5000)  # type: ignore[union-attr]
    assert desk.model.order["number"] == "ORD-1"  # type: ignore[union-attr]
    assert station.model.feedback.seq == seq  # the desk looked it up; nothing was packed
    station.window.show_page("packing")
    assert scans("ORD-1").outcome == "order_opened"
    assert scans(SHIRT_EAN).outcome == "accepted"
