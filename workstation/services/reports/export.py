"""A report as CSV or JSON (the PDF is in :mod:`pdf`).

CSV is written as UTF-8 *with* a byte-order mark: Excel on Windows reads a CSV without one in
the machine's ANSI code page, which garbles names in Indonesian, Chinese or any non-Latin-1
script; with the BOM it reads UTF-8. LibreOffice, Google Sheets, pandas (``encoding=
"utf-8-sig"``) and Python's csv module (same) all accept it. Each table is a block: its title
on one row, its column names on the next, its rows, then an empty row. A text cell that starts
with ``=``, ``+``, ``-`` or ``@`` is prefixed with ``'`` so a spreadsheet never runs it as a
formula (reasons and names are typed by people and imported from shops).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from workstation.services.reports.model import Report, Table, zone_name

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _header(report: Report) -> list[list[Any]]:
    w = report.window
    return [
        ["report", report.title],
        ["from", w.start.astimezone(w.tz).isoformat()],
        ["to (exclusive)", w.end.astimezone(w.tz).isoformat()],
        ["station", report.station or "all"],
        ["operator", report.operator or "all"],
        ["made at", w.now.astimezone(w.tz).isoformat(timespec="seconds")],
        ["made by", report.viewer],
        ["times", zone_name(w.tz)],
        [],
    ]


def to_csv(report: Report, tables: list[Table] | None = None) -> bytes:
    """The report (or only ``tables``) as CSV bytes, UTF-8 with BOM."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(_header(report))
    for table in tables if tables is not None else report.tables:
        writer.writerow([table.title])
        writer.writerow(table.columns)
        writer.writerows([[_cell(v) for v in row] for row in table.rows])
        writer.writerow([])
    return (BOM + buffer.getvalue()).encode("utf-8")


def to_data(report: Report) -> dict[str, Any]:
    w = report.window
    return {
        "report": report.title,
        "from": w.start.astimezone(w.tz).isoformat(),
        "to": w.end.astimezone(w.tz).isoformat(),
        "generated_at": w.now.astimezone(w.tz).isoformat(),
        "time_zone": zone_name(w.tz),
        "station": report.station,
        "operator": report.operator,
        "viewer": report.viewer,
        "tables": {t.name: {"title": t.title, "columns": list(t.columns),
                            "rows": t.as_dicts()} for t in report.tables},
    }


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(report: Report) -> bytes:
    return json.dumps(to_data(report), ensure_ascii=False, indent=2,
                      default=_default).encode("utf-8")
