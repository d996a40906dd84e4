"""A print job's kind is said in the operator's language: in the printer line of the status strip
(it read "已打印 shipping ORD-4" in Chinese before) and in the desk's labels table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from devices.scan import ScanInput
from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN, seed
from tests.helpers.station_context import station_context
from tests.ui.conftest import Scans
from ui.desk.page import DeskPage
from ui.i18n import LANGUAGES, TRANSLATIONS_DIR, Translations
from ui.messages import JOB_KINDS, job_kind_text
from ui.spooler_link import describe
from ui.station import Station
from workstation.app import open_app
from workstation.services.labels import KINDS
from workstation.services.pack import PackService
from workstation.services.spooler import JobEvent
from workstation.settings import Settings

EXPECTED = {
    "zh_CN": {"shipping": "快递面单", "slip": "装箱单"},
    "id": {"shipping": "label pengiriman", "slip": "slip packing"},
}


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    translations = Translations(qapp, TRANSLATIONS_DIR)
    yield translations
    translations.switch("en")


def event(kind: str, state: str, **more: object) -> JobEvent:
    return JobEvent(7, "ORD-4", kind, "sim://printer", state, 1, **more)  # type: ignore[arg-type]


def test_every_kind_of_job_has_words_in_every_language(translations: Translations) -> None:
    assert set(KINDS) | {"test"} <= set(JOB_KINDS), "a kind the service writes has no words"
    for language in (code for code in LANGUAGES if code != "en"):
        translations.switch(language)
        for kind, source in JOB_KINDS.items():
            said = job_kind_text(kind)
            assert said and said != source, f"{language}: {kind!r} is not translated"
    translations.switch("en")
    assert job_kind_text("shipping") == "shipping label"
    assert job_kind_text("brand-new-kind") == "brand-new-kind"


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_printer_line_names_the_job_in_the_language(
    translations: Translations, language: str
) -> None:
    translations.switch(language)
    words = EXPECTED[language]
    for state, more in (
        ("done", {}),
        ("sending", {}),
        ("unknown", {}),
        ("failed", {"error": "refused", "printer_state": "paper_out"}),
    ):
        for kind in ("shipping", "slip"):
            _ok, text, _remedy = describe(event(kind, state, **more))
            assert words[kind] in text and "ORD-4" in text, (state, text)
            assert "shipping" not in text, f"the raw kind shows through: {text!r}"


def test_the_station_says_the_printed_label_in_chinese(
    station: Station, scans: Scans, qtbot: QtBot, translations: Translations
) -> None:
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    scans(MUG_CODE)
    model = station.model
    qtbot.waitUntil(lambda: "printed shipping label ORD-4" in model.printer.text, timeout=15_000)
    translations.switch("zh_CN")  # the strip says it again in the new language
    qtbot.waitUntil(lambda: model.printer.text == "已打印 快递面单 ORD-4", timeout=5000)
    assert "快递面单" in station.screen.strip.printer.text()


def test_the_desk_names_the_labels_kind_in_the_language(
    qtbot: QtBot, sqlite_url: str, tmp_path: Path, translations: Translations
) -> None:
    app = open_app(
        Settings(database_url=sqlite_url, station="DESK-1", data_dir=tmp_path, slip_format="none"),
        migrate=False,
    )
    try:
        seed(app.sessions)
        packer = PackService(app.sessions, Settings(station="ST-01", slip_format="none"))
        packer.sign_in("op1")
        for code in ("ORD-1", SHIRT_EAN, SHIRT_EAN):
            packer.handle_scan(ScanInput(text=code, source="test"))
        with station_context(app) as context:
            translations.switch("zh_CN")
            page = DeskPage(context, lambda: None)
            qtbot.addWidget(page)
            page.handle_scan(ScanInput(text="ORD-1", source="sim://scanner"))
            qtbot.waitUntil(lambda: page.labels.rowCount() == 1, timeout=10_000)
            kind = page.labels.item(0, 2)
            assert kind is not None and kind.text() == "快递面单"
            page.close()
    finally:
        app.close()
