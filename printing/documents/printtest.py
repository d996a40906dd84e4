"""The printer test label: what the station believes about the printer, and two bar codes."""

from __future__ import annotations

from printing.barcodes import BarcodeKind
from printing.documents.common import Scaler
from printing.layout import Barcode, Box, Element, Layout, TextBlock
from printing.model import LabelSize, PrintTestData

__all__ = ["print_test_code128", "print_test_layout", "print_test_qr"]


def print_test_code128(data: PrintTestData) -> str:
    return f"TEST-{data.dpi}-{data.printed_at:%Y%m%d%H%M%S}"


def print_test_qr(data: PrintTestData) -> str:
    return f"print-test {data.printer_url} {data.dpi}dpi {data.size_name}"


def print_test_layout(data: PrintTestData, size: LabelSize = LabelSize.IN_4X6) -> Layout:
    w, h = size.width_mm, size.height_mm
    s = Scaler(h)
    m = 3.0
    els: list[Element] = [
        TextBlock(m, s(4), w - 2 * m, s(7), "PRINT TEST", bold=True, reverse=True),
        TextBlock(m, s(16), w - 2 * m, s(3), data.printer_url, max_lines=2),
        TextBlock(m, s(24), w - 2 * m, s(3),
                  f"{data.dpi} dpi  {data.size_name}  {data.printed_at:%Y-%m-%d %H:%M}"),
        TextBlock(m, s(29), w - 2 * m, s(2.8), "\n".join(data.lines), max_lines=8),
        Box(m, s(58), w - 2 * m, s(40), 0.5),
        Barcode(8, s(62), BarcodeKind.CODE128, print_test_code128(data), 0.375, s(15)),
        TextBlock(8, s(79), w - 16, s(3), print_test_code128(data)),
        Barcode(w - 35, s(100), BarcodeKind.QR, print_test_qr(data), s(0.75)),
        # A 10 mm ruler: on paper it must measure 10 mm, or the dpi setting is wrong.
        Box(8, s(105), 10, 3, 0.25),
        TextBlock(8, s(110), 40, s(2.5), "10 mm"),
    ]
    return Layout(w, h, tuple(els), name="print-test")
