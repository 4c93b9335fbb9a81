#!/usr/bin/env bash
# Extract every marked string, merge it into the id and en catalogues, compile them.
# After running it, translate the new empty entries in id/LC_MESSAGES/messages.po
# (tests/test_i18n.py fails while any is missing), then run it again to compile.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel -q extract -F translations/babel.cfg --ignore-dirs '.* __pycache__ instance artifacts' -k _l -k lazy_gettext -k lazy_pgettext:1c,2 \
  -k lazy_ngettext:1,2 --no-location --sort-output --omit-header -o translations/messages.pot . >/dev/null
for lang in id en; do
  if [ -f "translations/$lang/LC_MESSAGES/messages.po" ]; then
    pybabel -q update -i translations/messages.pot -d translations -l "$lang" --no-fuzzy-matching --ignore-obsolete >/dev/null
  else
    pybabel -q init -i translations/messages.pot -d translations -l "$lang" >/dev/null
  fi
done
pybabel compile -d translations --statistics
