"""Labels, slips and manifests (ZPL, PDF, PNG, ESC/POS) and the transports that print them.

Other layers call :func:`render` for bytes and :func:`open_transport` to send them.
"""

from __future__ import annotations

from printing.render import Format, UnsupportedFormat, render
from printing.transports import open_transport

__all__ = ["Format", "UnsupportedFormat", "open_transport", "render"]
