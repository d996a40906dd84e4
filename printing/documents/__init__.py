"""Document builders: plain data in, :class:`~printing.layout.Layout` pages out.

The builders are imported when first asked for (PEP 562): they pull in the layout engine and
ReportLab's barcodes, which a station starting up does not need (``printing.documents.common``
is imported by the receipt printer without them).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from printing.documents.manifest import manifest_layout
    from printing.documents.printtest import print_test_layout
    from printing.documents.returns import return_label_layout
    from printing.documents.shipping import shipping_label_layout, tracking_url
    from printing.documents.slip import packing_slip_layout

__all__ = [
    "manifest_layout",
    "packing_slip_layout",
    "print_test_layout",
    "return_label_layout",
    "shipping_label_layout",
    "tracking_url",
]

_HOME = {
    "manifest_layout": "manifest",
    "packing_slip_layout": "slip",
    "print_test_layout": "printtest",
    "return_label_layout": "returns",
    "shipping_label_layout": "shipping",
    "tracking_url": "shipping",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
