"""save_settings writes what load_settings reads back, and only what differs from defaults."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from workstation.settings import Settings, load_settings, save_settings


def test_round_trip_keeps_every_changed_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             ) -> None:
    monkeypatch.delenv("WORKSTATION_DB", raising=False)
    changed = dataclasses.replace(
        Settings(), station="PACK-七", label_printer="cups://ZT410", scanner=(
            "serial:///dev/ttyACM0?baud=9600&suffix=CR"), label_dpi=300, label_size="4x4",
        sound_volume=0.25, theme="dark", language="zh_CN", weight_tolerance_percent=2.5,
        sender_address='Jl. "Merdeka"\nNo. 5', routing_rules=(
            {"country": "ID", "postcode": "10-14", "code": "JKT"},))
    path = save_settings(changed, tmp_path / "conf" / "settings.toml")
    loaded = load_settings(path)
    for field in ("station", "label_printer", "scanner", "label_dpi", "label_size",
                  "sound_volume", "theme", "language", "weight_tolerance_percent",
                  "sender_address", "routing_rules"):
        assert getattr(loaded, field) == getattr(changed, field), field
    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "scale" not in written.get("devices", {})  # a default is not written
    assert not list(path.parent.glob(".*.tmp"))


def test_a_database_url_from_the_environment_is_not_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSTATION_DB", "sqlite:///env.db")
    settings = dataclasses.replace(Settings(), database_url="sqlite:///env.db")
    path = save_settings(settings, tmp_path / "s.toml")
    assert "database" not in tomllib.loads(path.read_text(encoding="utf-8"))
