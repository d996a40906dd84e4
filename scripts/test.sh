#!/usr/bin/env bash
# The test command: installs everything the tests need, then runs the linters, the type checker,
# the architecture contract and the whole test suite (SQLite and PostgreSQL, real CUPS, ptys).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
# PostgreSQL for the multi-station tests; trust auth on these machines.
export WORKSTATION_TEST_PG="${WORKSTATION_TEST_PG:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
export QT_QPA_PLATFORM=offscreen
echo "== ruff";          ruff check .
echo "== mypy";          mypy
echo "== import-linter"; lint-imports
echo "== pytest";        pytest "$@"
