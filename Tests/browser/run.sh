#!/usr/bin/env bash
# Runs the browser and accessibility tests against a built server binary.
#
#   Tests/browser/run.sh [extra pytest arguments]
#
# Needs: a built binary (STYRBORD_BIN, default .build/debug/styrbord), /usr/bin/chromium and
# /usr/bin/chromedriver, and the Python packages selenium, pytest, icalendar and axe-playwright-python
# (installed with --no-deps; only its bundled axe.min.js is used).
# Writes artifacts/browser-junit.xml; screenshots, page HTML and the server log of a failed run
# go to artifacts/browser/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

export STYRBORD_BIN="${STYRBORD_BIN:-.build/debug/styrbord}"
if [[ ! -x "$STYRBORD_BIN" ]]; then
    echo "run.sh: no server binary at $STYRBORD_BIN; build it with: swift build --product styrbord" >&2
    exit 2
fi

mkdir -p artifacts/browser
rm -f artifacts/browser/*.png artifacts/browser/*.html artifacts/browser/*.url.txt artifacts/browser/*.error.txt

# -x would hide later failures; --maxfail stops a run whose every test fails the same way.
# Test paths given as arguments replace the default of every test in Tests/browser.
paths=(Tests/browser)
for arg in "$@"; do
    if [[ "$arg" == Tests/browser/* ]]; then paths=(); break; fi
done

exec python3 -m pytest "${paths[@]}" \
    --junitxml=artifacts/browser-junit.xml \
    --maxfail=25 \
    --durations=10 \
    -o junit_suite_name=browser \
    "$@"
