"""`workstation operator ...`: people and their badges."""

from __future__ import annotations

import click
from sqlalchemy import select

from db.enums import Role
from db.models import Operator
from workstation.cli import Context, echo_json, handles_errors, pass_ctx
from workstation.services.operators import add_operator


@click.group("operator")
def operator_group() -> None:
    """Manage operators, leads and admins."""


@operator_group.command("add")
@click.argument("code")
@click.option("--name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.OPERATOR.value)
@click.option("--badge", help="The code printed on the person's badge.")
@click.option("--pin", help="4-12 digits; stored as an argon2 hash.", default=None)
@pass_ctx
@handles_errors
def operator_add(obj: Context, code: str, name: str, role: str, badge: str | None,
                 pin: str | None) -> None:
    """Add an operator."""
    app = obj.app()
    with app.sessions.begin() as session:
        try:
            info = add_operator(session, code, name, Role(role), badge, pin)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--pin") from exc
    click.echo(f"added {info.code} ({info.role.value})")


@operator_group.command("list")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handles_errors
def operator_list(obj: Context, as_json: bool) -> None:
    """List operators."""
    app = obj.app()
    with app.sessions() as session:
        rows = [{"code": o.code, "name": o.name, "role": o.role, "badge": o.badge,
                 "active": o.active}
                for o in session.scalars(select(Operator).order_by(Operator.code))]
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['code']:<12} {r['role']:<9} {r['badge'] or '-':<14} {r['name']}")


COMMANDS = [operator_group]
