"""A station emits signals all day: the process must survive far more emits than PySide6
6.12.0's stolen reference to True would allow (see ui/qt_workarounds.py)."""

from __future__ import annotations

import os
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


FEATURE_STILL_WORKS = """
import ui  # replaces PySide6's per-import source scan
from __feature__ import snake_case  # noqa: F401
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
print(QWidget().size_hint().is_valid() is not None)
"""


def test_pyside_features_still_switch_on_for_a_module_that_asks() -> None:
    done = subprocess.run([sys.executable, "-c", FEATURE_STILL_WORKS], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).parents[2],
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "True"


def test_the_cheap_check_is_installed_and_answers_as_pysides_own() -> None:
    import inspect

    import ui  # noqa: F401
    from ui.qt_workarounds import module_uses_pyside

    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is module_uses_pyside
    checked = 0
    for module in list(sys.modules.values()):
        try:
            source = inspect.getsource(module)
        except (TypeError, OSError, SyntaxError):
            expected = False
        else:
            expected = "PySide6" in source
        assert module_uses_pyside(module) == expected, module.__name__
        checked += expected
    assert checked > 10  # the window's own modules at least
