"""The wizard's pages: language and station name, printers, scanner and scale, summary.

Each page edits the shared ``WizardModel`` and retranslates itself on a language change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from devices.errors import DeviceError
from devices.scan import ScanInput, ScanRejected
from devices.weight import WeightReading
from ui.i18n import LANGUAGES
from ui.setup.probe import DeviceProbe
from ui.setup.widgets import TOUCH, DeviceCombo, result_label, show_result
from ui.setup.wizard_model import WizardModel
from ui.tasks import TaskRunner
from workstation.services.station_setup import PrintTestResult

log = logging.getLogger(__name__)

LABEL_SIZES = ("4x6", "100x150", "4x4")
DPIS = (203, 300)


class _Page(QWizardPage):
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class StationPage(_Page):
    def __init__(self, model: WizardModel, on_language: Callable[[str], None] | None) -> None:
        super().__init__()
        self._model = model
        self._on_language = on_language
        self.language = QComboBox(self)
        self.language.setMinimumHeight(TOUCH)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(model.choices.language)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.station = QLineEdit(model.choices.station, self)
        self.station.setMinimumHeight(TOUCH)
        self.station.textChanged.connect(self._station_changed)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self._language_label, self._station_label = QLabel(self), QLabel(self)
        form = QFormLayout(self)
        form.addRow(self._language_label, self.language)
        form.addRow(self._station_label, self.station)
        form.addRow(self.hint)
        self.retranslate()

    def _language_chosen(self) -> None:
        code = str(self.language.currentData())
        self._model.choices.language = code
        if self._on_language is not None:
            self._on_language(code)

    def _station_changed(self, text: str) -> None:
        self._model.choices.station = text
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._model.station_name_ok(self.station.text())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome: set up this packing station"))
        self.setSubTitle(self.tr("Choose the language and give the station a name."))
        self._language_label.setText(self.tr("Language"))
        self._station_label.setText(self.tr("Station name"))
        self.hint.setText(self.tr(
            "The name appears on reports and tells leads where an order is being packed. "
            "Letters, digits, '-', '_' and '.', e.g. PACK-01."))


class PrintersPage(_Page):
    def __init__(self, model: WizardModel, tasks: TaskRunner) -> None:
        super().__init__()
        self._model, self._tasks = model, tasks
        self.label_printer, self.slip_printer = DeviceCombo(self), DeviceCombo(self)
        self.label_size = QComboBox(self)
        self.label_size.addItems(LABEL_SIZES)
        self.label_size.setCurrentText(model.choices.label_size)
        self.dpi = QComboBox(self)
        self.dpi.addItems([str(d) for d in DPIS])
        self.dpi.setCurrentText(str(model.choices.label_dpi))
        for combo in (self.label_size, self.dpi):
            combo.setMinimumHeight(TOUCH)
        self.test = QPushButton(self)
        self.test.setMinimumHeight(TOUCH)
        self.test.clicked.connect(self.print_test)
        self.result = result_label(self)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.label_printer, self.slip_printer,
                                               self.label_size, self.dpi), strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.test)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.offer()
        self.retranslate()

    def offer(self) -> None:
        c = self._model.choices
        found = self._model.devices
        self.label_printer.offer(found.label_printers if found else (), c.label_printer)
        self.slip_printer.offer(found.slip_printers if found else (), c.slip_printer)

    def store(self) -> None:
        c = self._model.choices
        c.label_printer, c.slip_printer = self.label_printer.url(), self.slip_printer.url()
        c.label_size, c.label_dpi = self.label_size.currentText(), int(self.dpi.currentText())

    def print_test(self) -> None:
        self.store()
        self.test.setEnabled(False)
        show_result(self.result, self.tr("Printing the test label…"), None)
        self._tasks.submit(lambda _p: self._model.print_test(datetime.now()), self._printed,
                           self._failed)

    def _printed(self, result: PrintTestResult) -> None:
        self._model.label_tested(result)
        self.test.setEnabled(True)
        if result.printed:
            text = self.tr("Test label printed on {url}. Check that its ruler measures 10 mm.")
            if result.dpi_mismatch:
                text += " " + self.tr("The printer reports {reported} dpi, not {dpi}: "
                                      "change the dpi above.")
            show_result(self.result, text.format(url=result.url, reported=result.reported_dpi,
                                                 dpi=result.dpi), not result.dpi_mismatch)
        else:
            show_result(self.result, self.tr("Not printed: {error}").format(
                error=result.error or result.what_to_do), False)

    def _failed(self, error: Exception) -> None:
        self.test.setEnabled(True)
        show_result(self.result, self.tr("Not printed: {error}").format(error=error), False)

    def validatePage(self) -> bool:
        self.store()
        return bool(self._model.choices.label_printer)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Printers"))
        self.setSubTitle(self.tr("Choose the label printer and the packing slip printer, "
                                 "then print a test label."))
        for label, text in zip(self._labels, (self.tr("Label printer"), self.tr("Slip printer"),
                                              self.tr("Label size"), self.tr("Printer dpi")),
                               strict=True):
            label.setText(text)
        self.test.setText(self.tr("Print test label"))


class DevicesPage(_Page):
    def __init__(self, model: WizardModel, probe: DeviceProbe) -> None:
        super().__init__()
        self._model, self._probe = model, probe
        self.scanner, self.scale = DeviceCombo(self), DeviceCombo(self)
        self.test_scan, self.test_weight = QPushButton(self), QPushButton(self)
        self.simulate = QPushButton(self)
        for button in (self.test_scan, self.test_weight, self.simulate):
            button.setMinimumHeight(TOUCH)
        self.test_scan.clicked.connect(lambda: self._listen("scanner"))
        self.test_weight.clicked.connect(lambda: self._listen("scale"))
        self.simulate.clicked.connect(lambda: self._probe.simulate())
        self.simulate.setVisible(False)
        self.scan_result, self.weight_result = result_label(self), result_label(self)
        self._labels = [QLabel(self), QLabel(self)]
        form = QFormLayout()
        form.addRow(self._labels[0], self.scanner)
        form.addRow("", self.test_scan)
        form.addRow("", self.scan_result)
        form.addRow(self._labels[1], self.scale)
        form.addRow("", self.test_weight)
        form.addRow("", self.weight_result)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.simulate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        probe.scanned.connect(self._scanned)
        probe.rejected.connect(self._rejected)
        probe.weighed.connect(self._weighed)
        probe.trouble.connect(self._trouble)
        self._listening = ""
        self.offer()
        self.retranslate()

    def offer(self) -> None:
        c, found = self._model.choices, self._model.devices
        self.scanner.offer(found.scanners if found else (), c.scanner)
        self.scale.offer(found.scales if found else (), c.scale)

    def store(self) -> None:
        self._model.choices.scanner = self.scanner.url()
        self._model.choices.scale = self.scale.url()

    def _listen(self, kind: str) -> None:
        self.store()
        url = self._model.choices.scanner if kind == "scanner" else self._model.choices.scale
        target = self.scan_result if kind == "scanner" else self.weight_result
        try:
            self._probe.start(url, kind)
        except (DeviceError, ValueError) as error:  # a URL that cannot work, or open twice
            show_result(target, str(error), False)
            return
        self._listening = kind
        self.simulate.setVisible(url.startswith("sim://"))
        show_result(target, self.tr("Scan any barcode now…") if kind == "scanner"
                    else self.tr("Put a known weight on the scale…"), None)

    def _scanned(self, scan: ScanInput) -> None:
        if self._listening != "scanner":
            return
        self._model.scanned(scan)
        self._probe.stop()
        self._listening = ""
        show_result(self.scan_result, self.tr("Scan received: {text}").format(
            text=scan.text.replace("\x1d", "<GS>")), True)

    def _rejected(self, rejected: ScanRejected) -> None:
        show_result(self.scan_result, self.tr("The scan was not complete: {reason}").format(
            reason=rejected.reason), False)

    def _weighed(self, reading: WeightReading) -> None:
        if self._listening != "scale":
            return
        if self._model.weighed(reading):
            self._probe.stop()
            self._listening = ""
            show_result(self.weight_result, self.tr("Weight received: {grams} g, stable").format(
                grams=f"{reading.grams:g}"), True)
        elif reading.grams is not None:
            show_result(self.weight_result, self.tr("Reading {grams} g…").format(
                grams=f"{reading.grams:g}"), None)

    def _trouble(self, message: str) -> None:
        target = self.scan_result if self._listening == "scanner" else self.weight_result
        text = self.tr("Nothing arrived in 30 seconds. Check the cable and the URL.") \
            if message == "timeout" else message
        show_result(target, text, False)

    def validatePage(self) -> bool:
        self.store()
        self._probe.stop()
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Scanner and scale"))
        self.setSubTitle(self.tr("Choose them, then scan a barcode and weigh something "
                                 "to prove they work."))
        self._labels[0].setText(self.tr("Scanner"))
        self._labels[1].setText(self.tr("Scale"))
        self.test_scan.setText(self.tr("Test scan"))
        self.test_weight.setText(self.tr("Test weight"))
        self.simulate.setText(self.tr("Simulate (sim:// device)"))


class FinishPage(_Page):
    def __init__(self, model: WizardModel) -> None:
        super().__init__()
        self._model = model
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.summary)
        self.retranslate()

    def initializePage(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Finish writes these settings; the station starts with them."))
        c, done = self._model.choices, self._model.summary()
        mark = {True: "✔", False: "✘"}
        rows = [
            self.tr("Station: {name}").format(name=c.station),
            self.tr("Label printer: {url}").format(url=c.label_printer)
            + f"  {mark[done['label']]}",
            self.tr("Slip printer: {url}").format(url=c.slip_printer),
            self.tr("Scanner: {url}").format(url=c.scanner) + f"  {mark[done['scan']]}",
            self.tr("Scale: {url}").format(url=c.scale) + f"  {mark[done['weight']]}",
            self.tr("Settings file: {path}").format(path=self._model.config_file),
        ]
        if not all(done.values()):
            rows.append(self.tr("✘ marks a test not passed: you can finish now and test again "
                                "later in Settings."))
        self.summary.setText("\n".join(rows))
