"""Fonts for the preview, the PDF and text drawn as bitmaps.

Found through fontconfig (``fc-match``) with known Debian paths as a fallback, cached once per
process.  Two roles:

* ``label``: a condensed sans for text the printer draws with its own font 0 (the preview and
  the PDF imitate it with DejaVu Sans Condensed).
* ``bitmap`` chain: fonts tried per character for text the printer cannot draw (CJK, Arabic,
  Hebrew, emoji...): Noto Sans CJK first, then DejaVu Sans.  A character no font has is drawn
  as the font's "missing glyph" box, never dropped silently; the log says which font was used.
"""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = [
    "FontNotFound",
    "bitmap_font_chain",
    "label_font_path",
    "load_font",
    "render_text_bitmap",
]

log = logging.getLogger(__name__)

_LABEL_CANDIDATES = {
    False: (
        "DejaVu Sans Condensed:style=Book",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    ),
    True: (
        "DejaVu Sans Condensed:style=Bold",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    ),
}
_BITMAP_CANDIDATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Noto Sans CJK SC:style=Bold",
        (
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
        ),
    ),
    (
        "DejaVu Sans:style=Bold",
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",),
    ),
)


class FontNotFound(RuntimeError):
    """No usable TrueType/OpenType font: install fonts-dejavu-core and fonts-noto-cjk."""


def _fc_match(pattern: str) -> Path | None:
    """Ask fontconfig for the file of ``pattern``; None if fc-match is absent or answers a
    different family (fc-match always answers *something*)."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "-f", "%{family}\n%{file}", pattern],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    family, _, file = out.stdout.partition("\n")
    wanted = pattern.split(":", 1)[0].lower()
    if out.returncode != 0 or wanted not in family.lower():
        return None
    path = Path(file.strip())
    return path if path.is_file() else None


def _first_existing(pattern: str, paths: tuple[str, ...]) -> Path | None:
    found = _fc_match(pattern)
    if found is not None:
        return found
    for candidate in paths:
        if Path(candidate).is_file():
            return Path(candidate)
    return None


@functools.cache
def label_font_path(bold: bool = True) -> Path | None:
    """The font that imitates the printer's font 0, or None (callers fall back)."""
    pattern, path = _LABEL_CANDIDATES[bold]
    return _first_existing(pattern, (path,))


@functools.cache
def bitmap_font_chain() -> tuple[Path, ...]:
    """Fonts tried in order for text drawn as a bitmap."""
    chain = []
    for pattern, paths in _BITMAP_CANDIDATES:
        found = _first_existing(pattern, paths)
        if found is not None and found not in chain:
            chain.append(found)
    if not chain:
        log.warning("no CJK-capable font found (install fonts-noto-cjk); using Pillow's default")
    return tuple(chain)


@functools.lru_cache(maxsize=64)
def load_font(path: Path | None, size_px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A Pillow font at ``size_px``; Pillow's built-in font when ``path`` is None."""
    if path is None:
        return ImageFont.load_default(size=size_px)
    return ImageFont.truetype(str(path), size_px)


@functools.lru_cache(maxsize=4096)
def _font_has_glyph(path: Path, char: str) -> bool:
    """Whether the font draws ``char`` with a real glyph.

    Pillow has no cmap query, so compare the glyph mask with that of a code point no font maps
    (U+10FFFD, private use): equal masks mean the font would draw its "missing glyph" box.
    """
    if char.isspace():
        return True
    font = load_font(path, 32)
    mask = font.getmask(char)
    missing = font.getmask("\U0010fffd")
    return not (mask.size == missing.size and bytes(mask) == bytes(missing))


def _font_for(char: str, chain: tuple[Path, ...]) -> Path | None:
    for path in chain:
        if _font_has_glyph(path, char):
            return path
    return chain[0] if chain else None


_DRAWS_NOTHING = frozenset({"Cc", "Zl", "Zp"})


def _runs(text: str, chain: tuple[Path, ...]) -> list[tuple[Path | None, str]]:
    """Split ``text`` into runs that one font can draw.  Control characters and the line and
    paragraph separators are left out: they draw nothing, and raqm's layout fails on some of
    them (found by hypothesis: U+0085, U+2029)."""
    runs: list[tuple[Path | None, str]] = []
    for ch in text:
        if unicodedata.category(ch) in _DRAWS_NOTHING:
            continue
        path = _font_for(ch, chain)
        if runs and runs[-1][0] == path:
            runs[-1] = (path, runs[-1][1] + ch)
        else:
            runs.append((path, ch))
    return runs


def measure_bitmap_text(text: str, size_px: int) -> float:
    """Width in pixels of ``text`` drawn by :func:`render_text_bitmap`."""
    chain = bitmap_font_chain()
    return sum(load_font(p, size_px).getlength(run) for p, run in _runs(text, chain))


def render_text_bitmap(lines: list[str], size_px: int, width_px: int) -> Image.Image:
    """Draw ``lines`` black on white into a 1-bit image ``width_px`` wide.

    Line pitch is 1.2 x ``size_px``.  Right-to-left runs are shaped by Pillow's raqm layout
    when available (Arabic, Hebrew).
    """
    chain = bitmap_font_chain()
    pitch = round(size_px * 1.2)
    # As wide as the longest line (not the whole block): a ^GFA field is sent as hex, so
    # trailing white costs bytes on the wire and in the stored job.
    drawn = max((measure_bitmap_text(line, size_px) for line in lines), default=1.0)
    width_px = max(1, min(width_px, int(drawn) + 2))
    image = Image.new("L", (width_px, max(1, pitch * len(lines))), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        x = 0.0
        for path, run in _runs(line, chain):
            font = load_font(path, size_px)
            draw.text((x, row * pitch), run, font=font, fill=0)
            x += font.getlength(run)
    # Threshold rather than dither: a thermal head prints dots, and dithered glyphs smear.
    return image.point(lambda v: 255 if v >= 128 else 0).convert("1")
