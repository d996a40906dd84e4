"""`workstation devices`: what is attached, and a live look at one scanner or scale.

Exit codes of ``devices test``: 0 done (N events seen, or stopped with Ctrl+C); 1 the timeout
passed before N events; 2 a URL or option that cannot work; 3 the device is unavailable (the
message says what to do).
"""

from __future__ import annotations

import dataclasses
import json
import queue
import sys
import time
from typing import Any

import click

from devices import (
    DeviceEvent,
    DeviceStatus,
    DeviceUrlError,
    LinkState,
    ScanInput,
    ScanRejected,
    WeightReading,
    open_device,
    symbology_name,
)
from devices.factory import Kind
from devices.inventory import attached_devices

_KINDS: dict[str, Kind] = {"scanner": "scanner", "scale": "scale"}
EXIT_TIMEOUT = 1
EXIT_USAGE = 2
EXIT_UNAVAILABLE = 3


@click.group("devices")
def devices() -> None:
    """Scanners, scales and printers attached to this station."""


@devices.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON document.")
def list_devices(as_json: bool) -> None:
    """Show serial ports (with USB vendor:product), CUPS queues, input devices and HID scales,
    each with the URL to put in the settings."""
    inventory = attached_devices()
    if as_json:
        click.echo(json.dumps(dataclasses.asdict(inventory), ensure_ascii=False, indent=2))
        return
    for title, found in (
        ("Serial ports", inventory.serial_ports),
        ("Printers (CUPS)", inventory.printers),
        ("Input devices (keyboard-mode scanners)", inventory.input_devices),
        ("HID scales", inventory.hid_scales),
    ):
        click.echo(f"{title}:")
        for device in found:
            ids = f"  [{device.usb_id}]" if device.usb_id else ""
            click.echo(f"  {device.url}  {device.description}{ids}")
        if not found:
            click.echo("  (none)")


@devices.command("test")
@click.argument("url")
@click.option("--count", type=click.IntRange(min=1), help="Exit after N scans or weights.")
@click.option("--timeout", type=click.FloatRange(min=0), help="Give up after S seconds.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--kind",
    type=click.Choice(["scanner", "scale"]),
    help="What URL names, where its scheme does not say (serial:// without protocol=).",
)
def test_device(
    url: str, count: int | None, timeout: float | None, as_json: bool, kind: str | None
) -> None:
    """Print live scans or weights from the device at URL, one line each.

    A scale prints a line when its reading changes. Examples: sim://scale,
    serial:///dev/ttyACM0?baud=9600&suffix=CR, serial:///dev/ttyUSB0?protocol=sics.
    """
    events: queue.SimpleQueue[DeviceEvent] = queue.SimpleQueue()
    try:
        device = open_device(url, events.put, _KINDS.get(kind or ""))
    except DeviceUrlError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    seen = 0
    connected = False
    deadline = None if timeout is None else time.monotonic() + timeout
    device.start()
    try:
        while count is None or seen < count:
            wait = None if deadline is None else deadline - time.monotonic()
            if wait is not None and wait <= 0:
                wanted = f" of {count}" if count else ""
                click.echo(f"timed out after {timeout:g} s: {seen}{wanted} events", err=True)
                sys.exit(EXIT_TIMEOUT)
            try:
                event = events.get(timeout=0.2 if wait is None else min(wait, 0.2))
            except queue.Empty:
                continue
            if isinstance(event, DeviceStatus):
                if event.state is LinkState.CONNECTED:
                    connected = True
                elif event.error is not None:
                    click.echo(f"{event.state.value}: {event.error}", err=True)
                    if not connected:
                        sys.exit(EXIT_UNAVAILABLE)
                continue
            _print(event, as_json)
            seen += 1
    except KeyboardInterrupt:
        pass
    finally:
        device.stop()


def _print(event: ScanInput | ScanRejected | WeightReading, as_json: bool) -> None:
    record = _record(event)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False))
    elif isinstance(event, ScanInput):
        shown = event.text.replace("\x1d", "<GS>")
        click.echo(f"scan     {event.symbology or '---'}  {shown}  ({record['symbology_name']})")
    elif isinstance(event, ScanRejected):
        click.echo(f"rejected {event.reason}: {event.raw!r}")
    else:
        weight = "-" if event.grams is None else f"{event.grams:g} g"
        click.echo(
            f"weight   {weight}  {event.state.value}  ({event.raw.decode('ascii', 'replace')!r})"
        )
    sys.stdout.flush()  # one line per event, as it happens, also into a pipe


def _record(event: ScanInput | ScanRejected | WeightReading) -> dict[str, Any]:
    at = event.received_at.isoformat()
    if isinstance(event, ScanInput):
        return {
            "type": "scan",
            "text": event.text,
            "symbology": event.symbology,
            "symbology_name": symbology_name(event.symbology),
            "source": event.source,
            "received_at": at,
        }
    if isinstance(event, ScanRejected):
        return {
            "type": "rejected",
            "reason": event.reason,
            "raw": event.raw.decode("latin-1"),
            "source": event.source,
            "received_at": at,
        }
    return {
        "type": "weight",
        "grams": event.grams,
        "stable": event.stable,
        "state": event.state.value,
        "unit_raw": event.unit_raw,
        "source": event.source,
        "received_at": at,
    }

COMMANDS = [devices]
