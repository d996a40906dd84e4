"""A TOML writer for the settings file: tables of scalars, and arrays of inline tables.

Small on purpose (the settings hold strings, numbers, booleans and the routing rules), so no
extra dependency; ``tomllib`` reads back exactly what this writes (tested round trip).
"""

from __future__ import annotations

import json
import math
from typing import Any


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value!r} to the settings file")
        return repr(value)
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string (same escapes, \\uXXXX included).
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(f"cannot write a {type(value).__name__} to the settings file")


def _key(name: str) -> str:
    bare = name.replace("_", "").replace("-", "").isalnum() and name.isascii()
    return name if bare else json.dumps(name, ensure_ascii=False)


def dump_settings(values: dict[str, Any]) -> str:
    """``{"station.name": "ST-01", ...}`` as TOML, one table per first part of the key."""
    tables: dict[str, list[str]] = {}
    for dotted, value in values.items():
        if value is None:
            continue
        table, _, key = dotted.partition(".")
        tables.setdefault(table, []).append(f"{_key(key)} = {_scalar(value)}")
    blocks = [f"[{table}]\n" + "\n".join(lines) for table, lines in tables.items()]
    header = "# Written by the packing workstation's settings screen.\n\n"
    return header + "\n\n".join(blocks) + "\n"
