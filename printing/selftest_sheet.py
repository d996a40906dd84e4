"""The pre-shift scanner self-test sheet: an A4 PDF of Code 128 / GS1-128 symbols.

Drawn straight with reportlab rather than through :mod:`printing.layout`, because this sheet must
carry exactly the characters the label layouts keep out of bar codes (``^ ~ _ \\ >`` are ZPL
command characters there, but on a PDF sheet they are ordinary Code 128 data): they are the ones
a keyboard layout gets wrong. FNC1 is ``\\xf1`` in reportlab's Code 128 input; a GS1-128 symbol
starts with it, and a scanner turns each later FNC1 into GS (0x1D).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import FNC1
from printing.model import PageSize
from printing.pdf import drawable_text

__all__ = ["SheetCode", "render_selftest_sheet"]

GS = "\x1d"
_MODULE_MM = 0.33  # narrow bar: scans from 10-30 cm with any handheld
_BAR_HEIGHT_MM = 14.0
_ROW_MM = 29.0


@dataclass(frozen=True, slots=True)
class SheetCode:
    """One symbol: ``data`` is what the scanner must deliver (GS as 0x1D)."""

    caption: str
    data: str
    gs1: bool = False  # GS1-128: FNC1 first, and in place of every GS


def _symbol_input(code: SheetCode) -> str:
    if code.gs1:
        return FNC1 + code.data.replace(GS, FNC1)
    return code.data


def _shown(data: str) -> str:
    return drawable_text(data.replace(GS, "<GS>"))


def render_selftest_sheet(
    title: str, subtitle: str, codes: Sequence[SheetCode], page: PageSize = PageSize.A4
) -> bytes:
    """One PDF page per up to eight codes, each with its caption and its text in clear."""
    if not codes:
        raise ValueError("a self-test sheet needs at least one code")
    width, height = page.width_mm * mm, page.height_mm * mm
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), pageCompression=1, invariant=1)
    canvas.setTitle(title)
    per_page = 8
    for start in range(0, len(codes), per_page):
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(18 * mm, height - 20 * mm, title)
        canvas.setFont("Helvetica", 9)
        canvas.drawString(18 * mm, height - 27 * mm, subtitle)
        top = height - 38 * mm
        for row, code in enumerate(codes[start : start + per_page]):
            y = top - row * _ROW_MM * mm
            canvas.setFont("Helvetica-Bold", 10)
            canvas.drawString(18 * mm, y, f"{start + row + 1}. {drawable_text(code.caption)}")
            symbol = Code128(_symbol_input(code), barWidth=_MODULE_MM * mm,
                             barHeight=_BAR_HEIGHT_MM * mm, quiet=1, humanReadable=0)
            symbol.drawOn(canvas, 18 * mm, y - (_BAR_HEIGHT_MM + 3) * mm)
            canvas.setFont("Courier", 9)
            canvas.drawString(18 * mm, y - (_BAR_HEIGHT_MM + 7) * mm, _shown(code.data))
        canvas.showPage()
    canvas.save()
    return out.getvalue()
