"""The label preview beside the packing screen (SQLite and PostgreSQL): the picture of the
label that was printed, its job's state, and the operator's choices when the printer refuses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import AuditEntry, PrintJob
from printing.model import LabelSize
from printing.transports.sim import shutdown_simulators, simulator
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN, seed
from tests.ui.conftest import Scans, station_settings
from ui.packing.label_preview import LabelCard, LabelPreview
from ui.station import Station, build_station
from workstation.app import open_app


def dark_share(image: QImage) -> float:
    """The share of dark pixels, sampled on a grid (a blank label has none)."""
    dark = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            total += 1
            dark += QColor(image.pixel(x, y)).lightness() < 128
    return dark / total


def pack_ord4(scans: Scans) -> None:
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    assert scans(MUG_CODE).outcome == "order_complete"


def only_card(qtbot: QtBot, preview: LabelPreview) -> LabelCard:
    qtbot.waitUntil(lambda: len(preview.cards) == 1 or preview.message.isVisible(),
                    timeout=10_000)
    assert not preview.message.isVisible(), preview.message.text()
    return preview.cards[0]


def test_the_printed_label_is_shown_with_its_job_state(
        station: Station, scans: Scans, qtbot: QtBot) -> None:
    preview = station.screen.preview
    assert preview is not None and not preview.isVisible()
    pack_ord4(scans)
    card = only_card(qtbot, preview)
    assert preview.isVisible() and preview.order_number == "ORD-4"
    qtbot.waitUntil(lambda: card.job_state == "done", timeout=10_000)
    assert "printed on sim://printer" in card.state.text()
    assert not card.choices.isVisible()

    qtbot.waitUntil(lambda: not card.shown_pixmap().isNull(), timeout=5000)
    shown = card.shown_pixmap().toImage()
    size = LabelSize.parse(station.context.settings.label_size)
    assert shown.width() > 100
    assert shown.width() / shown.height() == pytest.approx(size.width_mm / size.height_mm,
                                                           rel=0.02)
    assert shown.width() <= card.image.width() and shown.height() <= card.image.height()
    assert 0.01 < dark_share(shown) < 0.6, "a label: black print on white, neither blank nor black"

    # The next order clears it: its labels are not this one's.
    scans("ORD-1")
    assert not preview.isVisible() and preview.cards == []


def test_the_next_label_reuses_the_card_and_comes_scaled_from_the_worker(
        station: Station, scans: Scans, qtbot: QtBot) -> None:
    preview = station.screen.preview
    assert preview is not None
    pack_ord4(scans)
    card = only_card(qtbot, preview)
    qtbot.waitUntil(lambda: card.room is not None, timeout=5000)
    room = card.room
    assert room is not None
    with station.context.app.sessions() as session:
        jobs = tuple(session.scalars(select(PrintJob.id)).all())
    preview.clear()
    assert not card.isVisible()
    preview.show_jobs(jobs)
    qtbot.waitUntil(lambda: len(preview.cards) == 1, timeout=10_000)
    assert preview.cards[0] is card, "the card was reused, not built again"
    image = card.picture.image
    assert image.width() <= room.width() and image.height() <= room.height()
    assert image.width() == room.width() or image.height() == room.height()
    assert card.shown_pixmap().size() == image.size(), "no second scaling on the GUI thread"


@pytest.fixture
def refusing_station(qtbot: QtBot, qapp: QApplication, db_url: str,
                     tmp_path: Path) -> Iterator[Station]:
    # A long first retry: the job sits waiting (not mid-send) while the operator redirects it.
    app = open_app(station_settings(db_url, tmp_path, label_printer="sim://refusing?fault=refuse",
                                    print_retry_first=60.0), migrate=False)
    seed(app.sessions)
    built = build_station(app, qapp)
    qtbot.addWidget(built.window)
    built.window.resize(1280, 800)
    built.window.show()
    qtbot.waitUntil(lambda: built.model.scanner.ok is True, timeout=5000)
    yield built
    built.close()
    shutdown_simulators()
    app.close()


def test_a_refused_label_offers_a_redirect_that_prints_it(
        refusing_station: Station, qtbot: QtBot) -> None:
    station = refusing_station
    preview = station.screen.preview
    assert preview is not None
    pack_ord4(Scans(qtbot, station))
    card = only_card(qtbot, preview)
    qtbot.waitUntil(lambda: card.choices.isVisible(), timeout=10_000)
    assert card.job_state == "pending"
    assert card.problem.isVisible() and "refusing" in card.problem.text()
    assert card.redirect.isVisible() and card.url.isVisible()
    assert card.redirect.minimumHeight() >= 48 and card.url.minimumHeight() >= 48
    assert not card.printed.isVisible()  # that choice is for an unknown outcome only

    spare = simulator("spare")
    card.url.setText("sim://spare")
    qtbot.mouseClick(card.redirect, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: card.job_state == "done", timeout=15_000)
    assert "sim://spare" in card.state.text()
    assert not card.choices.isVisible()
    assert len(spare.wait_for_jobs(1)) == 1


def test_redirecting_without_an_address_says_what_to_do(
        refusing_station: Station, qtbot: QtBot) -> None:
    preview = refusing_station.screen.preview
    assert preview is not None
    pack_ord4(Scans(qtbot, refusing_station))
    card = only_card(qtbot, preview)
    qtbot.waitUntil(lambda: card.choices.isVisible(), timeout=10_000)
    qtbot.mouseClick(card.redirect, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    assert preview.message.isVisible() and "address" in preview.message.text()
    assert card.job_state == "pending"


@pytest.fixture
def dropping_station(qtbot: QtBot, qapp: QApplication, sqlite_url: str,
                     tmp_path: Path) -> Iterator[Station]:
    # The printer takes the first 200 bytes and drops the line: did the label come out?
    app = open_app(station_settings(sqlite_url, tmp_path,
                                    label_printer="sim://dropping?fault=drop_after:200"),
                   migrate=False)
    seed(app.sessions)
    built = build_station(app, qapp)
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitUntil(lambda: built.model.scanner.ok is True, timeout=5000)
    yield built
    built.close()
    shutdown_simulators()
    app.close()


def test_an_unknown_outcome_asks_whether_the_label_came_out(
        dropping_station: Station, qtbot: QtBot) -> None:
    preview = dropping_station.screen.preview
    assert preview is not None
    pack_ord4(Scans(qtbot, dropping_station))
    card = only_card(qtbot, preview)
    qtbot.waitUntil(lambda: card.job_state == "unknown", timeout=10_000)
    assert card.printed.isVisible() and card.not_printed.isVisible()
    assert card.printed.minimumHeight() >= 48
    assert not card.retry.isVisible()
    qtbot.mouseClick(card.printed, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: card.job_state == "done", timeout=10_000)
    assert not card.choices.isVisible()
    with dropping_station.context.app.sessions() as session:
        actions = session.scalars(select(AuditEntry.action)).all()
    assert "print_confirmed_printed" in actions


def test_the_spoolers_news_is_kept_for_the_latest_jobs_only(station: Station) -> None:
    from ui.packing import label_preview
    from workstation.services.spooler import JobEvent

    preview = station.screen.preview
    assert preview is not None
    keep = label_preview.KEEP_EVENTS
    for job_id in range(1, keep + 11):  # a shift's worth, in short
        preview.on_job(JobEvent(job_id, f"ORD-{job_id}", "shipping_label", "sim://printer",
                                "done", 1))
    preview.on_job(JobEvent(12, "ORD-12", "shipping_label", "sim://printer", "failed", 2))
    kept = preview._events
    assert len(kept) == keep, "bounded: the oldest news goes"
    assert 1 not in kept and keep + 10 in kept
    assert kept[12].state == "failed", "news of a job again is its latest"
