"""The pre-shift self-test: its printable sheet, and its results stored per station and shift."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from db.models import SelfTestRun, Station
from printing.selftest_sheet import SheetCode, render_selftest_sheet
from workstation.services.audit import audit
from workstation.services.operators import ensure_station
from workstation.services.selftest_checks import RULER_OK, RULER_WRONG, SHEET_CODES

log = logging.getLogger(__name__)

__all__ = ["SelfTestRecord", "latest_self_test", "record_self_test", "selftest_sheet_pdf"]


def selftest_sheet_pdf(station: str) -> bytes:
    """The sheet the operator scans, top to bottom, then the two ruler answers."""
    codes = [SheetCode(e.caption, e.data, e.gs1) for e in SHEET_CODES]
    codes += [SheetCode("Test label ruler measures 10 mm", RULER_OK),
              SheetCode("Test label ruler is NOT 10 mm", RULER_WRONG)]
    return render_selftest_sheet(
        "Station self-test", f"Station {station}: scan codes 1-{len(SHEET_CODES)} in order, "
        "then answer the ruler question with code 8 or 9", codes)


@dataclass(frozen=True, slots=True)
class SelfTestRecord:
    id: int
    station: str
    shift: str
    passed: bool
    started_at: datetime
    finished_at: datetime
    results: dict[str, Any]


def record_self_test(
    sessions: sessionmaker[Session], station: str, shift: str, *, operator_id: int | None,
    started_at: datetime, finished_at: datetime, results: dict[str, Any],
) -> SelfTestRecord:
    """Store one run; it passed when every check in ``results`` says ``ok``."""
    passed = bool(results) and all(bool(r.get("ok")) for r in results.values())
    with sessions.begin() as session:
        station_id = ensure_station(session, station, finished_at)
        run = SelfTestRun(station_id=station_id, operator_id=operator_id, shift=shift,
                          started_at=started_at, finished_at=finished_at, passed=passed,
                          results=results)
        session.add(run)
        session.flush()
        audit(session, "self_test", at=finished_at, station_id=station_id,
              operator_id=operator_id, details={"shift": shift, "passed": passed,
                                                "run_id": run.id})
        log.info("self-test at %s for %s: %s", station, shift, "passed" if passed else "FAILED")
        return _record(run, station)


def latest_self_test(sessions: sessionmaker[Session], station: str,
                     shift: str) -> SelfTestRecord | None:
    """The last run at ``station`` in ``shift``, or ``None`` when it has not been run yet."""
    with sessions() as session:
        row = session.execute(
            select(SelfTestRun).join(Station, Station.id == SelfTestRun.station_id)
            .where(Station.name == station, SelfTestRun.shift == shift)
            .order_by(SelfTestRun.id.desc()).limit(1)
        ).scalar_one_or_none()
        return _record(row, station) if row is not None else None


def _record(run: SelfTestRun, station: str) -> SelfTestRecord:
    return SelfTestRecord(run.id, station, run.shift, run.passed, run.started_at,
                          run.finished_at, dict(run.results))
