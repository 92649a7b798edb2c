#!/bin/sh
# The pandoc filter, run by pandoc itself (pandoc 2 runs Lua 5.3, pandoc 3
# runs Lua 5.4; the filter picks the matching binding):
#   SG_ROOT=. SG_BUILD=build [SG_CORPUS=../shared/corpus] sh tests/lua/test_pandoc.sh
#   or: sh tests/lua/test_pandoc.sh ROOT BUILD [CORPUS]
ROOT=${1:-${SG_ROOT:-.}}
BUILD=${2:-${SG_BUILD:-$ROOT/build}}
CORPUS=${3:-${SG_CORPUS:-$ROOT/../shared/corpus}}
FILTER="$ROOT/lua/spoilerguard/pandoc.lua"
export SPOILERGUARD_BUILD="$BUILD"
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }

if ! command -v pandoc > /dev/null 2>&1; then
    echo "skip: pandoc is not installed"
    exit 77
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sg-pandoc.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

# has NAME FILE TEXT...: every TEXT occurs in FILE
has() {
    name=$1 file=$2
    shift 2
    for want in "$@"; do
        if ! grep -qF -- "$want" "$file"; then
            bad "$name" "missing: $want" "$(head -c 800 "$file")" "$(head -c 400 "$TMP/err" 2>/dev/null)"
            return 1
        fi
    done
    ok "$name"
}

cat > "$TMP/rules.lua" <<'EOF'
return {
  { id = "test.dies", kind = "death", severity = "major", pattern = [[\bdies\b]] },
  { id = "test.twist", kind = "twist", severity = "major", pattern = [[\bwas the killer\b]] },
}
EOF

cat > "$TMP/review.md" <<EOF
---
title: A review
spoilerguard:
  rules: [$TMP/rules.lua]
  defaults: false
---

# A review

Okju is a contract killer who wants out. In the final act, Okju dies in her
mentor's arms. The action scenes are superb.

- *Fine work. The mentor was the killer* all along.

The score is loud. Rating: 7/10
EOF

pandoc --lua-filter "$FILTER" -f markdown -t html --wrap=none "$TMP/review.md" -o "$TMP/out.html" 2> "$TMP/err"
rc=$?
if [ "$rc" != 0 ]; then
    bad "filter_runs" "pandoc exit $rc" "$(head -c 800 "$TMP/err")"
else
    ok "filter_runs"
    has "flagged_sentence_is_hidden_behind_a_button" "$TMP/out.html" \
        '<span class="spoiler" data-spoilerguard="death"><button type="button" data-spoilerguard="toggle" aria-expanded="false">Spoiler (death)</button><span data-spoilerguard="content" hidden="">In the final act, Okju dies in her' \
        "mentor’s arms.</span></span>"
    has "the_css_and_script_come_once" "$TMP/out.html" '<style data-spoilerguard="style">' \
        '<script data-spoilerguard="script">'
    [ "$(grep -o 'data-spoilerguard="script"' "$TMP/out.html" | wc -l)" -eq 1 ] &&
        ok "only_one_script" || bad "only_one_script" "$(grep -c 'data-spoilerguard="script"' "$TMP/out.html")"
    if grep -q '<span class="spoiler"[^>]*>Okju is a contract' "$TMP/out.html"; then
        bad "unflagged_sentence_stays_outside" "$(head -c 800 "$TMP/out.html")"
    else
        ok "unflagged_sentence_stays_outside"
    fi
    has "sentence_starting_in_emphasis_puts_the_block_in_a_closed_details" "$TMP/out.html" \
        '<details class="spoiler" data-spoilerguard="twist"><summary data-spoilerguard="summary">Spoiler (twist)</summary>'
    has "warning_div_comes_before_the_first_flagged_block" "$TMP/out.html" \
        'class="spoiler-warning"' 'Spoiler warning:'
    # line numbers by grep: under a sanitizer build's preload, mawk trips ASan
    w=$(grep -n 'spoiler-warning' "$TMP/out.html" | tail -n 1 | cut -d: -f1)
    f=$(grep -n 'class="spoiler" data-spoilerguard' "$TMP/out.html" | head -n 1 | cut -d: -f1)
    if [ -n "$w" ] && [ -n "$f" ] && [ "$w" -lt "$f" ]; then
        ok "warning_is_placed_before_the_flagged_text"
    else
        bad "warning_is_placed_before_the_flagged_text" "$(head -c 800 "$TMP/out.html")"
    fi
    has "badge_is_inserted" "$TMP/out.html" 'class="sg-rating"' '7/10' 'aria-label="Rated 7/10"'
