"""PDF encoder (reportlab): resolved pages to a PDF with vector bar codes.

The PDF draws the same :class:`~printing.layout.Page` as the ZPL and the preview, converting
dots to points (so a 4x6 label at 203 dpi is a 4x6 inch page).  Code 128 / GS1-128 use
reportlab's Code 128 (FNC1 as ``\\xf1``); QR codes are drawn as vector squares from the same
module matrix the preview uses.
"""

from __future__ import annotations

import functools
import io
import logging
import unicodedata
import zlib
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from printing.barcodes import FNC1, BarcodeKind, qr_matrix
from printing.fonts import label_font_path
from printing.layout import Bitmap, Page, PlacedBarcode, PlacedBox, PlacedText

__all__ = ["drawable_text", "render_pdf"]

log = logging.getLogger(__name__)

#: Baseline offset below the top of a text field, as a fraction of its height (font 0 cell).
BASELINE = 0.8


@functools.cache
def _font_name(bold: bool) -> str:
    """Register the label font once; Helvetica when no TrueType font is installed (then only
    Latin-1 prints correctly -- the log says so)."""
    path = label_font_path(bold)
    name = "LabelSansBold" if bold else "LabelSans"
    if path is None:
        log.warning("no DejaVu Sans Condensed font found; PDF text falls back to Helvetica")
        return "Helvetica-Bold" if bold else "Helvetica"
    font = TTFont(name, str(path))
    _cache_subsets(font)
    _cache_widths(font)
    pdfmetrics.registerFont(font)
    return name


#: How many distinct glyph subsets are kept per font (each a few tens of kilobytes).
SUBSET_CACHE_SIZE = 64


def _cache_subsets(font: TTFont) -> None:
    """Keep the compressed font programs reportlab builds for each document's glyph subset.

    reportlab builds a subset of the TrueType font anew for every PDF (parsing the font's tables,
    writing a new font program and deflating it), which was over a third of an A4 packing slip's
    rendering time -- and a slip is rendered in the transaction of the scan that completes an
    order. A subset's font program depends only on its glyph list (in order), and a station's
    slips share most of their text, so the same lists recur. reportlab has no option for this,
    so this one font instance's ``addSubsetObjects`` is wrapped (no global patch): the font file
    stream it registers gets the cached deflated bytes, with the ``/Filter`` reportlab would have
    written, which makes reportlab skip its own compression. The PDF bytes are the same as
    without the cache (tests/integration/printing/test_pdf_subset_cache.py, which also fails if
    a reportlab upgrade moves these internals and the cache stops being used)."""
    face = font.face
    make, add = face.makeSubset, face.addSubsetObjects

    @functools.lru_cache(maxsize=SUBSET_CACHE_SIZE)
    def cached(glyphs: tuple[int, ...]) -> tuple[bytes, bytes]:
        program = bytes(make(list(glyphs)))
        return program, zlib.compress(program)

    def add_subset_objects(doc: Any, fontname: str, subset: list[int]) -> Any:
        ref = add(doc, fontname, subset)  # calls makeSubset below: the cached program
        descriptor = doc.idToObject[ref.name]
        stream = doc.idToObject[descriptor.dict["FontFile2"].name]
        if doc.compression:
            stream.content = cached(tuple(subset))[1]
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        return ref

    face.makeSubset = lambda subset: cached(tuple(subset))[0]
    face.addSubsetObjects = add_subset_objects
    face.subset_cache = cached


class _FormattedArray(pdfdoc.PDFArray):  # type: ignore[misc]
    """A PDF array whose bytes were formatted once already (numbers only: no references)."""

    def __init__(self, formatted: bytes) -> None:
        super().__init__([])
        self._formatted = formatted

    def format(self, document: Any, IND: bytes = b"\n ") -> bytes:
        return self._formatted


