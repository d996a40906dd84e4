"""Decode what the printing tests render: PDFs via poppler's pdftoppm, images via zbar/zxing."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pyzbar import pyzbar


@dataclass(frozen=True)
class Decoded:
    symbology: str  # "CODE128" or "QRCODE" (zbar names)
    text: str  # zbar's data: GS1 element string without parentheses for GS1-128
    aim_id: str  # zxing's symbology identifier: "]C1" proves FNC1 in first position
    gs1: bool  # zxing's content type says GS1
    left: int
    top: int


def pdf_to_images(pdf: bytes, dpi: int = 300) -> list[Image.Image]:
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.skip("pdftoppm missing: apt install poppler-utils")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run([exe, "-r", str(dpi), "-png", str(src), str(Path(tmp) / "page")],
                       check=True, timeout=60)
        return [Image.open(p).copy() for p in sorted(Path(tmp).glob("page*.png"))]


def decode(image: Image.Image) -> list[Decoded]:
    """Every bar code in ``image``, read by zbar (data) and matched with zxing (AIM id)."""
    gray = image.convert("L")
    zx = zxingcpp.read_barcodes(gray)
    out = []
    for sym in pyzbar.decode(gray):
        text = sym.data.decode("utf-8")
        match = next(
            (r for r in zx
             if r.text.replace("(", "").replace(")", "") == text or r.text == text),
            None,
        )
        out.append(Decoded(
            sym.type, text,
            match.symbology_identifier if match else "",
            bool(match and match.content_type == zxingcpp.ContentType.GS1),
            sym.rect.left, sym.rect.top,
        ))
    return sorted(out, key=lambda d: (d.top, d.left))
