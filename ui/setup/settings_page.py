"""The settings screen: printers, devices, feedback volume, weight tolerance, labels, language,
theme. Saving writes the settings file; language and theme apply at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.context import StationContext
from ui.i18n import LANGUAGES, font_warning
from ui.setup.settings_model import DPIS, LABEL_SIZES, THEMES, SettingsModel
from ui.setup.widgets import GROUP_STYLE, TITLE_STYLE, TOUCH, DeviceCombo, result_label, show_result
from ui.tasks import TaskRunner
from workstation.services.station_setup import PrintTestResult, device_choices, print_test_label

log = logging.getLogger(__name__)


def _combo(parent: QWidget, items: dict[str, str]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setMinimumHeight(TOUCH)
    for data, text in items.items():
        combo.addItem(text, data)
    return combo


class SettingsPage(QWidget):
    saved = Signal(object)  # the new Settings

    def __init__(self, context: StationContext,
                 on_language: Callable[[str], None] | None = None,
                 on_theme: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SettingsModel(context.settings)
        self._on_language, self._on_theme = on_language, on_theme
        self.tasks = TaskRunner(self)
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet(TITLE_STYLE)
        self.label_printer, self.slip_printer = DeviceCombo(self), DeviceCombo(self)
        self.scanner, self.scale = DeviceCombo(self), DeviceCombo(self)
        self.label_size = _combo(self, {s: s for s in LABEL_SIZES})
        self.label_dpi = _combo(self, {str(d): str(d) for d in DPIS})
        self.test_print = QPushButton(self)
        self.test_print.setMinimumHeight(TOUCH)
        self.test_print.clicked.connect(self.print_test)
        self.print_result = result_label(self)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setMinimumHeight(TOUCH)
        self.volume_value = QLabel(self)
        self.volume.valueChanged.connect(lambda v: self.volume_value.setText(f"{v} %"))
        self.tolerance = QDoubleSpinBox(self)
        self.tolerance.setRange(0.5, 50.0)
        self.tolerance.setSuffix(" %")
        self.tolerance_grams = QSpinBox(self)
        self.tolerance_grams.setRange(0, 5_000)
        self.tolerance_grams.setSuffix(" g")
        self.weight_check = QCheckBox(self)
        self.weight_check.setMinimumHeight(TOUCH)
        self.test_weight = QDoubleSpinBox(self)
        self.test_weight.setRange(1, 30_000)
        self.test_weight.setDecimals(0)
        self.test_weight.setSuffix(" g")
        for spin in (self.tolerance, self.tolerance_grams, self.test_weight):
            spin.setMinimumHeight(TOUCH)
        self.language = _combo(self, LANGUAGES)
        self.theme = _combo(self, {t: t for t in THEMES})
        self.save_button = QPushButton(self)
        self.save_button.setMinimumHeight(TOUCH)
        self.save_button.clicked.connect(self.save)
        self.status = result_label(self)
        self.font_note = QLabel(self)
        self.font_note.setWordWrap(True)
        self._captions: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._build()
        self.load_draft()
        self.retranslate()
        self.tasks.submit(lambda _p: device_choices(), self._devices_found,
                          lambda error: log.warning("finding devices failed: %s", error))

    def _form(self, key: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        group = QGroupBox(self)
        group.setStyleSheet(GROUP_STYLE)
        form = QFormLayout(group)
        for caption_key, field in rows:
            caption = QLabel(group)
            self._captions[caption_key] = caption
            form.addRow(caption, field)
        self._groups[key] = group
        return group

    def _build(self) -> None:
        volume = QWidget(self)
        volume_row = QHBoxLayout(volume)
        volume_row.setContentsMargins(0, 0, 0, 0)
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_value)
        grid = QGridLayout()
        grid.addWidget(self._form("printers", [
            ("label_printer", self.label_printer), ("slip_printer", self.slip_printer),
            ("label_size", self.label_size), ("label_dpi", self.label_dpi),
            ("test_print", self.test_print), ("print_result", self.print_result)]), 0, 0)
        grid.addWidget(self._form("devices", [
            ("scanner", self.scanner), ("scale", self.scale),
            ("test_weight", self.test_weight)]), 0, 1)
        grid.addWidget(self._form("packing", [
            ("volume", volume), ("tolerance", self.tolerance),
            ("tolerance_grams", self.tolerance_grams), ("weight_check", self.weight_check)]),
            1, 0)
        grid.addWidget(self._form("display", [
            ("language", self.language), ("theme", self.theme)]), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.font_note)
        layout.addStretch(1)
        layout.addLayout(bottom)

    def load_draft(self) -> None:
        d = self.model.draft
        self.label_printer.set_url(d.label_printer)
        self.slip_printer.set_url(d.slip_printer)
        self.scanner.set_url(d.scanner)
        self.scale.set_url(d.scale)
        self.label_size.setCurrentIndex(self.label_size.findData(d.label_size))
        self.label_dpi.setCurrentIndex(self.label_dpi.findData(str(d.label_dpi)))
        self.volume.setValue(d.volume_percent)
        self.volume_value.setText(f"{d.volume_percent} %")
        self.tolerance.setValue(d.weight_tolerance_percent)
        self.tolerance_grams.setValue(d.weight_tolerance_grams)
        self.weight_check.setChecked(d.weight_check)
        self.test_weight.setValue(d.test_weight_grams)
        self.language.setCurrentIndex(max(0, self.language.findData(d.language)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(d.theme)))

    def store_draft(self) -> None:
        d = self.model.draft
        d.label_printer, d.slip_printer = self.label_printer.url(), self.slip_printer.url()
        d.scanner, d.scale = self.scanner.url(), self.scale.url()
        d.label_size = str(self.label_size.currentData())
        d.label_dpi = int(self.label_dpi.currentData())
        d.volume_percent = self.volume.value()
        d.weight_tolerance_percent = self.tolerance.value()
        d.weight_tolerance_grams = self.tolerance_grams.value()
        d.weight_check = self.weight_check.isChecked()
        d.test_weight_grams = self.test_weight.value()
        d.language, d.theme = str(self.language.currentData()), str(self.theme.currentData())

    def _devices_found(self, found: Any) -> None:
        self.store_draft()
        d = self.model.draft
        self.label_printer.offer(found.label_printers, d.label_printer)
        self.slip_printer.offer(found.slip_printers, d.slip_printer)
        self.scanner.offer(found.scanners, d.scanner)
        self.scale.offer(found.scales, d.scale)

    # -- actions ----------------------------------------------------------------------------

    def print_test(self) -> None:
        self.store_draft()
        d = self.model.draft
        show_result(self.print_result, self.tr("Printing the test label…"), None)
        self.tasks.submit(
            lambda _p: print_test_label(d.label_printer, d.label_size, d.label_dpi,
                                        datetime.now()),
            self._printed, lambda e: show_result(self.print_result, str(e), False))

    def _printed(self, result: PrintTestResult) -> None:
        if result.printed:
            show_result(self.print_result, self.tr("Printed. Its ruler must measure 10 mm."),
                        not result.dpi_mismatch)
        else:
            show_result(self.print_result, self.tr("Not printed: {error}").format(
                error=result.error or result.what_to_do), False)

    def save(self) -> None:
        self.store_draft()
        before = self.model.base
        try:
            settings = self.model.save()
        except (ValueError, OSError) as error:
            show_result(self.status, self.tr("Not saved: {error}").format(error=error), False)
            return
        show_result(self.status, self.tr("Saved to {path}").format(
            path=self.model.config_file), True)
        if settings.language != before.language and self._on_language is not None:
            self._on_language(settings.language)
        if settings.theme != before.theme and self._on_theme is not None:
            self._on_theme(settings.theme)
        self.saved.emit(settings)

    # -- words ------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        groups = {"printers": self.tr("Printers"), "devices": self.tr("Scanner and scale"),
                  "packing": self.tr("Packing"), "display": self.tr("Display")}
        for key, text in groups.items():
            self._groups[key].setTitle(text)
        captions = {
            "label_printer": self.tr("Label printer"), "slip_printer": self.tr("Slip printer"),
            "label_size": self.tr("Label size"), "label_dpi": self.tr("Printer dpi"),
            "test_print": "", "print_result": "", "scanner": self.tr("Scanner"),
            "scale": self.tr("Scale"), "test_weight": self.tr("Self-test weight"),
            "volume": self.tr("Sound volume"), "tolerance": self.tr("Weight tolerance"),
            "tolerance_grams": self.tr("but at least"), "weight_check": "",
            "language": self.tr("Language"), "theme": self.tr("Theme"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self.test_print.setText(self.tr("Print test label"))
        self.weight_check.setText(self.tr("Weigh every parcel before its label prints"))
        self.theme.setItemText(0, self.tr("Light"))
        self.theme.setItemText(1, self.tr("Dark"))
        self.save_button.setText(self.tr("Save"))
        self.font_note.setText(font_warning())

    def closeEvent(self, event: Any) -> None:
        self.tasks.close()
        super().closeEvent(event)
