"""The pre-shift self-test page: print the sheet once, then everything is done by scanning."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.scan import ScanInput, ScanRejected
from devices.url import DeviceUrl
from devices.weight import WeightReading
from ui.context import StationContext
from ui.setup.selftest_model import LABEL, RULER, SCALE, STEPS, SelfTestModel
from ui.setup.widgets import TITLE_STYLE, TOUCH
from ui.tasks import TaskRunner
from workstation.services.operators import OperatorInfo
from workstation.services.selftest import SelfTestRecord, latest_self_test, selftest_sheet_pdf
from workstation.services.selftest_checks import SHEET_CODES, shift_of
from workstation.services.station_setup import print_test_label

log = logging.getLogger(__name__)


class SelfTestPage(QWidget):
    def __init__(self, context: StationContext,
                 current_operator: Callable[[], OperatorInfo | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        settings = context.settings
        self.model = SelfTestModel(settings.station, settings.test_weight_grams,
                                   current_operator, lambda: datetime.now(UTC))
        self.tasks = TaskRunner(self)
        self.sheet_path: Path | None = None
        self._label_run: datetime | None = None
        self._saved_run: datetime | None = None
        self._scale_url = DeviceUrl.parse(settings.scale).text
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.last_run = QLabel(self)
        self.last_record: SelfTestRecord | None = None
        self.instruction = QLabel(self)
        self.instruction.setWordWrap(True)
        self.instruction.setStyleSheet("font-size: 22pt; font-weight: bold;")
        self.instruction.setMinimumHeight(90)
        self.steps = QListWidget(self)
        self.steps.setWordWrap(True)
        self.sheet_button, self.restart_button = QPushButton(self), QPushButton(self)
        self.skip_button = QPushButton(self)
        for button in (self.sheet_button, self.restart_button, self.skip_button):
            button.setMinimumHeight(TOUCH)
        self.sheet_button.clicked.connect(self.print_sheet)
        self.restart_button.clicked.connect(self.model.restart)
        self.skip_button.clicked.connect(self.model.skip)
        buttons = QHBoxLayout()
        for button in (self.sheet_button, self.skip_button, self.restart_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.last_run)
        layout.addWidget(self.instruction)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        context.bridge.weight.connect(self._weight)
        self.model.subscribe(self._render)
        self.retranslate()
        self._render()
        self.tasks.submit(lambda _p: latest_self_test(
            context.app.sessions, settings.station, shift_of(datetime.now().astimezone())),
            self._last_loaded, self._failed)

    def _last_loaded(self, record: SelfTestRecord | None) -> None:
        self.last_record = record
        self._render_last()

    def _render_last(self) -> None:
        record = self.last_record
        if record is None:
            self.last_run.setText(self.tr("No self-test yet this shift."))
            return
        when = record.finished_at.astimezone().strftime("%H:%M")
        self.last_run.setText(
            (self.tr("Last self-test this shift: passed at {time}") if record.passed
             else self.tr("Last self-test this shift: FAILED at {time}")).format(time=when))

    # -- input from the window and the devices ----------------------------------------------

    def handle_scan(self, scan: ScanInput) -> None:
        self.model.scan(scan.text)

    def handle_rejected(self, rejected: ScanRejected) -> None:
        self.model.rejected(rejected.reason)

    def _weight(self, reading: WeightReading) -> None:
        if reading.source == self._scale_url:
            self.model.weight(reading.grams, reading.stable)

    # -- actions ----------------------------------------------------------------------------

    def print_sheet(self) -> None:
        """Write the sheet as PDF beside the station's data and open it for printing."""
        target = self._context.settings.data_dir / "self-test-sheet.pdf"
        station = self._context.settings.station

        def write(_progress: Any) -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(selftest_sheet_pdf(station))
            return target

        self.tasks.submit(write, self._sheet_written, self._failed)

    def _sheet_written(self, path: Path) -> None:
        self.sheet_path = path
        if QApplication.platformName() not in ("offscreen", "minimal"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _print_label(self) -> None:
        s = self._context.settings
        self.tasks.submit(
            lambda _p: print_test_label(s.label_printer, s.label_size, s.label_dpi,
                                        datetime.now()),
            self.model.label_printed, self._failed)

    def _failed(self, error: Exception) -> None:
        self.instruction.setText(self.tr("Could not do that: {error}").format(error=error))

    def _save(self) -> None:
        self.tasks.submit(lambda _p: self.model.save(self._context.app.sessions),
                          self._stored, self._failed)

    def _stored(self, record: SelfTestRecord) -> None:
        self.model.stored(record)
        self._last_loaded(record)

    # -- words ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._render()
            self._render_last()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Pre-shift self-test"))
        self.sheet_button.setText(self.tr("Print self-test sheet"))
        self.skip_button.setText(self.tr("Skip this step"))
        self.restart_button.setText(self.tr("Start again"))

    def step_title(self, key: str) -> str:
        number = {e.key: i + 1 for i, e in enumerate(SHEET_CODES)}
        names = {
            "suffix": self.tr("Suffix (Enter after each code)"),
            "letters": self.tr("Capitals and small letters, y/z"),
            "digits": self.tr("Digits (NumLock)"),
            "symbols": self.tr("Symbols @#[]{}<>|\\~^_'\"/"),
            "punctuation": self.tr("More symbols"),
            "layout": self.tr("Keyboard layout test with GS"),
            "gs1": self.tr("GS1-128 with GS separator"),
            LABEL: self.tr("Test label: printed and readable"),
            RULER: self.tr("Test label: ruler measures 10 mm"),
            SCALE: self.tr("Scale: zero, then the test weight"),
        }
        prefix = self.tr("Code {n}").format(n=number[key]) + ": " if key in number else ""
        return prefix + names[key]

    def problem_text(self, code: str) -> str:
        texts = {
            "suffix-missing": self.tr("The scanner sends no Enter after a code: program its "
                                      "suffix to CR (Enter)."),
            "gs-lost": self.tr("The GS separator is lost: program the scanner to send GS "
                               "(Ctrl+]) or use it in serial (USB COM) mode."),
            "numlock": self.tr("Digits are missing: switch NumLock on, or program the scanner "
                               "to type digits on the main keys."),
            "qwertz": self.tr("y and z are swapped: the computer uses a German (QWERTZ) "
                              "layout. Set the scanner and the computer to the same layout."),
            "azerty": self.tr("Letters and digits are swapped: the computer uses a French "
                              "(AZERTY) layout. Set the scanner and the computer to the same "
                              "layout."),
            "uk": self.tr("@ and \" are swapped: the computer uses a UK layout. Set the "
                          "scanner and the computer to the same layout."),
            "capslock": self.tr("Capitals and small letters are swapped: switch Caps Lock "
                                "off."),
            "other": self.tr("The scan does not match the sheet: reset the scanner to its "
                             "factory settings, or use it in serial (USB COM) mode."),
            "dpi-mismatch": self.tr("The printer's dpi differs from the settings: correct the "
                                    "dpi in Settings."),
            "label-mismatch": self.tr("That was not the test label just printed."),
            "label-not-printed": self.tr("The test label was not printed: check the label "
                                         "printer."),
            "ruler-wrong": self.tr("The ruler is not 10 mm: check the label size and dpi in "
                                   "Settings."),
            "scale-weight": self.tr("The scale shows the wrong weight: calibrate it."),
            "skipped": self.tr("Skipped."),
        }
        return texts.get(code, code)

    def instruction_text(self) -> str:
        model, step = self.model, self.model.step
        if model.hint.startswith("out_of_order:"):
            return self.tr("That was code {n}: scan the codes in order, this one is {step}."
                           ).format(n=model.hint.split(":")[1], step=self.step_title(step or ""))
        if step is None:
            if model.saved is None:
                return self.tr("Saving the result…")
            return (self.tr("Self-test passed. Ready to pack.") if model.passed
                    else self.tr("Self-test failed: fix what is marked red and start again."))
        if step == LABEL:
            if model.label is None:
                return self.tr("Printing the test label…")
            return self.tr("Scan the barcode on the test label just printed.")
        if step == RULER:
            return self.tr("Measure the ruler on the test label, then scan code 8 (10 mm) "
                           "or code 9 (not 10 mm) on the sheet.")
        if step == SCALE:
            verdict = model.scale.verdict
            if verdict.phase == "zero":
                return self.tr("Take everything off the scale.")
            return self.tr("Put the test weight of {grams} g on the scale.").format(
                grams=f"{model.scale.test_weight:g}")
        return self.tr("Scan {step} on the self-test sheet.").format(step=self.step_title(step))

    # -- rendering --------------------------------------------------------------------------

    def _render(self) -> None:
        model = self.model
        # Once per run (a restart starts a new run): print the label, then store the result.
        if model.step == LABEL and model.label is None and self._label_run != model.started_at:
            self._label_run = model.started_at
            self._print_label()
        if model.finished and model.saved is None and self._saved_run != model.started_at:
            self._saved_run = model.started_at
            self._save()
        self.instruction.setText(self.instruction_text())
        self.steps.clear()
        for index, key in enumerate(STEPS):
            result = model.results.get(key)
            if result is None:
                mark = "▶" if index == model.index else "·"
                text = f"{mark}  {self.step_title(key)}"
            else:
                mark = "✔" if result["ok"] else "✘"
                problems = " ".join(self.problem_text(p) for p in result["problems"])
                text = f"{mark}  {self.step_title(key)}" + (f"\n     {problems}"
                                                            if problems else "")
            item = QListWidgetItem(text)
            if result is not None:
                item.setForeground(Qt.GlobalColor.darkGreen if result["ok"]
                                   else Qt.GlobalColor.red)
            self.steps.addItem(item)
        self.skip_button.setEnabled(not model.finished)

    def closeEvent(self, event: Any) -> None:
        self.tasks.close()
        super().closeEvent(event)
