"""The station window (PySide6). Importing any part of it first works around the Qt binding's
known bugs (``ui.qt_workarounds``).

The application's own heavy modules (SQLAlchemy, the models, the pack service) are imported
before PySide6: PySide6 reads the source of every module imported after it (looking for
``from __feature__`` imports), which costs the station ~0.2 s of start-up over these.
``cheap_feature_check`` then makes that reading cheap for the modules imported after it (the
window's own, and what the deferred start-up and the first labels import).
"""

import workstation.app  # noqa: F401  (before PySide6: see above)
from ui.qt_workarounds import cheap_feature_check, protect_bools, protect_none

cheap_feature_check()
protect_bools()
protect_none()