fi

# metadata for templates
printf 'rating=$spoilerguard_rating$|value=$spoilerguard_rating_value$|count=$spoilerguard_spoilers$|r=$rating$|excerpt=$if(spoilerguard_excerpt)$yes$endif$\n' > "$TMP/meta.tpl"
pandoc --lua-filter "$FILTER" -f markdown -t plain --template "$TMP/meta.tpl" "$TMP/review.md" -o "$TMP/meta.txt" 2> "$TMP/err"
has "metadata_is_set_for_templates" "$TMP/meta.txt" "rating=7/10" "value=7" "count=2" "r=7/10"

# options in metadata
cat > "$TMP/nowarn.md" <<EOF
---
spoilerguard:
  rules: [$TMP/rules.lua]
  defaults: false
  warning: false
  badge: false
---

In the end, Okju dies. Rating: 7/10
EOF
pandoc --lua-filter "$FILTER" -f markdown -t html --wrap=none "$TMP/nowarn.md" -o "$TMP/nowarn.html" 2> "$TMP/err"
if grep -q 'spoiler-warning\|sg-rating' "$TMP/nowarn.html"; then
    bad "warning_and_badge_can_be_turned_off" "$(cat "$TMP/nowarn.html")"
else
    has "warning_and_badge_can_be_turned_off" "$TMP/nowarn.html" 'class="spoiler"'
fi

# a document without spoilers is left alone
printf 'The score is loud and the editing brisk.\n' > "$TMP/clean.md"
pandoc -f markdown -t html --wrap=none "$TMP/clean.md" -o "$TMP/clean.plain.html"
pandoc --lua-filter "$FILTER" -f markdown -t html --wrap=none "$TMP/clean.md" -o "$TMP/clean.html" 2> "$TMP/err"
if cmp -s "$TMP/clean.html" "$TMP/clean.plain.html"; then
    ok "document_without_spoilers_or_rating_is_unchanged"
else
    bad "document_without_spoilers_or_rating_is_unchanged" "$(cat "$TMP/clean.html")"
fi

# a broken rule file stops pandoc with the file named
printf 'return {\n  { id = "bad.pattern", kind = "death", pattern = "(unclosed" },\n}\n' > "$TMP/bad.lua"
printf -- '---\nspoilerguard:\n  rules: [%s]\n---\n\nText.\n' "$TMP/bad.lua" > "$TMP/bad.md"
if pandoc --lua-filter "$FILTER" -f markdown -t html --wrap=none "$TMP/bad.md" -o "$TMP/bad.html" 2> "$TMP/err"; then
    bad "bad_rule_file_fails_naming_rule_and_file" "pandoc succeeded"
elif grep -q "bad.pattern" "$TMP/err" && grep -q "bad.lua:2" "$TMP/err"; then
    ok "bad_rule_file_fails_naming_rule_and_file"
else
    bad "bad_rule_file_fails_naming_rule_and_file" "$(head -c 600 "$TMP/err")"
fi

# a seed review, read as Markdown, with the default rules
SEED="$CORPUS/seeds/ballerina-butwhytho.txt"
if [ -f "$SEED" ]; then
    pandoc --lua-filter "$FILTER" -f markdown -t html --wrap=none "$SEED" -o "$TMP/seed.html" 2> "$TMP/err"
    rc=$?
    n=$(grep -o '<span class="spoiler"\|<div class="spoiler"' "$TMP/seed.html" 2>/dev/null | wc -l)
    if [ "$rc" = 0 ] && [ "$n" -ge 1 ]; then
        ok "seed_review_gets_spoiler_spans ($n)"
    else
        bad "seed_review_gets_spoiler_spans" "exit $rc, $n spans" "$(head -c 400 "$TMP/err")"
    fi
else
    echo "skip seed review: no corpus at $CORPUS"
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
