"""The font-subset cache in printing/pdf.py: same PDF bytes as reportlab's own, and used."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from reportlab.pdfbase import pdfmetrics

from printing import pdf
from printing.render import render
from tests.helpers.printing_data import shipping, slip


def _caches() -> list[Any]:
    """The font-program caches and the /Widths caches of both label fonts."""
    caches = []
    for bold in (False, True):
        font = pdfmetrics.getFont(pdf._font_name(bold))
        for cache in (getattr(getattr(font, "face", None), "subset_cache", None),
                      getattr(font, "widths_cache", None)):
            if cache is not None:
                caches.append(cache)
    return caches


def _uncached(document: Any) -> bytes:
    """The PDF as reportlab writes it with neither cache: each label font's own methods
    (the instance attributes the caches set hidden for the call)."""
    fonts = [pdfmetrics.getFont(pdf._font_name(bold)) for bold in (False, True)]
    saved = [(font, dict(vars(font)), dict(vars(font.face))) for font in fonts
             if hasattr(font, "face")]
    try:
        for font, _, _ in saved:
            for name in ("addObjects", "widths_cache"):
                vars(font).pop(name, None)
            for name in ("makeSubset", "addSubsetObjects", "subset_cache"):
                vars(font.face).pop(name, None)
        return render(document, "pdf")
    finally:
        for font, own, face in saved:
            vars(font).update(own)
            vars(font.face).update(face)


def test_cached_subsets_give_the_same_pdf_bytes() -> None:
    documents = [(slip(n_lines=4), {}), (shipping(), {}),
                 (slip(n_lines=2, order_number="SO-Ærø 7"), {})]
    caches = _caches()
    assert len(caches) == 4, "the label fonts' subset and widths caches are not in use"
    cold = []
    for doc, kwargs in documents:
        for cache in caches:
            cache.cache_clear()
        cold.append(render(doc, "pdf", **kwargs))
    hits_before = sum(c.cache_info().hits for c in caches)
    for _ in range(2):  # every document again, in turn, with every subset cached
        warm = [render(doc, "pdf", **kwargs) for doc, kwargs in documents]
        assert warm == cold
    assert sum(c.cache_info().hits for c in caches) > hits_before


def test_the_cache_is_bounded() -> None:
    for cache in _caches():
        assert cache.cache_info().maxsize == pdf.SUBSET_CACHE_SIZE


def test_threads_rendering_at_once_get_their_own_documents() -> None:
    """The spooler's thread renders a retried job while the scan thread renders a slip."""
    documents = [slip(n_lines=n, order_number=f"SO-{n}") for n in range(1, 7)]
    expected = [render(doc, "pdf") for doc in documents]
    with ThreadPoolExecutor(max_workers=3) as pool:
        for _ in range(3):
            assert list(pool.map(lambda d: render(d, "pdf"), documents)) == expected


def test_the_pdf_is_the_one_reportlab_writes_without_the_caches() -> None:
    documents = [slip(n_lines=3, order_number="SO-缓存 1"), shipping()]
    for doc in documents:
        render(doc, "pdf")  # every cache warm
        assert render(doc, "pdf") == _uncached(doc)
