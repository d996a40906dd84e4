"""`workstation order ...`: find and inspect orders; a lead's hold, release and cancel."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from db.enums import OrderStatus
from workstation.cli import Context, echo_json, handles_errors, pass_ctx
from workstation.services import orders
from workstation.services.operators import find_operator


@click.group("order")
def order_group() -> None:
    """Find, inspect, hold, release and cancel orders."""


@order_group.command("list")
@click.option("--status", type=click.Choice([s.value for s in OrderStatus]))
@click.option("--limit", type=int, default=200, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handles_errors
def order_list(obj: Context, status: str | None, limit: int, as_json: bool) -> None:
    """List orders, most urgent first."""
    with obj.app().sessions() as session:
        rows = orders.list_orders(session, status, limit)
    if as_json:
        echo_json(rows)
        return
    for r in rows:
        click.echo(f"{r['number']:<16} {r['status']:<12} {r['carrier']:<14} "
                   f"{r['lines']:>3} lines {r['units']:>4} units  {r['customer']}")
    if not rows:
        click.echo("no orders", err=True)


@order_group.command("show")
@click.argument("number")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handles_errors
def order_show(obj: Context, number: str, as_json: bool) -> None:
    """Show one order: lines, parcels, session and every scan."""
    with obj.app().sessions() as session:
        data = orders.show_order(session, number)
    if as_json:
        echo_json(data)
        return
    click.echo(f"Order {data['number']}  [{data['status']}]  {data['carrier']} "
               f"{data['service'] or ''}")
    ship = data["ship_to"]
    click.echo(f"  to: {ship['name']}, {', '.join(ship['address_lines'])}, {ship['city']} "
               f"{ship['postcode'] or ''} {ship['country']}")
    if data["hold_reason"]:
        click.echo(f"  on hold: {data['hold_reason']}")
    for line in data["lines"]:
        flags = "".join(f" [{f}]" for f in ("serial_tracked", "lot_tracked", "fragile")
                        if line[f])
        click.echo(f"  {line['line_no']:>2}. {line['sku']:<14} {line['scanned']:>3}/"
                   f"{line['ordered']:<3} short {line['short']}  {line['name']}{flags}")
    for parcel in data["parcels"]:
        units = sum(i["quantity"] for i in parcel["items"])
        click.echo(f"  parcel {parcel['seq']} [{parcel['status']}] {units} units "
                   f"box={parcel['box_type'] or '-'} weight={parcel['weight_grams'] or '-'}")
    click.echo(f"  {len(data.get('events', []))} scan events")


def _lead(obj: Context, badge: str) -> object:
    with obj.app().sessions() as session:
        return find_operator(session, badge)


@order_group.command("hold")
@click.argument("number")
@click.option("--reason", required=True)
@click.option("--operator", "who", required=True, help="Code or badge of who holds it.")
@pass_ctx
@handles_errors
def order_hold(obj: Context, number: str, reason: str, who: str) -> None:
    """Put an order on hold (it cannot be packed until a lead releases it)."""
    with obj.app().sessions.begin() as session:
        orders.hold_order(session, number, reason, find_operator(session, who),
                          datetime.now(UTC))
    click.echo(f"order {number} on hold: {reason}")


@order_group.command("release")
@click.argument("number")
@click.option("--reason", required=True)
@click.option("--lead", required=True, help="The lead's code or badge.")
@click.option("--ship-partial", is_flag=True,
              help="A short order that was completed: ship it as packed.")
@pass_ctx
@handles_errors
def order_release(obj: Context, number: str, reason: str, lead: str,
                  ship_partial: bool) -> None:
    """Release an order on hold (lead only)."""
    with obj.app().sessions.begin() as session:
        orders.release_order(session, number, reason, find_operator(session, lead),
                             datetime.now(UTC), ship_partial=ship_partial)
    click.echo(f"order {number} released")


@order_group.command("cancel")
@click.argument("number")
@click.option("--reason", required=True)
@click.option("--lead", required=True, help="The lead's code or badge.")
@pass_ctx
@handles_errors
def order_cancel(obj: Context, number: str, reason: str, lead: str) -> None:
    """Cancel an order (lead only)."""
    with obj.app().sessions.begin() as session:
        orders.cancel_order(session, number, reason, find_operator(session, lead),
                            datetime.now(UTC))
    click.echo(f"order {number} cancelled")


COMMANDS = [order_group]
