"""`workstation report` end to end: CSV (BOM, read back), JSON (shape), PDF (pages, text)."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from workstation.cli import main

DAY_ARGS = ["--from", "2026-11-23", "--to", "2026-11-23", "--now", "2026-11-23T14:00"]


def _run(db_url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", db_url, "report", *DAY_ARGS, *args])
    return result.exit_code, result.stdout, result.stderr


def _blocks(rows: list[list[str]]) -> dict[str, list[dict[str, str]]]:
    """The CSV's tables by title: title row, header row, data rows, empty row."""
    out: dict[str, list[dict[str, str]]] = {}
    i = rows.index([]) + 1  # past the report header
    while i < len(rows):
        title, header = rows[i][0], rows[i + 1]
        j = i + 2
        body = []
        while rows[j]:
            body.append(dict(zip(header, rows[j], strict=True)))
            j += 1
        out[title] = body
        i = j + 1
    return out


def test_csv_has_a_bom_and_reads_back(db_url: str, shift: sessionmaker[Session],
                                      tmp_path: Path) -> None:
    target = tmp_path / "shift.csv"
    code, _out, err = _run(db_url, "--as", "B-LEAD", "-o", str(target))
    assert code == 0, err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["report", "Shift report 2026-11-23"]
    blocks = _blocks(rows)
    by_station = {r["station"]: r for r in blocks["Throughput by station"]}
    assert (by_station["ST-A"]["orders"], by_station["ST-A"]["units"]) == ("3", "6")
    misscans = blocks["Mis-scans by product: scanned in place of"]
    assert misscans[0]["scanned_sku"] == "SKU-ROSE" and misscans[0]["events"] == "2"


def _check_schema(data: dict[str, Any]) -> None:
    assert set(data) == {"report", "from", "to", "generated_at", "time_zone", "station",
                         "operator", "viewer", "tables"}
    for name, table in data["tables"].items():
        assert set(table) == {"title", "columns", "rows"}, name
        assert all(isinstance(c, str) for c in table["columns"])
        for row in table["rows"]:
            assert list(row) == table["columns"], name
            assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())


def test_json_shape_and_figures(db_url: str, shift: sessionmaker[Session]) -> None:
    code, out, err = _run(db_url, "--as", "lead", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    _check_schema(data)
    assert data["from"] == "2026-11-23T00:00:00+00:00"
    total = data["tables"]["throughput_by_total"]["rows"][0]
    assert (total["orders"], total["p90_seconds"]) == (4, 2700.0)
    assert [r["order"] for r in data["tables"]["at_risk"]["rows"]] == ["O8", "O7", "O5"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_pdf_renders_summary_then_tables(db_url: str, shift: sessionmaker[Session],
                                         tmp_path: Path) -> None:
    target = tmp_path / "shift.pdf"
    code, _out, err = _run(db_url, "--as", "B-ADMIN", "-o", str(target))
    assert code == 0, err
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(target), str(tmp_path / "page")],
                   check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3  # summary, then the tables
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout
    first = text.split("\f")[0]
    assert "Shift report 2026-11-23" in first and "Orders packed per hour" in first
    assert "Mis-scans by product" in text and "SKU-ROSE" in text and "OUT_OF_STOCK" in text


def test_an_operator_asking_for_someone_else_is_refused(
        db_url: str, shift: sessionmaker[Session]) -> None:
    code, _out, err = _run(db_url, "--as", "ana", "--operator", "budi", "--format", "json")
    assert code == 4
    assert "only their own figures" in err


def test_drill_on_the_command_line(db_url: str, shift: sessionmaker[Session]) -> None:
    code, out, err = _run(db_url, "--as", "lead", "--drill", "wrong_item", "--station", "ST-A",
                          "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [r["order"] for r in data["tables"]["orders"]["rows"]] == ["O1", "O2"]
    assert len(data["tables"]["events"]["rows"]) == 3
    code, out, _err = _run(db_url, "--as", "lead", "--drill", "packed", "--hour",
                           "2026-11-23 09:00")
    assert code == 0 and "O3" in out and "O1 " not in out
