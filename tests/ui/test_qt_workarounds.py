"""A station emits signals all day: the process must survive far more emits than PySide6
6.12.0's stolen reference to True would allow (see ui/qt_workarounds.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EMITS = """
import ui  # applies the work-around
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    changed = Signal(object)

source = Source()
source.changed.connect(lambda value: None)
for i in range(50_000):
    source.changed.emit(i)
print("survived")
"""


def test_fifty_thousand_emits_do_not_abort_the_process() -> None:
    done = subprocess.run([sys.executable, "-c", EMITS], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


VOID_CALLS = """
import ui  # applies the work-arounds
from PySide6.QtCore import QObject

probe = QObject()
for i in range(200_000):
    probe.setObjectName("probe")  # a method returning void
print("survived")
"""


def test_two_hundred_thousand_void_calls_do_not_abort_the_process() -> None:
    # Without the work-around PySide6 6.12.0 takes a reference to None on each: the process
    # aborts ("none_dealloc") long before the loop ends.
    done = subprocess.run([sys.executable, "-c", VOID_CALLS], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"
