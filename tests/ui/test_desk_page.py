"""The desk page: a scanned label opens its order; a reprint is queued and audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import AuditEntry, Order, Parcel, PrintJob
from devices.scan import ScanInput
from tests.helpers.catalogue import SHIRT_EAN, seed
from tests.helpers.station_context import station_context
from ui.context import StationContext
from ui.desk.page import DeskPage
from workstation.app import App, open_app
from workstation.services.operators import OperatorInfo, find_operator
from workstation.services.pack import PackService
from workstation.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def desk_app(sqlite_url: str, tmp_path: Path) -> Iterator[App]:
    settings = Settings(database_url=sqlite_url, station="DESK-1", data_dir=tmp_path,
                        slip_format="none")
    app = open_app(settings, migrate=False)
    seed(app.sessions)
    packer = PackService(app.sessions, Settings(station="ST-01", slip_format="none"),
                         clock=Clock())
    packer.sign_in("op1")
    for code in ("ORD-1", SHIRT_EAN, SHIRT_EAN):
        packer.handle_scan(ScanInput(text=code, source="test"))
    yield app
    app.close()


@pytest.fixture
def context(desk_app: App) -> Iterator[StationContext]:
    with station_context(desk_app) as ctx:
        yield ctx


@pytest.fixture
def lead(desk_app: App) -> OperatorInfo:
    with desk_app.sessions() as s:
        return find_operator(s, "lead1")


def _page(qtbot: QtBot, context: StationContext, lead: OperatorInfo) -> DeskPage:
    page = DeskPage(context, lambda: lead)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    return page


def test_a_scanned_sscc_label_opens_its_order(qtbot: QtBot, context: StationContext,
                                              lead: OperatorInfo, desk_app: App) -> None:
    with desk_app.sessions() as s:
        sscc = s.scalar(select(Parcel.sscc).join(Order).where(Order.number == "ORD-1"))
    page = _page(qtbot, context, lead)
    page.handle_scan(ScanInput(text=f"00{sscc}", source="sim://scanner", symbology="]C1"))
    qtbot.waitUntil(lambda: page.model.number == "ORD-1", timeout=10_000)
    assert "ORD-1" in page.header.text() and "Budi Santoso" in page.header.text()
    assert page.parcels.rowCount() == 1 and page.labels.rowCount() == 1
    assert page.scans.rowCount() == 3
    assert page.reprint_all.isEnabled()


def test_search_by_customer_lists_orders_and_opens_the_chosen_one(
        qtbot: QtBot, context: StationContext, lead: OperatorInfo) -> None:
    page = _page(qtbot, context, lead)
    page.search.setText("santoso")
    page.look_up(page.search.text())
    qtbot.waitUntil(lambda: page.matches.count() >= 3, timeout=10_000)
    assert page.model.order is None and "orders found" in page.notice.text()
    page.open_order("ORD-2")
    qtbot.waitUntil(lambda: page.model.number == "ORD-2", timeout=10_000)
    assert not page.reprint_all.isEnabled()  # not packed: nothing to reprint


def test_reprint_from_the_page_is_queued_and_audited(qtbot: QtBot, context: StationContext,
                                                     lead: OperatorInfo, desk_app: App) -> None:
    page = _page(qtbot, context, lead)
    page.look_up("ORD-1")
    qtbot.waitUntil(lambda: page.model.number == "ORD-1", timeout=10_000)
    page.reprint("Label damaged or unreadable", parcel=1)
    qtbot.waitUntil(lambda: page.labels.rowCount() == 2, timeout=10_000)
    assert "sent to print again" in page.notice.text()
    with desk_app.sessions() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "label_reprinted")).one()
        assert entry.operator_id == lead.id and entry.reason == "Label damaged or unreadable"
        copies = s.scalars(select(PrintJob).where(PrintJob.reprint_of_id.is_not(None))).all()
        assert [c.station_id for c in copies] == [entry.station_id]


def test_an_unknown_code_says_nothing_was_found(qtbot: QtBot, context: StationContext,
                                                lead: OperatorInfo) -> None:
    page = _page(qtbot, context, lead)
    page.look_up("XX-404")
    qtbot.waitUntil(lambda: page.model.notice is not None, timeout=10_000)
    assert page.notice.text() == "Nothing found for XX-404"
