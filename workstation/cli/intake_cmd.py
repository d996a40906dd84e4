"""`workstation import`: orders and products from CSV or JSON files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from workstation.cli import Context, handles_errors, pass_ctx
from workstation.services.importer import format_report, import_files


@click.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--all-or-nothing", is_flag=True,
              help="Import nothing from a file if any row of it is wrong. Default: import "
                   "every valid order, reject each invalid order whole.")
@click.option("--kind", type=click.Choice(["orders", "products"]),
              help="What a CSV file holds (default: told by its header).")
@pass_ctx
@handles_errors
def import_cmd(obj: Context, files: tuple[Path, ...], all_or_nothing: bool,
               kind: str | None) -> None:
    """Import orders and products (CSV or JSON; see docs/import-format.md).

    Re-importing an order updates it; an order already being packed or packed is not changed
    (it is listed as skipped). Exit code: 0 all imported, 1 some rows rejected, 2 nothing
    imported.
    """
    report = import_files(obj.app().sessions, list(files), all_or_nothing=all_or_nothing,
                          kind=kind)
    click.echo(format_report(report))
    sys.exit(report.exit_code)


COMMANDS = [import_cmd]
