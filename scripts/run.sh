#!/usr/bin/env bash
# Installs the app and starts it on its embedded default: SQLite in the user's data directory,
# demo data on first start, simulated scanner, scale and printers.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
exec .venv/bin/workstation "$@"
