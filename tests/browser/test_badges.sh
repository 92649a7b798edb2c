#!/bin/sh
# The rating badge in every form as a reader sees it in headless Chromium:
# the number beside the stars, a half star painted half, grades and verdicts
# as words, every text inside its box (tests/browser/badge_check.py).
#
# usage: sh tests/browser/test_badges.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without chromium, chromedriver or python3's selenium.
SG=${1:?usage: test_badges.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
ROOT=${3:-.}
unset LD_PRELOAD # a sanitizer build's preload is for the Lua hosts, never the browser
for py in python3 /usr/bin/python3; do
    command -v "$py" >/dev/null 2>&1 && "$py" -c 'import selenium' 2>/dev/null || continue
    exec "$py" "$ROOT/tests/browser/badge_check.py" "$SG" "${SG_BUILD:-${TMPDIR:-/tmp}}"
done
echo "test_badges: needs python3-selenium: skipped"
exit 77
