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
    has "badge_is_inserted_with_halves_as_halves" "$TMP/out.html" 'class="sg-rating"' '★★★½☆ 7/10' 'aria-label="Rating: '
fi

# converted NAME EXT: the review converted to EXT by the filter, and read by
# pandoc_check.py, is what test NAME wants
converted() {
    if pandoc --lua-filter "$FILTER" -f markdown "$TMP/review.md" -o "$TMP/review.$2" 2> "$TMP/err"; then
        if python3 "$ROOT/tests/lua/pandoc_check.py" "$2" "$TMP/review.$2" > "$TMP/$2.txt" 2>&1; then
            ok "$1"
        else
            bad "$1" "$(cat "$TMP/$2.txt")"
        fi
    else
        bad "$1" "$(head -c 600 "$TMP/err")"
    fi
}
# docx: nothing can be hidden, so a warning comes first and each sentence
# has its label before it and the character style "Spoiler"
converted "docx_has_a_warning_first_and_each_spoiler_labelled_and_styled" docx
# EPUB 3: each flagged block behind a closed <details>, which e-readers show
# without a script; the chapter stays well-formed XHTML
converted "epub_puts_each_flagged_block_behind_a_closed_details" epub

# Markdown out: the spoiler span that pandoc's Markdown and spoilerguard read
pandoc --lua-filter "$FILTER" -f markdown -t markdown --wrap=none "$TMP/review.md" -o "$TMP/out.md" 2> "$TMP/err"
has "markdown_output_keeps_spoiler_spans" "$TMP/out.md" '[In the final act, Okju dies in her' ']{.spoiler'

# The filter and the command line read one article alike: the same
# sentences are marked, the warning says the same and the badge shows the
# rating the front matter gives, by the default rules
cat > "$TMP/agree.md" <<'MD'
---
title: "Lanterns over the Quay: a review"
rating: 4
---

# Lanterns over the Quay

The harbour town is painted in grey and gold, and the score hums along
quietly. Petra Vale runs the ferry with her uncle Anselm, and the first hour is
about their quarrels.

## The story

Halfway through, Anselm is shot by the smugglers he once worked for. In the
final scene, Petra sinks the smugglers' boat and drowns with it.

> It turns out that the quiet lodger was her father all along.

- The photography is lovely.
- The ending is devastating: Petra dies saving the town.
MD
SG=$BUILD/spoilerguard
if [ -x "$SG" ]; then
    "$SG" --report --from markdown "$TMP/agree.md" > "$TMP/agree.json" 2> "$TMP/err"
    "$SG" --from markdown "$TMP/agree.md" > "$TMP/agree.cli.md" 2>> "$TMP/err"
    pandoc --lua-filter "$FILTER" -f commonmark_x -t html --wrap=none "$TMP/agree.md" -o "$TMP/agree.html" 2>> "$TMP/err"
    if python3 "$ROOT/tests/lua/pandoc_check.py" agree "$TMP/agree.json" "$TMP/agree.cli.md" \
        "$TMP/agree.html" > "$TMP/agree.txt" 2>&1; then
        ok "filter_and_command_line_mark_the_same_sentences_with_the_same_warning_and_badge ($(tail -n 1 "$TMP/agree.txt"))"
    else
        bad "filter_and_command_line_mark_the_same_sentences_with_the_same_warning_and_badge" "$(cat "$TMP/agree.txt")" "$(head -c 400 "$TMP/err")"
    fi
else
    echo "skip filter_and_command_line_agree: no $SG"
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
