"""The station window (PySide6). Importing any part of it first works around the Qt binding's
known bugs (``ui.qt_workarounds``)."""

from ui.qt_workarounds import protect_bools

protect_bools()
