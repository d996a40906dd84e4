"""`workstation db ...`: the schema."""

from __future__ import annotations

import click

from db.engine import make_engine
from db.migrate import current_revision, head_revision, upgrade
from workstation.cli import Context, handles_errors, pass_ctx


@click.group("db")
def db_group() -> None:
    """Database schema commands."""


@db_group.command("upgrade")
@pass_ctx
@handles_errors
def db_upgrade(obj: Context) -> None:
    """Upgrade the database schema to this version of the app (also done on every start)."""
    engine = make_engine(obj.settings().resolved_database_url)
    try:
        before, after = upgrade(engine)
    finally:
        engine.dispose()
    if before == after:
        click.echo(f"database is up to date (revision {after})")
    else:
        click.echo(f"database upgraded from {before or 'empty'} to {after}")


@db_group.command("status")
@pass_ctx
@handles_errors
def db_status(obj: Context) -> None:
    """Show the database URL and its schema revision."""
    settings = obj.settings()
    engine = make_engine(settings.resolved_database_url)
    try:
        current = current_revision(engine)
    finally:
        engine.dispose()
    click.echo(f"database: {engine.url.render_as_string(hide_password=True)}")
    click.echo(f"revision: {current or 'empty'} (this app: {head_revision()})")


COMMANDS = [db_group]
