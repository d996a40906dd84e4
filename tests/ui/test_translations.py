"""Every operator-facing string is translated, and a language switch retranslates a page."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from devices.manager import DeviceManager
from tests.helpers.station_context import station_context
from ui.context import StationContext
from ui.i18n import (
    LANGUAGES,
    TRANSLATIONS_DIR,
    Translations,
    TranslationsMissing,
    cjk_font_available,
    ensure_compiled,
    font_warning,
    ts_path,
)
from ui.setup.settings_page import SettingsPage
from ui.setup.wizard import SetupWizard
from workstation.app import open_app
from workstation.settings import Settings

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
TRANSLATED = [code for code in LANGUAGES if code != "en"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translation_is_unfinished_empty_or_loses_a_placeholder(language: str) -> None:
    root = ET.parse(ts_path(language)).getroot()
    assert root.get("language") == language
    messages = list(root.iter("message"))
    assert len(messages) > 100
    problems = []
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"untranslated: {source!r}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders differ: {source!r} -> {text!r}")
    assert problems == []


def test_chinese_translations_are_chinese_and_indonesian_ones_are_not_english() -> None:
    zh = ET.parse(ts_path("zh_CN")).getroot()
    han = re.compile(r"[\u4e00-\u9fff]")
    words = [m for m in zh.iter("message")  # sources with words, not only placeholders
             if re.search(r"[a-z]{3}", PLACEHOLDER.sub("", m.findtext("source") or ""))]
    assert [m.findtext("source") for m in words
            if not han.search(m.findtext("translation") or "")] == []
    ind = ET.parse(ts_path("id")).getroot()
    messages = list(ind.iter("message"))
    same = [m.findtext("source") for m in messages
            if m.findtext("source") == m.findtext("translation")]
    # Only words both languages share (Audit, Status, Printer, Scanner, offline…).
    assert len(same) < len(messages) // 10, same


def test_a_missing_qm_is_compiled_on_the_fly(tmp_path: Path) -> None:
    shutil.copy(ts_path("id"), tmp_path / ts_path("id").name)
    qm = ensure_compiled("id", tmp_path)
    assert qm.exists() and qm.stat().st_size > 1000
    with pytest.raises(TranslationsMissing, match=r"setup\.sh"):
        ensure_compiled("zh_CN", tmp_path)


@pytest.fixture
def context(sqlite_url: str, tmp_path: Path) -> Iterator[StationContext]:
    app = open_app(Settings(database_url=sqlite_url, station="ST-01", data_dir=tmp_path),
                   migrate=False)
    with station_context(app) as ctx:
        yield ctx
    app.close()


def test_switching_language_retranslates_a_page(qtbot: QtBot, qapp: QApplication,
                                                context: StationContext) -> None:
    translations = Translations(qapp, TRANSLATIONS_DIR)
    page = SettingsPage(context, on_language=translations.switch)
    qtbot.addWidget(page)
    page.tasks.wait()
    assert page.title.text() == "Settings"
    try:
        translations.switch("zh_CN")
        qtbot.waitUntil(lambda: page.title.text() == "设置", timeout=5_000)
        assert page.save_button.text() == "保存"
        assert page._groups["printers"].title() == "打印机"
        translations.switch("id")
        qtbot.waitUntil(lambda: page.title.text() == "Pengaturan", timeout=5_000)
        assert page.save_button.text() == "Simpan"
    finally:
        translations.switch("en")
    qtbot.waitUntil(lambda: page.title.text() == "Settings", timeout=5_000)


def test_chinese_text_has_a_font_or_a_clear_message() -> None:
    if cjk_font_available():
        assert font_warning() == ""
    else:
        assert "fonts-noto-cjk" in font_warning()


def test_choosing_a_language_in_the_wizard_retranslates_it(qtbot: QtBot, qapp: QApplication,
                                                          tmp_path: Path) -> None:
    translations = Translations(qapp, TRANSLATIONS_DIR)
    with DeviceManager() as manager:
        wizard = SetupWizard(Settings(station="PACK-01"), manager, tmp_path / "s.toml",
                             translations.switch)
        qtbot.addWidget(wizard)
        try:
            page = wizard.station_page
            page.language.setCurrentIndex(page.language.findData("id"))
            qtbot.waitUntil(lambda: page.title() == "Selamat datang: atur stasiun packing ini",
                            timeout=5_000)
            assert wizard.buttonText(QWizard.WizardButton.NextButton) == "Lanjut >"
            page.language.setCurrentIndex(page.language.findData("zh_CN"))
            qtbot.waitUntil(lambda: wizard.buttonText(QWizard.WizardButton.NextButton)
                            == "下一步 >", timeout=5_000)
            assert wizard.printers_page.title() == "打印机"
        finally:
            translations.switch("en")
            wizard.reject()


def test_one_language_at_a_time_whoever_switched(qtbot: QtBot, qapp: QApplication) -> None:
    first, second = Translations(qapp, TRANSLATIONS_DIR), Translations(qapp, TRANSLATIONS_DIR)
    try:
        first.switch("zh_CN")
        second.switch("en")
        assert QCoreApplication.translate("SettingsPage", "Settings") == "Settings"
        second.switch("id")
        assert QCoreApplication.translate("SettingsPage", "Settings") == "Pengaturan"
    finally:
        second.switch("en")
