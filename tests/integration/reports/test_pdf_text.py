"""The PDF keeps names in any script: Chinese cells are set in a CJK font, not dropped."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from workstation.services.reports.model import Report, Table, Window
from workstation.services.reports.pdf import MAX_PDF_ROWS, to_pdf


def _report(rows: list[tuple[object, ...]]) -> Report:
    window = Window.for_dates(date(2026, 11, 23), date(2026, 11, 23),
                              datetime(2026, 11, 23, 14, tzinfo=UTC))
    tables = [
        Table("throughput_by_total", "Throughput by total",
              ("total", "orders", "units", "orders_per_hour", "avg_seconds", "p90_seconds"),
              [("all", 0, 0, 0.0, None, None)]),
        Table("accuracy_by_total", "Accuracy by total",
              ("total", "scans", "wrong_item", "over_scan", "wrong_item_per_1000",
               "over_scan_per_1000"), [("all", 0, 0, 0, 0.0, 0.0)]),
        Table("misscans", "Mis-scans", ("scanned", "expected", "events"), rows),
    ]
    return Report("Shift report", window, None, None, "lead", tables)


def test_chinese_and_indonesian_names_survive(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    target.write_bytes(to_pdf(_report([("顺丰特快 马克杯", "Gelas merah", 2)])))
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "顺丰特快" in text and "Gelas merah" in text


def test_a_long_table_is_cut_with_a_note(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    rows: list[tuple[object, ...]] = [(f"SKU-{i}", "SKU-X", 1) for i in range(MAX_PDF_ROWS + 5)]
    target.write_bytes(to_pdf(_report(rows)))
    text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert f"first {MAX_PDF_ROWS} of {MAX_PDF_ROWS + 5} rows" in text
    assert f"SKU-{MAX_PDF_ROWS - 1}" in text and f"SKU-{MAX_PDF_ROWS}\n" not in text
