"""ESC/POS packing-slip receipt (80 mm and 58 mm) built with python-escpos.

The receipt is assembled on an ``escpos.printer.Dummy`` (which collects the bytes) with the
printer's capability profile, so code pages and paper width come from python-escpos's profile
database.  Two rules keep the bytes safe:

* every piece of text is stripped of control characters (C0 incl. NUL/ESC/DLE/GS, DEL, C1)
  before encoding, so customer data cannot carry a command;
* a line that the profile's code pages cannot encode completely (CJK, Arabic, emoji...) is drawn
  with our fonts and printed as a raster image -- never as ``?`` or another code page's garbage.
  python-escpos's own fallback would print ``?`` (or raw GB18030 bytes for Chinese), so we
  decide before calling ``text()``.
"""

from __future__ import annotations

import contextlib
import io
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # python-escpos loads its capability database on import (~0.4 s): the
    # station imports this module at start-up but prints a receipt much later.
    from escpos.printer import Dummy
from PIL import Image

from printing.documents.common import format_money, heading
from printing.fonts import render_text_bitmap
from printing.model import PackingSlipData

__all__ = [
    "RECEIPT_58MM",
    "RECEIPT_80MM",
    "ReceiptProfile",
    "clean_text",
    "render_receipt",
    "render_test_receipt",
]


@dataclass(frozen=True)
class ReceiptProfile:
    """A receipt printer: python-escpos profile name, characters per line, printable dots."""

    profile: str
    columns: int
    width_px: int

    @property
    def name(self) -> str:
        return self.profile


RECEIPT_80MM = ReceiptProfile("TM-T88V", 42, 512)
RECEIPT_58MM = ReceiptProfile("POS-5890", 32, 384)


def clean_text(text: str) -> str:
    """Drop every control character (Cc: C0, DEL, C1) except newline; tabs become spaces."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    return "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")


def _new_printer(profile: ReceiptProfile) -> Dummy:
    from escpos.printer import Dummy

    return Dummy(profile=profile.profile)


def _encodable(printer: Dummy, line: str) -> bool:
    """Can the profile's code pages print every character of ``line``?

    Uses python-escpos's own encoder tables (the same the ``text()`` call will use).
    CJK ideographs are excluded on purpose: python-escpos would send them as GB18030, which
    only printers with a Chinese font ROM understand."""
    encoder = printer.magic.encoder
    for ch in line:
        if ord(ch) < 128:
            continue
        if "\u2e80" <= ch <= "\u9fff" or not any(
            encoder.can_encode(enc, ch) for enc in encoder.codepages
        ):
            return False
    return True


def _fit(line: str, columns: int) -> list[str]:
    out = []
    while len(line) > columns:
        cut = line.rfind(" ", 0, columns + 1)
        cut = cut if cut > 0 else columns
        out.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    out.append(line)
    return out


def _line_image(line: str, profile: ReceiptProfile) -> Image.Image:
    # 24 px is the height of font A (12x24): the image line matches the text lines around it.
    # python-escpos takes an ordinary black-on-white image and does the bit packing itself.
    return render_text_bitmap([line], 22, profile.width_px).convert("L")


def _emit(printer: Dummy, profile: ReceiptProfile, text: str) -> None:
    for raw_line in clean_text(text).split("\n"):
        if _encodable(printer, raw_line):
            for part in _fit(raw_line, profile.columns):
                printer.textln(part)
        else:
            printer.image(_line_image(raw_line, profile), center=False)


def _two_columns(left: str, right: str, columns: int) -> str:
    left = left[: max(1, columns - len(right) - 1)]
    return f"{left}{' ' * max(1, columns - len(left) - len(right))}{right}"


def render_receipt(data: PackingSlipData, profile: ReceiptProfile = RECEIPT_80MM) -> bytes:
    """The packing slip as ESC/POS bytes for ``profile``."""
    p = _new_printer(profile)
    lang = data.language
    cols = profile.columns
    p.hw("INIT")
    p.set(align="center", bold=True, double_height=True, double_width=False)
    _emit(p, profile, data.shop_name or heading("packing_slip", lang))
    p.set(align="center", bold=False, normal_textsize=True)
    _emit(p, profile, f"{heading('packing_slip', lang)} {data.order_number}")
    _emit(p, profile, f"{heading('date', lang)} {data.order_date.isoformat()}")
    p.set(align="left", normal_textsize=True)
    p.textln("-" * cols)
    _emit(p, profile, heading("ship_to", lang))
    _emit(p, profile, "\n".join(data.ship_to.printed_lines()))
    p.textln("-" * cols)
    for line in data.lines:
        _emit(p, profile, f"{line.quantity} x {line.name}")
        right = ""
        if line.line_total is not None:
            right = format_money(line.line_total, line.currency or data.currency)
        _emit(p, profile, _two_columns(f"  {clean_text(line.sku)}", right, cols))
    p.textln("-" * cols)
    for key, amount in (("subtotal", data.subtotal), ("shipping", data.shipping),
                        ("tax", data.tax), ("total", data.total)):
        if amount is not None:
            p.set(bold=key == "total")
            _emit(p, profile, _two_columns(heading(key, lang), format_money(amount,
                                                                             data.currency), cols))
    p.set(bold=False)
    if data.notes:
        p.textln("")
        _emit(p, profile, data.notes)
    clean_order = clean_text(data.order_number)
    if clean_order and clean_order.isascii() and "{" not in clean_order:
        p.textln("")
        p.set(align="center")
        # ESC/POS GS k CODE128 data must begin with a code set selector ("{B" = set B);
        # python-escpos passes the data as given.  It also print()s which renderer it picked:
        # keep that off our stdout.
        with contextlib.redirect_stdout(io.StringIO()):
            p.barcode("{B" + clean_order, "CODE128", function_type="B", pos="BELOW", align_ct=True,
                      check=False)
    p.cut()
    return bytes(p.output)


def render_test_receipt(lines: list[str], profile: ReceiptProfile = RECEIPT_80MM) -> bytes:
    """A receipt-printer test page: the given lines, a Code 128 and a QR code."""
    p = _new_printer(profile)
    p.hw("INIT")
    p.set(align="center", bold=True, double_height=True)
    p.textln("PRINT TEST")
    p.set(align="left", bold=False, normal_textsize=True)
    for line in lines:
        _emit(p, profile, line)
    with contextlib.redirect_stdout(io.StringIO()):
        p.barcode("{BTEST-" + profile.profile.replace(" ", ""), "CODE128", function_type="B",
                  pos="BELOW", align_ct=True, check=False)
        p.qr(f"print-test {profile.profile}", size=4, center=True)
    p.cut()
    return bytes(p.output)
