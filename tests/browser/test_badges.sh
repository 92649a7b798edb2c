#!/bin/sh
# The rating badge in every form as a reader sees it in headless Chromium:
# the number beside the stars, a half star painted half, grades and verdicts
# as words, every text inside its box (tests/browser/badge_check.py).
#
# usage: sh tests/browser/test_badges.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without chromium, chromedriver or python3's selenium.
SG=${1:?usage: test_badges.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
ROOT=${3:-.}
NAME=test_badges
. "$ROOT/tests/browser/browser_env.sh"
exec "$PY" "$ROOT/tests/browser/badge_check.py" "$SG" "${SG_BUILD:-${TMPDIR:-/tmp}}"