def _cache_widths(font: TTFont) -> None:
    """Format each subset's ``/Widths`` array once, not for every document.

    reportlab writes every glyph's width of every subset as its own number object through its
    generic formatter: about 500 calls per A4 slip, a tenth of its rendering. The array depends
    only on the subset's glyph list, like the font program (``_cache_subsets``), so this one
    font instance's ``addObjects`` is wrapped to swap the arrays it made for pre-formatted
    ones with the same bytes (test_pdf_subset_cache.py checks the bytes and that it is used).
    """
    add_objects = font.addObjects

    @functools.lru_cache(maxsize=SUBSET_CACHE_SIZE)
    def formatted(widths: tuple[float, ...]) -> bytes:
        return bytes(pdfdoc.PDFArray(list(widths)).format(None))

    def add_objects_cached(doc: Any) -> None:
        before = set(doc.idToObject["BasicFonts"].dict)
        add_objects(doc)
        fonts = doc.idToObject["BasicFonts"].dict
        for key in set(fonts) - before:
            widths: Any = getattr(fonts[key], "Widths", None)
            if type(widths) is pdfdoc.PDFArray and all(type(w) in (int, float)
                                                        for w in widths.sequence):
                fonts[key].Widths = _FormattedArray(formatted(tuple(widths.sequence)))

    font.addObjects = add_objects_cached
    font.widths_cache = formatted


def drawable_text(text: str) -> str:
    """Text as drawn on paper or screen: control characters print nothing on the printer
    either (they are hex-escaped data there), so they are dropped here."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


def _draw_text(c: Canvas, page: Page, el: PlacedText) -> None:
    pt = page.dots_to_points
    top = pt(page.height - el.y)
    size = pt(el.height)
    font = _font_name(el.bold)
    x = pt(el.x)
    if el.reverse_width:
        pad = max(2, el.height // 8)
        c.rect(x, top - pt(el.height + 2 * pad), pt(el.reverse_width), pt(el.height + 2 * pad),
               stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(font, size)
        c.drawString(pt(el.x + pad), top - pt(pad) - size * BASELINE, drawable_text(el.text))
        c.setFillColorRGB(0, 0, 0)
        return
    c.setFont(font, size)
    c.drawString(x, top - size * BASELINE, drawable_text(el.text))


def _draw_barcode(c: Canvas, page: Page, el: PlacedBarcode) -> None:
    pt = page.dots_to_points
    if el.kind is BarcodeKind.QR:
        matrix = qr_matrix(el.data)
        m = pt(el.module)
        top = pt(page.height - el.y)
        path = c.beginPath()
        for r, row in enumerate(matrix):
            for col, dark in enumerate(row):
                if dark:
                    path.rect(pt(el.x) + col * m, top - (r + 1) * m, m, m)
        c.drawPath(path, stroke=0, fill=1)
        return
    value = FNC1 + el.data if el.kind is BarcodeKind.GS1_128 else el.data
    symbol = Code128(value, barWidth=pt(el.module), barHeight=pt(el.height), quiet=0,
                     humanReadable=0)
    symbol.drawOn(c, pt(el.x), pt(page.height - el.y - el.height))


def _draw_box(c: Canvas, page: Page, el: PlacedBox) -> None:
    pt = page.dots_to_points
    w, h, t = max(el.width, el.thickness), max(el.height, el.thickness), el.thickness
    x, top = el.x, page.height - el.y
    if w <= t or h <= t or 2 * t >= min(w, h):
        c.rect(pt(x), pt(top - h), pt(w), pt(h), stroke=0, fill=1)
        return
    # Four filled bars, exactly as ^GB draws a frame (inside the box, not centred on its edge).
    for bx, by, bw, bh in ((x, top - t, w, t), (x, top - h, w, t),
                           (x, top - h, t, h), (x + w - t, top - h, t, h)):
        c.rect(pt(bx), pt(by), pt(bw), pt(bh), stroke=0, fill=1)


def _draw_bitmap(c: Canvas, page: Page, el: Bitmap) -> None:
    pt = page.dots_to_points
    w, h = el.image.size
    c.drawImage(ImageReader(el.image.convert("L")), pt(el.x), pt(page.height - el.y - h),
                pt(w), pt(h))


def render_pdf(pages: Sequence[Page], title: str = "") -> bytes:
    """A PDF with one page per :class:`Page` (page size from each page's dots and dpi)."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    out = io.BytesIO()
    first = pages[0]
    c = Canvas(out, pagesize=(first.dots_to_points(first.width),
                              first.dots_to_points(first.height)),
               pageCompression=1, invariant=1)
    if title:
        c.setTitle(title)
    for page in pages:
        c.setPageSize((page.dots_to_points(page.width), page.dots_to_points(page.height)))
        for el in page.elements:
            if isinstance(el, PlacedText):
                _draw_text(c, page, el)
            elif isinstance(el, PlacedBarcode):
                _draw_barcode(c, page, el)
            elif isinstance(el, PlacedBox):
                _draw_box(c, page, el)
            else:
                _draw_bitmap(c, page, el)
        c.showPage()
    c.save()
    return out.getvalue()
