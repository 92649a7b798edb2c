#!/bin/sh
# Spoilers are hidden on the page until the reader shows them: the default
# HTML output (html-span, with the CSS and script it inlines), html-details,
# Markdown's default md-html as cmark, pandoc and kramdown render it, md-hugo as Hugo
# builds it with the shipped shortcode, and the pandoc filter's HTML and
# EPUB, opened in headless Chromium and worked by mouse and by keyboard.
#
# usage: sh tests/browser/test_reveal.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without chromium, chromedriver or python3's selenium
# (Debian: chromium chromium-driver python3-selenium).
SG=${1:?usage: test_reveal.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
ROOT=${3:-.}
NAME=test_reveal
. "$ROOT/tests/browser/browser_env.sh"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cat >"$T/review.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Lights review</title></head>
<body><article>
<h1>Harbour Lights</h1>
<p>The film is slow, handsome and patient, and the score is lovely.</p>
<p>Mara Quinn runs a bar by the docks with her brother Tom.</p>
<p>In the final scene, Mara shoots <a href="https://example.org/tom">her brother Tom</a> on the pier and walks into the sea.</p>
<p>It turns out that <em>the stranger with the map</em> was the son of Tom all along.</p>
<p>Go and see it.</p>
</article></body></html>
HTML
cat >"$T/review.md" <<'MD'
---
title: Harbour Lights review
---

# Harbour Lights

The film is slow, handsome and patient, and the score is lovely.

Mara Quinn runs a bar by the docks with her brother Tom.

In the final scene, Mara shoots [her brother Tom](https://example.org/tom) on the pier and walks into the sea.

It turns out that *the stranger with the map* was the son of Tom all along.

Go and see it.
MD
"$SG" --from html "$T/review.html" >"$T/span.html" || exit 1
"$SG" --from html --style html-details "$T/review.html" >"$T/details.html" || exit 1
# md-html, as the Markdown renderers that keep raw HTML publish it
"$SG" --from markdown "$T/review.md" >"$T/marked.md" || exit 1
pages="html-span=$T/span.html"
# page NAME CMD...: the marked Markdown, front matter cut, rendered by CMD
# (which writes a body) into the page $T/NAME.html
page() {
    name=$1
    shift
    sed '1,/^---$/{/^---$/!d;};1,/^---$/d' "$T/marked.md" | "$@" >"$T/$name.body" || exit 1
    { printf '<!doctype html><html><head><meta charset="utf-8"></head><body>\n'
      cat "$T/$name.body"; printf '</body></html>\n'; } >"$T/$name.html"
}
if command -v cmark >/dev/null 2>&1; then
    page cmark cmark --unsafe
    pages="$pages md-html+cmark=$T/cmark.html"
else
    echo "test_reveal: no cmark: md-html through cmark not checked"
fi
if command -v pandoc >/dev/null 2>&1; then
    pandoc -f markdown -t html5 --standalone --metadata title=review "$T/marked.md" \
        -o "$T/pandoc.html" || exit 1
    pages="$pages md-html+pandoc=$T/pandoc.html"
else
    echo "test_reveal: no pandoc: md-html through pandoc not checked"
fi
if command -v ruby >/dev/null 2>&1 && ruby -rkramdown -e '' 2>/dev/null; then
    # Jekyll's Markdown, kramdown (front matter is Jekyll's, so it is cut)
    page kramdown ruby -rkramdown -e 'puts Kramdown::Document.new(STDIN.read).to_html'
    pages="$pages md-html+kramdown=$T/kramdown.html"
else
    echo "test_reveal: no ruby-kramdown: md-html through kramdown not checked"
fi
# the pandoc filter's HTML output
if command -v pandoc >/dev/null 2>&1; then
    # a sanitizer build's binding needs its runtime preloaded into pandoc
    LD_PRELOAD=${SG_HOST_PRELOAD:-} ASAN_OPTIONS=detect_leaks=0 \
        SPOILERGUARD_BUILD=${SG_BUILD:-$ROOT/build} pandoc "$T/review.md" -L "$ROOT/lua/spoilerguard/pandoc.lua" \
        -t html5 --standalone --metadata title=review -o "$T/filter.html" || exit 1
    pages="$pages pandoc-filter=$T/filter.html"
    # its EPUB: the chapter as an e-reader's engine opens it (as XHTML)
    LD_PRELOAD=${SG_HOST_PRELOAD:-} ASAN_OPTIONS=detect_leaks=0 \
        SPOILERGUARD_BUILD=${SG_BUILD:-$ROOT/build} pandoc "$T/review.md" -L "$ROOT/lua/spoilerguard/pandoc.lua" \
        -o "$T/review.epub" || exit 1
    "$PY" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        "$T/review.epub" "$T/epub" || exit 1
    pages="$pages epub=$T/epub/EPUB/text/ch001.xhtml"
fi
# md-hugo, built by Hugo with its default Markdown (goldmark, raw HTML off)
# and the shipped shortcode
SHORTCODE=${SG_BUILD:-$ROOT/build}/hugo/layouts/shortcodes/spoiler.html
if command -v hugo >/dev/null 2>&1 && [ -f "$SHORTCODE" ]; then
    mkdir -p "$T/site/content" "$T/site/layouts/_default" "$T/site/layouts/shortcodes"
    printf 'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home"]\n' \
        >"$T/site/config.toml"
    printf '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n' \
        >"$T/site/layouts/_default/single.html"
    cp "$SHORTCODE" "$T/site/layouts/shortcodes/spoiler.html"
    "$SG" --from markdown --style md-hugo "$T/review.md" >"$T/site/content/review.md" || exit 1
    if (cd "$T/site" && hugo --quiet -d "$T/public" >"$T/hugo.log" 2>&1); then
        pages="$pages md-hugo+hugo=$T/public/review/index.html"
    else
        echo "FAIL hugo could not build the page:"
        cat "$T/hugo.log"
        exit 1
    fi
else
    echo "test_reveal: no hugo or no built shortcode: md-hugo not checked"
fi
SHOTS=${SG_BUILD:-$T}
# shellcheck disable=SC2086
exec "$PY" "$ROOT/tests/browser/reveal_check.py" "$SHOTS" "details=$T/details.html" $pages
