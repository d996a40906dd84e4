"""The shipping label: one layout for 4x6 in, 100x150 mm and (scaled) 4x4 in stock."""

from __future__ import annotations

import urllib.parse

from printing.barcodes import BarcodeKind
from printing.documents.common import Scaler, format_weight, heading
from printing.layout import Barcode, Box, Element, Layout, TextBlock
from printing.model import HANDLING_MARKS, LabelSize, ShippingLabelData

__all__ = ["DEFAULT_TRACKING_URL", "qr_uri", "shipping_label_layout", "tracking_url"]

DEFAULT_TRACKING_URL = "https://track.example/{tracking}"

#: Module sizes: 0.375 mm narrow bar (3 dots at 203 dpi), 0.5 mm for the SSCC (GS1 logistics
#: labels ask for 0.495..1.016 mm), 0.75 mm QR modules.
TRACKING_MODULE = 0.375
SSCC_MODULE = 0.5
QR_MODULE = 0.75


def tracking_url(tracking_number: str, pattern: str = DEFAULT_TRACKING_URL) -> str:
    """The URL in the label's QR code, from the configured pattern (``{tracking}`` placeholder).

    Only ``{tracking}`` is substituted, so braces elsewhere in a pattern cannot raise."""
    return pattern.replace("{tracking}", tracking_number)


def qr_uri(url: str) -> str:
    """The URL as it goes into the QR code: non-ASCII percent-encoded (RFC 3987 -> 3986).

    QR byte mode has no charset of its own and readers guess (zbar reads UTF-8 "ü" as
    Shift-JIS), so the symbol holds ASCII only."""
    return urllib.parse.quote(url, safe="!#$%&'()*+,/:;=?@[]~-._^")


def _sscc_hri(sscc: str) -> str:
    return f"(00) {sscc}"


def shipping_label_layout(data: ShippingLabelData, size: LabelSize = LabelSize.IN_4X6) -> Layout:
    w, h = size.width_mm, size.height_mm
    s = Scaler(h)
    lang = data.language
    m = 3.0  # margin
    els: list[Element] = []

    # Sender and carrier.
    els.append(TextBlock(m, s(3), 12, s(2.2), heading("from", lang), bold=True))
    els.append(TextBlock(m, s(5.8), 58, s(2.2), "\n".join(data.sender.compact_lines()),
                         max_lines=4))
    els.append(TextBlock(64, s(3), w - 64 - m, s(4.5), data.carrier, bold=True))
    els.append(TextBlock(64, s(9), w - 64 - m, s(2.8), data.service, max_lines=1))
    els.append(TextBlock(64, s(13), w - 64 - m, s(2.5),
                         f"{heading('date', lang)} {data.ship_date.isoformat()}"))
    els.append(Box(0, s(17), w, 0, 0.5))

    # Recipient: the biggest text on the label.
    els.append(TextBlock(m, s(19), 20, s(2.2), heading("to", lang), bold=True))
    els.append(TextBlock(m, s(22), w - 2 * m, s(4.0),
                         "\n".join(data.recipient.printed_lines()), max_lines=6, bold=True))
    els.append(Box(0, s(53), w, 0, 0.5))

    # Routing code, order, parcel n of m, weight, handling marks; QR on the right.
    if data.routing_code:
        els.append(TextBlock(m, s(55), 45, s(9), data.routing_code, bold=True, reverse=True,
                             max_chars=12))
    els.append(TextBlock(m, s(68), 62, s(3), f"{heading('order', lang)} {data.order_number}"))
    parcel = (f"{heading('parcel', lang)} {data.parcel_index} {heading('of', lang)} "
              f"{data.parcel_count}   {format_weight(data.weight_grams)}")
    els.append(TextBlock(m, s(72.5), 62, s(3), parcel))
    if data.reference:
        els.append(TextBlock(m, s(77), 62, s(2.5), f"{heading('ref', lang)} {data.reference}"))
    x = m
    for mark in sorted(data.handling):
        text = HANDLING_MARKS.get(mark)
        if text is None:
            continue
        width = 2.2 * len(text) + 3
        els.append(TextBlock(x, s(81), width, s(3.5), text, bold=True, reverse=True))
        x += width + 2
    els.append(Barcode(w - 27, s(55), BarcodeKind.QR, qr_uri(data.tracking_url), s(QR_MODULE)))
    els.append(Box(0, s(88), w, 0, 0.5))

    # Tracking number as Code 128 with its human-readable line.
    els.append(Barcode(6, s(90), BarcodeKind.CODE128, data.tracking_number, TRACKING_MODULE,
                       s(18)))
    els.append(TextBlock(6, s(109.5), w - 12, s(3), data.tracking_number, bold=True))
    els.append(Box(0, s(115), w, 0, 0.5))

    # SSCC as GS1-128: AI (00) + 18 digits, FNC1 first.
    if data.sscc:
        els.append(Barcode(6, s(117), BarcodeKind.GS1_128, "00" + data.sscc, SSCC_MODULE,
                           s(20)))
        els.append(TextBlock(6, s(138.5), w - 12, s(3), _sscc_hri(data.sscc)))
    return Layout(w, h, tuple(els), name=f"shipping-{data.tracking_number}")
