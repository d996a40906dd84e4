"""The feedback sounds: three distinct WAV files, and playing them never breaks the station,
whether or not the machine has an audio device or QtMultimedia's libraries."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from ui.sound_files import SHAPES, ensure_sound_files
from ui.sounds import FeedbackSounds
from workstation.domain.outcomes import Severity


def test_each_severity_has_its_own_sound_file(tmp_path: Path) -> None:
    paths = ensure_sound_files(tmp_path)
    assert set(paths) == {"ok", "attention", "error"}
    lengths = {}
    for name, path in paths.items():
        with wave.open(str(path), "rb") as sound:
            assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
            lengths[name] = sound.getnframes() / sound.getframerate()
            frames = sound.readframes(sound.getnframes())
        assert max(frames) > 0, f"{name} is silent"
        assert lengths[name] == pytest.approx(sum(s for _, s in SHAPES[name]), abs=0.01)
    assert lengths["ok"] < lengths["attention"] < lengths["error"]


def test_playing_works_or_is_silently_skipped(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sounds = FeedbackSounds(0.5, tmp_path)
    for severity in Severity:
        sounds.play(severity)
    assert sounds.played == ["ok", "attention", "error"]
    muted = FeedbackSounds(0.0, tmp_path)
    muted.play(Severity.ERROR)
    assert not muted.available and muted.played == ["error"]


def test_a_station_started_muted_gets_its_sounds_when_the_volume_goes_up(
        qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    try:
        import PySide6.QtMultimedia  # noqa: F401
    except ImportError:
        pytest.skip("QtMultimedia cannot load: scripts/setup.sh installs libpulse0")
    sounds = FeedbackSounds(0.0, tmp_path)
    assert not sounds.available
    sounds.set_volume(0.7)
    assert sounds.volume == 0.7
    assert sounds.available
