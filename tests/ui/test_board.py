"""The lead's board on the hand-made shift: the known figures on screen, drill-down, refusal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.report_data import NOW, at, load_shift
from tests.integration.reports.conftest import ANA_INFO, LEAD_INFO
from ui.board.page import BoardPage
from ui.i18n import TRANSLATIONS_DIR, Translations
from workstation.app import App, open_app
from workstation.services.operators import OperatorInfo
from workstation.settings import Settings


@pytest.fixture
def board_app(db_url: str, session_factory: sessionmaker[Session],
              tmp_path: Path) -> Iterator[App]:
    load_shift(session_factory)
    app = open_app(Settings(database_url=db_url, station="LEAD-PC", data_dir=tmp_path),
                   migrate=False)
    yield app
    app.close()


def _board(qtbot: QtBot, app: App, viewer: OperatorInfo) -> BoardPage:
    page = BoardPage(app, viewer, clock=lambda: NOW, refresh_seconds=60)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    return page


def _column(page_table: object, name: str) -> dict[str, str]:
    from ui.board.tables import FigureTable

    assert isinstance(page_table, FigureTable)
    c = page_table.columns.index(name)
    return {page_table.text(r, 0): page_table.text(r, c) for r in range(page_table.rowCount())}


def test_the_board_shows_the_known_figures(qtbot: QtBot, board_app: App) -> None:
    page = _board(qtbot, board_app, LEAD_INFO)
    qtbot.waitUntil(lambda: page.model.report is not None, timeout=10_000)
    assert _column(page.stations, "orders") == {"ST-A": "3", "ST-B": "1"}
    assert _column(page.stations, "p90_seconds") == {"ST-A": "720.0", "ST-B": "2700.0"}
    assert _column(page.stations, "wrong_item_per_1000") == {"ST-A": "176.47", "ST-B": "0.0"}
    assert _column(page.operators, "units") == {"ana": "6", "budi": "4"}
    # At risk on top, the latest first: O8 (overdue since yesterday), O7, O5.
    assert [page.at_risk.text(r, 0) for r in range(page.at_risk.rowCount())] == [
        "O8", "O7", "O5"]
    assert page.tiles["orders"].text().startswith("4\n")
    assert page.tiles["p90_seconds"].text().startswith("2700.0\n")
    lines = [s for s in page.orders_chart.chart().series() if isinstance(s, QLineSeries)]
    assert sorted(s.name() for s in lines) == ["ST-A", "ST-B"]
    st_a = next(s for s in lines if s.name() == "ST-A")
    assert [p.y() for p in st_a.points()] == [2.0, 1.0]  # 08:00 and 09:00
    bars = page.accuracy_chart.chart().series()
    assert len(bars) == 1 and isinstance(bars[0], QBarSeries)
    assert [bars[0].barSets()[0].at(i) for i in range(2)] == [176.47, 0.0]
    page.stop()


def test_double_click_drills_into_the_figure(qtbot: QtBot, board_app: App) -> None:
    page = _board(qtbot, board_app, LEAD_INFO)
    qtbot.waitUntil(lambda: page.model.report is not None, timeout=10_000)
    row = [page.stations.text(r, 0) for r in range(page.stations.rowCount())].index("ST-A")
    column = page.stations.columns.index("wrong_item_per_1000")
    rect = page.stations.visualRect(page.stations.model().index(row, column))
    # Qt 6 item views open a double-click only on the cell the press was on: press first.
    qtbot.mouseClick(page.stations.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.stations.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    qtbot.waitUntil(lambda: page.drill_dialog is not None, timeout=10_000)
    dialog = page.drill_dialog
    assert dialog is not None
    assert [dialog.orders.text(r, 0) for r in range(dialog.orders.rowCount())] == ["O1", "O2"]
    assert dialog.events.rowCount() == 3
    dialog.close()
    page.stop()


def test_the_board_saves_the_report(qtbot: QtBot, board_app: App, tmp_path: Path) -> None:
    import csv

    page = _board(qtbot, board_app, LEAD_INFO)
    target = tmp_path / "today.csv"
    page.export_to(target)
    qtbot.waitUntil(lambda: page.status.text().startswith("saved"), timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert ["ST-A", "3", "6", "1.5", "560.0", "720.0"] in rows
    page.stop()


def test_an_operator_is_refused(qtbot: QtBot, board_app: App) -> None:
    page = _board(qtbot, board_app, ANA_INFO)
    assert page.model.refused and not page.timer.isActive()
    assert page.refusal.isVisible() and not page.content.isVisible()
    assert "only leads and admins" in page.refusal.text()
    # Even asked directly, the service refuses and nothing is shown.
    page.model.refused = False
    page.refresh()
    qtbot.waitUntil(lambda: page.model.refused, timeout=10_000)
    assert page.model.report is None and page.stations.rowCount() == 0
    assert "may not see the shift board" in page.refusal.text()
    page.stop()


def test_a_board_opened_in_chinese_or_indonesian_speaks_it(qtbot: QtBot, qapp: QApplication,
                                                          board_app: App) -> None:
    translations = Translations(qapp, TRANSLATIONS_DIR)
    try:
        translations.switch("zh_CN")
        page = _board(qtbot, board_app, LEAD_INFO)
        qtbot.waitUntil(lambda: page.model.report is not None, timeout=10_000)
        page.stop()
        assert page.title.text() == f"班次看板 {NOW:%Y-%m-%d}"
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
            "工位", "操作员", "进度", "异常", "补打", "打印机故障"]
        header = page.stations.horizontalHeaderItem(page.stations.columns.index("orders_per_hour"))
        assert header is not None and header.text() == "订单/时"
        assert page.tiles["orders"].text() == "4\n已打包订单"
        translations.switch("id")
        refused = _board(qtbot, board_app, ANA_INFO)
        assert refused.refusal.text().startswith(f"{ANA_INFO.name} (")
        assert "tidak boleh melihat papan shift" in refused.refusal.text()
    finally:
        translations.switch("en")


# PostgreSQL only: LISTEN/NOTIFY is PostgreSQL's; a board on SQLite polls (its timer).
@pytest.mark.parametrize("db_url", [pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_a_board_on_postgresql_refreshes_when_an_order_is_packed(
        qtbot: QtBot, board_app: App) -> None:
    assert board_app.engine.dialect.name == "postgresql"
    page = _board(qtbot, board_app, LEAD_INFO)  # the timer: once a minute
    qtbot.waitUntil(lambda: page.model.report is not None, timeout=10_000)
    assert page.listener is not None
    assert page.listener.listening.wait(10)
    assert _column(page.stations, "orders") == {"ST-A": "3", "ST-B": "1"}
    with board_app.engine.begin() as conn:  # ST-B completes O5 (as its scan would)
        conn.execute(text("UPDATE pack_sessions SET status = 'completed', "
                          "ended_at = :at WHERE id = 5"), {"at": at(13, 0)})
    qtbot.waitUntil(lambda: _column(page.stations, "orders").get("ST-B") == "2",
                    timeout=10_000)
    page.stop()
    assert page.listener is None


def test_a_board_on_sqlite_keeps_polling(qtbot: QtBot, board_app: App) -> None:
    page = _board(qtbot, board_app, LEAD_INFO)
    qtbot.waitUntil(lambda: page.model.report is not None, timeout=10_000)
    if board_app.engine.dialect.name == "sqlite":
        assert page.listener is None
    assert page.timer.isActive()


def test_the_board_keeps_the_lead_s_clock(db_url: str, session_factory: sessionmaker[Session],
                                          tmp_path: Path) -> None:
    """station.time_zone = Asia/Jakarta: "today" is Jakarta's day (at 20:00 UTC on the 22nd
    it is already the 23rd there) and the hours read on Jakarta's clock."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from ui.board.model import BoardViewModel

    load_shift(session_factory)
    app = open_app(Settings(database_url=db_url, station="LEAD-PC", data_dir=tmp_path,
                            time_zone="Asia/Jakarta"), migrate=False)
    try:
        evening = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
        model = BoardViewModel(app, LEAD_INFO, clock=lambda: evening)
        report = model.fetch()
        assert report.window.tz == ZoneInfo("Asia/Jakarta")
        assert report.window.start == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
        hours = {r["hour"] for r in report.table("orders_per_hour_by_station").as_dicts()}
        assert "2026-11-23 15:00" in hours  # the shift's 08:00 UTC
    finally:
        app.close()
