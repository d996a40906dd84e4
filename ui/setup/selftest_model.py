"""The pre-shift self-test, step by step, in plain Python (no widgets, no Qt).

Steps: every code of the printed sheet in order (suffix, layout, symbols, GS1 with GS), then
the test label (printed, then scanned back: proves the printer and the barcode at this dpi),
then the ruler answer (media size and dpi), then the scale (zero, then the test weight).
Each step ends with a result; a wrong scan is diagnosed, recorded and the test goes on, so
one pass names every problem. ``save`` stores the run for this station and shift.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from workstation.services.operators import OperatorInfo
from workstation.services.selftest import SelfTestRecord, record_self_test
from workstation.services.selftest_checks import (
    RULER_OK,
    RULER_WRONG,
    SHEET_CODES,
    ScaleCheck,
    ScanVerdict,
    check_rejected_scan,
    check_scan,
    shift_of,
)
from workstation.services.station_setup import PrintTestResult

Listener = Callable[[], None]
LABEL, RULER, SCALE = "label", "ruler", "scale"
STEPS: tuple[str, ...] = (*(entry.key for entry in SHEET_CODES), LABEL, RULER, SCALE)
_ENTRIES = {entry.key: entry for entry in SHEET_CODES}


class SelfTestModel:
    def __init__(self, station: str, test_weight_grams: float,
                 current_operator: Callable[[], OperatorInfo | None],
                 clock: Callable[[], datetime]) -> None:
        self.station = station
        self._operator = current_operator
        self._clock = clock
        self._weight = test_weight_grams
        self._listeners: list[Listener] = []
        self.restart()

    def restart(self) -> None:
        self.index = 0
        self.results: dict[str, dict[str, Any]] = {}
        self.label: PrintTestResult | None = None
        self.scale = ScaleCheck(self._weight, tolerance_grams=max(2.0, self._weight * 0.005))
        self.hint = ""  # "out_of_order:<n>" etc.: something to say without a result
        self.started_at = self._clock()
        self.saved: SelfTestRecord | None = None
        self._changed()

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    # -- where we are -----------------------------------------------------------------------

    @property
    def step(self) -> str | None:
        return STEPS[self.index] if self.index < len(STEPS) else None

    @property
    def finished(self) -> bool:
        return self.step is None

    @property
    def passed(self) -> bool:
        return self.finished and all(r["ok"] for r in self.results.values())

    def _record(self, key: str, ok: bool, problems: tuple[str, ...] = (), detail: str = "",
                remedy: str = "", **extra: Any) -> None:
        self.results[key] = {"ok": ok, "problems": list(problems), "detail": detail,
                             "remedy": remedy, **extra}
        self.index += 1
        self.hint = ""
        self._changed()

    def _verdict(self, verdict: ScanVerdict, received: str) -> None:
        self._record(verdict.key, verdict.ok, verdict.problems, verdict.detail, verdict.remedy,
                     received=received)

    # -- input ------------------------------------------------------------------------------

    def scan(self, text: str) -> None:
        step = self.step
        if step in _ENTRIES:
            entry = _ENTRIES[step]
            later = [i for i, e in enumerate(SHEET_CODES) if e.data == text and e.key != step]
            if later:  # a clean scan of another code: the operator skipped a line
                self.hint = f"out_of_order:{later[0] + 1}"
                self._changed()
                return
            self._verdict(check_scan(entry, text), text)
        elif step == LABEL:
            if self.label is None:
                self.hint = "wait_for_label"
                self._changed()
            elif text == self.label.code:
                self._record(LABEL, not self.label.dpi_mismatch,
                             ("dpi-mismatch",) if self.label.dpi_mismatch else (),
                             f"printer reports {self.label.reported_dpi} dpi"
                             if self.label.dpi_mismatch else "", received=text)
            else:
                self._record(LABEL, False, ("label-mismatch",),
                             f"expected the test label's code {self.label.code!r}",
                             received=text)
        elif step == RULER:
            if text in (RULER_OK, RULER_WRONG):
                ok = text == RULER_OK
                self._record(RULER, ok, () if ok else ("ruler-wrong",),
                             "" if ok else "the 10 mm ruler does not measure 10 mm",
                             "" if ok else "check the label size and dpi in the settings")
            else:
                self.hint = "scan_ruler_answer"
                self._changed()
        else:
            self.hint = "no_scan_needed"
            self._changed()

    def rejected(self, reason: str) -> None:
        step = self.step
        if step in _ENTRIES:
            self._verdict(check_rejected_scan(_ENTRIES[step], reason), "")

    def label_printed(self, result: PrintTestResult) -> None:
        if self.step != LABEL:
            return
        self.label = result
        if not result.printed:
            self._record(LABEL, False, ("label-not-printed",), result.error or "",
                         result.what_to_do)
        else:
            self._changed()

    def weight(self, grams: float | None, stable: bool) -> None:
        if self.step != SCALE:
            return
        verdict = self.scale.feed(grams, stable)
        if verdict.phase == "done":
            self._record(SCALE, True, grams=verdict.grams)
        elif verdict.phase == "failed":
            self._record(SCALE, False, ("scale-weight",), verdict.detail,
                         "calibrate the scale, or check the test weight", grams=verdict.grams)
        else:
            self._changed()

    def skip(self) -> None:
        step = self.step
        if step is not None:
            self._record(step, False, ("skipped",))

    # -- storing (blocking: a worker calls it) ----------------------------------------------

    def save(self, sessions: sessionmaker[Session]) -> SelfTestRecord:
        finished = self._clock()
        operator = self._operator()
        results = dict(self.results)
        if self.label is not None:
            results[LABEL] = {**results.get(LABEL, {"ok": False}),
                              "printer": asdict(self.label)}
        return record_self_test(
            sessions, self.station, shift_of(finished.astimezone()),
            operator_id=operator.id if operator else None, started_at=self.started_at,
            finished_at=finished, results=results)

    def stored(self, record: SelfTestRecord) -> None:
        self.saved = record
        self._changed()
