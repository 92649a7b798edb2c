#!/bin/sh
# Spoilers are hidden on the page until the reader shows them: the default
# HTML output (html-span, with the CSS and script it inlines) and html-details,
# opened in headless Chromium and worked by mouse and by keyboard.
#
# usage: sh tests/browser/test_reveal.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without chromium, chromedriver or python3's selenium
# (Debian: chromium chromium-driver python3-selenium).
SG=${1:?usage: test_reveal.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
ROOT=${3:-.}
for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import selenium' 2>/dev/null; then
        PY=$py
        break
    fi
done
if [ -z "${PY:-}" ] || ! command -v chromium >/dev/null 2>&1 ||
    ! command -v chromedriver >/dev/null 2>&1; then
    echo "test_reveal: needs chromium, chromedriver and python3-selenium: skipped"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat >"$T/review.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Lights review</title></head>
<body><article>
<h1>Harbour Lights</h1>
<p>The film is slow, handsome and patient, and the score is lovely.</p>
<p>Mara Quinn runs a bar by the docks with her brother Tom.</p>
<p>In the final scene, Mara shoots <a href="https://example.org/tom">her brother Tom</a> on the pier and walks into the sea.</p>
<p>It turns out that <em>the stranger with the map</em> was Tom's son all along.</p>
<p>Go and see it.</p>
</article></body></html>
HTML
unset LD_PRELOAD # a sanitizer build's preload is for the Lua hosts, never the browser
"$SG" --from html "$T/review.html" >"$T/span.html" || exit 1
"$SG" --from html --style html-details "$T/review.html" >"$T/details.html" || exit 1
SHOTS=${SG_BUILD:-$T}
exec "$PY" "$ROOT/tests/browser/reveal_check.py" "$T/span.html" "$T/details.html" "$SHOTS"
