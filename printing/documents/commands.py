"""The command sheet: every command barcode of the station as Code 128, with its meaning.

Operators pin it to the bench and scan from it instead of touching the screen (next parcel,
short item, pause…). The caller (``ui/``) supplies the commands and their translated labels;
this module only lays them out, two columns a page, each code large enough to scan from 30 cm.

The sheet is an office document (PDF on A4/Letter), never ZPL: reason codes such as
``OUT_OF_STOCK`` contain ``_``, which ZPL's ``^BC`` cannot carry and ``resolve`` therefore
refuses. So the text is laid out and resolved as usual, and the bar codes are placed after
resolution, straight in dots, for the PDF encoder (which draws any printable ASCII).
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from printing.barcodes import BarcodeKind, UnprintableBarcodeData
from printing.layout import MM_PER_INCH, Box, Element, Layout, Page, PlacedBarcode, TextBlock
from printing.layout import resolve as resolve_layout
from printing.model import PageSize
from printing.pdf import render_pdf

__all__ = ["CommandSheetData", "SheetCommand", "command_sheet_pages", "command_sheet_pdf"]

MARGIN = 15.0
ROW = 24.5
MODULE = 0.254  # 10 mil: any scanner reads it, and 3 dots at 300 dpi
BAR_HEIGHT = 10.0
BAR_TOP = 8.5  # below a label of up to two lines


@dataclass(frozen=True)
class SheetCommand:
    code: str  # e.g. "CMD:NEXT-PARCEL"; printable ASCII
    label: str  # what it does, in the station's language


@dataclass(frozen=True)
class CommandSheetData:
    title: str
    subtitle: str
    commands: tuple[SheetCommand, ...]


_PRINTABLE = frozenset(string.printable[:95])


def _cell(x: float, y: float, width: float, command: SheetCommand) -> list[Element]:
    return [
        TextBlock(x, y, width, 3.4, command.label, max_lines=2, bold=True),
        TextBlock(x + 2.5, y + BAR_TOP + BAR_HEIGHT + 1.0, width, 2.8, command.code),
    ]


def _barcodes(chunk: Sequence[SheetCommand], column: float,
              top: float) -> list[tuple[float, float, str]]:
    """(x mm, y mm, data) of each bar code on a page."""
    out = []
    for i, command in enumerate(chunk):
        row, col = divmod(i, 2)
        out.append((MARGIN + col * column + 2.5, top + row * ROW + BAR_TOP, command.code))
    return out


def _layout_pages(data: CommandSheetData, page: PageSize
                  ) -> list[tuple[Layout, list[tuple[float, float, str]]]]:
    width, height = page.width_mm, page.height_mm
    column = (width - 2 * MARGIN) / 2
    top = MARGIN + 18
    rows_per_page = int((height - top - MARGIN) // ROW)
    per_page = 2 * rows_per_page
    commands: Sequence[SheetCommand] = data.commands
    chunks = [commands[i:i + per_page] for i in range(0, max(1, len(commands)), per_page)]
    pages: list[tuple[Layout, list[tuple[float, float, str]]]] = []
    for page_no, chunk in enumerate(chunks, start=1):
        els: list[Element] = [
            TextBlock(MARGIN, MARGIN, width - 2 * MARGIN, 7, data.title, bold=True),
            TextBlock(MARGIN, MARGIN + 9, width - 2 * MARGIN, 3.5,
                      f"{data.subtitle}   {page_no}/{len(chunks)}"),
            Box(MARGIN, MARGIN + 15, width - 2 * MARGIN, 0, 0.3),
        ]
        for i, command in enumerate(chunk):
            row, col = divmod(i, 2)
            els += _cell(MARGIN + col * column, top + row * ROW, column - 5, command)
        pages.append((Layout(width, height, tuple(els), name="command-sheet"),
                      _barcodes(chunk, column, top)))
    return pages


def command_sheet_pages(data: CommandSheetData, page: PageSize = PageSize.A4,
                        dpi: int = 300) -> list[Page]:
    for command in data.commands:
        bad = sorted(set(command.code) - _PRINTABLE)
        if bad or not command.code:
            raise UnprintableBarcodeData(f"command {command.code!r}: {bad!r} cannot be printed")
    module = max(1, round(MODULE * dpi / MM_PER_INCH))
    bar_height = round(BAR_HEIGHT * dpi / MM_PER_INCH)
    out = []
    for layout, codes in _layout_pages(data, page):
        resolved = resolve_layout(layout, dpi)
        bars = tuple(PlacedBarcode(round(x * dpi / MM_PER_INCH), round(y * dpi / MM_PER_INCH),
                                   BarcodeKind.CODE128, code, module, bar_height)
                     for x, y, code in codes)
        out.append(replace(resolved, elements=resolved.elements + bars))
    return out


def command_sheet_pdf(data: CommandSheetData, page: PageSize = PageSize.A4) -> bytes:
    return render_pdf(command_sheet_pages(data, page), title="command sheet")
