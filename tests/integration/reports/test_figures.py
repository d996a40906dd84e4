"""One test per figure definition, on the hand-made shift (tests/helpers/report_data.py).

The expected numbers are worked out by hand from that data set; the arithmetic is in the
comments so a reader can check it.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from tests.helpers.report_data import ANA, ST_B
from workstation.services.reports.accuracy import accuracy
from workstation.services.reports.exceptions import exceptions, printer_faults, reprints
from workstation.services.reports.misscans import misscans
from workstation.services.reports.model import Window
from workstation.services.reports.progress import at_risk, lead_time, progress
from workstation.services.reports.series import orders_per_hour_by_station
from workstation.services.reports.throughput import Dimension, throughput


def test_orders_and_units_packed_per_station(db: Session, day: Window) -> None:
    # ST-A packed O1 (3 units), O2 (1), O3 (2); ST-B O4 (4). O9 was packed yesterday, O5 is
    # still open: neither counts.
    rows = throughput(db, day, Dimension.STATION).by("station")
    assert {k: (r["orders"], r["units"]) for k, r in rows.items()} == {
        "ST-A": (3, 6), "ST-B": (1, 4)}


def test_orders_per_hour_is_orders_over_active_hours(db: Session, day: Window) -> None:
    # ST-A packed in the 08:00 and 09:00 hours: 3 / 2; ST-B only at 08:00: 1 / 1;
    # all: 4 orders in 2 active hours.
    by_station = throughput(db, day, Dimension.STATION).by("station")
    assert by_station["ST-A"]["orders_per_hour"] == 1.5
    assert by_station["ST-B"]["orders_per_hour"] == 1.0
    assert throughput(db, day, Dimension.TOTAL).by("total")["all"]["orders_per_hour"] == 2.0


def test_time_per_order_runs_from_first_scan_to_last_label(db: Session, day: Window) -> None:
    # O1 08:00 -> label 08:12 = 720 s; O2 08:20 -> no label, ended 08:30 = 600 s;
    # O3 09:00 -> label 09:06 = 360 s; O4 08:00 -> last of two labels 08:45 = 2700 s.
    total = throughput(db, day, Dimension.TOTAL).by("total")["all"]
    assert total["avg_seconds"] == (720 + 600 + 360 + 2700) / 4
    # p90 nearest rank of 4 values: the ceil(3.6) = 4th shortest.
    assert total["p90_seconds"] == 2700.0
    st_a = throughput(db, day, Dimension.STATION).by("station")["ST-A"]
    assert st_a["avg_seconds"] == (720 + 600 + 360) / 3
    assert st_a["p90_seconds"] == 720.0  # ceil(2.7) = 3rd of 360, 600, 720


def test_throughput_per_operator_carrier_and_hour(db: Session, day: Window) -> None:
    by_op = throughput(db, day, Dimension.OPERATOR).by("operator")
    assert {k: r["orders"] for k, r in by_op.items()} == {"ana": 3, "budi": 1}
    by_carrier = throughput(db, day, Dimension.CARRIER).by("carrier")
    # JNE: O1 + O2, 4 units, both in the 08:00 hour; p90 ceil(1.8) = 2nd of 600, 720.
    assert by_carrier["JNE"] == {"carrier": "JNE", "orders": 2, "units": 4,
                                 "orders_per_hour": 2.0, "avg_seconds": 660.0,
                                 "p90_seconds": 720.0}
    by_hour = throughput(db, day, Dimension.HOUR).by("hour")
    assert {k: (r["orders"], r["units"]) for k, r in by_hour.items()} == {
        "2026-11-23 08:00": (3, 8), "2026-11-23 09:00": (1, 2)}


def test_orders_per_hour_series_per_station(db: Session, day: Window) -> None:
    rows = orders_per_hour_by_station(db, day).rows
    assert [(s, h, n) for s, h, n, _u in rows] == [
        ("ST-A", "2026-11-23 08:00", 2), ("ST-A", "2026-11-23 09:00", 1),
        ("ST-B", "2026-11-23 08:00", 1)]


def test_accuracy_per_1000_scans(db: Session, day: Window) -> None:
    # ST-A: 17 scans today (O1 9, O2 4, O3 4), 3 wrong items; ST-B: 13 scans, 1 over-scan.
    rows = accuracy(db, day, Dimension.STATION).by("station")
    assert (rows["ST-A"]["scans"], rows["ST-A"]["wrong_item"]) == (17, 3)
    assert rows["ST-A"]["wrong_item_per_1000"] == round(1000 * 3 / 17, 2)
    assert rows["ST-B"]["over_scan_per_1000"] == round(1000 * 1 / 13, 2)
    total = accuracy(db, day, Dimension.TOTAL).by("total")["all"]
    assert (total["scans"], total["wrong_item_per_1000"], total["over_scan"]) == (30, 100.0, 1)
    by_hour = accuracy(db, day, Dimension.HOUR).by("hour")
    assert {k: r["scans"] for k, r in by_hour.items()} == {
        "2026-11-23 08:00": 23, "2026-11-23 09:00": 4, "2026-11-23 10:00": 3}


def test_exceptions_with_reasons(db: Session, day: Window) -> None:
    assert exceptions(db, day).rows == [
        ("damaged", "DAMAGED", "ST-A", "ana", 2, 2),
        ("override", "wrong item", "ST-B", "budi", 1, 0),
        ("short", "OUT_OF_STOCK", "ST-B", "budi", 1, 1),
    ]


def test_reprints_with_reasons(db: Session, day: Window) -> None:
    assert reprints(db, day).rows == [("ST-A", "label damaged", 1),
                                      ("ST-B", "label damaged", 1),
                                      ("ST-B", "wrong printer", 1)]


def test_printer_faults_and_wait(db: Session, day: Window) -> None:
    # ST-A job 3: three attempts, sent 2 min after it was written: 120 s.
    # ST-B job 5: failed at 08:40, never sent: waited until the report (14:00) = 19,200 s.
    rows = printer_faults(db, day).by("station")
    assert (rows["ST-A"]["faulted_jobs"], rows["ST-A"]["wait_seconds"]) == (1, 120.0)
    assert (rows["ST-B"]["failed_jobs"], rows["ST-B"]["wait_seconds"]) == (1, 19200.0)


def test_order_lead_time(db: Session, day: Window) -> None:
    # JNE: O1 06:00 -> 08:10 (2.1667 h), shipped 12:10 (4 h later); O2 06:00 -> 08:30 (2.5 h).
    # SICEPAT: O3 07:00 -> 09:05 (2.0833 h); O4 06:40 -> 08:40 (2 h).
    rows = lead_time(db, day).by("carrier")
    assert rows["JNE"] == {"carrier": "JNE", "orders": 2, "avg_hours_to_packed": 2.33,
                           "p90_hours_to_packed": 2.5, "handed_over": 1,
                           "avg_hours_packed_to_handed_over": 4.0}
    assert rows["SICEPAT"]["p90_hours_to_packed"] == 2.08
    assert rows["SICEPAT"]["handed_over"] == 0


def test_progress_against_the_day(db: Session, day: Window) -> None:
    # O10 is cancelled, O9 was done yesterday: neither is due. O8 is overdue from yesterday.
    assert progress(db, day).rows == [
        ("JNE", "2026-11-22T10:00+00:00", 1, 0, 1, 0, 1),
        ("JNE", "2026-11-23T12:00+00:00", 2, 2, 0, 0, 0),
        ("SICEPAT", "2026-11-23T12:00+00:00", 2, 2, 0, 0, 0),
        ("SICEPAT", "2026-11-23T13:00+00:00", 1, 0, 1, 1, 0),
        ("JNE", "2026-11-23T14:30+00:00", 1, 0, 1, 0, 0),
        ("JNE", "2026-11-23T16:00+00:00", 1, 0, 1, 0, 0),
    ]


def test_at_risk_orders_earliest_cutoff_first(db: Session, day: Window) -> None:
    # At 14:00 with a 60-minute horizon: O8 (late since yesterday 10:00), O7 (13:00),
    # O5 (14:30); O6 (16:00) is not at risk yet.
    rows = at_risk(db, day).rows
    assert [(r[0], r[4]) for r in rows] == [("O8", -1680), ("O7", -60), ("O5", 30)]


def test_misscans_pair_the_scanned_sku_with_the_open_lines(db: Session, day: Window) -> None:
    # O1: ROSE scanned while RED (1 of 2) and BLUE were open, then ROSE again once RED was
    # complete (only BLUE open). O2: RED scanned for ROSE. O9's mis-scan was yesterday.
    rows = [(r[0], r[2], r[4]) for r in misscans(db, day).rows]
    assert rows == [("SKU-ROSE", "SKU-BLUE", 2), ("SKU-RED", "SKU-ROSE", 1),
                    ("SKU-ROSE", "SKU-RED", 1)]
    per_op = misscans(db, day, per_operator=True).rows
    assert {r[0] for r in per_op} == {"ana"}


def test_filters_narrow_every_figure(db: Session, day: Window) -> None:
    only_b = replace(day, station_id=ST_B)
    assert throughput(db, only_b, Dimension.TOTAL).rows[0][1:3] == (1, 4)
    assert accuracy(db, only_b, Dimension.TOTAL).rows[0][1] == 13
    assert [r[0] for r in exceptions(db, only_b).rows] == ["override", "short"]
    only_ana = replace(day, operator_id=ANA)
    assert throughput(db, only_ana, Dimension.TOTAL).rows[0][1] == 3
    assert misscans(db, only_ana).rows and not misscans(
        db, replace(day, station_id=ST_B)).rows


def test_an_empty_window_gives_zeros(db: Session, day: Window) -> None:
    from datetime import date

    empty = Window.for_dates(date(2026, 1, 1), date(2026, 1, 1), day.now)
    assert throughput(db, empty, Dimension.TOTAL).rows == [("all", 0, 0, 0.0, None, None)]
    assert accuracy(db, empty, Dimension.TOTAL).rows == [("all", 0, 0, 0, 0.0, 0.0)]
    assert throughput(db, empty, Dimension.STATION).rows == []
