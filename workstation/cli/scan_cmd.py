"""`workstation scan`: feed scans through exactly the path the station window uses."""

from __future__ import annotations

import json
import sys

import click

from devices.scan import ScanInput
from workstation.cli import Context, handles_errors, pass_ctx
from workstation.domain.outcomes import Severity
from workstation.services.pack import PackService, ScanResult


def decode_arg(code: str) -> str:
    r"""Shell-friendly GS1: ``\x1d``, ``<GS>`` or ``{GS}`` in an argument become the GS byte."""
    for token in ("\\x1d", "\\x1D", "<GS>", "{GS}"):
        code = code.replace(token, "\x1d")
    return code


def _print(result: ScanResult, code: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({
            "code": code, "outcome": result.outcome.value, "severity": result.severity.value,
            "message": result.message, "order": result.order_number,
            "event_id": result.event_id,
        }, ensure_ascii=False))
    else:
        click.echo(f"{result.severity.value.upper():<9} {result.outcome.value:<28} "
                   f"{result.message}")
    # Flushed per scan: a line printed is a scan committed (the kill -9 test relies on it).
    sys.stdout.flush()


def _service(obj: Context, operator: str | None) -> PackService:
    app = obj.app()
    service = app.pack_service()
    who = operator or app.settings.operator
    if who:
        service.sign_in(who)
    return service


@click.command("scan")
@click.argument("order")
@click.argument("codes", nargs=-1)
@click.option("--operator", metavar="CODE", help="Operator code or badge (signs in first).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per scan.")
@pass_ctx
@handles_errors
def scan(obj: Context, order: str, codes: tuple[str, ...], operator: str | None,
         as_json: bool) -> None:
    """Scan ORDER (order number, tote or pick list) and then each CODE, printing each outcome.

    Codes are product barcodes (GTIN, GS1 element strings - write GS as \\x1d or <GS> -,
    internal codes), serial or lot numbers when asked, badges, BOX:<type>, WEIGHT:<grams>, and
    command barcodes: CMD:NEXT-PARCEL, CMD:REMOVE, CMD:SHORT:<REASON>, CMD:DAMAGED:<REASON>,
    CMD:PAUSE, CMD:CANCEL. Exit code 1 if any scan was answered with an error.
    """
    service = _service(obj, operator)
    errors = 0
    for code in (order, *codes):
        text = decode_arg(code)
        result = service.handle_scan(ScanInput(text=text, source="cli"))
        _print(result, code, as_json)
        errors += result.severity is Severity.ERROR
    sys.exit(1 if errors else 0)


@click.command("quantity")
@click.argument("order")
@click.argument("sku")
@click.argument("quantity", type=click.IntRange(min=1))
@click.option("--operator", metavar="CODE")
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handles_errors
def quantity(obj: Context, order: str, sku: str, quantity: int, operator: str | None,
             as_json: bool) -> None:
    """Count QUANTITY identical units of SKU at once (only lines flagged for quantity entry)."""
    service = _service(obj, operator)
    opened = service.handle_scan(ScanInput(text=order, source="cli"))
    _print(opened, order, as_json)
    result = service.enter_quantity(sku, quantity)
    _print(result, f"{sku}={quantity}", as_json)
    sys.exit(1 if result.severity is Severity.ERROR else 0)


@click.command("take-over")
@click.argument("order")
@click.option("--lead", required=True, help="The lead's badge or code.")
@click.option("--operator", metavar="CODE", help="Who packs it here (default: the lead).")
@click.option("--force", is_flag=True, help="Even if the other station was seen recently.")
@pass_ctx
@handles_errors
def take_over(obj: Context, order: str, lead: str, operator: str | None, force: bool) -> None:
    """Move an order held by a station that died to this station (lead only; audited)."""
    service = _service(obj, operator)
    result = service.take_over(order, lead, force=force)
    _print(result, order, False)


COMMANDS = [scan, quantity, take_over]
