"""`workstation devices list|test`, through click, with simulated and pty-backed devices."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from tests.helpers.pty_serial import PtyDevice
from workstation.cli.devices_cmd import devices


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def pty() -> Iterator[PtyDevice]:
    device = PtyDevice()
    yield device
    device.unplug()


def test_list_as_json_names_every_kind_of_device(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["list", "--json"])
    assert result.exit_code == 0, result.output
    listing = json.loads(result.output)
    assert set(listing) == {"serial_ports", "printers", "input_devices", "hid_scales"}
    assert all(d["url"].startswith("serial://") for d in listing["serial_ports"])


def test_list_as_text(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["list"])
    assert result.exit_code == 0, result.output
    assert "Serial ports:" in result.output and "HID scales:" in result.output


def test_scans_from_a_serial_scanner_one_json_object_a_line(
    runner: CliRunner, pty: PtyDevice
) -> None:
    stop = threading.Event()

    def scanner() -> None:
        # The command opens the port when it starts (dropping what came before): keep scanning.
        while not stop.wait(0.05):
            pty.write(b"]C10109506000134352\x1d10LOT\r")

    thread = threading.Thread(target=scanner, daemon=True)
    thread.start()
    try:
        result = runner.invoke(
            devices, ["test", f"serial://{pty.path}?baud=115200", "--count", "2", "--json"]
        )
    finally:
        stop.set()
        thread.join(2)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 2
    assert lines[0]["type"] == "scan"
    assert lines[0]["text"] == "0109506000134352\x1d10LOT"
    assert lines[0]["symbology"] == "]C1"
    assert lines[0]["symbology_name"] == "GS1-128"


def test_weights_from_the_simulated_scale(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["test", "sim://scale", "--count", "1", "--json"])
    assert result.exit_code == 0, result.output
    [line] = [json.loads(line) for line in result.output.splitlines()]
    assert line["type"] == "weight"
    assert (line["grams"], line["stable"]) == (0.0, True)


def test_weights_as_text(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["test", "sim://scale", "--count", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("weight   0 g  ok")


def test_a_bad_url_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["test", "serial:///dev/ttyACM0?buad=9600"])
    assert result.exit_code == 2
    assert "unknown option 'buad'" in result.output


def test_an_unavailable_device_exits_3_with_what_to_do(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["test", "serial:///dev/does-not-exist", "--count", "1"])
    assert result.exit_code == 3
    assert "does not exist" in result.output and "Check that the device is plugged in" in (
        result.output
    )


def test_a_timeout_before_enough_events_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(devices, ["test", "sim://scanner", "--count", "1", "--timeout", "0.3"])
    assert result.exit_code == 1
    assert "timed out after 0.3 s: 0 of 1 events" in result.output
