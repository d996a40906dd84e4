#!/usr/bin/env bash
# Screenshots of the station window under a virtual X display with the real theme (not the
# offscreen platform): docs/screenshots/packing-*.png.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
unset QT_QPA_PLATFORM
exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.screenshots "${1:-docs/screenshots}"
