"""The first-start wizard's state in plain Python: the choices, the test results, the settings.

Widgets show and edit it; the blocking parts (finding devices, printing the test label) are
plain calls the wizard runs in a worker. ``save`` writes the settings TOML the app reads.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from devices.scan import ScanInput
from devices.weight import WeightReading
from workstation.services.station_setup import (
    DeviceChoices,
    PrintTestResult,
    device_choices,
    print_test_label,
)
from workstation.settings import Settings, default_config_file, save_settings

log = logging.getLogger(__name__)

_STATION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass
class SetupChoices:
    language: str
    station: str
    label_printer: str
    slip_printer: str
    scanner: str
    scale: str
    label_size: str
    label_dpi: int


class WizardModel:
    def __init__(self, settings: Settings, config_file: Path | None = None) -> None:
        self.base = settings
        self.config_file = config_file or settings.config_file or default_config_file()
        self.choices = SetupChoices(settings.language, settings.station, settings.label_printer,
                                    settings.slip_printer, settings.scanner, settings.scale,
                                    settings.label_size, settings.label_dpi)
        self.devices: DeviceChoices | None = None
        self.label_test: PrintTestResult | None = None
        self.test_scan: ScanInput | None = None
        self.test_weight: WeightReading | None = None

    # -- the station ------------------------------------------------------------------------

    @staticmethod
    def station_name_ok(name: str) -> bool:
        """Letters, digits, ``- _ .``; up to 64; it names the station in every report."""
        return bool(_STATION_NAME.match(name.strip()))

    # -- devices (find_devices runs in a worker) --------------------------------------------

    @staticmethod
    def find_devices() -> DeviceChoices:
        return device_choices()

    def devices_found(self, found: DeviceChoices) -> None:
        self.devices = found

    # -- tests ------------------------------------------------------------------------------

    def print_test(self, now: datetime) -> PrintTestResult:
        """Blocking: the test label on the chosen label printer (a worker calls this)."""
        c = self.choices
        return print_test_label(c.label_printer, c.label_size, c.label_dpi, now)

    def label_tested(self, result: PrintTestResult) -> None:
        self.label_test = result

    def scanned(self, scan: ScanInput) -> None:
        self.test_scan = scan

    def weighed(self, reading: WeightReading) -> bool:
        """Keep the first stable, non-zero weight; True once one was taken."""
        if reading.stable and reading.grams is not None and abs(reading.grams) > 1:
            self.test_weight = reading
        return self.test_weight is not None

    # -- the result -------------------------------------------------------------------------

    def summary(self) -> dict[str, bool]:
        return {
            "label": bool(self.label_test and self.label_test.printed),
            "scan": self.test_scan is not None,
            "weight": self.test_weight is not None,
        }

    def settings(self) -> Settings:
        c = self.choices
        return dataclasses.replace(
            self.base, station=c.station.strip(), language=c.language,
            label_printer=c.label_printer.strip(), slip_printer=c.slip_printer.strip(),
            scanner=c.scanner.strip(), scale=c.scale.strip(), label_size=c.label_size,
            label_dpi=c.label_dpi, config_file=self.config_file)

    def save(self) -> Path:
        if not self.station_name_ok(self.choices.station):
            raise ValueError(f"{self.choices.station!r} is not a station name")
        path = save_settings(self.settings(), self.config_file)
        log.info("station %s set up; settings written to %s", self.choices.station, path)
        return path
