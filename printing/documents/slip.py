"""Packing slip / simple invoice on A4 or Letter, paginated, with the order number as Code 128."""

from __future__ import annotations

from printing.barcodes import BarcodeKind, UnprintableBarcodeData, check_code128_data
from printing.documents.common import format_money, heading
from printing.layout import Barcode, Box, Element, Layout, TextBlock
from printing.model import PackingSlipData, PageSize

__all__ = ["packing_slip_layout"]

M = 15.0  # page margin
ROW = 6.0  # table row pitch
# Column x positions (mm from the left edge): SKU, item, qty, unit price, line total.
COLS = (M, 50.0, 128.0, 142.0, 170.0)


def _header(data: PackingSlipData, width: float, page_no: int, pages: int) -> list[Element]:
    lang = data.language
    els: list[Element] = [
        TextBlock(M, M, 100, 6, data.shop_name or heading("packing_slip", lang), bold=True),
        TextBlock(M, M + 8, 100, 4, f"{heading('packing_slip', lang)}  "
                  f"{heading('order', lang)} {data.order_number}", bold=True),
        TextBlock(M, M + 13.5, 100, 3.2,
                  f"{heading('date', lang)} {data.order_date.isoformat()}   "
                  f"{heading('page', lang)} {page_no}/{pages}"),
    ]
    try:
        check_code128_data(data.order_number)
    except UnprintableBarcodeData:
        pass  # an order number ZPL/Code 128 cannot carry is printed as text only
    else:
        els.append(Barcode(width - M - 60, M, BarcodeKind.CODE128, data.order_number, 0.3, 12))
    return els


def _addresses(data: PackingSlipData, y: float) -> list[Element]:
    lang = data.language
    return [
        TextBlock(M, y, 80, 3.2, heading("bill_to", lang), bold=True),
        TextBlock(M, y + 5, 80, 3.5, "\n".join(data.customer.printed_lines()), max_lines=7),
        TextBlock(110, y, 80, 3.2, heading("ship_to", lang), bold=True),
        TextBlock(110, y + 5, 80, 3.5, "\n".join(data.ship_to.printed_lines()), max_lines=7),
    ]


def _table_head(data: PackingSlipData, y: float, width: float, prices: bool) -> list[Element]:
    lang = data.language
    names = ["sku", "item", "qty"] + (["unit", "total"] if prices else [])
    els: list[Element] = [
        TextBlock(x, y, 30, 3.2, heading(name, lang), bold=True)
        for x, name in zip(COLS, names, strict=False)
    ]
    els.append(Box(M, y + 4.5, width - 2 * M, 0, 0.3))
    return els


def _row(line_no: int, data: PackingSlipData, y: float, prices: bool) -> list[Element]:
    line = data.lines[line_no]
    els: list[Element] = [
        TextBlock(COLS[0], y, 33, 3.2, line.sku),
        TextBlock(COLS[1], y, 76, 3.2, line.name),
        TextBlock(COLS[2], y, 12, 3.2, str(line.quantity)),
    ]
    if prices and line.unit_price is not None and line.line_total is not None:
        currency = line.currency or data.currency
        els.append(TextBlock(COLS[3], y, 27, 3.2, format_money(line.unit_price, currency)))
        els.append(TextBlock(COLS[4], y, 27, 3.2, format_money(line.line_total, currency)))
    return els


def _totals(data: PackingSlipData, y: float) -> list[Element]:
    lang = data.language
    els: list[Element] = []
    for key, amount in (("subtotal", data.subtotal), ("shipping", data.shipping),
                        ("tax", data.tax), ("total", data.total)):
        if amount is None:
            continue
        els.append(TextBlock(COLS[2], y, 40, 3.5, heading(key, lang), bold=key == "total"))
        els.append(TextBlock(COLS[4], y, 27, 3.5, format_money(amount, data.currency),
                             bold=key == "total"))
        y += ROW
    return els


def packing_slip_layout(data: PackingSlipData, page: PageSize = PageSize.A4) -> list[Layout]:
    """One layout per page; the address block is on page 1, totals and notes on the last."""
    width, height = page.width_mm, page.height_mm
    prices = any(line.unit_price is not None for line in data.lines)
    first_rows_y = M + 76
    rows_first = max(1, int((height - M - 40 - first_rows_y) // ROW))
    rows_next = max(1, int((height - M - 40 - (M + 30)) // ROW))
    chunks: list[range] = []
    start = 0
    while start < len(data.lines) or not chunks:
        n = rows_first if not chunks else rows_next
        chunks.append(range(start, min(start + n, len(data.lines))))
        start += n
    pages: list[Layout] = []
    for page_no, rows in enumerate(chunks, start=1):
        els = _header(data, width, page_no, len(chunks))
        y = M + 30
        if page_no == 1:
            els += _addresses(data, y)
            y = first_rows_y - 8
        els += _table_head(data, y, width, prices)
        y += 7
        for i in rows:
            els += _row(i, data, y, prices)
            y += ROW
        if page_no == len(chunks):
            els.append(Box(M, y, width - 2 * M, 0, 0.3))
            els += _totals(data, y + 2)
            if data.notes:
                els.append(TextBlock(M, height - M - 30, width - 2 * M, 3.2,
                                     f"{heading('notes', data.language)}: {data.notes}",
                                     max_lines=6, max_chars=1000))
        pages.append(Layout(width, height, tuple(els), name=f"slip-{data.order_number}"))
    return pages
