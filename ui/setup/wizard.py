"""The first-start wizard: language and station name, printers (with a test label), scanner and
scale (with a test scan and a test weight), then the settings file is written."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from devices.manager import DeviceManager
from ui.setup.probe import DeviceProbe
from ui.setup.wizard_model import WizardModel
from ui.setup.wizard_pages import DevicesPage, FinishPage, PrintersPage, StationPage
from ui.tasks import TaskRunner
from workstation.settings import Settings

log = logging.getLogger(__name__)


class SetupWizard(QWizard):
    """``saved(Path)`` once the settings file is written."""

    saved = Signal(object)

    def __init__(self, settings: Settings, devices: DeviceManager,
                 config_file: Path | None = None,
                 on_language: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = WizardModel(settings, config_file)
        self.tasks = TaskRunner(self)
        self.probe = DeviceProbe(devices, self)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(820, 600)
        self.station_page = StationPage(self.model, on_language)
        self.printers_page = PrintersPage(self.model, self.tasks)
        self.devices_page = DevicesPage(self.model, self.probe)
        self.finish_page = FinishPage(self.model)
        for page in (self.station_page, self.printers_page, self.devices_page,
                     self.finish_page):
            self.addPage(page)
        self.retranslate()
        self.tasks.submit(lambda _p: self.model.find_devices(), self._devices_found,
                          lambda error: log.warning("finding devices failed: %s", error))

    def _devices_found(self, found: Any) -> None:
        self.model.devices_found(found)
        self.printers_page.offer()
        self.devices_page.offer()

    def accept(self) -> None:
        path = self.model.save()
        self.probe.close()
        self.tasks.close()
        self.saved.emit(path)
        super().accept()

    def reject(self) -> None:
        self.probe.close()
        self.tasks.close()
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Station set-up"))
        buttons = {
            QWizard.WizardButton.BackButton: self.tr("< Back"),
            QWizard.WizardButton.NextButton: self.tr("Next >"),
            QWizard.WizardButton.FinishButton: self.tr("Finish"),
            QWizard.WizardButton.CancelButton: self.tr("Cancel"),
        }
        for which, text in buttons.items():
            self.setButtonText(which, text)
