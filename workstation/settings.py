"""Station settings: a TOML file, overridden by environment variables and command-line options.

Where things live comes from platformdirs, so the app follows each OS's conventions
(``~/.local/share/packing-workstation`` and ``~/.config/packing-workstation`` on Linux).
"""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field, fields, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from platformdirs import PlatformDirs

from workstation.domain.parcels import boxes_from_config
from workstation.settings_toml import dump_settings

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
    camera: bool = False  # camera scanning (ui/camera_scanner.py) when no scanner is attached
    label_printer: str = "sim://printer"
    slip_printer: str = "sim://printer"
    language: str = "en"
    # The clock reports and the board show days, hours and times on: an IANA name such as
    # "Asia/Jakarta"; empty: this computer's own zone (figures are stored in UTC either way).
    time_zone: str = ""
    # The station window: feedback sound volume 0.0-1.0 (0 = silent) and its theme.
    sound_volume: float = 0.8
    theme: str = "light"  # light or dark
    # A parcel's weight may differ from the expected (items + box) by this much.
    weight_tolerance_percent: float = 5.0
    weight_tolerance_grams: int = 50  # never tighter than this (light parcels)
    # Weigh every parcel before its label prints (a station with a scale); off: weight optional.
    weight_check: bool = False
    # Box types for the suggestion and the box's own weight: [{name, length_mm, width_mm,
    # height_mm, tare_grams, max_grams}, ...]; empty: the built-in S, M, L, XL.
    boxes: tuple[dict[str, object], ...] = ()
    # The reference weight the pre-shift self-test puts on the scale.
    test_weight_grams: float = 1000.0
    # Labels: what the station prints and how (see README "Printing").
    label_size: str = "4x6"  # 4x6, 100x150, 4x4
    label_dpi: int = 203  # 203 or 300
    label_format: str = "zpl"  # zpl for thermal printers, pdf for office printers
    slip_format: str = "pdf"  # pdf (A4), escpos (80 mm receipt), escpos58, none
    slip_page: str = "a4"  # a4 or letter
    sender_name: str = "Gudang Utama"
    sender_address: str = "Jl. Industri Raya No. 5"  # newline-separated street lines
    sender_city: str = "Bekasi"
    sender_postcode: str = "17530"
    sender_country: str = "ID"
    sender_phone: str = ""
    # Locally generated tracking numbers: UPU S10 (2 letters + 8 digits + check + country).
    tracking_prefix: str = "WS"
    tracking_country: str = "ID"
    tracking_url: str = "https://track.example.com/{tracking}"
    sscc_company_prefix: str = "0614141"
    sscc_extension: int = 0
    # Routing codes by postcode: [{country = "ID", postcode = "10-14", code = "JKT"}, ...]
    routing_rules: tuple[dict[str, str], ...] = ()
    routing_default: str = ""
    # The spooler: seconds between retries grow from print_retry_first to print_retry_max.
    print_retry_first: float = 1.0
    print_retry_max: float = 30.0
    print_max_attempts: int = 0  # 0: retry until the operator redirects or cancels
    demo_orders: int = 50  # demo data written on the first start of an empty database
    data_dir: Path = field(default_factory=lambda: Path(DIRS.user_data_dir))
    config_file: Path | None = None

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'workstation.db'}"

    def zone(self) -> tzinfo:
        """``time_zone`` as a zone: the named one, else this computer's (UTC if it has none
        set)."""
        return zone_for(self.time_zone)


def zone_for(name: str) -> tzinfo:
    """An IANA time zone by name ('' : this computer's own); SettingsError names a bad one."""
    if not name:
        from tzlocal import get_localzone

        return get_localzone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise SettingsError(f"time zone {name!r} is not known: use an IANA name such as "
                            "Asia/Jakarta, Asia/Shanghai or UTC") from exc


