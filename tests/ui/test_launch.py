"""The real entry point: `python -m ui` with no subcommand opens the station window (demo data
on the first start of an empty database) and closes cleanly; other subcommands are the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, func, select

from db.models import Order


def run_ui(tmp_path: Path, *args: str, quit_after: str = "1.5") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "WORKSTATION_GUI_QUIT_AFTER": quit_after}
    env.pop("WORKSTATION_DB", None)
    return subprocess.run([sys.executable, "-m", "ui", *args], env=env, capture_output=True,
                          text=True, timeout=240, cwd=Path(__file__).parents[2])


def test_no_subcommand_opens_the_window_with_demo_data_and_exits_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "station.db"
    done = run_ui(tmp_path, "--db", f"sqlite:///{db}", "--station", "ST-SMOKE")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "demo data" in done.stdout
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Order)) == 50
    engine.dispose()
    assert (tmp_path / "data" / "packing-workstation" / "logs" / "station.log").exists()


def test_other_subcommands_are_the_command_line(tmp_path: Path) -> None:
    done = run_ui(tmp_path, "--help")
    assert done.returncode == 0
    assert "gui" in done.stdout and "scan" in done.stdout


def test_without_a_display_it_says_so_and_runs_the_command_line_demo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "WORKSTATION_DB")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "ui", "--station", "ST-HEADLESS"], env=env,
                          capture_output=True, text=True, timeout=240,
                          cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "No display" in done.stdout and "xvfb-run" in done.stdout
    assert "complete" in done.stdout and "ready for the next order" in done.stdout


def test_first_start_runs_the_set_up_wizard_and_keeps_what_it_saved(
        qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from printing.transports.sim import shutdown_simulators
    from ui.launch import first_start, run_setup_wizard
    from ui.setup.wizard import SetupWizard
    from workstation.settings import Settings, load_settings

    monkeypatch.delenv("WORKSTATION_DB", raising=False)
    config = tmp_path / "settings.toml"
    settings = Settings(station="new-host", config_file=config)
    assert first_start(settings)
    shown: list[SetupWizard] = []

    def finish() -> None:
        wizard = QApplication.activeModalWidget()
        if isinstance(wizard, SetupWizard) and wizard.model.devices is not None:
            shown.append(wizard)
            wizard.station_page.station.setText("PACK-42")
            wizard.next()
            wizard.accept()
        else:
            QTimer.singleShot(100, finish)

    QTimer.singleShot(100, finish)
    try:
        saved = run_setup_wizard(settings)
    finally:
        shutdown_simulators()
    assert shown, "the wizard was not shown"
    assert saved == config and config.exists()
    written = load_settings(config)
    assert written.station == "PACK-42"
    assert not first_start(written)
