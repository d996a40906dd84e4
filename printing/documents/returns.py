"""The return label: the address the parcel goes back to, the RMA as Code 128, instructions."""

from __future__ import annotations

from printing.barcodes import BarcodeKind
from printing.documents.common import Scaler, heading
from printing.layout import Barcode, Box, Element, Layout, TextBlock
from printing.model import LabelSize, ReturnLabelData

__all__ = ["return_label_layout"]


def return_label_layout(data: ReturnLabelData, size: LabelSize = LabelSize.IN_4X6) -> Layout:
    w, h = size.width_mm, size.height_mm
    s = Scaler(h)
    lang = data.language
    m = 3.0
    els: list[Element] = [
        TextBlock(m, s(3), 12, s(2.2), heading("from", lang), bold=True),
        TextBlock(m, s(5.8), 58, s(2.2), "\n".join(data.customer.compact_lines()), max_lines=4),
        TextBlock(64, s(3), w - 64 - m, s(4.5), data.carrier, bold=True),
        Box(0, s(17), w, 0, 0.5),
        TextBlock(m, s(19), 40, s(2.2), heading("return_to", lang), bold=True),
        TextBlock(m, s(22), w - 2 * m, s(4.0), "\n".join(data.return_address.printed_lines()),
                  max_lines=6, bold=True),
        Box(0, s(53), w, 0, 0.5),
        TextBlock(m, s(55), w - 2 * m, s(3.5), f"{heading('rma', lang)} {data.rma_number}",
                  bold=True),
        Barcode(6, s(60), BarcodeKind.CODE128, data.rma_number, 0.375, s(16)),
        TextBlock(m, s(78), w - 2 * m, s(3), f"{heading('order', lang)} {data.order_number}"),
        Box(0, s(83), w, 0, 0.5),
        TextBlock(m, s(85), w - 2 * m, s(2.5), heading("instructions", lang), bold=True),
        TextBlock(m, s(89), w - 2 * m, s(2.8), data.instructions, max_lines=16,
                  max_chars=1200),
    ]
    return Layout(w, h, tuple(els), name=f"return-{data.rma_number}")