_KEYS = {
    "database.url": "database_url",
    "station.name": "station",
    "station.operator": "operator",
    "station.short_policy": "short_policy",
    "station.stale_claim_minutes": "stale_claim_minutes",
    "station.pick_list_prefix": "pick_list_prefix",
    "station.language": "language",
    "station.time_zone": "time_zone",
    "station.sound_volume": "sound_volume",
    "station.theme": "theme",
    "station.demo_orders": "demo_orders",
    "devices.scanner": "scanner",
    "devices.scale": "scale",
    "devices.camera": "camera",
    "devices.test_weight_grams": "test_weight_grams",
    "parcels.weight_tolerance_percent": "weight_tolerance_percent",
    "parcels.weight_tolerance_grams": "weight_tolerance_grams",
    "parcels.weight_check": "weight_check",
    "parcels.boxes": "boxes",
    "printers.label": "label_printer",
    "printers.slip": "slip_printer",
    "printers.retry_first_seconds": "print_retry_first",
    "printers.retry_max_seconds": "print_retry_max",
    "printers.max_attempts": "print_max_attempts",
    "labels.size": "label_size",
    "labels.dpi": "label_dpi",
    "labels.format": "label_format",
    "labels.slip_format": "slip_format",
    "labels.slip_page": "slip_page",
    "labels.tracking_prefix": "tracking_prefix",
    "labels.tracking_country": "tracking_country",
    "labels.tracking_url": "tracking_url",
    "labels.sscc_company_prefix": "sscc_company_prefix",
    "labels.sscc_extension": "sscc_extension",
    "sender.name": "sender_name",
    "sender.address": "sender_address",
    "sender.city": "sender_city",
    "sender.postcode": "sender_postcode",
    "sender.country": "sender_country",
    "sender.phone": "sender_phone",
    "routing.rules": "routing_rules",
    "routing.default": "routing_default",
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
    if "routing_rules" in values:
        rules = values["routing_rules"]
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise SettingsError(f"{path}: routing.rules must be a list of tables "
                                '(e.g. [{country = "ID", postcode = "10-14", code = "JKT"}])')
        values["routing_rules"] = tuple({str(k): str(v) for k, v in r.items()} for r in rules)
    if "boxes" in values:
        if not isinstance(values["boxes"], list | tuple):
            raise SettingsError(f"{path}: parcels.boxes must be a list of tables "
                                '(e.g. [{name = "S", length_mm = 250, width_mm = 200, '
                                "height_mm = 100, tare_grams = 150}])")
        try:
            boxes_from_config(values["boxes"])
        except ValueError as exc:
            raise SettingsError(f"{path}: parcels.boxes: {exc}") from exc
        values["boxes"] = tuple(dict(b) for b in values["boxes"])
    settings = replace(Settings(), config_file=path, **values)
    _check_choice(path, "labels.format", settings.label_format, ("zpl", "pdf"))
    _check_choice(path, "labels.slip_format", settings.slip_format,
                  ("pdf", "escpos", "escpos58", "none"))
    _check_choice(path, "labels.slip_page", settings.slip_page, ("a4", "letter"))
    _check_choice(path, "labels.size", settings.label_size, ("4x6", "100x150", "4x4"))
    _check_choice(path, "labels.dpi", settings.label_dpi, (203, 300))
    if settings.time_zone:
        try:
            zone_for(settings.time_zone)
        except SettingsError as exc:
            raise SettingsError(f"{path}: station.time_zone: {exc}") from exc
    if settings.short_policy not in ("hold", "ship_partial"):
        raise SettingsError(
            f"{path}: station.short_policy is {settings.short_policy!r}; "
            "use 'hold' or 'ship_partial'"
        )
    assert set(values) <= set(known)
    return settings


def _check_choice(path: Path, key: str, value: object, allowed: tuple[object, ...]) -> None:
    if value not in allowed:
        raise SettingsError(f"{path}: {key} is {value!r}; use one of "
                            + ", ".join(repr(a) for a in allowed))


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write every setting that differs from its default as TOML that ``load_settings`` reads;
    the file is replaced atomically, so a crash never leaves half a settings file."""
    target = path or settings.config_file or default_config_file()
    defaults = Settings(station=settings.station)
    values = {key: getattr(settings, name) for key, name in _KEYS.items()
              if key == "station.name" or getattr(settings, name) != getattr(defaults, name)}
    if "database.url" in values and values["database.url"] == os.environ.get("WORKSTATION_DB"):
        values.pop("database.url")  # came from the environment: not the file's to keep
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.tmp")
    temp.write_text(dump_settings(values), encoding="utf-8")
    temp.replace(target)
    return target
