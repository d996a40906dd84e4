"""``sim://NAME`` -- an in-process printer emulator per name, faults configurable.

The first use of a name starts a :class:`~printing.emulator.PrinterEmulator` on a free loopback
port; tests and the demo reach it with :func:`simulator` to change its state.  URL options set
the initial state: ``?state=paper_out`` (head_open, paused, ribbon_out; repeatable),
``?fault=refuse`` (also ``silent``, ``blackhole``, ``drop_after:N``), ``?dpi=300``.
"""

from __future__ import annotations

import threading
import urllib.parse

from printing.emulator import PrinterEmulator
from printing.status import PrinterState
from printing.transports.tcp import TcpTransport

__all__ = ["SimTransport", "shutdown_simulators", "simulator"]

#: The latest jobs and status queries a ``sim://`` printer holds: enough for the tests and
#: the set-up page to look at, and a station on sim devices does not grow through a shift.
SIM_KEEP = 200
_lock = threading.Lock()
_simulators: dict[str, PrinterEmulator] = {}


def simulator(name: str = "printer", *, dpi: int = 203) -> PrinterEmulator:
    """The running emulator behind ``sim://name`` (started on first use)."""
    with _lock:
        emu = _simulators.get(name)
        if emu is None:
            emu = PrinterEmulator(dots_per_mm=12 if dpi == 300 else 8,
                                  model=f"SIM-{name}-{dpi}dpi", keep=SIM_KEEP).start()
            _simulators[name] = emu
        return emu


def shutdown_simulators() -> None:
    """Stop every simulator (tests call this so no thread outlives them)."""
    with _lock:
        emus = list(_simulators.values())
        _simulators.clear()
    for emu in emus:
        emu.stop()


def _apply(emu: PrinterEmulator, query: str) -> None:
    params = urllib.parse.parse_qs(query)
    states = [PrinterState(s) for s in params.get("state", [])]
    if states:
        emu.set_conditions(*states)
    for fault in params.get("fault", []):
        if fault == "refuse":
            emu.set_behaviour(refuse=True)
        elif fault == "silent":
            emu.set_behaviour(silent=True)
        elif fault == "blackhole":
            emu.set_behaviour(blackhole=True)
        elif fault.startswith("drop_after:"):
            emu.drop_after(int(fault.split(":", 1)[1]))
        else:
            raise ValueError(f"unknown sim fault {fault!r}")


class SimTransport(TcpTransport):
    """A TCP transport to the named emulator; errors and results name the sim:// URL."""

    def __init__(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        name = parts.netloc or "printer"
        dpi = int(urllib.parse.parse_qs(parts.query).get("dpi", ["203"])[-1])
        fresh = name not in _simulators
        emu = simulator(name, dpi=dpi)
        if fresh:
            _apply(emu, parts.query)
        super().__init__(f"{emu.url}?timeout=2&confirm_timeout=3&query_timeout=0.5")
        self.url = url
        self.emulator = emu
