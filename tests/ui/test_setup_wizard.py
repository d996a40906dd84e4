"""The first-start wizard with sim:// devices: test label, test scan, test weight, settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from devices.manager import DeviceManager
from printing.transports.sim import shutdown_simulators, simulator
from ui.setup.probe import SIM_TEST_SCAN
from ui.setup.wizard import SetupWizard
from workstation.settings import Settings, load_settings


@pytest.fixture
def manager() -> Iterator[DeviceManager]:
    with DeviceManager() as devices:
        yield devices
    shutdown_simulators()


def test_wizard_completes_with_sim_devices_and_writes_the_settings(
        qtbot: QtBot, manager: DeviceManager, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSTATION_DB", raising=False)
    config = tmp_path / "settings.toml"
    languages: list[str] = []
    wizard = SetupWizard(Settings(station="new-host"), manager, config, languages.append)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.model.devices is not None, timeout=10_000)

    station = wizard.station_page
    station.station.setText("bad name!")
    assert not station.isComplete()
    station.station.setText("PACK-07")
    assert station.isComplete()
    station.language.setCurrentIndex(station.language.findData("id"))
    assert languages == ["id"]
    wizard.next()

    printers = wizard.printers_page
    printers.label_printer.set_url("sim://printer")
    printers.slip_printer.set_url("sim://slip")
    printers.dpi.setCurrentText("203")
    before = len(simulator("printer").jobs)
    printers.print_test()
    qtbot.waitUntil(lambda: wizard.model.label_test is not None, timeout=15_000)
    result = wizard.model.label_test
    assert result is not None and result.printed and not result.dpi_mismatch, result
    assert len(simulator("printer").jobs) == before + 1
    assert result.code.encode() in simulator("printer").jobs[-1].data
    wizard.next()

    devices = wizard.devices_page
    devices.scanner.set_url("sim://scanner")
    devices.scale.set_url("sim://scale")
    devices.test_scan.click()
    assert devices.simulate.isVisibleTo(wizard)
    qtbot.waitUntil(lambda: wizard.probe.simulate(), timeout=5_000)
    qtbot.waitUntil(lambda: wizard.model.test_scan is not None, timeout=10_000)
    assert wizard.model.test_scan is not None and wizard.model.test_scan.text == SIM_TEST_SCAN
    devices.test_weight.click()
    qtbot.waitUntil(lambda: wizard.probe.simulate(1250), timeout=5_000)
    qtbot.waitUntil(lambda: wizard.model.test_weight is not None, timeout=10_000)
    assert wizard.model.test_weight is not None and wizard.model.test_weight.grams == 1250.0
    wizard.next()

    assert wizard.model.summary() == {"label": True, "scan": True, "weight": True}
    with qtbot.waitSignal(wizard.saved, timeout=5_000) as saved:
        wizard.accept()
    assert saved.args == [config]
    written = load_settings(config)
    assert (written.station, written.language, written.label_printer, written.slip_printer,
            written.scanner, written.scale, written.label_dpi) == (
        "PACK-07", "id", "sim://printer", "sim://slip", "sim://scanner", "sim://scale", 203)
    for url in ("sim://scanner", "sim://scale"):  # the probe closed what it opened
        with pytest.raises(KeyError):
            manager.device(url)


def test_a_scanner_url_that_cannot_work_is_explained(qtbot: QtBot, manager: DeviceManager,
                                                     tmp_path: Path) -> None:
    wizard = SetupWizard(Settings(station="PACK-01"), manager, tmp_path / "s.toml")
    qtbot.addWidget(wizard)
    wizard.tasks.wait()
    page = wizard.devices_page
    page.scanner.set_url("bogus://scanner")
    page.test_scan.click()
    assert "bogus" in page.scan_result.text() and "Use" in page.scan_result.text()
    assert wizard.model.test_scan is None
    wizard.reject()
