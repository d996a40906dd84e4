"""The printing commands end to end: scan prints, `label` renders, `reprint` and `jobs` act."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy.orm import Session, sessionmaker

from printing.emulator import PrinterEmulator
from tests.helpers.barcode_reader import decode, pdf_to_images
from tests.helpers.catalogue import SHIRT_EAN, seed
from workstation.cli import main


def _cli(db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", db_url, "--station", "ST-CLI", *args])
    return result.exit_code, result.output


def test_scan_prints_label_renders_and_reprint_are_what_order_show_reports(
    db_url: str, session_factory: sessionmaker[Session], tmp_path: Path,
    emulator: PrinterEmulator
) -> None:
    seed(session_factory)
    code, out = _cli(db_url, "scan", "ORD-1", SHIRT_EAN, SHIRT_EAN, "--operator", "op1",
                     "--label-printer", emulator.url, "--slip-printer", emulator.url, "--json")
    assert code == 0, out
    records = [json.loads(x) for x in out.splitlines()]
    printed = [r["print_job"] for r in records if "print_job" in r]
    assert [(p["kind"], p["state"]) for p in printed] == [("shipping", "done"), ("slip", "done")]
    assert len(emulator.job_bytes) == 2

    code, out = _cli(db_url, "order", "show", "ORD-1", "--json")
    shown = json.loads(out)
    (parcel,) = shown["parcels"]
    tracking, sscc = parcel["tracking_number"], parcel["sscc"]
    assert [(x["kind"], x["state"]) for x in parcel["labels"]] == [("shipping", "done")]
    assert [(x["kind"], x["state"]) for x in shown["documents"]] == [("slip", "done")]

    # The PDF of the same label decodes back to exactly the parcel's numbers.
    pdf = tmp_path / "label.pdf"
    code, out = _cli(db_url, "label", "ORD-1", "--format", "pdf", "-o", str(pdf))
    assert code == 0, out
    found = {d.text for d in decode(pdf_to_images(pdf.read_bytes())[0])}
    assert tracking in found
    assert f"00{sscc}" in found
    assert any(t.startswith("https://") and tracking in t for t in found)

    code, out = _cli(db_url, "reprint", "ORD-1", "--reason", "label torn", "--kind",
                     "shipping", "--printer", emulator.url)
    assert code == 0, out
    assert "PRINTED" in out
    assert emulator.job_bytes[-1] == emulator.job_bytes[0]

    code, out = _cli(db_url, "jobs", "--order", "ORD-1", "--json")
    history = json.loads(out)
    assert [(h["kind"], h["reprint_of"] is not None, h["reason"]) for h in history] == [
        ("shipping", False, None), ("slip", False, None), ("shipping", True, "label torn")]

    code, out = _cli(db_url, "reprint", "ORD-1", "--reason", "x", "--parcel", "9")
    assert code == 3 and "no parcel 9" in out

    # The courier manifest of the day lists the parcel; its PDF holds the tracking number.
    manifest = tmp_path / "manifest.pdf"
    packed_day = shown["parcels"][0]["closed_at"][:10]
    code, out = _cli(db_url, "manifest", "--carrier", "JNE", "--date", packed_day, "-o",
                     str(manifest))
    assert code == 0 and "1 parcel(s) for JNE" in out, out
    text = subprocess.run(["pdftotext", str(manifest), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert tracking in text and "ORD-1" in text
    code, out = _cli(db_url, "manifest", "--carrier", "DHL", "-o", str(manifest))
    assert code == 3 and "no parcels packed for carrier 'DHL'" in out


def test_a_label_that_cannot_print_is_reported_and_waits(
    db_url: str, session_factory: sessionmaker[Session], emulator: PrinterEmulator
) -> None:
    seed(session_factory)
    emulator.set_behaviour(refuse=True)
    code, out = _cli(db_url, "scan", "ORD-1", SHIRT_EAN, SHIRT_EAN, "--operator", "op1",
                     "--label-printer", emulator.url, "--slip-printer", emulator.url,
                     "--print-timeout", "0.5")
    assert code == 1
    assert "NOT PRINTED" in out and "[pending]" in out and "workstation jobs" in out
    code, out = _cli(db_url, "jobs")
    assert code == 0 and "pending" in out
    emulator.set_behaviour(refuse=False)
    code, out = _cli(db_url, "jobs", "run", "--timeout", "60")
    assert code == 0, out
    assert len(emulator.job_bytes) == 2
