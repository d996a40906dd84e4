"""``devices.camera``: camera scanning is off unless the settings file turns it on."""

from __future__ import annotations

from pathlib import Path

from workstation.settings import Settings, load_settings, save_settings


def test_camera_scanning_is_off_by_default_and_read_from_the_file(tmp_path: Path) -> None:
    assert Settings().camera is False
    path = tmp_path / "station.toml"
    path.write_text("[devices]\ncamera = true\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.camera is True
    again = load_settings(save_settings(loaded, tmp_path / "saved.toml"))
    assert again.camera is True
