"""``workstation print-test URL``: print a test label and report what the printer told us.

Exit codes: 0 printed; 2 bad URL or options; 3 printer unavailable or reporting a fault.
"""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse
from typing import Any

import click

from printing.escpos_receipt import RECEIPT_58MM, RECEIPT_80MM, render_test_receipt
from printing.model import LabelSize, PrintTestData
from printing.render import render
from printing.status import PrinterState
from printing.transports import PrinterError, open_transport

__all__ = ["print_test"]


@click.command("print-test")
@click.argument("url")
@click.option("--dpi", type=click.Choice(["203", "300"]), default=None,
              help="Printer resolution when the printer cannot tell (~HI).")
@click.option("--size", "size_name", type=click.Choice(["4x6", "100x150", "4x4"]),
              default="4x6", show_default=True, help="Label stock.")
@click.option("--receipt-width", type=click.Choice(["80", "58"]), default="80",
              show_default=True, help="Paper width for escpos+ printers (mm).")
@click.option("--force", is_flag=True, help="Print even when the printer reports a fault.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
def print_test(url: str, dpi: str | None, size_name: str, receipt_width: str, force: bool,
               as_json: bool) -> None:
    """Print a test label on URL and report status, model, firmware, dpi and media."""
    try:
        transport = open_transport(url)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    report: dict[str, Any] = {"url": url}
    status = transport.status()
    report.update(status=status.state.value, what_to_do=status.what_to_do,
                  status_detail=status.detail, warnings=list(status.warnings),
                  status_known=status.can_tell)
    identity = transport.identify()
    if identity is not None:
        report.update(model=identity.model, firmware=identity.firmware, dpi=identity.dpi,
                      memory=identity.memory)
    used_dpi = identity.dpi if identity is not None and identity.dpi in (203, 300) else int(
        dpi or 203)
    report.setdefault("dpi", used_dpi)
    report["media"] = size_name
    scheme = urllib.parse.urlsplit(url).scheme
    lines = [f"status: {status.state.value}"]
    if identity is not None:
        lines.append(f"{identity.model} firmware {identity.firmware}")
    if scheme.startswith("escpos+"):
        profile = RECEIPT_58MM if receipt_width == "58" else RECEIPT_80MM
        data = render_test_receipt([url, *lines], profile)
        report["media"] = f"{receipt_width} mm receipt ({profile.profile})"
    else:
        doc = PrintTestData(url, used_dpi, size_name, dt.datetime.now(), tuple(lines))
        data = render(doc, "zpl", LabelSize.parse(size_name), used_dpi)
    exit_code = 0
    if status.can_tell and status.state not in (PrinterState.READY, PrinterState.UNKNOWN) \
            and not force:
        report.update(printed=False, error=f"printer reports {status.state.value}")
        exit_code = 3
    else:
        job_id = f"print-test-{dt.datetime.now():%Y%m%d-%H%M%S}"
        try:
            result = transport.send(data, job_id)
        except PrinterError as exc:
            report.update(printed=False, error=str(exc), outcome_unknown=exc.outcome_unknown)
            exit_code = 3
        else:
            report.update(printed=result.confirmed, bytes_sent=result.bytes_sent,
                          job_ref=result.job_ref, job_id=job_id)
    _emit(report, as_json)
    if exit_code:
        raise SystemExit(exit_code)


def _emit(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report, sort_keys=True))
        return
    click.echo(f"printer:   {report['url']}")
    known = "" if report.get("status_known", True) else " (this connection cannot ask)"
    click.echo(f"status:    {report['status']}{known} - {report['what_to_do']}")
    for warning in report.get("warnings", []):
        click.echo(f"warning:   {warning}")
    if "model" in report:
        click.echo(f"model:     {report['model']}  firmware {report['firmware']}")
    click.echo(f"dpi:       {report['dpi']}")
    click.echo(f"media:     {report['media']}")
    if report.get("printed"):
        click.echo(f"printed:   {report['bytes_sent']} bytes, confirmed"
                   + (f" (CUPS job {report['job_ref']})" if report.get("job_ref") else ""))
    else:
        click.echo(f"not printed: {report.get('error', 'no confirmation')}")
COMMANDS = [print_test]
