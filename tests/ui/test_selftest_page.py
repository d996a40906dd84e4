"""The pre-shift self-test page driven by scans and the sim scale; the result is stored."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devices.layout import apply_traps, trap_combinations
from devices.scan import ScanInput, ScanRejected
from devices.sim import SimScale
from tests.helpers.station_context import station_context
from ui.context import StationContext
from ui.setup.selftest_model import LABEL, RULER, SCALE
from ui.setup.selftest_page import SelfTestPage
from workstation.app import open_app
from workstation.services.selftest import latest_self_test
from workstation.services.selftest_checks import RULER_OK, SHEET_CODES
from workstation.settings import Settings

TRAPS = {t[0].name: t for t in trap_combinations() if len(t) == 1}


@pytest.fixture
def context(sqlite_url: str, tmp_path: Path) -> Iterator[StationContext]:
    settings = Settings(database_url=sqlite_url, station="ST-09", data_dir=tmp_path,
                        label_printer="sim://printer", scale="sim://scale",
                        test_weight_grams=1000.0)
    app = open_app(settings, migrate=False)
    with station_context(app) as ctx:
        yield ctx
    app.close()


def scan(page: SelfTestPage, text: str) -> None:
    page.handle_scan(ScanInput(text=text, source="sim://scanner"))


def run_through(qtbot: QtBot, context: StationContext, page: SelfTestPage,
                sheet_scans: list[str]) -> None:
    for text in sheet_scans:
        scan(page, text)
    assert page.model.step == LABEL
    qtbot.waitUntil(lambda: page.model.label is not None, timeout=15_000)
    label = page.model.label
    assert label is not None and label.printed
    scan(page, label.code)
    assert page.model.step == RULER
    scan(page, RULER_OK)
    assert page.model.step == SCALE
    scale = context.devices.open("sim://scale").link
    assert isinstance(scale, SimScale)
    qtbot.waitUntil(lambda: page.model.scale.verdict.phase == "place", timeout=10_000)
    scale.place(Decimal(1001), settle=0.2)
    qtbot.waitUntil(lambda: page.model.saved is not None, timeout=15_000)


def test_a_clean_run_passes_and_is_stored_for_the_shift(qtbot: QtBot,
                                                        context: StationContext) -> None:
    page = SelfTestPage(context, lambda: None)
    qtbot.addWidget(page)
    assert "Code 1" in page.instruction.text()
    qtbot.waitUntil(lambda: page.last_run.text() == "No self-test yet this shift.", timeout=5000)
    run_through(qtbot, context, page, [e.data for e in SHEET_CODES])
    saved = page.model.saved
    assert saved is not None and saved.passed
    assert page.instruction.text() == "Self-test passed. Ready to pack."
    assert page.last_run.text().startswith("Last self-test this shift: passed at")
    stored = latest_self_test(context.app.sessions, "ST-09", saved.shift)
    assert stored is not None and stored.id == saved.id
    assert stored.results["scale"]["grams"] == 1001.0
    assert stored.results["label"]["printer"]["code"] == page.model.label.code  # type: ignore[union-attr]


def test_a_swapped_layout_and_a_lost_gs_are_diagnosed(qtbot: QtBot,
                                                      context: StationContext) -> None:
    page = SelfTestPage(context, lambda: None)
    qtbot.addWidget(page)
    scans = []
    for entry in SHEET_CODES:
        if entry.key == "letters":
            scans.append(apply_traps(TRAPS["qwertz"], entry.data))
        elif entry.key == "gs1":
            scans.append(apply_traps(TRAPS["gs-lost"], entry.data))
        else:
            scans.append(entry.data)
    run_through(qtbot, context, page, scans)
    saved = page.model.saved
    assert saved is not None and not saved.passed
    problems = {k: r["problems"] for k, r in saved.results.items() if not r["ok"]}
    assert problems == {"letters": ["qwertz"], "gs1": ["gs-lost"]}
    shown = "\n".join(page.steps.item(i).text() for i in range(page.steps.count()))
    assert "y and z are swapped" in shown and "GS separator is lost" in shown
    assert page.instruction.text().startswith("Self-test failed")


def test_an_out_of_order_scan_is_not_counted_and_a_rejected_one_means_no_suffix(
        qtbot: QtBot, context: StationContext) -> None:
    page = SelfTestPage(context, lambda: None)
    qtbot.addWidget(page)
    scan(page, SHEET_CODES[2].data)
    assert page.model.step == SHEET_CODES[0].key and "That was code 3" in page.instruction.text()
    page.handle_rejected(ScanRejected("incomplete: no suffix", b"SELFTEST-1", "sim://scanner"))
    assert page.model.results["suffix"]["problems"] == ["suffix-missing"]
    assert page.model.step == SHEET_CODES[1].key
    page.tasks.wait()


def test_the_sheet_is_written_as_a_pdf_in_a_worker(qtbot: QtBot, context: StationContext) -> None:
    page = SelfTestPage(context, lambda: None)
    qtbot.addWidget(page)
    page.print_sheet()
    qtbot.waitUntil(lambda: page.sheet_path is not None, timeout=10_000)
    assert page.sheet_path is not None
    assert page.sheet_path.read_bytes().startswith(b"%PDF")
    assert page.sheet_path.parent == context.settings.data_dir
