"""Every bar code is proved by rendering and decoding: PDF (pdftoppm) and PNG preview, and the
ZPL's ^BC/^BQ fields carry the same data as the page that decoded."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from PIL import Image

from printing.barcodes import BarcodeKind
from printing.layout import Page, PlacedBarcode
from printing.model import LabelSize
from printing.pdf import render_pdf
from printing.preview import render_image
from printing.render import pages_for, render
from printing.zpl import decode_field_data, render_zpl
from tests.helpers.barcode_reader import Decoded, decode, pdf_to_images
from tests.helpers.printing_data import (
    CJK_RECIPIENT,
    SSCC,
    TRACKING,
    return_label,
    shipping,
    slip,
)


def _expected(page: Page) -> set[tuple[str, str]]:
    names = {BarcodeKind.QR: "QRCODE", BarcodeKind.CODE128: "CODE128",
             BarcodeKind.GS1_128: "CODE128"}
    return {(names[b.kind], b.data) for b in page.elements if isinstance(b, PlacedBarcode)}


def _zpl_barcodes(zpl: bytes) -> set[tuple[str, str]]:
    """Parse the data out of every ^BC / ^BQ field of the ZPL."""
    found = set()
    for cmd, data in re.findall(r"\^B([CQ])[^\^]*(?:\^FH)?\^FD(.*?)\^FS", zpl.decode()):
        if cmd == "Q":
            assert data.startswith("MA,")  # error correction M, automatic mode
            found.add(("QRCODE", decode_field_data(data[3:])))
        else:
            # >; start C, >: start B, >8 FNC1; nothing else may appear in our data.
            payload = re.sub(r"^(>[;:])(>8)?", "", data)
            assert ">" not in payload
            found.add(("CODE128", payload))
    return found


def _check(decoded: list[Decoded], page: Page) -> None:
    assert {(d.symbology, d.text) for d in decoded} == _expected(page)
    gs1 = [b for b in page.elements
           if isinstance(b, PlacedBarcode) and b.kind is BarcodeKind.GS1_128]
    for b in gs1:
        hit = next(d for d in decoded if d.text == b.data)
        assert hit.aim_id == "]C1" and hit.gs1, "GS1-128 must start with FNC1"
    for d in decoded:
        if d.text not in {b.data for b in gs1} and d.symbology == "CODE128":
            assert d.aim_id == "]C0"  # plain Code 128: no FNC1


@pytest.mark.parametrize("size", list(LabelSize))
@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("recipient", ["latin", "cjk"])
def test_shipping_label_decodes_in_pdf_png_and_zpl(size: LabelSize, dpi: int,
                                                    recipient: str) -> None:
    data = shipping() if recipient == "latin" else shipping(recipient=CJK_RECIPIENT)
    page = pages_for(data, size, dpi)[0]
    assert _expected(page) == {("CODE128", TRACKING), ("CODE128", "00" + SSCC),
                               ("QRCODE", f"https://track.example/{TRACKING}")}
    # PDF rendered by poppler at 300 dpi.
    (pdf_image,) = pdf_to_images(render_pdf([page]))
    _check(decode(pdf_image), page)
    # PNG preview, decoded as is.
    preview = render_image(page)
    decoded = decode(preview)
    _check(decoded, page)
    # Preview bar codes sit where the layout put them (zbar's box includes no quiet zone).
    for b in page.elements:
        if isinstance(b, PlacedBarcode):
            hit = next(d for d in decoded if d.text == b.data)
            assert abs(hit.left - b.x) <= 2 * b.module and abs(hit.top - b.y) <= 2 * b.module
    # The ZPL made from the same page carries exactly the same bar code data.
    assert _zpl_barcodes(render_zpl(page)) == _expected(page)


def test_render_api_png_matches_page_preview() -> None:
    data = shipping()
    png = Image.open(io.BytesIO(render(data, "png", dpi=203)))
    assert png.size == (812, 1218)  # 4x6 in at 203 dpi
    assert {(d.symbology, d.text) for d in decode(png)} == _expected(pages_for(data)[0])


def test_return_label_rma_decodes() -> None:
    data = return_label()
    page = pages_for(data)[0]
    (image,) = pdf_to_images(render(data, "pdf"))
    assert {(d.symbology, d.text) for d in decode(image)} == {("CODE128", "RMA-20240501-7")}
    assert _zpl_barcodes(render_zpl(page)) == _expected(page)


@pytest.mark.parametrize("n_lines", [3, 60])
def test_packing_slip_order_barcode_on_every_page(n_lines: int) -> None:
    data = slip(n_lines=n_lines)
    pages = pages_for(data)
    images = pdf_to_images(render(data, "pdf"))
    assert len(images) == len(pages) >= (2 if n_lines == 60 else 1)
    for image in images:
        assert [(d.symbology, d.text) for d in decode(image)] == [("CODE128", "SO-1001")]


def test_hostile_order_number_is_not_put_into_a_barcode() -> None:
    data = slip(order_number="SO>1^XZ")
    images = pdf_to_images(render(data, "pdf"))
    assert decode(images[0]) == []


def test_qr_holds_non_ascii_url_percent_encoded() -> None:
    # QR byte mode has no charset; zbar would read UTF-8 "ü" as Shift-JIS.  The label carries
    # the URI form, and ZPL-special characters still reach ^BQ intact through ^FH.
    data = dataclasses.replace(shipping(), tracking_url="https://track.example/ü?id=_^~")
    page = pages_for(data)[0]
    uri = "https://track.example/%C3%BC?id=_^~"
    (image,) = pdf_to_images(render_pdf([page]))
    assert ("QRCODE", uri) in {(d.symbology, d.text) for d in decode(image)}
    assert ("QRCODE", uri) in _zpl_barcodes(render_zpl(page))
