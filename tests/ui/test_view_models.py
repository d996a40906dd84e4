"""The set-up and desk view-models without any widget: state changes and what they tell."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.catalogue import seed
from ui.desk.model import DeskViewModel
from ui.setup.selftest_model import LABEL, RULER, SCALE, STEPS, SelfTestModel
from ui.setup.settings_model import SettingsModel
from ui.setup.wizard_model import WizardModel
from workstation.services.selftest_checks import RULER_WRONG, SHEET_CODES
from workstation.services.station_setup import PrintTestResult
from workstation.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=2)
        return self.now


def test_desk_model_notices_and_single_match(session_factory: sessionmaker[Session]) -> None:
    seed(session_factory)
    model = DeskViewModel(session_factory, "DESK-1", lambda: None)
    changes: list[int] = []
    model.subscribe(lambda: changes.append(1))
    assert model.matches_loaded("TOTE-7", model.find("TOTE-7")) == "ORD-3"
    assert model.notice is not None and model.notice.params == {"order": "ORD-3", "by": "tote"}
    assert model.matches_loaded("nope", model.find("nope")) is None
    assert model.notice is not None and model.notice.error and model.notice.code == "not_found"
    model.order_loaded(model.load("ORD-3"))
    assert model.number == "ORD-3" and model.label_rows() == [] and not model.can_reprint()
    assert len(changes) == 3


def test_selftest_model_without_widgets_records_every_step() -> None:
    model = SelfTestModel("ST-01", 500.0, lambda: None, Clock())
    for entry in SHEET_CODES:
        model.scan(entry.data.upper() if entry.key == "letters" else entry.data)
    assert model.step == LABEL
    model.scan("TEST-203-x")
    assert model.hint == "wait_for_label" and model.step == LABEL
    model.label_printed(PrintTestResult("sim://printer", True, "ready", "", "TEST-203-1", 203,
                                        300))
    model.scan("TEST-203-1")
    assert model.results[LABEL]["problems"] == ["dpi-mismatch"]
    model.scan(RULER_WRONG)
    assert model.results[RULER]["problems"] == ["ruler-wrong"]
    model.weight(0.0, True)
    model.weight(499.0, True)
    assert model.finished and not model.passed and list(model.results) == list(STEPS)
    assert model.results[SCALE]["ok"] and model.results["letters"]["ok"] is False
    model.restart()
    assert model.step == SHEET_CODES[0].key and model.results == {}


def test_wizard_and_settings_models_refuse_what_cannot_work(tmp_path: Path) -> None:
    wizard = WizardModel(Settings(station="x"), tmp_path / "w.toml")
    for bad in ("", "has space", "-lead", "x" * 65):
        assert not wizard.station_name_ok(bad)
    assert wizard.station_name_ok("PACK_01.a")
    settings = SettingsModel(Settings(), tmp_path / "s.toml")
    settings.draft.volume_percent = 120
    settings.draft.label_dpi = 600
    settings.draft.language = "fr"
    assert settings.problems() == ["label_dpi", "volume", "language"]
    assert not (tmp_path / "s.toml").exists()
