"""`workstation return ORDER-OR-TRACKING --reason R`: record a return received."""

from __future__ import annotations

from datetime import UTC, datetime

import click

from workstation.cli import Context, echo_json, handles_errors, pass_ctx
from workstation.services.operators import find_operator
from workstation.services.returns import record_return


@click.command("return")
@click.argument("ref", metavar="ORDER-OR-TRACKING")
@click.option("--reason", required=True, help="Why it came back, e.g. DAMAGED, WRONG_SIZE.")
@click.option("--rma", default=None, help="The marketplace's return number (unique).")
@click.option("--as", "receiver", default=None, metavar="BADGE_OR_CODE",
              help="Who received it.")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handles_errors
def return_(obj: Context, ref: str, reason: str, rma: str | None, receiver: str | None,
            as_json: bool) -> None:
    """Record a return received at the warehouse (audited; counted by the report's return
    rate)."""
    app = obj.app()
    with app.sessions.begin() as session:
        who = find_operator(session, receiver) if receiver else None
        done = record_return(session, ref, reason, datetime.now(UTC), rma=rma, receiver=who,
                             station=app.settings.station)
    if as_json:
        echo_json({"id": done.id, "order": done.order, "carrier": done.carrier,
                   "rma": done.rma, "reason": done.reason,
                   "received_at": done.received_at.isoformat(),
                   "returns_of_order": done.returns_of_order})
        return
    click.echo(f"return of order {done.order} ({done.carrier}) recorded: {done.reason}"
               + (f", RMA {done.rma}" if done.rma else "")
               + (f" ({done.returns_of_order} returns of this order)"
                  if done.returns_of_order > 1 else ""))


COMMANDS = [return_]
