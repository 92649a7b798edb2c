#!/bin/sh
# Annotated HTML pages build the same document in the browser as the
# author's page, apart from what spoilerguard inserted, and every flagged
# sentence is hidden: the realposts pages, the seeds made into pages and a
# page of awkward markup (misnested tags, text straight in a table, template,
# form controls, links), in the default style and in html-details
# (tests/browser/pages_check.py).
#
# usage: sh tests/browser/test_pages.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without the corpus, chromium, chromedriver or python3's
# selenium.
SG=${1:?usage: test_pages.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:-../shared/corpus}
ROOT=${3:-.}
if [ ! -d "$CORPUS/realposts/files" ] || [ ! -d "$CORPUS/seeds" ]; then
    echo "test_pages: no corpus at $CORPUS (realposts/files, seeds): skipped"
    exit 77
fi
NAME=test_pages
. "$ROOT/tests/browser/browser_env.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="In the end, the hero dies and the villain turns out to be her father."
cat >"$T/awkward.html" <<HTML
<!doctype html><html><head><title>Awkward markup</title></head><body>
<p>The film is long and the score is fine.</p>
<table>$S<tr><td>$S</td></tr></table>
<template><p>$S</p></template>
<p><b>Bold start. $S</p> after</b>
<div>Before.<br><b>$S<br></b><b>Next</b><br>After.</div>
<div>In the end, the hero dies <i>and the villain</b> turns out to be her father.</div>
<ul><li>$S<li>Second.</ul>
<select><option>$S</option></select>
<textarea>$S</textarea>
<a href="#x">$S</a>
<p>In the end, the <a href="#y">hero dies</a> and the villain turns out to be her father.</p>
</body></html>
HTML
exec "$PY" "$ROOT/tests/browser/pages_check.py" "$SG" "$CORPUS" "$T" "$T/awkward.html"
