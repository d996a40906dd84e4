"""PNG preview (Pillow): the page drawn dot for dot at the printer's resolution.

Bar codes are drawn from their real modules (the same encodings the PDF uses), so the preview's
bar codes scan; text uses the font that imitates the printer's font 0; bitmap blocks are the
very images sent to the printer as ``^GFA``.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from printing.barcodes import BarcodeKind, code128_bars, qr_matrix
from printing.fonts import label_font_path, load_font
from printing.layout import Bitmap, Page, PlacedBarcode, PlacedBox, PlacedText
from printing.pdf import BASELINE, drawable_text

__all__ = ["render_image", "render_png"]


def _draw_text(img: Image.Image, draw: ImageDraw.ImageDraw, el: PlacedText) -> None:
    font = load_font(label_font_path(el.bold), el.height)
    text = drawable_text(el.text)
    if el.reverse_width:
        pad = max(2, el.height // 8)
        draw.rectangle((el.x, el.y, el.x + el.reverse_width - 1, el.y + el.height + 2 * pad - 1),
                       fill=0)
        draw.text((el.x + pad, el.y + pad + el.height * BASELINE), text, font=font, fill=255,
                  anchor="ls")
        return
    draw.text((el.x, el.y + el.height * BASELINE), text, font=font, fill=0, anchor="ls")


def _draw_barcode(draw: ImageDraw.ImageDraw, el: PlacedBarcode) -> None:
    m = el.module
    if el.kind is BarcodeKind.QR:
        for r, row in enumerate(qr_matrix(el.data)):
            for col, dark in enumerate(row):
                if dark:
                    x, y = el.x + col * m, el.y + r * m
                    draw.rectangle((x, y, x + m - 1, y + m - 1), fill=0)
        return
    x = el.x
    for i, modules in enumerate(code128_bars(el.kind, el.data)):
        width = modules * m
        if i % 2 == 0:  # even positions are bars
            draw.rectangle((x, el.y, x + width - 1, el.y + el.height - 1), fill=0)
        x += width


def _draw_box(draw: ImageDraw.ImageDraw, el: PlacedBox) -> None:
    w, h, t = max(el.width, el.thickness), max(el.height, el.thickness), el.thickness
    if 2 * t >= min(w, h):
        draw.rectangle((el.x, el.y, el.x + w - 1, el.y + h - 1), fill=0)
        return
    draw.rectangle((el.x, el.y, el.x + w - 1, el.y + h - 1), outline=0, width=t)


def render_image(page: Page) -> Image.Image:
    """The page as a grayscale image, white background, one pixel per printer dot."""
    img = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(img)
    for el in page.elements:
        if isinstance(el, PlacedText):
            _draw_text(img, draw, el)
        elif isinstance(el, PlacedBarcode):
            _draw_barcode(draw, el)
        elif isinstance(el, PlacedBox):
            _draw_box(draw, el)
        elif isinstance(el, Bitmap):
            img.paste(el.image.convert("L"), (el.x, el.y))
    return img


def render_png(page: Page) -> bytes:
    out = io.BytesIO()
    render_image(page).save(out, format="PNG", dpi=(page.dpi, page.dpi), optimize=False)
    return out.getvalue()
