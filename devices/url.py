"""Device URLs: one string names a device in settings, the CLI and the UI (DESIGN.md §3)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from urllib.parse import parse_qsl, unquote, urlsplit

from devices.errors import DeviceUrlError


@dataclass(frozen=True, slots=True)
class DeviceUrl:
    """A parsed device URL such as ``serial:///dev/ttyACM0?baud=9600`` or ``sim://scale``.

    ``address`` is what follows ``scheme://`` up to the query: the port path for ``serial``
    (``/dev/ttyACM0``, or ``COM3`` for ``serial://COM3``) and the name of a simulated device.
    """

    text: str
    scheme: str
    address: str
    params: Mapping[str, str]

    @classmethod
    def parse(cls, text: str) -> DeviceUrl:
        text = text.strip()
        parts = urlsplit(text)
        if not parts.scheme or "://" not in text:
            raise DeviceUrlError(
                text or "(empty)",
                "this is not a device URL",
                "Write it as scheme://address, e.g. serial:///dev/ttyACM0 or sim://scanner",
            )
        if parts.fragment:
            raise DeviceUrlError(text, "a device URL has no '#' part", "Remove it")
        params: dict[str, str] = {}
        for key, value in parse_qsl(parts.query, keep_blank_values=True):
            if key in params:
                raise DeviceUrlError(text, f"option {key!r} is given twice", "Keep one of them")
            params[key] = value
        address = unquote(parts.netloc + parts.path)
        return cls(text, parts.scheme.lower(), address, MappingProxyType(params))

    def check_params(self, allowed: Collection[str]) -> None:
        """Refuse options the device does not know, so a typo in the settings is not ignored."""
        unknown = sorted(set(self.params) - set(allowed))
        if unknown:
            known = ", ".join(sorted(allowed)) or "none"
            raise DeviceUrlError(
                self.text,
                f"unknown option {', '.join(map(repr, unknown))}",
                f"Options for {self.scheme}:// are: {known}",
            )

    def choice(self, name: str, choices: Collection[str], default: str) -> str:
        value = self.params.get(name, default)
        if value not in choices:
            raise DeviceUrlError(
                self.text,
                f"option {name}={value!r} is not valid",
                f"Use one of: {', '.join(sorted(choices))}",
            )
        return value

    def integer(self, name: str, default: int, choices: Collection[int] | None = None) -> int:
        raw = self.params.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = -1
        if value < 0 or (choices is not None and value not in choices):
            allowed = ", ".join(map(str, sorted(choices))) if choices else "a whole number"
            raise DeviceUrlError(self.text, f"option {name}={raw!r} is not valid", f"Use {allowed}")
        return value

    def seconds(self, name: str, default: float) -> float:
        raw = self.params.get(name)
        if raw is None:
            return default
        try:
            value = Decimal(raw)
        except InvalidOperation:
            value = Decimal(-1)
        if not value.is_finite() or value < 0:
            raise DeviceUrlError(
                self.text, f"option {name}={raw!r} is not valid", "Give seconds, e.g. 0.2"
            )
        return float(value)
