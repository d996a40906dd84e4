"""The ``workstation`` command with the station window: ``workstation`` (no subcommand) and
``workstation gui`` open it; every other subcommand is the command line as before.

``workstation/`` may not import ``ui/``, so its own ``gui`` command can only run the
command-line demo; this module registers the real one on the same click group and runs it.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import click
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.models import Order
from ui.crash import CrashReporter
from ui.i18n import Translations, TranslationsMissing
from ui.station import build_station
from ui.theme import apply_theme
from workstation import cli
from workstation.app import App
from workstation.settings import Settings

# The set-up wizard, the command-line demo and the demo data are imported where they are used:
# an everyday start needs none of them, and the window is up sooner without them.

log = logging.getLogger(__name__)


def _log_to_file(data_dir: Path) -> Path:
    path = data_dir / "logs" / "station.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    for console in root.handlers:  # the console keeps the level -v chose; the file gets INFO
        if console.level == logging.NOTSET:
            console.setLevel(root.level)
    root.addHandler(handler)
    root.setLevel(min(root.level, logging.INFO))
    return path


def ensure_demo_data(app: App) -> None:
    """Demo data on the first start of an empty database (one indexed row read, not a count:
    the station must start as fast on a million orders)."""
    with app.sessions() as session:
        if session.scalar(select(Order.id).limit(1)) is not None:
            return
    from workstation.services import demo_data

    click.echo(f"Empty database: writing demo data ({app.settings.demo_orders} orders)...")
    demo_data.load_demo(app.sessions, orders=app.settings.demo_orders)


def run_station(app: App, theme: str | None = None, quit_after: float | None = None) -> int:
    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        qapp = QApplication(sys.argv[:1])
    qapp.setApplicationName("packing-workstation")
    log_file = _log_to_file(app.settings.data_dir)
    crash = CrashReporter(log_file)
    crash.install()
    translations = Translations(qapp)
    try:
        translations.switch(app.settings.language)
    except (TranslationsMissing, ValueError) as exc:
        log.warning("staying in English: %s", exc)
    apply_theme(qapp, theme or app.settings.theme)
    # Ready to scan once shown; the scale, spooler, other pages and sounds follow the first paint.
    station = build_station(app, qapp, defer=True)
    station.context.extras["translations"] = translations
    station.window.showMaximized()
    if quit_after is not None:  # smoke tests of the real entry point
        QTimer.singleShot(round(quit_after * 1000), qapp.quit)
    try:
        return qapp.exec()
    finally:
        station.close()
        crash.uninstall()


def first_start(settings: Settings) -> bool:
    """No settings file yet: this station has never been set up."""
    return settings.config_file is None or not settings.config_file.exists()


def run_setup_wizard(settings: Settings) -> Path | None:
    """The first-start wizard (station name, printers, scanner, scale, test label, scan and
    weight); returns the settings file it wrote, or None when the operator cancelled (the
    station then starts on its defaults: simulated devices)."""
    from devices.manager import DeviceManager
    from ui.setup.wizard import SetupWizard

    qapp = QApplication.instance()
    if not isinstance(qapp, QApplication):
        qapp = QApplication(sys.argv[:1])
    translations = Translations(qapp)

    def language(code: str) -> None:
        try:
            translations.switch(code)
        except (TranslationsMissing, ValueError) as exc:
            log.warning("staying in English: %s", exc)

    apply_theme(qapp, settings.theme)
    devices = DeviceManager()
    wizard = SetupWizard(settings, devices, settings.config_file, language)
    saved: list[Path] = []
    wizard.saved.connect(saved.append)
    try:
        wizard.exec()
    finally:
        devices.stop()
    return saved[0] if saved else None


@click.command("gui")
@click.option("--theme", type=click.Choice(["light", "dark"]), default=None,
              help="Override the theme from the settings.")
@click.option("--setup", "setup", is_flag=True,
              help="Run the set-up wizard first (it runs by itself on the first start).")
@click.option("--quit-after", type=float, default=None, hidden=True,
              envvar="WORKSTATION_GUI_QUIT_AFTER", help="Close after SECONDS (smoke tests).")
@cli.pass_ctx
@cli.handles_errors
def gui(obj: cli.Context, theme: str | None, quit_after: float | None,
        setup: bool = False) -> None:
    """Start the station window (the default command)."""
    if quit_after is None and os.environ.get("WORKSTATION_GUI_QUIT_AFTER"):
        # `workstation` without a subcommand invokes this without reading the environment.
        quit_after = float(os.environ["WORKSTATION_GUI_QUIT_AFTER"])
    if _has_display() and (setup or (first_start(obj.settings()) and quit_after is None)):
        run_setup_wizard(obj.settings())  # what it saves is read by obj.app() below
    app = obj.app()
    if not _has_display():
        # A server or CI machine: Qt would abort with a platform-plugin message. Say what is
        # going on and show the same packing path through the command line instead.
        click.echo("No display (DISPLAY/WAYLAND_DISPLAY are not set): the station window "
                   "needs a desktop. Running the command-line demo instead; on a machine "
                   "without a screen, `xvfb-run -a bash scripts/run.sh` opens the window on a "
                   "virtual one.")
        from workstation.cli.demo import run_demo

        sys.exit(run_demo(app))
    ensure_demo_data(app)
    sys.exit(run_station(app, theme, quit_after))


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return True  # offscreen/vnc chosen on purpose, or Windows/macOS with their own screens
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> None:
    cli.main.add_command(gui)  # replaces the command-line demo that stands in without ui/
    QCoreApplication.setApplicationName("packing-workstation")
    cli.main(args=argv, prog_name="workstation")
