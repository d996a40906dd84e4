"""The `workstation` command.

Exit codes: 0 done; 1 done, but some scans or rows were refused (errors listed); 2 usage
error; 3 not found; 4 not allowed; 5 conflict (e.g. order held by another station);
6 database unreachable.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from workstation.app import App, open_app
from workstation.services.errors import WorkstationError
from workstation.settings import Settings, SettingsError, load_settings

F = TypeVar("F", bound=Callable[..., Any])


class Context:
    def __init__(self, db: str | None, config: Path | None, station: str | None,
                 verbose: int) -> None:
        self.db = db
        self.config = config
        self.station = station
        self.verbose = verbose
        self._app: App | None = None

    def settings(self, **overrides: Any) -> Settings:
        try:
            return load_settings(self.config, database_url=self.db, station=self.station,
                                 **overrides)
        except SettingsError as exc:
            raise click.UsageError(str(exc)) from exc

    def app(self, **overrides: Any) -> App:
        if self._app is None:
            self._app = open_app(self.settings(**overrides))
        return self._app


pass_ctx = click.make_pass_decorator(Context)


def fail(exc: WorkstationError) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(exc.exit_code)


def handles_errors(func: F) -> F:
    """Turn the services' typed errors into a message and an exit code (bugs still raise)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WorkstationError as exc:
            fail(exc)

    return wrapper  # type: ignore[return-value]


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@click.group(invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="WORKSTATION_DB", metavar="URL",
              help="Database URL (sqlite:///path or postgresql://user@host/db). "
                   "Default: SQLite in the user's data directory. Env: WORKSTATION_DB.")
@click.option("--config", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Settings file (TOML). Default: the user's config directory.")
@click.option("--station", metavar="NAME", help="This station's name (default: host name).")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.version_option(package_name="packing-workstation")
@click.pass_context
def main(ctx: click.Context, db: str | None, config: Path | None, station: str | None,
         verbose: int) -> None:
    """Packing-station workstation: scan-verified packing, labels and shift review."""
    logging.basicConfig(
        level=logging.WARNING - 10 * min(verbose, 2),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    ctx.obj = Context(db, config, station, verbose)
    ctx.call_on_close(lambda: ctx.obj._app.close() if ctx.obj._app else None)
    if ctx.invoked_subcommand is None:
        # Whatever `gui` is registered now: ui.launch replaces this module's stand-in with
        # the station window.
        ctx.invoke(main.commands["gui"])


@main.command()
@pass_ctx
@handles_errors
def gui(obj: Context) -> None:
    """Start the station application (the default command)."""
    from workstation.cli.demo import run_demo

    # The station UI lands with its own issue; until then the app's default run is the
    # command-line demo: it packs a sample order through the same service path.
    click.echo("The station window is not built yet: running the command-line demo instead.")
    sys.exit(run_demo(obj.app()))


def _register() -> None:
    from workstation.cli import (
        db_cmd,
        demo,
        devices_cmd,
        intake_cmd,
        labels_cmd,
        operator_cmd,
        order_cmd,
        printing_cmd,
        scan_cmd,
    )

    for module in (db_cmd, demo, operator_cmd, order_cmd, scan_cmd, intake_cmd, devices_cmd,
                   printing_cmd, labels_cmd):
        for command in module.COMMANDS:
            main.add_command(command)
    from workstation.cli import report_cmd  # the shift lead's reports

    main.add_command(report_cmd.report)
    from workstation.cli import return_cmd  # returns received (the report's return rate)

    main.add_command(return_cmd.return_)


_register()
