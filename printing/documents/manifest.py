"""Courier manifest: the parcels handed to one driver, with totals and a signature line."""

from __future__ import annotations

from printing.documents.common import format_weight
from printing.layout import Box, Element, Layout, TextBlock
from printing.model import ManifestData, PageSize

__all__ = ["manifest_layout"]

M = 15.0
ROW = 6.0
COLS = (M, 25.0, 85.0, 130.0, 178.0)  # no., tracking, order, city, weight


def _head(data: ManifestData, width: float, page_no: int, pages: int) -> list[Element]:
    els: list[Element] = [
        TextBlock(M, M, width - 2 * M, 6, f"Manifest  {data.carrier}", bold=True),
        TextBlock(M, M + 8, width - 2 * M, 3.5,
                  f"{data.date.isoformat()}   Station {data.station}   "
                  f"{data.shipper}   Page {page_no}/{pages}"),
    ]
    y = M + 16
    for x, title in zip(COLS, ("#", "Tracking", "Order", "City", "Weight"), strict=True):
        els.append(TextBlock(x, y, 45, 3.2, title, bold=True))
    els.append(Box(M, y + 4.5, width - 2 * M, 0, 0.3))
    return els


def manifest_layout(data: ManifestData, page: PageSize = PageSize.A4) -> list[Layout]:
    width, height = page.width_mm, page.height_mm
    rows_per_page = int((height - 2 * M - 24 - 45) // ROW)
    parcels = data.parcels
    chunks = [range(i, min(i + rows_per_page, len(parcels)))
              for i in range(0, max(1, len(parcels)), rows_per_page)]
    pages: list[Layout] = []
    for page_no, rows in enumerate(chunks, start=1):
        els = _head(data, width, page_no, len(chunks))
        y = M + 23
        for i in rows:
            p = parcels[i]
            city = f"{p.recipient_city} {p.recipient_country}".strip()
            for x, w, text in ((COLS[0], 9, str(i + 1)), (COLS[1], 58, p.tracking_number),
                               (COLS[2], 43, p.order_number), (COLS[3], 46, city),
                               (COLS[4], 20, format_weight(p.weight_grams))):
                els.append(TextBlock(x, y, w, 3.2, text))
            y += ROW
        if page_no == len(chunks):
            els.append(Box(M, y, width - 2 * M, 0, 0.3))
            els.append(TextBlock(M, y + 2, width - 2 * M, 3.5,
                                 f"{len(parcels)} parcels   "
                                 f"{format_weight(data.total_weight_grams)}", bold=True))
            sig_y = height - M - 20
            els.append(Box(M, sig_y, 80, 0, 0.3))
            els.append(TextBlock(M, sig_y + 1.5, 80, 3.2, data.driver_signature_label))
            els.append(Box(110, sig_y, 40, 0, 0.3))
            els.append(TextBlock(110, sig_y + 1.5, 40, 3.2, "Name"))
            els.append(Box(160, sig_y, 35, 0, 0.3))
            els.append(TextBlock(160, sig_y + 1.5, 35, 3.2, "Date / time"))
        pages.append(Layout(width, height, tuple(els), name=f"manifest-{data.date}"))
    return pages
