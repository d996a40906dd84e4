"""`workstation report`: the shift lead's figures as text, CSV, JSON or PDF, and drill-down."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import click

from workstation.cli import Context, handles_errors, pass_ctx
from workstation.services.operators import find_operator
from workstation.services.reports import Report, ReportService, Table
from workstation.services.reports.drill import DrillKind, drill_for
from workstation.services.reports.export import to_csv, to_json
from workstation.settings import SettingsError, zone_for

FORMATS = ("text", "csv", "json", "pdf")


def render_text(tables: list[Table]) -> str:
    out: list[str] = []
    for table in tables:
        out.append(f"== {table.title}")
        cells = [[str(c) for c in table.columns]] + [
            ["" if v is None else str(v) for v in row] for row in table.rows]
        widths = [max(len(r[i]) for r in cells) for i in range(len(table.columns))]
        for row in cells:
            out.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
        if not table.rows:
            out.append("(nothing)")
        out.append("")
    return "\n".join(out)


def _render(report: Report, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv(report)
    if fmt == "json":
        return to_json(report)
    if fmt == "pdf":
        from workstation.services.reports.pdf import to_pdf  # reportlab loads only when asked

        return to_pdf(report)
    return render_text(report.tables).encode("utf-8")


def _write(data: bytes, output: Path | None, fmt: str) -> None:
    if output is not None:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data):,} bytes, {fmt})", err=True)
        return
    if fmt == "pdf" and sys.stdout.isatty():
        raise click.UsageError("a PDF goes to a file: give -o FILE.pdf")
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@click.command("report")
@click.option("--from", "first", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="First day, YYYY-MM-DD, on the --tz clock. Default: today.")
@click.option("--to", "last", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="Last day, included. Default: the --from day.")
@click.option("--station", "station_name", metavar="S", help="Only this station.")
@click.option("--operator", metavar="O", help="Only this operator (code or badge).")
@click.option("--as", "viewer", required=True, metavar="BADGE_OR_CODE",
              help="Who is asking: leads and admins see everything, operators their own.")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Default: from the -o suffix, else text.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              metavar="FILE")
@click.option("--drill", type=click.Choice([k.value for k in DrillKind]),
              help="Instead of the report: the orders and scan events behind one figure.")
@click.option("--hour", metavar="'YYYY-MM-DD HH:00'",
              help="With --drill: only that hour (on the --tz clock, as the report shows it).")
@click.option("--tz", "zone", metavar="ZONE",
              help="The clock for days, hours and times: an IANA name (Asia/Jakarta). "
                   "Default: the station.time_zone setting, else this computer's zone.")
@click.option("--now", "as_of", type=click.DateTime(["%Y-%m-%dT%H:%M"]), hidden=True,
              help="Make the report as if it were this UTC time (tests, re-runs).")
@pass_ctx
@handles_errors
def report(obj: Context, first: datetime | None, last: datetime | None,
           station_name: str | None, operator: str | None, viewer: str, fmt: str | None,
           output: Path | None, drill: str | None, hour: str | None, zone: str | None,
           as_of: datetime | None) -> None:
    """Throughput, accuracy, exceptions, reprints, printer faults, lead time, progress and
    mis-scans per hour, station, operator and carrier (definitions: README "Figures")."""
    now = as_of.replace(tzinfo=UTC) if as_of else datetime.now(UTC)
    try:
        tz = zone_for(zone) if zone is not None else obj.settings().zone()
    except SettingsError as exc:
        raise click.BadParameter(str(exc), param_hint="--tz") from exc
    day_one: date = first.date() if first else now.astimezone(tz).date()
    day_last: date = last.date() if last else day_one
    if fmt is None:
        suffix = output.suffix.lower().lstrip(".") if output else ""
        fmt = suffix if suffix in FORMATS else "text"
    if hour and not drill:
        raise click.UsageError("--hour narrows a --drill")
    app = obj.app()
    with app.sessions() as session:
        who = find_operator(session, viewer)
    if drill:
        found = drill_for(app.sessions, who, day_one, day_last, now, DrillKind(drill),
                          station=station_name, operator=operator, hour=hour, tz=tz)
        result = Report(f"Drill-down: {drill}", found.window, station_name, operator,
                        who.code, [found.orders, found.events])
    else:
        result = ReportService(app.sessions).report(who, day_one, day_last, now,
                                                    station=station_name, operator=operator,
                                                    tz=tz)
    _write(_render(result, fmt), output, fmt)


COMMANDS = [report]
