"""ZPL II encoder: a resolved :class:`~printing.layout.Page` to one ``^XA ... ^XZ`` format.

Safety: every piece of text that reaches a ``^FD`` goes through :func:`field_data`, which
hex-escapes (``^FH``) the characters ZPL would act on -- ``^`` (format command), ``~`` (control
command, acted on even inside field data), ``_`` (the ``^FH`` escape itself) -- and every
control character, and enforces a length limit.  A customer's name therefore can never end the
label, start another one or reset the printer.  Text is UTF-8 (``^CI28``); text the printer's
font cannot draw arrives here already as a bitmap and goes out as a ``^GFA`` graphic field.
"""

from __future__ import annotations

import re

from PIL import Image, ImageOps

from printing.barcodes import BarcodeKind, check_code128_data
from printing.layout import Bitmap, Page, PlacedBarcode, PlacedBox, PlacedText

__all__ = ["MAX_FIELD_CHARS", "decode_field_data", "field_data", "render_zpl"]

MAX_FIELD_CHARS = 500
_ESCAPED = frozenset("^~_")
_HEX_RE = re.compile(rb"_([0-9A-Fa-f]{2})")


def _needs_escape(ch: str) -> bool:
    cp = ord(ch)
    return ch in _ESCAPED or cp < 0x20 or 0x7F <= cp <= 0x9F


def field_data(text: str, max_chars: int = MAX_FIELD_CHARS) -> str:
    """``text`` made safe for ``^FH^FD...^FS``: length-limited, then ``_hh`` for each UTF-8
    byte of a character ZPL would interpret.  The result is pure printable text plus whatever
    non-ASCII characters ``text`` had (sent as UTF-8 under ``^CI28``)."""
    out: list[str] = []
    for ch in text[:max_chars]:
        if _needs_escape(ch):
            out.extend(f"_{b:02X}" for b in ch.encode("utf-8"))
        else:
            out.append(ch)
    return "".join(out)


def decode_field_data(escaped: str) -> str:
    """Inverse of :func:`field_data` (what the printer reconstructs from ``^FH``)."""
    raw = _HEX_RE.sub(lambda m: bytes([int(m.group(1), 16)]), escaped.encode("utf-8"))
    return raw.decode("utf-8")


def _graphic_field(image: Image.Image) -> tuple[str, int, int]:
    """``^GFA`` payload: rows of 1-bit pixels, 1 = black, MSB first, padded to whole bytes."""
    # Pillow's mode "1" stores 1 for white; ZPL wants 1 for a dot.  Invert through "L".
    inverted = ImageOps.invert(image.convert("L")).convert("1")
    data = inverted.tobytes()
    row_bytes = (image.width + 7) // 8
    return data.hex().upper(), len(data), row_bytes


def _text(el: PlacedText) -> str:
    width = round(el.height * 0.9) if el.bold else round(el.height * 0.8)
    cmd = f"^FO{el.x},{el.y}^A0N,{el.height},{width}"
    if el.reverse_width:
        # A filled box, then the field printed reversed (^FR) on top of it.
        pad = max(2, el.height // 8)
        return (
            f"^FO{el.x},{el.y}^GB{el.reverse_width},{el.height + 2 * pad},"
            f"{el.height + 2 * pad}^FS"
            f"^FO{el.x + pad},{el.y + pad}^A0N,{el.height},{width}^FR"
            f"^FH^FD{field_data(el.text)}^FS"
        )
    return f"{cmd}^FH^FD{field_data(el.text)}^FS"


def _barcode(el: PlacedBarcode) -> str:
    if el.kind is BarcodeKind.QR:
        # ^BQ: model 2, magnification = module size in dots; "MA," = error correction M,
        # automatic data mode (same level as the preview's qrcode matrix).
        return f"^FO{el.x},{el.y}^BQN,2,{el.module}^FH^FDMA,{field_data(el.data)}^FS"
    data = check_code128_data(el.data)
    head = f"^FO{el.x},{el.y}^BY{el.module}^BCN,{el.height},N,N,N,N"
    if el.kind is BarcodeKind.GS1_128:
        # >; = start in subset C, >8 = FNC1: the symbol begins FNC1, so a scanner reports
        # ]C1 and a GS1 element string.  The data is all digits (validated in barcodes.py).
        return f"{head}^FD>;>8{data}^FS"
    if data.isdigit() and len(data) % 2 == 0:
        return f"{head}^FD>;{data}^FS"  # subset C: half the width for even digit strings
    return f"{head}^FD>:{data}^FS"  # subset B; '>' never occurs (check_code128_data)


def _box(el: PlacedBox) -> str:
    # ^GB needs width and height >= thickness; a line is a box as thick as it is thin.
    w = max(el.width, el.thickness)
    h = max(el.height, el.thickness)
    return f"^FO{el.x},{el.y}^GB{w},{h},{el.thickness}^FS"


def _bitmap(el: Bitmap) -> str:
    data, total, row = _graphic_field(el.image)
    return f"^FO{el.x},{el.y}^GFA,{total},{total},{row},{data}^FS"


def render_zpl(page: Page, copies: int = 1) -> bytes:
    """One label format.  ``^CI28`` UTF-8, ``^PW``/``^LL`` from the page, ``^PQ`` copies."""
    parts = [f"^XA^CI28^PW{page.width}^LL{page.height}^LH0,0"]
    for el in page.elements:
        if isinstance(el, PlacedText):
            parts.append(_text(el))
        elif isinstance(el, PlacedBarcode):
            parts.append(_barcode(el))
        elif isinstance(el, PlacedBox):
            parts.append(_box(el))
        else:
            parts.append(_bitmap(el))
    parts.append(f"^PQ{max(1, copies)}^XZ")
    return "\n".join(parts).encode("utf-8")
