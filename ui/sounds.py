"""A distinct sound per severity, played with QtMultimedia's ``QSoundEffect``.

Sound is a help, never a requirement: without QtMultimedia's libraries (no libpulse), without
an audio device, or with the volume at 0 the station works on silently, and says why once in
the log. Loading QtMultimedia and the sounds takes a while: a station starting up passes
``load=False`` and calls ``load()`` once its window is up (a scan before that loads them).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl

from ui.sound_files import SOUNDS_DIR, ensure_sound_files
from workstation.domain.outcomes import Severity

log = logging.getLogger(__name__)

_FILE_FOR = {Severity.OK: "ok", Severity.ATTENTION: "attention", Severity.ERROR: "error"}


def _sound_files(fallback_dir: Path) -> dict[str, Path]:
    try:
        return ensure_sound_files(SOUNDS_DIR)
    except OSError:  # an installed, read-only package: write them next to the data instead
        return ensure_sound_files(fallback_dir / "sounds")


class FeedbackSounds(QObject):
    def __init__(self, volume: float, fallback_dir: Path, parent: QObject | None = None, *,
                 load: bool = True) -> None:
        super().__init__(parent)
        self._volume = max(0.0, min(1.0, volume))
        self._fallback_dir = fallback_dir
        self._effects: dict[str, Any] = {}
        self._tried = False
        self.available = False
        self.played: list[str] = []  # names played, newest last (for the status line and tests)
        if load:
            self.load()

    def load(self) -> None:
        """Load the sounds now (not at all while muted; later calls do nothing)."""
        if self._volume > 0:
            self._load()

    def _load(self) -> None:
        """Load the sounds once, when first needed."""
        if self._tried:
            return
        self._tried = True
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:
            log.warning("no feedback sounds: QtMultimedia cannot load (%s); install libpulse0",
                        exc)
            return
        for name, path in _sound_files(self._fallback_dir).items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(self._volume)
            self._effects[name] = effect
        self.available = True

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = max(0.0, min(1.0, volume))
        if self._volume > 0:
            self._load()
        for effect in self._effects.values():
            effect.setVolume(self._volume)

    def play(self, severity: Severity) -> None:
        name = _FILE_FOR[severity]
        self.played.append(name)
        del self.played[:-20]
        if self._volume == 0:
            return
        self._load()  # does nothing once tried; a scan before the deferred load loads them
        effect = self._effects.get(name)
        if effect is None:
            return
        effect.stop()  # a new scan cuts the last sound short rather than queueing behind it
        effect.play()
