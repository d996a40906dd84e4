#!/usr/bin/env bash
# Refreshes the translation sources from every string in ui/ (tr(), QT_TRANSLATE_NOOP):
# new strings are added as unfinished, translations already made are kept, vanished ones
# dropped. Translate the new entries (pyside6-linguist resources/translations/*.ts), then
# scripts/setup.sh compiles them. tests/ui/test_translations.py fails while any is unfinished.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t sources < <(find ui -name '*.py' -not -path '*/__pycache__/*' | sort)
for lang in id zh_CN; do
  .venv/bin/pyside6-lupdate "${sources[@]}" -ts "resources/translations/workstation_${lang}.ts" \
    -source-language en -target-language "$lang" -no-obsolete -locations relative
done
