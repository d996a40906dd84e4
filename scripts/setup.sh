#!/usr/bin/env bash
# Installs what the app and its tests need on a Debian/Ubuntu machine: Debian packages (only the
# missing ones, so a second run is quick) and a virtualenv in .venv with the project in it.
# Sourced by scripts/run.sh and scripts/test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DEBIAN_PACKAGES=(
  python3-venv            # python3 -m venv on Debian's own Python
  libzbar0                # pyzbar: decoding barcodes from rendered labels
  poppler-utils           # pdftoppm: PDFs rendered to images in the tests
  cups cups-bsd cups-client  # the real CUPS server the printing tests start, and lpr/lpstat
  xvfb xauth              # the UI run under a virtual screen for screenshots
  fonts-noto-cjk          # Chinese names and addresses on screen and on labels
  fonts-dejavu-core
  libpulse0               # QtMultimedia's feedback sounds (without it the station is silent)
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
  libxcb-randr0 libdbus-1-3 libfontconfig1 libglib2.0-0   # Qt's xcb/offscreen platform plugins
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${DEBIAN_PACKAGES[@]}"; do
    [[ "$p" == \#* ]] && continue
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
# python3-venv is only needed where python3 lacks ensurepip (Debian's python); pyenv pythons have it.
if python3 -c 'import ensurepip' 2>/dev/null; then
  filtered=(); for p in "${missing[@]}"; do [[ "$p" == python3-venv ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f "$stamp" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e '.[test]'
  rm -f .venv/.installed-*; touch "$stamp"
fi

# Compiled translations (.qm) from their sources (.ts): only those missing or older than the source.
for ts in resources/translations/*.ts; do
  [[ -e "$ts" ]] || continue
  qm="${ts%.ts}.qm"
  if [[ ! -f "$qm" || "$ts" -nt "$qm" ]]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
