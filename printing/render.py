"""One entry point for every document and format: ``render(data, fmt, size, dpi) -> bytes``.

The workstation layer (``workstation label``, the spooler, reprints) calls this and stores the
bytes with the print job; nothing is rendered again later.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from printing.escpos_receipt import RECEIPT_80MM, ReceiptProfile, render_receipt
from printing.model import (
    LabelSize,
    ManifestData,
    PackingSlipData,
    PageSize,
    PrintTestData,
    ReturnLabelData,
    ShippingLabelData,
)

if TYPE_CHECKING:
    from PIL.Image import Image

    from printing.layout import Layout, Page

# The layouts, barcodes (ReportLab), PDF and picture renderers are imported on first use: the
# station imports this module on start, and a first scan needs none of them (~0.3 s).

__all__ = ["Document", "Format", "UnsupportedFormat", "layouts_for", "pages_for", "render",
           "render_picture"]

Format = Literal["zpl", "pdf", "png", "escpos"]
Document = (
    ShippingLabelData | ReturnLabelData | PackingSlipData | ManifestData | PrintTestData
)
#: Office documents are resolved at this dpi whatever the label printer's (bitmap text quality).
OFFICE_DPI = 300


class UnsupportedFormat(ValueError):
    """The document cannot be rendered in that format (e.g. a manifest as ZPL)."""


def layouts_for(
    document: Document, size: LabelSize = LabelSize.IN_4X6, page_size: PageSize = PageSize.A4
) -> list[Layout]:
    """The layout pages of ``document`` (labels have one page)."""
    from printing.documents import (
        manifest_layout,
        packing_slip_layout,
        print_test_layout,
        return_label_layout,
        shipping_label_layout,
    )

    if isinstance(document, ShippingLabelData):
        return [shipping_label_layout(document, size)]
    if isinstance(document, ReturnLabelData):
        return [return_label_layout(document, size)]
    if isinstance(document, PrintTestData):
        return [print_test_layout(document, size)]
    if isinstance(document, PackingSlipData):
        return packing_slip_layout(document, page_size)
    return manifest_layout(document, page_size)


def pages_for(
    document: Document,
    size: LabelSize = LabelSize.IN_4X6,
    dpi: int = 203,
    page_size: PageSize = PageSize.A4,
) -> list[Page]:
    from printing.layout import resolve

    office = isinstance(document, PackingSlipData | ManifestData)
    return [resolve(layout, OFFICE_DPI if office else dpi)
            for layout in layouts_for(document, size, page_size)]


def _sheet(pages: Sequence[Page]) -> Image:
    """The pages as one grayscale picture, stacked top to bottom with a grey gap."""
    from PIL import Image

    from printing.preview import render_image

    images = [render_image(p) for p in pages]
    if len(images) == 1:
        return images[0]
    gap = 20
    sheet = Image.new("L", (max(i.width for i in images),
                            sum(i.height for i in images) + gap * (len(images) - 1)), 160)
    y = 0
    for image in images:
        sheet.paste(image, (0, y))
        y += image.height + gap
    return sheet


def _png(pages: Sequence[Page]) -> bytes:
    """One PNG; multi-page documents are stacked top to bottom with a grey gap."""
    out = io.BytesIO()
    _sheet(pages).save(out, format="PNG", dpi=(pages[0].dpi, pages[0].dpi))
    return out.getvalue()


def render_picture(document: Document, size: LabelSize = LabelSize.IN_4X6, dpi: int = 203,
                   *, page_size: PageSize = PageSize.A4) -> Image:
    """What ``render(document, "png", …)`` draws, as a grayscale Pillow image (mode ``L``):
    for a screen that shows it at once, without encoding and decoding a PNG."""
    return _sheet(pages_for(document, size, dpi, page_size))


def render(
    document: Document,
    fmt: Format,
    size: LabelSize = LabelSize.IN_4X6,
    dpi: int = 203,
    *,
    page_size: PageSize = PageSize.A4,
    receipt: ReceiptProfile = RECEIPT_80MM,
) -> bytes:
    """Render ``document`` to bytes.

    * ``zpl``: shipping, return and test labels (one ``^XA...^XZ`` per label).
    * ``pdf``/``png``: every document; labels at ``size``, slips and manifests on ``page_size``.
    * ``escpos``: packing slips as a receipt for ``receipt`` (80 mm or 58 mm).
    """
    if fmt == "escpos":
        if not isinstance(document, PackingSlipData):
            raise UnsupportedFormat(f"only packing slips print as ESC/POS receipts, "
                                    f"not {type(document).__name__}")
        return render_receipt(document, receipt)
    if fmt == "zpl" and isinstance(document, PackingSlipData | ManifestData):
        raise UnsupportedFormat(f"{type(document).__name__} is an office document: use pdf")
    pages = pages_for(document, size, dpi, page_size)
    if fmt == "zpl":
        from printing.zpl import render_zpl

        return b"".join(render_zpl(p) for p in pages)
    if fmt == "pdf":
        from printing.pdf import render_pdf

        return render_pdf(pages, title=pages[0].name)
    if fmt == "png":
        return _png(pages)
    raise UnsupportedFormat(f"unknown format {fmt!r}; use zpl, pdf, png or escpos")
