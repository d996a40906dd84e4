from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from printing.emulator import PrinterEmulator
from printing.status import PrinterState
from printing.zpl import decode_field_data
from workstation.cli.printing_cmd import print_test


def test_print_test_on_tcp_reports_identity_and_prints(emulator: PrinterEmulator) -> None:
    result = CliRunner().invoke(print_test, [f"{emulator.url}?timeout=2&query_timeout=0.5",
                                             "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["status"] == "ready" and report["printed"] is True
    assert (report["model"], report["dpi"]) == (emulator.model, 203)
    (job,) = emulator.wait_for_jobs(1)
    zpl = job.data.decode()
    assert zpl.count("^XA") == 1 and "^BC" in zpl and "^BQ" in zpl
    fields = [decode_field_data(f) for f in re.findall(r"\^FD(.*?)\^FS", zpl)]
    assert any("203 dpi" in f for f in fields)


def test_print_test_refuses_on_fault_and_says_what_to_do(emulator: PrinterEmulator) -> None:
    emulator.set_conditions(PrinterState.HEAD_OPEN)
    result = CliRunner().invoke(print_test, [f"{emulator.url}?query_timeout=0.5"])
    assert result.exit_code == 3
    assert "head_open" in result.output and "Close the print head" in result.output
    assert emulator.jobs == []


def test_print_test_300dpi_printer_gets_300dpi_label() -> None:
    with PrinterEmulator(dots_per_mm=12) as emu:
        result = CliRunner().invoke(print_test, [f"{emu.url}?query_timeout=0.5", "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["dpi"] == 300
        assert b"^PW1200" in emu.wait_for_jobs(1)[0].data  # 4 in x 300 dpi


def test_print_test_file_cannot_tell_status(tmp_path: Path) -> None:
    result = CliRunner().invoke(print_test, [f"file://{tmp_path}/", "--dpi", "300",
                                             "--size", "4x4"])
    assert result.exit_code == 0, result.output
    assert "cannot ask" in result.output
    (written,) = tmp_path.iterdir()
    assert written.read_bytes().startswith(b"^XA")


def test_print_test_bad_url() -> None:
    result = CliRunner().invoke(print_test, ["gopher://x"])
    assert result.exit_code == 2
