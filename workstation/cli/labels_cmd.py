"""`workstation label`, `workstation reprint` and `workstation jobs`: documents and the spooler."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from workstation.cli import Context, echo_json, handles_errors, pass_ctx
from workstation.cli.scan_cmd import print_jobs
from workstation.services import labels
from workstation.services.operators import OperatorInfo, ensure_station, find_operator
from workstation.services.spooler import Spooler

FORMATS = ("zpl", "pdf", "png", "escpos")


def _operator(obj: Context, code: str | None) -> OperatorInfo | None:
    who = code or obj.app().settings.operator
    if not who:
        return None
    with obj.app().sessions() as session:
        return find_operator(session, who)


@click.command("label")
@click.argument("order")
@click.option("--kind", type=click.Choice(labels.KINDS), default="shipping", show_default=True)
@click.option("--parcel", "parcel_seq", type=click.IntRange(min=1), default=1,
              show_default=True, help="Which parcel's shipping label.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              required=True, help="File to write ('-' for standard output).")
@pass_ctx
@handles_errors
def label_cmd(obj: Context, order: str, kind: labels.Kind, parcel_seq: int, fmt: str,
              output: Path) -> None:
    """Render a document of ORDER to a file without printing it.

    Shipping labels of a packed order show its real tracking number and SSCC; an order not
    yet packed gets a preview marked PREVIEW. Slips print as pdf, png or escpos; manifests
    as pdf or png.
    """
    app = obj.app()
    with app.sessions() as session:
        data = labels.render_document(session, order, kind, fmt, app.settings, parcel_seq)
    if str(output) == "-":
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data)} bytes, {kind} as {fmt})", err=True)


@click.command("manifest")
@click.option("--carrier", required=True, help="The carrier as the orders name it.")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]),
              help="The day the parcels were packed (UTC; default today).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "png"]), default="pdf",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True)
@pass_ctx
@handles_errors
def manifest_cmd(obj: Context, carrier: str, day: datetime | None, fmt: str,
                 output: Path) -> None:
    """The courier manifest: every parcel packed for CARRIER that day, with a signature line."""
    app = obj.app()
    when = (day or datetime.now(UTC)).date()
    with app.sessions() as session:
        data, count = labels.render_manifest(session, carrier, when, app.settings, fmt)
    output.write_bytes(data)
    click.echo(f"wrote {output}: {count} parcel(s) for {carrier} on {when.isoformat()}",
               err=True)


@click.command("reprint")
@click.argument("order")
@click.option("--reason", required=True, help="Why (goes to the audit log).")
@click.option("--parcel", "parcel_seq", type=click.IntRange(min=1))
@click.option("--kind", type=click.Choice(labels.KINDS))
@click.option("--printer", metavar="URL", help="Print on this printer instead.")
@click.option("--operator", metavar="CODE")
@click.option("--timeout", type=float, default=30.0, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@pass_ctx
@handles_errors
def reprint_cmd(obj: Context, order: str, reason: str, parcel_seq: int | None,
                kind: str | None, printer: str | None, operator: str | None, timeout: float,
                as_json: bool) -> None:
    """Print ORDER's labels again: the same bytes as the first time, with a reason, audited."""
    app = obj.app()
    who = _operator(obj, operator)
    now = datetime.now(UTC)
    with app.sessions.begin() as session:
        station_id = ensure_station(session, app.settings.station, now)
        jobs = [j.id for j in labels.reprint(session, order, reason, who, station_id, now,
                                             parcel_seq=parcel_seq, kind=kind,
                                             printer_url=printer, settings=app.settings)]
    spooler = Spooler(app.sessions, app.settings)
    try:
        failed = print_jobs(spooler, jobs, timeout, as_json)
    finally:
        spooler.stop()
    sys.exit(1 if failed else 0)


