"""Document builders: plain data in, :class:`~printing.layout.Layout` pages out."""

from __future__ import annotations

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
