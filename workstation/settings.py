"""Station settings: a TOML file, overridden by environment variables and command-line options.

Where things live comes from platformdirs, so the app follows each OS's conventions
(``~/.local/share/packing-workstation`` and ``~/.config/packing-workstation`` on Linux).
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from platformdirs import PlatformDirs

APP_NAME = "packing-workstation"
DIRS = PlatformDirs(APP_NAME, appauthor=False)


class SettingsError(ValueError):
    """The settings file cannot be used; the message names the file, the key and the fix."""


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    station: str = field(default_factory=lambda: socket.gethostname().split(".")[0][:64])
    operator: str | None = None  # default operator for the command line
    # "hold": an order completed with short lines goes on hold for a lead;
    # "ship_partial": it is packed and ships without the missing units.
    short_policy: str = "hold"
    # A claim whose station has been silent this long may be taken over by a lead.
    stale_claim_minutes: float = 10.0
    pick_list_prefix: str = "PL-"
    scanner: str = "sim://scanner"
    scale: str = "sim://scale"
    label_printer: str = "sim://printer"
    slip_printer: str = "sim://printer"
    language: str = "en"
    demo_orders: int = 50  # demo data written on the first start of an empty database
    data_dir: Path = field(default_factory=lambda: Path(DIRS.user_data_dir))
    config_file: Path | None = None

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'workstation.db'}"


_KEYS = {
    "database.url": "database_url",
    "station.name": "station",
    "station.operator": "operator",
    "station.short_policy": "short_policy",
    "station.stale_claim_minutes": "stale_claim_minutes",
    "station.pick_list_prefix": "pick_list_prefix",
    "station.language": "language",
    "station.demo_orders": "demo_orders",
    "devices.scanner": "scanner",
    "devices.scale": "scale",
    "printers.label": "label_printer",
    "printers.slip": "slip_printer",
}


def default_config_file() -> Path:
    return Path(DIRS.user_config_dir) / "settings.toml"


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flatten(value, f"{name}."))
        else:
            out[name] = value
    return out


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Defaults < settings file < environment (WORKSTATION_DB) < explicit overrides."""
    path = config_file or default_config_file()
    values: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: not valid TOML ({exc}); fix or delete the file") from exc
        for key, value in _flatten(data).items():
            if key not in _KEYS:
                raise SettingsError(
                    f"{path}: unknown setting {key!r}; known: {', '.join(sorted(_KEYS))}"
                )
            values[_KEYS[key]] = value
    elif config_file is not None:
        raise SettingsError(f"settings file {config_file} does not exist")
    if os.environ.get("WORKSTATION_DB"):
        values["database_url"] = os.environ["WORKSTATION_DB"]
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f for f in fields(Settings)}
    settings = replace(Settings(), config_file=path, **values)
    if settings.short_policy not in ("hold", "ship_partial"):
        raise SettingsError(
            f"{path}: station.short_policy is {settings.short_policy!r}; "
            "use 'hold' or 'ship_partial'"
        )
    assert set(values) <= set(known)
    return settings
