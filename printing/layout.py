"""The layout description every document is built as, and its resolution into printer dots.

A document builder returns a :class:`Layout` (positions in millimetres, origin top-left).
:func:`resolve` turns it into a :class:`Page` for one dpi: coordinates become whole dots,
text is wrapped and length-limited, and every text block is decided once as either printer-font
text or a bitmap (for scripts the printer's font 0 cannot draw).  The ZPL, PDF and PNG renderers
all draw that same :class:`Page`, which is what makes the preview show what the printer prints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from printing.barcodes import BarcodeKind, check_code128_data, code128_bars, qr_matrix
from printing.fonts import measure_bitmap_text, render_text_bitmap

__all__ = [
    "Barcode",
    "Bitmap",
    "Box",
    "Layout",
    "Page",
    "PlacedBarcode",
    "PlacedBox",
    "PlacedText",
    "TextBlock",
    "printer_font_can_draw",
    "resolve",
]

MM_PER_INCH = 25.4
#: Average advance of the printer's font 0 relative to its height; used to wrap text the same
#: way for all three renderers (the printer does not tell us its metrics).
FONT0_ADVANCE = 0.58
ELLIPSIS = "..."


# --- what document builders produce (millimetres) -------------------------------------------


@dataclass(frozen=True)
class TextBlock:
    """Text wrapped into ``width`` mm, at most ``max_lines`` lines of ``size`` mm high."""

    x: float
    y: float
    width: float
    size: float
    text: str
    max_lines: int = 1
    max_chars: int = 300  # field length limit, applied before wrapping
    bold: bool = False
    reverse: bool = False  # white on black (routing code, handling marks)


@dataclass(frozen=True)
class Barcode:
    """A bar code; ``module`` is the narrow bar / QR module size in mm (rounded to dots)."""

    x: float
    y: float
    kind: BarcodeKind
    data: str
    module: float
    height: float = 0.0  # bar height in mm; ignored for QR


@dataclass(frozen=True)
class Box:
    """A rectangle outline of ``thickness`` mm; a line is a box with width or height 0."""

    x: float
    y: float
    width: float
    height: float
    thickness: float = 0.5


Element = TextBlock | Barcode | Box


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    elements: tuple[Element, ...]
    name: str = ""


# --- what renderers draw (dots at one dpi) ----------------------------------------------------


@dataclass(frozen=True)
class PlacedText:
    x: int
    y: int
    height: int
    text: str
    bold: bool = False
    reverse_width: int = 0  # > 0: draw white on a black box this wide


@dataclass(frozen=True)
class Bitmap:
    x: int
    y: int
    image: Image.Image = field(compare=False)  # mode "1", 0 = black
    source_text: str = ""  # what the bitmap shows, for logs and tests


@dataclass(frozen=True)
class PlacedBarcode:
    x: int
    y: int
    kind: BarcodeKind
    data: str
    module: int
    height: int

    @property
    def width(self) -> int:
        if self.kind is BarcodeKind.QR:
            return len(qr_matrix(self.data)) * self.module
        return sum(code128_bars(self.kind, self.data)) * self.module


@dataclass(frozen=True)
class PlacedBox:
    x: int
    y: int
    width: int
    height: int
    thickness: int


Placed = PlacedText | Bitmap | PlacedBarcode | PlacedBox


@dataclass(frozen=True)
class Page:
    width: int
    height: int
    dpi: int
    elements: tuple[Placed, ...]
    name: str = ""

    def dots_to_points(self, dots: float) -> float:
        return dots * 72.0 / self.dpi


# --- resolution ---------------------------------------------------------------------------------

# Scripts the printer's font 0 draws with ^CI28 (Latin, Greek, Cyrillic and common punctuation).
_FONT0_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0x24F),
    (0x370, 0x3FF),
    (0x400, 0x4FF),
    (0x2010, 0x2027),
    (0x20AC, 0x20AC),
)


def printer_font_can_draw(text: str) -> bool:
    """True when every character is in the printer font's repertoire or is a control character
    (control characters are hex-escaped in ZPL and dropped when drawn, never a reason for a
    bitmap).  Format characters such as right-to-left marks are not: a line that carries them
    is bidirectional text, which only the bitmap path shapes correctly."""
    return _NOT_FONT0.search(text) is None


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in ranges)


# One character class, searched in C: this runs for every text field of every label and slip,
# in the transaction of the scan that completes an order. The control characters (Unicode
# category Cc: U+0000-U+001F, U+007F-U+009F) are allowed with the font's ranges.
_CONTROL_RANGES = ((0x00, 0x1F), (0x7F, 0x9F))
_NOT_FONT0 = re.compile(f"[^{_char_class(_FONT0_RANGES + _CONTROL_RANGES)}]")
assert all(unicodedata.category(chr(cp)) == "Cc"
           for lo, hi in _CONTROL_RANGES for cp in range(lo, hi + 1))


def _wrap(text: str, fits: float, width_of: Callable[[str], float] = len) -> list[str]:
    """Greedy word wrap; words longer than a line are broken (CJK has no spaces)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if width_of(candidate) <= fits:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = ""
            for ch in word:
                if width_of(current + ch) > fits and current:
                    lines.append(current)
                    current = ""
                current += ch
        lines.append(current)
    return lines


