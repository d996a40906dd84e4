"""The settings screen's draft, in plain Python: edit, check, save (the same TOML file)."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

from ui.i18n import LANGUAGES
from workstation.settings import Settings, default_config_file, save_settings

log = logging.getLogger(__name__)

LABEL_SIZES = ("4x6", "100x150", "4x4")
DPIS = (203, 300)
THEMES = ("light", "dark")


@dataclass
class SettingsDraft:
    label_printer: str
    slip_printer: str
    scanner: str
    scale: str
    label_size: str
    label_dpi: int
    volume_percent: int  # 0-100 on screen; stored as 0.0-1.0
    weight_tolerance_percent: float
    weight_tolerance_grams: int
    weight_check: bool
    test_weight_grams: float
    language: str
    theme: str


class SettingsModel:
    def __init__(self, settings: Settings, config_file: Path | None = None) -> None:
        self.base = settings
        self.config_file = config_file or settings.config_file or default_config_file()
        self.draft = SettingsDraft(
            settings.label_printer, settings.slip_printer, settings.scanner, settings.scale,
            settings.label_size, settings.label_dpi, round(settings.sound_volume * 100),
            settings.weight_tolerance_percent, settings.weight_tolerance_grams,
            settings.weight_check, settings.test_weight_grams, settings.language,
            settings.theme)

    def problems(self) -> list[str]:
        """What stops saving, as codes the page words: empty when the draft can be saved."""
        d = self.draft
        found = []
        if not d.label_printer.strip():
            found.append("label_printer")
        if not d.scanner.strip():
            found.append("scanner")
        if d.label_size not in LABEL_SIZES:
            found.append("label_size")
        if d.label_dpi not in DPIS:
            found.append("label_dpi")
        if not 0 <= d.volume_percent <= 100:
            found.append("volume")
        if not 0 < d.weight_tolerance_percent <= 50:
            found.append("weight_tolerance")
        if d.weight_tolerance_grams < 0:
            found.append("weight_tolerance_grams")
        if d.test_weight_grams <= 0:
            found.append("test_weight")
        if d.language not in LANGUAGES:
            found.append("language")
        if d.theme not in THEMES:
            found.append("theme")
        return found

    def settings(self) -> Settings:
        d = self.draft
        return dataclasses.replace(
            self.base, label_printer=d.label_printer.strip(), slip_printer=d.slip_printer.strip(),
            scanner=d.scanner.strip(), scale=d.scale.strip(), label_size=d.label_size,
            label_dpi=d.label_dpi, sound_volume=d.volume_percent / 100,
            weight_tolerance_percent=float(d.weight_tolerance_percent),
            weight_tolerance_grams=int(d.weight_tolerance_grams), weight_check=d.weight_check,
            test_weight_grams=float(d.test_weight_grams), language=d.language, theme=d.theme,
            config_file=self.config_file)

    def save(self) -> Settings:
        problems = self.problems()
        if problems:
            raise ValueError(f"cannot save the settings: check {', '.join(problems)}")
        settings = self.settings()
        save_settings(settings, self.config_file)
        self.base = settings
        log.info("settings saved to %s", self.config_file)
        return settings
