"""Work-arounds for bugs of the Qt binding that would otherwise take the station down.

PySide6 6.12.0: ``SignalInstance.emit()`` returns ``True`` without taking a reference to it, so
every ``emit()`` called from Python steals one reference to ``True``. After a few hundred emits
``True``'s count reaches zero and CPython aborts ("Fatal Python error: bool_dealloc") -- a
station dies within minutes of packing. Found by ``python -m bench ui``; reproduced with a bare
``QObject`` and one signal. The fix: probe once whether ``emit()`` steals, and if it does, give
``True`` and ``False`` a reference count no process lives long enough to use up (what CPython
3.12 does anyway: they are immortal there). Remove when PySide6 is fixed (the probe then finds
nothing to do).

The same release steals a reference to ``None`` on every call of a method returning ``void``
(``setText``, ``setVisible``, ``update``, ``processEvents``...): a few thousand scans use up
the references ``None`` starts with ("Fatal Python error: none_dealloc"), the sooner the fewer
modules hold it (a station that imports less on start). ``protect_none`` gives it the same
head-room, after the same kind of probe.

Not a crash but start-up time: PySide6 decides for every module imported after it whether the
module "uses PySide6" (only such modules take part in ``from __feature__ import ...``), by
``inspect.getsource(module)`` -- which also walks ``sys.modules`` and keeps every module's
source lines in ``linecache``. Over the ~500 modules a station imports that is ~0.2 s of
start-up and a few MB. ``cheap_feature_check`` gives the same answer from the file's bytes.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from types import ModuleType

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

_PLENTY = 1 << 48  # emits a station would need 9,000 years at 1,000 a second to use up


class _Probe(QObject):
    ping = Signal()


def emit_steals_bools() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.ping.emit()
    return sys.getrefcount(True) <= before - 8


def void_call_steals_none() -> bool:
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")  # returns void
    return sys.getrefcount(None) <= before - 8


def protect_none() -> bool:
    """Apply the fix for ``None`` if this PySide6 needs it; True when it did."""
    if not void_call_steals_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _PLENTY
    log.info("PySide6 %s steals a reference to None on every void call: worked around",
             sys.modules["PySide6"].__version__)
    return True


def protect_bools() -> bool:
    """Apply the fix if this PySide6 needs it; True when it did."""
    if not emit_steals_bools():
        return False
    for value in (True, False):
        # ob_refcnt is the first field of every CPython object, at the object's address.
        ctypes.c_ssize_t.from_address(id(value)).value += _PLENTY
    log.info("PySide6 %s steals a reference to True on every emit(): worked around",
             sys.modules["PySide6"].__version__)
    return True


def module_uses_pyside(module: ModuleType) -> bool:
    """PySide6's own test (is "PySide6" in the module's source?), without ``inspect``."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, extension or bytecode-only: inspect finds no source either
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def cheap_feature_check() -> bool:
    """Replace PySide6's per-import source scan with ``module_uses_pyside``; True when done
    (False on a PySide6 without that hook: nothing to replace)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", module_uses_pyside)  # noqa: B010  (no stubs)
    return True
