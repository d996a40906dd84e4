from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from printing.emulator import PrinterEmulator
from printing.transports.sim import shutdown_simulators


@pytest.fixture
def emulator() -> Iterator[PrinterEmulator]:
    with PrinterEmulator() as emu:
        yield emu


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield
    shutdown_simulators()
    for t in set(threading.enumerate()) - before:
        t.join(5)
    leaked = [t.name for t in set(threading.enumerate()) - before if t.is_alive()]
    assert not leaked, f"threads left running: {leaked}"