@click.group("jobs", invoke_without_command=True)
@click.option("--all", "show_all", is_flag=True, help="Done and voided jobs too.")
@click.option("--order", metavar="NUMBER", help="Only this order's jobs (all states).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def jobs_group(ctx: click.Context, show_all: bool, order: str | None, as_json: bool) -> None:
    """This station's print jobs; subcommands act on one (audited)."""
    if ctx.invoked_subcommand is None:
        _list_jobs(ctx.obj, show_all, order, as_json)


@handles_errors
def _list_jobs(obj: Context, show_all: bool, order: str | None, as_json: bool) -> None:
    app = obj.app()
    if order:
        with app.sessions() as session:
            rows = labels.history(session, order)
    else:
        rows = Spooler(app.sessions, app.settings).jobs(
            ("pending", "sending", "done", "failed", "unknown", "voided")
            if show_all else ("pending", "sending", "failed", "unknown"))
    if as_json:
        echo_json([r.as_json() for r in rows])
        return
    for r in rows:
        click.echo(f"{r.id:>6} {r.state:<8} {r.kind:<9} {r.format:<6} {r.order_number or '-':<14}"
                   f" parcel {r.parcel_seq or '-'} x{r.attempts} -> {r.printer_url}"
                   + (f"  reprint of {r.reprint_of}: {r.reason}" if r.reprint_of else "")
                   + (f"\n       {r.last_error}" if r.last_error else ""))
    if not rows:
        click.echo("no print jobs waiting", err=True)


def _spooler(obj: Context) -> Spooler:
    app = obj.app()
    return Spooler(app.sessions, app.settings)


@jobs_group.command("confirm")
@click.argument("job_id", type=int)
@click.option("--printed/--not-printed", required=True,
              help="Did the label of this 'unknown' job come out whole?")
@click.option("--operator", metavar="CODE")
@pass_ctx
@handles_errors
def jobs_confirm(obj: Context, job_id: int, printed: bool, operator: str | None) -> None:
    """Resolve a job whose outcome is unknown: printed (done) or not (it is sent again)."""
    spooler = _spooler(obj)
    spooler.confirm_unknown(job_id, printed, _operator(obj, operator))
    if not printed:
        sys.exit(print_jobs(spooler, [job_id], 30.0, False) and 1)


@jobs_group.command("redirect")
@click.argument("job_id", type=int)
@click.argument("printer_url")
@click.option("--operator", metavar="CODE")
@pass_ctx
@handles_errors
def jobs_redirect(obj: Context, job_id: int, printer_url: str, operator: str | None) -> None:
    """Send a waiting, failed or unknown job to another printer now."""
    spooler = _spooler(obj)
    spooler.redirect(job_id, printer_url, _operator(obj, operator))
    sys.exit(print_jobs(spooler, [job_id], 30.0, False) and 1)


@jobs_group.command("retry")
@click.argument("job_id", type=int)
@click.option("--operator", metavar="CODE")
@pass_ctx
@handles_errors
def jobs_retry(obj: Context, job_id: int, operator: str | None) -> None:
    """Try a waiting or failed job again now."""
    spooler = _spooler(obj)
    spooler.retry(job_id, _operator(obj, operator))
    sys.exit(print_jobs(spooler, [job_id], 30.0, False) and 1)


@jobs_group.command("void")
@click.argument("job_id", type=int)
@click.option("--reason", required=True)
@click.option("--operator", metavar="CODE")
@pass_ctx
@handles_errors
def jobs_void(obj: Context, job_id: int, reason: str, operator: str | None) -> None:
    """Void a label (torn, misapplied): it is not sent and must not be used."""
    app = obj.app()
    now = datetime.now(UTC)
    with app.sessions.begin() as session:
        station_id = ensure_station(session, app.settings.station, now)
        labels.void(session, job_id, reason, _operator(obj, operator), station_id, now)
    click.echo(f"job {job_id} voided")


@jobs_group.command("run")
@click.option("--timeout", type=float, default=30.0, show_default=True)
@pass_ctx
@handles_errors
def jobs_run(obj: Context, timeout: float) -> None:
    """Send this station's waiting jobs (after a crash or with no station window running)."""
    spooler = _spooler(obj)
    unknown = spooler.recover()
    for job_id in unknown:
        click.echo(f"job {job_id}: outcome unknown (the station stopped while sending it): "
                   f"check the label, then `workstation jobs confirm {job_id} "
                   "--printed/--not-printed`")
    waiting = [j.id for j in spooler.jobs(("pending",))]
    failed = print_jobs(spooler, waiting, timeout, False) if waiting else 0
    sys.exit(1 if failed or unknown else 0)


COMMANDS = [label_cmd, manifest_cmd, reprint_cmd, jobs_group]
