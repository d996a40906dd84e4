"""What the GUI thread does around a scan, kept small (the answer must paint within a frame):
the opening scan's parcel comes with its result, the screen's own reads take no write lock,
and the print jobs go on only once the painted answer is out of the paint."""

from __future__ import annotations

import sqlite3
import time
import traceback
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import make_url

from db.models import PrintJob
from devices.scan import ScanInput
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN, seed
from tests.ui.conftest import Scans, station_settings
from ui.packing import label_preview
from ui.packing.details import load_order_details
from ui.packing.label_preview import LabelPreview
from ui.station import Station
from workstation.app import open_app
from workstation.services.pack import PackService


def test_opening_an_order_shows_its_box_without_reading_the_parcel(
    station: Station, scans: Scans, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = station.context.pack
    read: list[str] = []
    real = pack.parcel_info

    def counted() -> object:
        read.append("parcel_info")
        return real()

    monkeypatch.setattr(pack, "parcel_info", counted)
    scans("B-OP1")
    assert scans("ORD-4").outcome == "order_opened"
    assert read == [], "the opening scan's result brought the parcel"
    assert "box S" in station.screen.summary.text()
    assert "Budi Santoso" in station.screen.summary.text()  # the order's details, read too


def test_the_screens_reads_do_not_wait_for_the_write_lock(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(label_preview, "PICTURE_QUIET_MS", 0)
    app = open_app(station_settings(sqlite_url, tmp_path), migrate=False)
    preview = LabelPreview(app.sessions, app.settings, None, lambda: None)
    qtbot.addWidget(preview)
    try:
        seed(app.sessions)
        pack = PackService(app.sessions, app.settings)
        pack.sign_in("op1")
        for code in ("ORD-4", SHIRT_EAN, MUG_CODE):
            done = pack.handle_scan(ScanInput(code, source="test"))
        assert done.outcome.value == "order_complete" and done.print_jobs
        # Another writer (the spooler, another scan) holds the write lock meanwhile.
        writer = sqlite3.connect(str(make_url(sqlite_url).database), isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        try:
            started = time.monotonic()
            details = load_order_details(app.sessions, "ORD-4")
            assert time.monotonic() - started < 3, "waited for the lock (busy_timeout: 10 s)"
            preview.show_jobs(done.print_jobs)
            qtbot.waitUntil(
                lambda: bool(preview.cards) or preview.message.isVisible(), timeout=3000
            )
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert not preview.message.isVisible(), preview.message.text()
        assert [c.picture.order_number for c in preview.cards] == ["ORD-4"]
        assert details.customer_note is None
        assert details.ship_to == "Budi Santoso, Jakarta Selatan ID"
        assert details.carrier == "JNE REG"
        assert set(details.products) == {"SHIRT", "MUG"}
        assert details.products["MUG"].fragile and not details.products["SHIRT"].fragile
        assert details.products["MUG"].weight_grams == 200
        assert load_order_details(app.sessions, "NO-SUCH").products == {}
    finally:
        preview.close_tasks()
        app.close()


def test_print_jobs_go_on_after_the_paint_has_returned(
    station: Station, scans: Scans, qtbot: QtBot
) -> None:
    def painting() -> bool:  # called from inside the feedback panel's paintEvent?
        return any(frame.name == "paintEvent" for frame in traceback.extract_stack())

    screen = station.screen
    handed: list[tuple[bool, int]] = []
    screen.jobs_on_screen.connect(
        lambda _jobs: handed.append((painting(), screen.feedback.painted_seq))
    )
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    complete = scans(MUG_CODE)
    qtbot.waitUntil(lambda: bool(handed), timeout=5000)
    assert handed == [(False, complete.seq)], "from the event loop, once the answer painted"
    with station.context.app.sessions() as session:
        jobs = session.scalars(select(PrintJob.id)).all()
    assert jobs, "the completing scan wrote its label"


def test_the_answer_is_painted_before_the_rest_of_the_screen_changes(
    station: Station, scans: Scans, qtbot: QtBot
) -> None:
    """The colour first, on its own: the order's lines (laid out and painted in the next
    frame) must not hold it back."""
    screen = station.screen
    table = screen.lines
    count = table.lines_model.COUNT

    def counts() -> list[str]:
        return [table.cell_text(row, count) for row in range(table.rowCount())]

    scans("B-OP1")
    scans("ORD-4")
    seen: dict[int, list[str]] = {}
    screen.feedback.painted.connect(lambda seq: seen.setdefault(seq, counts()))
    before = counts()
    answer = scans(SHIRT_EAN)
    assert answer.outcome == "accepted"
    qtbot.waitUntil(lambda: answer.seq in seen, timeout=5000)
    assert seen[answer.seq] == before, "painted while the lines still showed the last scan"
    assert counts() != before, "and the lines show this scan right after"
