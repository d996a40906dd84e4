"""Every command barcode on the printed sheet decodes to a command the pack service knows."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.barcode_reader import decode, pdf_to_images
from ui.command_sheet import (
    ITEM_REASONS,
    RELEASE_REASONS,
    REPRINT_REASONS,
    command_sheet_pdf,
    station_commands,
    write_command_sheet,
)
from workstation.domain.barcodes import CodeKind, interpret
from workstation.services.pack import REASONS


def test_every_barcode_on_the_sheet_decodes_to_its_command(qapp) -> None:  # type: ignore[no-untyped-def]
    expected = [c.code for c in station_commands()]
    decoded = [d for image in pdf_to_images(command_sheet_pdf("ST-01"), dpi=300)
               for d in decode(image)]
    assert sorted(d.text for d in decoded) == sorted(expected)
    assert {d.symbology for d in decoded} == {"CODE128"}


def test_the_sheet_has_every_reason_and_only_commands(qapp) -> None:  # type: ignore[no-untyped-def]
    codes = [c.code for c in station_commands()]
    # Every reason the service knows is on the sheet, under the command that uses it.
    assert set(ITEM_REASONS) | set(RELEASE_REASONS) | set(REPRINT_REASONS) == set(REASONS)
    for reason in ITEM_REASONS:
        assert f"CMD:SHORT:{reason}" in codes
        assert f"CMD:DAMAGED:{reason}" in codes
    for reason in RELEASE_REASONS:
        assert f"CMD:REASON:{reason}" in codes
    for reason in REPRINT_REASONS:
        assert f"CMD:REPRINT-LAST:{reason}" in codes
    assert "CMD:SIGN-OUT" in codes
    assert {"CMD:NEXT-PARCEL", "CMD:REMOVE", "CMD:PAUSE", "CMD:CANCEL", "CMD:CLEAR"} <= set(codes)
    assert all(interpret(code).kind is CodeKind.COMMAND for code in codes)
    assert len(set(codes)) == len(codes)


def test_the_window_writes_the_sheet_where_the_station_keeps_its_files(
        qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_command_sheet(tmp_path / "sheets", "ST-09")
    assert path.read_bytes().startswith(b"%PDF")
    assert "ST-09" in path.name
