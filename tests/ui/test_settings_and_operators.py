"""The settings screen writes the settings file; the operators screen serves admins only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.enums import Role
from db.models import Operator
from devices.scan import ScanInput
from tests.helpers.catalogue import seed
from tests.helpers.station_context import station_context
from ui.context import StationContext
from ui.setup.operators_page import OperatorsPage
from ui.setup.settings_page import SettingsPage
from workstation.app import open_app
from workstation.services.operators import OperatorInfo, add_operator, find_operator
from workstation.settings import load_settings


@pytest.fixture
def context(sqlite_url: str, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[StationContext]:
    monkeypatch.delenv("WORKSTATION_DB", raising=False)
    config = tmp_path / "settings.toml"
    config.write_text(f'[database]\nurl = "{sqlite_url}"\n[station]\nname = "ST-05"\n',
                      encoding="utf-8")
    app = open_app(load_settings(config, data_dir=tmp_path), migrate=False)
    seed(app.sessions)
    with app.sessions.begin() as s:
        add_operator(s, "adm", "Admin Dewi", Role.ADMIN, badge="B-ADM")
    with station_context(app) as ctx:
        yield ctx
    app.close()


def person(context: StationContext, code: str) -> OperatorInfo:
    with context.app.sessions() as s:
        return find_operator(s, code)


def test_settings_are_saved_and_language_and_theme_applied(qtbot: QtBot,
                                                           context: StationContext) -> None:
    applied: list[str] = []
    page = SettingsPage(context, on_language=applied.append, on_theme=applied.append)
    qtbot.addWidget(page)
    page.tasks.wait()
    qtbot.waitUntil(lambda: page.label_printer.count() > 0, timeout=5_000)
    page.label_printer.set_url("tcp://192.168.1.40:9100")
    page.label_dpi.setCurrentIndex(page.label_dpi.findData("300"))
    page.volume.setValue(35)
    page.tolerance.setValue(3.5)
    page.tolerance_grams.setValue(20)
    page.weight_check.setChecked(True)
    page.language.setCurrentIndex(page.language.findData("zh_CN"))
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    with qtbot.waitSignal(page.saved, timeout=5_000):
        page.save()
    assert applied == ["zh_CN", "dark"]
    config = context.settings.config_file
    assert config is not None
    saved = load_settings(config)
    assert (saved.station, saved.label_printer, saved.label_dpi, saved.sound_volume,
            saved.weight_tolerance_percent, saved.language, saved.theme) == (
        "ST-05", "tcp://192.168.1.40:9100", 300, 0.35, 3.5, "zh_CN", "dark")
    assert (saved.weight_tolerance_grams, saved.weight_check) == (20, True)
    assert saved.database_url == context.settings.database_url  # kept, not lost


def test_settings_refuse_an_empty_label_printer(qtbot: QtBot, context: StationContext) -> None:
    page = SettingsPage(context)
    qtbot.addWidget(page)
    page.tasks.wait()
    page.label_printer.setEditText("")
    page.save()
    assert page.status.text().startswith("Not saved") and "label_printer" in page.status.text()


@pytest.mark.parametrize("who", ["op1", "lead1"])
def test_the_operators_screen_refuses_a_non_admin(qtbot: QtBot, context: StationContext,
                                                  who: str) -> None:
    actor = person(context, who)
    page = OperatorsPage(context, lambda: actor)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.notice is not None, timeout=5_000)
    assert page.model.notice is not None and page.model.notice.code == "denied"
    assert page.table.rowCount() == 0 and not page.add_button.isEnabled()
    assert "Only an admin" in page.notice.text()
    page.code.setText("sneaky")  # the screen is disabled, but the service decides anyway
    page.name.setText("Sneaky")
    page.add()
    page.tasks.wait()
    qtbot.waitUntil(lambda: not page.tasks.busy, timeout=5_000)
    with context.app.sessions() as s:
        assert s.query(Operator).filter_by(code="sneaky").count() == 0


def test_an_admin_adds_an_operator_with_a_scanned_badge(qtbot: QtBot,
                                                        context: StationContext) -> None:
    admin = person(context, "adm")
    page = OperatorsPage(context, lambda: admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.table.rowCount() == 4, timeout=5_000)
    page.code.setText("op7")
    page.name.setText("Lestari 李")
    page.role.setCurrentIndex(page.role.findData("lead"))
    page.handle_scan(ScanInput(text="B-OP7", source="sim://scanner"))
    page.pin.setText("2468")
    page.add()
    qtbot.waitUntil(lambda: page.table.rowCount() == 5, timeout=5_000)
    assert page.notice.text() == "Saved." and page.pin.text() == ""
    added = person(context, "B-OP7")
    assert (added.code, added.name, added.role) == ("op7", "Lestari 李", Role.LEAD)
