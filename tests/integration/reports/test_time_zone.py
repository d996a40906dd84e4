"""Reports on the lead's clock (settings ``station.time_zone``, ``report --tz``): the days
asked for are that zone's days, hours and times are shown on it, and the figures are the
same figures (computed in UTC, only relabelled).

The hand-made shift's events all lie between 2026-11-22 06:00 and 2026-11-23 14:00 UTC, so a
three-day report (22nd to 24th) holds all of them in UTC, in Jakarta (UTC+7) and in Kolkata
(UTC+5:30, whose days do not start on a UTC hour: the figures are then read raw, not from the
hourly rollups, and must still agree)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from tests.helpers.report_data import DAY, NOW
from workstation.cli import main
from workstation.services.operators import find_operator
from workstation.services.reports import ReportService
from workstation.services.reports.drill import DrillKind, drill_for
from workstation.services.reports.model import Window
from workstation.settings import SettingsError, load_settings

JAKARTA, KOLKATA = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Kolkata")
FIRST, LAST = DAY - timedelta(days=1), DAY + timedelta(days=1)


def _shifted(label: str, hours: float) -> str:
    at = datetime.strptime(label, "%Y-%m-%d %H:%M") + timedelta(hours=hours)
    return at.strftime("%Y-%m-%d %H:%M")


def test_a_day_is_the_zone_s_day() -> None:
    w = Window.for_dates(DAY, DAY, NOW, tz=JAKARTA)
    assert (w.start, w.end) == (datetime(2026, 11, 22, 17, tzinfo=UTC),
                                datetime(2026, 11, 23, 17, tzinfo=UTC))
    assert w.local_hour("2026-11-22 17:00") == "2026-11-23 00:00"
    assert w.utc_hour("2026-11-23 00:00") == datetime(2026, 11, 22, 17, tzinfo=UTC)
    india = Window.for_dates(DAY, DAY, NOW, tz=KOLKATA)
    assert india.start == datetime(2026, 11, 22, 18, 30, tzinfo=UTC)
    assert india.local_hour("2026-11-23 08:00") == "2026-11-23 13:30"
    # A day the clocks change is 23 or 25 hours long.
    berlin = ZoneInfo("Europe/Berlin")
    assert Window.for_dates(date(2026, 3, 29), date(2026, 3, 29), NOW, tz=berlin).hours == 23
    assert Window.for_dates(date(2026, 10, 25), date(2026, 10, 25), NOW, tz=berlin).hours == 25


@pytest.mark.parametrize("zone,offset", [(JAKARTA, 7), (KOLKATA, 5.5)])
def test_the_same_figures_on_the_zone_s_clock(shift: sessionmaker[Session], zone: ZoneInfo,
                                              offset: float) -> None:
    with shift() as s:
        lead = find_operator(s, "lead")
    service = ReportService(shift)
    utc = service.report(lead, FIRST, LAST, NOW)
    local = service.report(lead, FIRST, LAST, NOW, tz=zone)
    assert [t.name for t in local.tables] == [t.name for t in utc.tables]
    for mine, theirs in zip(local.tables, utc.tables, strict=True):
        if "hour" in theirs.columns:
            i = theirs.columns.index("hour")
            theirs_rows = [(*r[:i], _shifted(r[i], offset), *r[i + 1:]) for r in theirs.rows]
        elif "cutoff" in theirs.columns:
            i = theirs.columns.index("cutoff")
            theirs_rows = [(*r[:i], datetime.fromisoformat(r[i]).astimezone(zone)
                            .isoformat(timespec="minutes"), *r[i + 1:]) for r in theirs.rows]
        else:
            theirs_rows = theirs.rows
        if mine.name in ("progress", "at_risk"):
            # Cut-offs "due in the window": the same orders, the window's edges differ.
            assert sorted(map(str, mine.rows)) == sorted(map(str, theirs_rows)), mine.name
            continue
        assert mine.rows == theirs_rows, mine.name
    by_hour = local.table("throughput_by_hour").as_dicts()
    assert _shifted("2026-11-23 08:00", offset) in {r["hour"] for r in by_hour}


def test_a_drill_into_a_local_hour_is_that_utc_hour(shift: sessionmaker[Session]) -> None:
    with shift() as s:
        lead = find_operator(s, "lead")
    utc = drill_for(shift, lead, DAY, DAY, NOW, DrillKind.WRONG_ITEM, hour="2026-11-23 08:00")
    local = drill_for(shift, lead, DAY, DAY, NOW, DrillKind.WRONG_ITEM,
                      hour="2026-11-23 15:00", tz=JAKARTA)
    assert utc.events.rows, "the shift has wrong items at 08:00 UTC"
    assert [r[0] for r in local.events.rows] == [r[0] for r in utc.events.rows]
    assert {r[1][11:13] for r in local.events.rows} == {"15"}  # shown on Jakarta's clock
    assert all(r[1].endswith("+07:00") for r in local.events.rows)


def test_cli_tz_and_the_setting(db_url: str, shift: sessionmaker[Session],
                                tmp_path: Path) -> None:
    args = ["--db", db_url, "report", "--from", "2026-11-23", "--now", "2026-11-23T14:00",
            "--as", "B-LEAD", "--format", "csv"]
    done = CliRunner().invoke(main, [*args, "--tz", "Asia/Jakarta"])
    assert done.exit_code == 0, done.output
    assert "times,Asia/Jakarta" in done.stdout
    assert "from,2026-11-23T00:00:00+07:00" in done.stdout
    config = tmp_path / "settings.toml"
    config.write_text('[station]\ntime_zone = "Asia/Shanghai"\n', encoding="utf-8")
    done = CliRunner().invoke(main, ["--config", str(config), *args])
    assert done.exit_code == 0, done.output
    assert "times,Asia/Shanghai" in done.stdout
    bad = CliRunner().invoke(main, [*args, "--tz", "Jakarta"])
    assert bad.exit_code == 2
    assert "time zone 'Jakarta' is not known" in bad.output and "Asia/Jakarta" in bad.output


def test_a_setting_that_names_no_zone_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('[station]\ntime_zone = "WIB"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match=r"station\.time_zone.*'WIB' is not known"):
        load_settings(config)
