"""Office documents and labels as PDF: page sizes, text content, the signature line."""

from __future__ import annotations

import shutil
import subprocess

import pypdfium2 as pdfium
import pytest

from printing.model import LabelSize, PageSize
from printing.render import UnsupportedFormat, render
from tests.helpers.printing_data import manifest, return_label, shipping, slip


def _text(pdf: bytes) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext missing: apt install poppler-utils")
    return subprocess.run([exe, "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=30).stdout.decode()


def _page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [(round(p.get_width() / 72 * 25.4, 1), round(p.get_height() / 72 * 25.4, 1))
                for p in doc]
    finally:
        doc.close()


@pytest.mark.parametrize("page", list(PageSize))
def test_packing_slip_pages_and_totals(page: PageSize) -> None:
    pdf = render(slip(n_lines=70), "pdf", page_size=page)
    sizes = _page_sizes_mm(pdf)
    assert len(sizes) >= 2 and set(sizes) == {(page.width_mm, page.height_mm)}
    text = _text(pdf)
    for i in range(70):
        assert f"SKU-{i:04d}" in text
    assert "Total" in text and "EUR" in text and f"Page {len(sizes)}/{len(sizes)}" in text


def test_packing_slip_without_prices_has_no_totals() -> None:
    text = _text(render(slip(prices=False), "pdf"))
    assert "SKU-0000" in text and "EUR" not in text and "Total" not in text


def test_manifest_lists_parcels_and_has_a_signature_line() -> None:
    data = manifest(n=45)
    pdf = render(data, "pdf")
    text = _text(pdf)
    for p in data.parcels:
        assert p.tracking_number in text and p.order_number in text
    assert "Driver signature" in text and f"{len(data.parcels)} parcels" in text
    assert len(_page_sizes_mm(pdf)) == 2


@pytest.mark.parametrize("size", list(LabelSize))
def test_label_pdf_page_is_the_label_size(size: LabelSize) -> None:
    for doc in (shipping(), return_label()):
        ((w, h),) = _page_sizes_mm(render(doc, "pdf", size))
        assert abs(w - size.width_mm) < 0.3 and abs(h - size.height_mm) < 0.3


def test_shipping_label_text_in_pdf() -> None:
    text = _text(render(shipping(), "pdf"))
    for expected in ("Zoë Müller", "Hauptstraße 12", "10115 Berlin", "OwnFleet", "Express",
                     "Order SO-1001", "Parcel 1 of 2", "4.25 kg", "FRAGILE", "THIS SIDE UP",
                     "N12", "2024-05-01"):
        assert expected in text


def test_office_documents_are_not_zpl() -> None:
    with pytest.raises(UnsupportedFormat):
        render(manifest(), "zpl")