def _limit(lines: list[str], max_lines: int) -> list[str]:
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = kept[-1][: max(0, len(kept[-1]) - len(ELLIPSIS))] + ELLIPSIS
    return kept


def _visible(text: str) -> str:
    """Newlines separate lines; other control characters are kept (escaped later)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def resolve(layout: Layout, dpi: int) -> Page:
    """Place ``layout`` on a ``dpi`` printer: whole dots, wrapped text, bitmaps decided."""
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, got {dpi}")

    def dots(mm: float) -> int:
        return round(mm * dpi / MM_PER_INCH)

    placed: list[Placed] = []
    for el in layout.elements:
        if isinstance(el, Box):
            placed.append(
                PlacedBox(dots(el.x), dots(el.y), dots(el.width), dots(el.height),
                          max(1, dots(el.thickness)))
            )
        elif isinstance(el, Barcode):
            module = max(1, dots(el.module))
            if el.kind is not BarcodeKind.QR:
                check_code128_data(el.data)
                # A long code gets narrower bars rather than running off the label (a scanner
                # reads 1-dot modules at 300 dpi; at 203 dpi 2 dots is the practical minimum).
                room = dots(layout.width) - dots(el.x)
                module = max(1, min(module, room // sum(code128_bars(el.kind, el.data))))
            placed.append(
                PlacedBarcode(dots(el.x), dots(el.y), el.kind, el.data, module, dots(el.height))
            )
        else:
            placed.extend(_resolve_text(el, dots))
    return Page(dots(layout.width), dots(layout.height), dpi, tuple(placed), layout.name)


def _resolve_text(block: TextBlock, to_dots: Callable[[float], int]) -> list[Placed]:
    text = _visible(block.text)[: block.max_chars]
    height = max(1, to_dots(block.size))
    width = to_dots(block.width)
    x, y = to_dots(block.x), to_dots(block.y)
    pitch = round(height * 1.2)
    if printer_font_can_draw(text):
        per_line = max(1, int(width / (height * FONT0_ADVANCE)))
        lines = _limit(_wrap(text, per_line), block.max_lines)
        return [
            PlacedText(x, y + i * pitch, height, line, block.bold,
                       reverse_width=width if block.reverse else 0)
            for i, line in enumerate(lines)
        ]
    lines = _limit(
        _wrap(text, width, lambda s: measure_bitmap_text(s, height)), block.max_lines
    )
    image = render_text_bitmap(lines, height, width)
    return [Bitmap(x, y, image, text)]
