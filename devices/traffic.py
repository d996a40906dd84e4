"""Raw device traffic: every byte read and written, in its own rotating file.

The ``devices.traffic`` logger does not propagate, so traffic never floods the application log.
Until ``log_traffic_to()`` is called it is disabled, and the scan path pays one level check.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

traffic = logging.getLogger("devices.traffic")
traffic.propagate = False
traffic.addHandler(logging.NullHandler())  # nothing to stderr while no file is configured


def log_traffic_to(
    directory: Path, *, max_bytes: int = 5_000_000, backup_count: int = 5
) -> Path:
    """Write traffic to ``directory/device-traffic.log`` (rotated); returns the file's path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "device-traffic.log"
    stop_traffic_log()
    handler = RotatingFileHandler(
        path, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    traffic.addHandler(handler)
    traffic.setLevel(logging.DEBUG)
    return path


def stop_traffic_log() -> None:
    """Close the traffic file (at shutdown, or before switching to another directory)."""
    for handler in list(traffic.handlers):
        if isinstance(handler, RotatingFileHandler):
            traffic.removeHandler(handler)
            handler.close()
    traffic.setLevel(logging.NOTSET)


def record(device: str, direction: str, data: bytes) -> None:
    if data and traffic.isEnabledFor(logging.DEBUG):
        traffic.debug("%s %s %r", device, direction, data)
