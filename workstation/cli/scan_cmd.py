"""`workstation scan`: feed scans through exactly the path the station window uses."""

from __future__ import annotations

import json
import sys

import click

from devices.scan import ScanInput
from workstation.cli import Context, handles_errors, pass_ctx
from workstation.domain.outcomes import Severity
from workstation.services.pack import PackService, ScanResult
from workstation.services.spooler import Spooler


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


def _service(obj: Context, operator: str | None, **overrides: str | None) -> PackService:
    app = obj.app(**overrides)
    service = app.pack_service()
    who = operator or app.settings.operator
    if who:
        service.sign_in(who)
    return service


@click.command("scan")
@click.argument("order")
@click.argument("codes", nargs=-1)
@click.option("--operator", metavar="CODE", help="Operator code or badge (signs in first).")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per scan (and one per print job, with key print_job).")
@click.option("--label-printer", metavar="URL",
              help="Print shipping and return labels here (default: the station's).")
@click.option("--slip-printer", metavar="URL",
              help="Print packing slips here (default: the station's).")
@click.option("--print-timeout", type=float, default=30.0, show_default=True,
              help="Seconds to wait for the labels of a packed order to print.")
@pass_ctx
@handles_errors
def scan(obj: Context, order: str, codes: tuple[str, ...], operator: str | None,
         as_json: bool, label_printer: str | None, slip_printer: str | None,
         print_timeout: float) -> None:
    """Scan ORDER (order number, tote or pick list) and then each CODE, printing each outcome.

    Codes are product barcodes (GTIN, GS1 element strings - write GS as \\x1d or <GS> -,
    internal codes), serial or lot numbers when asked, badges, BOX:<type>, WEIGHT:<grams>, and
    command barcodes: CMD:NEXT-PARCEL, CMD:REMOVE, CMD:SHORT:<REASON>, CMD:DAMAGED:<REASON>,
    CMD:PAUSE, CMD:CANCEL, and shipping labels (tracking number or SSCC) to confirm them.
    When a scan completes an order its labels are printed before the next scan. Exit code 1
    if any scan was answered with an error or a label did not print.
    """
    service = _service(obj, operator, label_printer=label_printer, slip_printer=slip_printer)
    spooler: Spooler | None = None
    errors = 0
    try:
        for code in (order, *codes):
            text = decode_arg(code)
            result = service.handle_scan(ScanInput(text=text, source="cli"))
            _print(result, code, as_json)
            errors += result.severity is Severity.ERROR
            if result.print_jobs:
                app = obj.app()
                if spooler is None:
                    spooler = Spooler(app.sessions, app.settings)
                    spooler.recover()
                errors += print_jobs(spooler, result.print_jobs, print_timeout, as_json)
    finally:
        if spooler is not None:
            spooler.stop()
    sys.exit(1 if errors else 0)


def print_jobs(spooler: Spooler, job_ids: tuple[int, ...] | list[int], timeout: float,
               as_json: bool) -> int:
    """Send the jobs now and report each; returns how many did not print."""
    spooler.run_until_idle(timeout)
    failed = 0
    for job_id in job_ids:
        job = spooler.job(job_id)
        failed += job.state != "done"
        if as_json:
            click.echo(json.dumps({"print_job": job.as_json()}, ensure_ascii=False))
        else:
            where = f"{job.kind} label" if job.kind != "slip" else "packing slip"
            size = "not rendered" if job.size is None else f"{job.size} bytes"
            line = (f"{'PRINTED' if job.state == 'done' else 'NOT PRINTED':<9} job {job.id}: "
                    f"{where} ({job.format}, {size}) -> {job.printer_url}")
            if job.state != "done":
                line += f" [{job.state}] {job.last_error or ''} (see: workstation jobs)"
            click.echo(line)
        sys.stdout.flush()
    return failed


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
