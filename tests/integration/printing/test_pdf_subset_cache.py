"""The font-subset cache in printing/pdf.py: same PDF bytes as reportlab's own, and used."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from reportlab.pdfbase import pdfmetrics

from printing import pdf
from printing.render import render
from tests.helpers.printing_data import shipping, slip


def _caches() -> list[Any]:
    caches = []
    for bold in (False, True):
        font = pdfmetrics.getFont(pdf._font_name(bold))
        cache = getattr(getattr(font, "face", None), "subset_cache", None)
        if cache is not None:
            caches.append(cache)
    return caches


def test_cached_subsets_give_the_same_pdf_bytes() -> None:
    documents = [(slip(n_lines=4), {}), (shipping(), {}),
                 (slip(n_lines=2, order_number="SO-Ærø 7"), {})]
    caches = _caches()
    assert caches, "no TrueType label font registered: the cache is not in use"
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
