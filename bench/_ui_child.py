"""A process the UI benchmark starts and times: ``python -m bench._ui_child bare|station URL``.

Prints ``READY`` once the window is on screen and (for the station) the pack service is built
and the scanner connected, i.e. the first scan would be answered; the parent times Popen ->
READY. After it, ``CPU s``: the processor time the process had used by then (all its threads;
less sensitive than the wall clock to a busy machine). The station then prints
``DEFERRED-DONE`` once the parts started after the first paint (scale, spooler, other pages,
sounds) are up.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def _wait(condition: object, timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    assert callable(condition)
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("not ready in time")
        QApplication.processEvents()
        time.sleep(0.001)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("ready"))
    window.resize(1366, 768)
    window.show()
    _wait(lambda: window.windowHandle() is not None and window.windowHandle().isExposed())
    print("READY", flush=True)
    print(f"CPU {time.process_time():.4f}", flush=True)
    window.close()
    del app


def station(url: str, data_dir: str) -> None:
    # In the order `workstation gui` imports them: ui first (its __init__ imports the app's
    # modules before PySide6), then Qt.
    import ui.station

    build_station = ui.station.build_station
    from PySide6.QtWidgets import QApplication

    from ui.theme import apply_theme
    from workstation.app import open_app
    from workstation.settings import Settings

    app = QApplication(sys.argv[:1])
    apply_theme(app, "light")
    settings = Settings(database_url=url, station="ST-BENCH", data_dir=Path(data_dir),
                        sound_volume=0.0, slip_format="none")
    wiring = open_app(settings)  # the app upgrades its schema on every start, as in production
    built = build_station(wiring, app, sound=False, defer=True)  # as `workstation gui` does
    built.window.resize(1366, 768)
    built.window.show()
    handle = built.window.windowHandle
    _wait(lambda: built.model.scanner.ok is True and handle() is not None
          and handle().isExposed())
    print("READY", flush=True)
    print(f"CPU {time.process_time():.4f}", flush=True)
    _wait(lambda: built.started)  # the scale, spooler, pages and sounds after the first paint
    print("DEFERRED-DONE", flush=True)
    built.close()
    wiring.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        station(sys.argv[2], sys.argv[3])
