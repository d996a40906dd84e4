"""The station's command barcodes, and the PDF sheet of them the operator prints.

The codes are the ones ``PackService`` understands (README "Command barcodes"); the labels are
translated, the codes never are.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from printing.documents.commands import CommandSheetData, SheetCommand
from printing.documents.commands import command_sheet_pdf as render_sheet
from printing.model import PageSize
from workstation.domain.barcodes import COMMAND_PREFIX
from workstation.services.pack import REASONS

log = logging.getLogger(__name__)

def _tr(text: str) -> str:
    return QCoreApplication.translate("CommandSheet", text)


def _reason_label(reason: str) -> str:
    return {
        "OUT_OF_STOCK": _tr("out of stock"), "NOT_FOUND": _tr("not found at location"),
        "DAMAGED": _tr("damaged"), "WRONG_PICK": _tr("wrong item picked"),
        "EXPIRED": _tr("expired"), "OTHER": _tr("other reason"),
    }.get(reason, reason.lower())


def station_commands() -> tuple[SheetCommand, ...]:
    c = COMMAND_PREFIX
    commands = [
        SheetCommand(f"{c}NEXT-PARCEL", _tr("Close this parcel, open the next")),
        SheetCommand(f"{c}REMOVE", _tr("Remove: the next item scan takes one unit out")),
        SheetCommand(f"{c}PAUSE", _tr("Park this order (any station may resume it)")),
        SheetCommand(f"{c}CLEAR", _tr("Back to packing (leave remove/short/damaged)")),
        SheetCommand(f"{c}CANCEL", _tr("Cancel packing this order (put the items back)")),
    ]
    for reason in REASONS:
        commands.append(SheetCommand(f"{c}SHORT:{reason}",
                                     _tr("Short, then scan the item: {reason}")
                                     .format(reason=_reason_label(reason))))
    for reason in REASONS:
        commands.append(SheetCommand(f"{c}DAMAGED:{reason}",
                                     _tr("Damaged, then scan the item: {reason}")
                                     .format(reason=_reason_label(reason))))
    return tuple(commands)


def command_sheet_pdf(station: str, page: PageSize = PageSize.A4) -> bytes:
    data = CommandSheetData(_tr("Command barcodes"),
                            _tr("Station {station}: scan a code instead of touching the screen")
                            .format(station=station), station_commands())
    return render_sheet(data, page)


def write_command_sheet(directory: Path, station: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"command-sheet-{station}.pdf"
    path.write_bytes(command_sheet_pdf(station))
    log.info("command sheet written to %s", path)
    return path
