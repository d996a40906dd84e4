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

# Marked for pyside6-lupdate by the name `translate`, the context as first argument.
translate = QCoreApplication.translate

log = logging.getLogger(__name__)


# The reasons a short or damaged item is recorded with, and a lead's reasons for releasing a
# parcel whose weight is out of tolerance (both are keys of the service's REASONS).
ITEM_REASONS = ("OUT_OF_STOCK", "NOT_FOUND", "DAMAGED", "WRONG_PICK", "EXPIRED", "OTHER")
RELEASE_REASONS = ("SCALE_FAULT", "PACKAGING", "CATALOGUE_WEIGHT")
REPRINT_REASONS = ("LABEL_DAMAGED", "PRINT_FAULT")


def _reason_label(reason: str) -> str:
    return {
        "OUT_OF_STOCK": translate("CommandSheet", "out of stock"),
        "NOT_FOUND": translate("CommandSheet", "not found at location"),
        "DAMAGED": translate("CommandSheet", "damaged"),
        "WRONG_PICK": translate("CommandSheet", "wrong item picked"),
        "EXPIRED": translate("CommandSheet", "expired"),
        "OTHER": translate("CommandSheet", "other reason"),
        "SCALE_FAULT": translate("CommandSheet", "scale fault"),
        "PACKAGING": translate("CommandSheet", "extra packaging material"),
        "CATALOGUE_WEIGHT": translate("CommandSheet", "catalogue weight wrong"),
        "LABEL_DAMAGED": translate("CommandSheet", "label damaged"),
        "PRINT_FAULT": translate("CommandSheet", "label printed badly"),
    }.get(reason, REASONS.get(reason, reason.lower()))


def station_commands() -> tuple[SheetCommand, ...]:
    c = COMMAND_PREFIX
    commands = [
        SheetCommand(f"{c}NEXT-PARCEL",
                     translate("CommandSheet", "Close this parcel, open the next")),
        SheetCommand(f"{c}REMOVE",
                     translate("CommandSheet", "Remove: the next item scan takes one unit out")),
        SheetCommand(f"{c}PAUSE",
                     translate("CommandSheet", "Park this order (any station may resume it)")),
        SheetCommand(f"{c}CLEAR",
                     translate("CommandSheet", "Back to packing (leave remove/short/damaged)")),
        SheetCommand(f"{c}CANCEL",
                     translate("CommandSheet", "Cancel packing this order (put the items back)")),
        SheetCommand(f"{c}SIGN-OUT",
                     translate("CommandSheet", "Sign out (an open order is parked)")),
    ]
    for reason in ITEM_REASONS:
        label = translate("CommandSheet", "Short, then scan the item: {reason}")
        commands.append(SheetCommand(f"{c}SHORT:{reason}",
                                     label.format(reason=_reason_label(reason))))
    for reason in ITEM_REASONS:
        label = translate("CommandSheet", "Damaged, then scan the item: {reason}")
        commands.append(SheetCommand(f"{c}DAMAGED:{reason}",
                                     label.format(reason=_reason_label(reason))))
    for reason in RELEASE_REASONS:
        label = translate("CommandSheet", "Lead releases the parcel's weight: {reason}")
        commands.append(SheetCommand(f"{c}REASON:{reason}",
                                     label.format(reason=_reason_label(reason))))
    for reason in REPRINT_REASONS:
        label = translate("CommandSheet", "Print the last shipping label again: {reason}")
        commands.append(SheetCommand(f"{c}REPRINT-LAST:{reason}",
                                     label.format(reason=_reason_label(reason))))
    return tuple(commands)


def command_sheet_pdf(station: str, page: PageSize = PageSize.A4) -> bytes:
    subtitle = translate("CommandSheet",
                         "Station {station}: scan a code instead of touching the screen")
    data = CommandSheetData(translate("CommandSheet", "Command barcodes"),
                            subtitle.format(station=station), station_commands())
    return render_sheet(data, page)


def write_command_sheet(directory: Path, station: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"command-sheet-{station}.pdf"
    path.write_bytes(command_sheet_pdf(station))
    log.info("command sheet written to %s", path)
    return path
