#!/bin/sh
# Hostile input through the command line: random and mutated bytes, NUL
# bytes and invalid UTF-8, truncated and 100,000-deep HTML, a 20 MB line, an
# unclosed code fence, empty input, a batch with broken lines, -o under
# failure and interruption, a catastrophic user pattern, --max-input, and
# script injection through metadata.  Every run exits 0, 1 or 2 (2 with a
# message), never by a signal and never past its time limit; every processed
# input strips back to itself byte for byte.
#
# usage: sh tests/cli/test_hostile.sh BUILD/spoilerguard [CORPUS_DIR] [PROJECT_ROOT]
# Prints "N passed, N failed"; exits 1 when a test failed.  A failing input
# is kept under ${TMPDIR:-/tmp}/sg-hostile-failures/ and its path printed.

LC_ALL=C
export LC_ALL

SG=${1:?usage: test_hostile.sh PATH/TO/spoilerguard [CORPUS_DIR] [PROJECT_ROOT]}
case $SG in /*) ;; *) SG="$(pwd)/$SG" ;; esac
if [ ! -x "$SG" ]; then
    echo "test_hostile: $SG is not an executable" >&2
    exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/sg-hostile.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
KEEP="${TMPDIR:-/tmp}/sg-hostile-failures"

passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; shift; for line in "$@"; do echo "     $line"; done; }

# Time limits: generous for sanitizer builds, still far below a hang.
if command -v timeout >/dev/null 2>&1; then
    limit() { secs=$1; shift; timeout -s KILL "$secs" "$@"; }
else
    limit() { shift; "$@"; }
fi

# keep FILE: a copy of a failing input that outlives the run; prints its path.
keep() {
    mkdir -p "$KEEP" && n=$(ls "$KEEP" | wc -l) && cp "$1" "$KEEP/input-$n" &&
        echo "$KEEP/input-$n"
}

# run SECS ARGS...: the CLI with stdout in $T/out, stderr in $T/err, the exit
# status in $rc; standard input from the caller.
run() {
    secs=$1
    shift
    limit "$secs" "$SG" "$@" >"$T/out" 2>"$T/err"
    rc=$?
}

# sane NAME: the last run ended by itself with 0, 1 or 2, and 2 said why.
sane() {
    if [ "$rc" -gt 2 ]; then
        echo "exit $rc ($( [ "$rc" -ge 124 ] && echo 'killed: a signal or the time limit'))"
        return 1
    fi
    # a sanitizer build reports memory errors with exit 1: never a valid end
    if grep -q -e 'Sanitizer' -e 'runtime error:' "$T/err"; then
        echo "exit $rc after a sanitizer report: $(grep -m1 -e 'Sanitizer' -e 'runtime error:' "$T/err")"
        return 1
    fi
    if [ "$rc" -eq 2 ] && [ ! -s "$T/err" ]; then
        echo "exit 2 with nothing on standard error"
        return 1
    fi
    return 0
}

# round_trip NAME FILE FORMAT [ARGS...]: marking FILE as FORMAT works (or is
# refused with a message), and --strip of the output gives FILE back byte for
# byte (or what --strip makes of FILE when FILE carries signatures already).
# Returns 0 when it held; the failure is reported under NAME.
round_trip() {
    name=$1 file=$2 fmt=$3
    shift 3
    run 120 --from "$fmt" "$@" "$file"
    if ! why=$(sane); then
        fail "$name" "$why" "input kept as $(keep "$file")" "stderr: $(head -c 300 "$T/err")"
        return 1
    fi
    [ "$rc" -eq 0 ] || return 0
    cp "$T/out" "$T/rendered"
    limit 120 "$SG" --strip --from "$fmt" "$T/rendered" >"$T/back" 2>"$T/err"
    src=$?
    limit 120 "$SG" --strip --from "$fmt" "$file" >"$T/want" 2>>"$T/err"
    if [ "$src" -ne 0 ] || ! cmp -s "$T/back" "$T/want"; then
        fail "$name" "--strip of the output is not the input (strip exit $src):" \
            "$(cmp "$T/back" "$T/want" 2>&1 | head -1)" "input kept as $(keep "$file")"
        return 1
    fi
    return 0
}

# rand_bytes SEED N FILE: N bytes from a generator seeded with SEED, weighted
# toward markup and spoiler words so they reach past the first byte.
rand_bytes() {
    awk -v seed="$1" -v n="$2" 'BEGIN {
        srand(seed)
        for (c = 32; c < 127; c++) ord[sprintf("%c", c)] = c
        ord["\n"] = 10
        na = split("The hero @dies@ in the end. @<p>@</p>@<div>@<!--@-->@<script>@</script>@"\
                   "||@>!@!<@[spoiler]@```@# @- @> @*@&amp;@<!--sg:o-->@<!--/sg-->@"\
                   " data-spoilerguard=\"death\"@Rating: 7/10@\"@<@>@\n@\n\n", atoms, "@")
        out = ""
        for (len = 0; len < n; ) {
            if (rand() < 0.4) {
                out = out sprintf("\\%03o", int(rand() * 256))
                len++
            } else {
                a = atoms[1 + int(rand() * na)]
                for (k = 1; k <= length(a); k++)
                    out = out sprintf("\\%03o", ord[substr(a, k, 1)])
                len += length(a)
            }
        }
        print out
    }' | { IFS= read -r fmt; printf "$fmt"; } >"$3"
}

# A review in each format that mutations start from; spoilers and a rating.
cat >"$T/review.txt" <<'EOF'
Ballroom Blitz (2024) review

3/5 stars

A dancer avenges her friend. Mr. Kim directs with flair.

In the final scene the dancer dies, and it turns out her mentor was the killer all along.
EOF
cat >"$T/review.md" <<'EOF'
---
title: Ballroom Blitz
author: Staff
---

# Ballroom Blitz (2024)

**Rating: 3/5**

A dancer avenges her friend.

- In the end the dancer dies.
- ||Her mentor was the killer.||

> The twist: the mentor was behind it all.
EOF
cat >"$T/review.html" <<'EOF'
<!doctype html><html><head><title>Ballroom Blitz review</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Ballroom Blitz</h1><p>Rating: 3/5</p>
<p>A dancer avenges her friend. In the final scene the dancer <em>dies</em>, and her
mentor was the killer all along.</p><ul><li>The end: she dies.</li></ul></article>
<footer>Copyright</footer></body></html>
EOF

# ---- random and mutated bytes -------------------------------------------------
ok=1
i=0
while [ $i -lt 30 ]; do
    rand_bytes $((1000 + i)) $((50 + i * 97)) "$T/rand"
    for fmt in plain markdown html; do
        round_trip "random_bytes_round_trip" "$T/rand" $fmt || ok=0
    done
    i=$((i + 1))
done
[ $ok = 1 ] && pass "random_bytes_round_trip (90 runs)"

# mutate FILE SEED: overwrite a few bytes with random ones, NUL and 0xFF
mutate() {
    size=$(wc -c <"$1")
    awk -v seed="$2" -v size="$size" 'BEGIN { srand(seed)
        for (k = 0; k < 4; k++) printf "%d %d\n", int(rand() * size), int(rand() * 256) }' |
        while read -r at byte; do
            case $((byte % 3)) in
            0) b='\000' ;;
            1) b='\377' ;;
            *) b=$(printf '\\%03o' "$byte") ;;
            esac
            printf "$b" | dd of="$1" bs=1 seek="$at" conv=notrunc 2>/dev/null
        done
}
ok=1
for ext in txt md html; do
    case $ext in txt) fmt=plain ;; md) fmt=markdown ;; *) fmt=html ;; esac
    i=0
    while [ $i -lt 15 ]; do
        cp "$T/review.$ext" "$T/mut.$ext"
        mutate "$T/mut.$ext" $((7 * i + 3))
        round_trip "mutated_${fmt}_round_trip" "$T/mut.$ext" $fmt || ok=0
        # and cut off at a seeded point
        head -c $(( (i * 37) % $(wc -c <"$T/review.$ext") )) "$T/mut.$ext" >"$T/cut.$ext"
        round_trip "mutated_${fmt}_round_trip" "$T/cut.$ext" $fmt || ok=0
        i=$((i + 1))
    done
done
[ $ok = 1 ] && pass "mutated_and_cut_reviews_round_trip (90 runs)"

# ---- NUL bytes and invalid UTF-8 ------------------------------------------------
printf 'An opening line.\n\nIn the final scene \377\376 the villain\000 dies at the end.\n' >"$T/odd.txt"
run 60 "$T/odd.txt"
if [ "$rc" -eq 0 ] && [ "$(grep -c "$(printf '\377\376')" "$T/out")" -ge 1 ] &&
    [ "$(tr -d -c '\000' <"$T/out" | wc -c)" -eq 1 ] && grep -q '\[spoiler: death' "$T/out"; then
    pass "nul_and_invalid_utf8_are_marked_and_kept_as_bytes"
else
    fail "nul_and_invalid_utf8_are_marked_and_kept_as_bytes" "exit $rc" "$(od -c "$T/out" | head -5)"
fi
run 60 "$T/odd.txt"
cp "$T/out" "$T/odd.marked.txt"
run 60 --strip "$T/odd.marked.txt"
if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/odd.txt"; then
    pass "nul_and_invalid_utf8_strip_back_byte_for_byte"
else
    fail "nul_and_invalid_utf8_strip_back_byte_for_byte" "exit $rc" "$(cmp "$T/out" "$T/odd.txt" 2>&1)"
fi
run 60 --report "$T/odd.txt"
if [ "$rc" -eq 0 ] && grep -q '\\u00ff\\u00fe' "$T/out" && grep -q '\\u0000' "$T/out"; then
    pass "nul_and_invalid_utf8_named_in_the_report"
else
    fail "nul_and_invalid_utf8_named_in_the_report" "exit $rc" "$(head -c 400 "$T/out")"
fi
ok=1
for fmt in plain markdown html; do
    round_trip "nul_and_invalid_utf8_round_trip_$fmt" "$T/odd.txt" $fmt || ok=0
done
[ $ok = 1 ] && pass "nul_and_invalid_utf8_round_trip_in_every_format"

# ---- truncated and deep HTML ---------------------------------------------------
ok=1
size=$(wc -c <"$T/review.html")
cut=0
while [ $cut -le "$size" ]; do
    head -c $cut "$T/review.html" >"$T/trunc.html"
    round_trip "truncated_html_round_trip" "$T/trunc.html" html || ok=0
    cut=$((cut + 9))
done
[ $ok = 1 ] && pass "truncated_html_reads_as_far_as_it_goes"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div>"; print "The hero dies in the end." }' >"$T/deep.html"
run 30 "$T/deep.html"
if [ "$rc" -eq 2 ] && grep -q "deep.html" "$T/err" && grep -qi "nested deeper" "$T/err" &&
    [ ! -s "$T/out" ]; then
    pass "html_100000_deep_exits_2_naming_the_file"
else
    fail "html_100000_deep_exits_2_naming_the_file" "exit $rc" "stderr: $(head -c 300 "$T/err")"
fi

# ---- a 20 MB line of words, and one 20 MB word --------------------------------------
awk 'BEGIN { w[0] = "the"; w[1] = "hero"; w[2] = "walks"; w[3] = "into"; w[4] = "a";
             w[5] = "room"; w[6] = "and"; w[7] = "sees"; w[8] = "light"; w[9] = "dies";
             srand(5); n = 0
             while (n < 20971520) { s = w[int(rand() * 10)] " "; printf "%s", s; n += length(s) }
             print "." }' >"$T/line.txt"
run 600 --from plain "$T/line.txt"
if [ "$rc" -eq 0 ]; then
    cp "$T/out" "$T/line.marked.txt"
    run 600 --strip --from plain "$T/line.marked.txt"
    if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/line.txt"; then
        pass "line_of_20mb_round_trips"
    else
        fail "line_of_20mb_round_trips" "strip exit $rc" "$(cmp "$T/out" "$T/line.txt" 2>&1)"
    fi
else
    fail "line_of_20mb_round_trips" "exit $rc" "stderr: $(head -c 300 "$T/err")"
fi
rm -f "$T/line.txt" "$T/line.marked.txt"
# one 20 MB word: no space to cut a sentence at
head -c 20971520 /dev/zero | tr '\000' 'a' >"$T/word.txt"
run 600 --from plain "$T/word.txt"
if [ "$rc" -eq 0 ]; then
    cp "$T/out" "$T/word.marked.txt"
    run 600 --strip --from plain "$T/word.marked.txt"
    if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/word.txt"; then
        pass "word_of_20mb_round_trips"
    else
        fail "word_of_20mb_round_trips" "strip exit $rc" "$(cmp "$T/out" "$T/word.txt" 2>&1)"
    fi
else
    fail "word_of_20mb_round_trips" "exit $rc" "stderr: $(head -c 300 "$T/err")"
fi
rm -f "$T/word.txt" "$T/word.marked.txt"

# ---- unclosed fence, empty input -------------------------------------------------
printf '# Review\n\nA fine film.\n\n```\nIn the end the hero dies.\nThe villain was her father.\n' >"$T/fence.md"
run 60 "$T/fence.md"
if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/fence.md"; then
    pass "unclosed_fence_hides_the_rest_and_changes_nothing"
else
    fail "unclosed_fence_hides_the_rest_and_changes_nothing" "exit $rc" "$(head -c 300 "$T/out")"
fi

: >"$T/empty.txt"
ok=1
for fmt in auto plain markdown html; do
    run 30 --from $fmt "$T/empty.txt"
    [ "$rc" -eq 0 ] && [ ! -s "$T/out" ] || { ok=0; fail "empty_input_$fmt" "exit $rc, $(wc -c <"$T/out") bytes out"; }
    run 30 --strip --from $fmt "$T/empty.txt"
    [ "$rc" -eq 0 ] && [ ! -s "$T/out" ] || { ok=0; fail "empty_strip_$fmt" "exit $rc"; }
done
run 30 --report "$T/empty.txt"
grep -q '"spoilers":\[\]' "$T/out" || { ok=0; fail "empty_report" "exit $rc: $(head -c 200 "$T/out")"; }
run 30 --jsonl <"$T/empty.txt"
[ "$rc" -eq 0 ] && [ ! -s "$T/out" ] || { ok=0; fail "empty_batch" "exit $rc"; }
[ $ok = 1 ] && pass "empty_input_gives_empty_output_exit_0"

# ---- a batch with broken lines -------------------------------------------------------
{
    printf '{"id": "good1", "text": "In the end, the hero dies."}\n'
    printf '{"id": "nul", "text": "raw \000 byte"}\n'
    printf '{"id": "bytes", "text": "invalid \377\376 utf-8 is kept. The hero dies."}\n'
    printf '{"id": "cut", "text": "no end\n'
    awk 'BEGIN { printf "{\"id\": \"deep\", \"x\": "; for (i = 0; i < 100000; i++) printf "["; print "" }'
    printf '{"id": "good2", "text": "<p>Her brother was the killer.</p>", "from": "html"}\n'
    awk 'BEGIN { printf "{\"id\": \"deephtml\", \"from\": \"html\", \"text\": \""; for (i = 0; i < 100000; i++) printf "<b>"; print "\"}" }'
    printf '\377\376\n'
    printf '{"id": "good3", "text": "A quiet film."}\n'
} >"$T/batch.jsonl"
run 120 --jsonl <"$T/batch.jsonl"
lines=$(wc -l <"$T/out")
good=$(grep -c '"format"' "$T/out")
bad=$(grep -c '"error"' "$T/out")
if [ "$rc" -eq 2 ] && [ "$lines" -eq 9 ] && [ "$good" -eq 4 ] && [ "$bad" -eq 5 ] &&
    grep -q '"id":"good3"' "$T/out" && grep -q '"id":"deephtml"' "$T/out"; then
    pass "batch_with_broken_lines_answers_every_line_exit_2"
else
    fail "batch_with_broken_lines_answers_every_line_exit_2" \
        "exit $rc, $lines lines ($good reports, $bad errors), want 2, 9 (4, 5)" "$(cut -c1-160 "$T/out")"
fi

# ---- -o FILE ----------------------------------------------------------------------------
mkdir "$T/o"
printf 'previous content\n' >"$T/o/kept.txt"
run 30 -o "$T/o/kept.txt" "$T/review.txt" "$T/deep.html"
if [ "$rc" -eq 2 ] && [ "$(cat "$T/o/kept.txt")" = "previous content" ] &&
    [ "$(ls -A "$T/o")" = "kept.txt" ]; then
    pass "output_file_untouched_when_an_input_fails"
else
    fail "output_file_untouched_when_an_input_fails" "exit $rc" "$(ls -A "$T/o")" "$(head -c 100 "$T/o/kept.txt")"
fi
run 30 -o "$T/o/kept.txt" "$T/review.txt"
cp "$T/o/kept.txt" "$T/o-marked.txt"
if [ "$rc" -eq 0 ] && "$SG" --strip "$T/o-marked.txt" | cmp -s - "$T/review.txt"; then
    pass "output_file_replaced_whole_on_success"
else
    fail "output_file_replaced_whole_on_success" "exit $rc"
fi
# interrupted while working: the file is the old one or the whole new one
awk 'BEGIN { for (i = 0; i < 200000; i++) print "The hero walks into a room. In the end the hero dies." }' >"$T/big.txt"
printf 'previous content\n' >"$T/o/kept.txt"
"$SG" -o "$T/o/kept.txt" "$T/big.txt" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -TERM $pid 2>/dev/null
{ wait $pid; } 2>/dev/null
if [ "$(cat "$T/o/kept.txt")" = "previous content" ] ||
    "$SG" --strip --from plain "$T/o/kept.txt" | cmp -s - "$T/big.txt"; then
    pass "output_file_never_half_written_when_interrupted"
else
    fail "output_file_never_half_written_when_interrupted" "$(wc -c <"$T/o/kept.txt") bytes"
fi
run 30 -o "$T/no/such/dir/out.txt" "$T/review.txt"
if [ "$rc" -eq 2 ] && grep -q "no/such/dir" "$T/err"; then
    pass "output_into_a_missing_directory_exits_2"
else
    fail "output_into_a_missing_directory_exits_2" "exit $rc" "$(cat "$T/err")"
fi

# ---- a catastrophic user pattern ----------------------------------------------------------
printf 'return { {id="bad", kind="plot", severity="minor", pattern="(a+)+$"} }\n' >"$T/bad.lua"
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' >"$T/aaa.txt"
run 30 --rules "$T/bad.lua" "$T/aaa.txt"
if [ "$rc" -eq 2 ] && grep -q "'bad'" "$T/err" && grep -q "bad.lua" "$T/err"; then
    pass "catastrophic_pattern_exits_2_naming_the_rule"
else
    fail "catastrophic_pattern_exits_2_naming_the_rule" "exit $rc" "stderr: $(head -c 300 "$T/err")"
fi

# ---- --max-input ------------------------------------------------------------------------------
awk 'BEGIN { for (i = 0; i < 40; i++) print "The hero walks into a room." }' >"$T/2k.txt"
size=$(wc -c <"$T/2k.txt")
run 30 --max-input 1K "$T/2k.txt"
if [ "$rc" -eq 2 ] && grep -q "2k.txt" "$T/err" && [ ! -s "$T/out" ]; then
    pass "max_input_refuses_a_larger_file_exit_2"
else
    fail "max_input_refuses_a_larger_file_exit_2" "exit $rc" "$(cat "$T/err")"
fi
run 30 --max-input 1K <"$T/2k.txt"
[ "$rc" -eq 2 ] && pass "max_input_refuses_larger_standard_input" ||
    fail "max_input_refuses_larger_standard_input" "exit $rc"
run 30 --max-input "$size" "$T/2k.txt"
[ "$rc" -eq 0 ] && pass "max_input_takes_an_input_of_exactly_the_limit" ||
    fail "max_input_takes_an_input_of_exactly_the_limit" "exit $rc: $(cat "$T/err")"

# ---- no injection through metadata ---------------------------------------------------------------
EVIL='</script><script>alert(1)</script>'
cat >"$T/evil.html" <<EOF
<!doctype html><html><head><title>$EVIL review</title>
<meta property="og:title" content="$EVIL">
<meta name="author" content="$EVIL">
</head><body><article><h1>$EVIL</h1><p>Rating: 3/5</p>
<p>A dancer avenges her friend. In the final scene the dancer dies at the hands of her mentor.</p>
</article></body></html>
EOF
for badge in html svg; do
    run 30 --badge $badge "$T/evil.html"
    cp "$T/out" "$T/evil.out.html"
    # scripts: the page's, the JSON-LD, and the shipped one that shows a spoiler
    before=$(grep -o -i '<script' "$T/evil.html" | wc -l)
    shipped=$(grep -o '<script data-spoilerguard="script">' "$T/out" | wc -l)
    after=$(($(grep -o -i '<script' "$T/out" | wc -l) - shipped))
    [ "$shipped" -eq 1 ] || after=-1
    # the JSON-LD: from its start tag to the first end tag after it
    sed -n 's/.*<script type="application\/ld+json"[^>]*>\(.*\)/\1/p' "$T/out" |
        sed 's/<\/script>.*//' >"$T/jsonld"
    valid=1
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/jsonld" 2>/dev/null || valid=0
    fi
    if [ "$rc" -eq 0 ] && [ "$after" -eq $((before + 1)) ] && [ -s "$T/jsonld" ] &&
        [ $valid = 1 ] && grep -q 'alert(1)' "$T/jsonld" && ! grep -q '</' "$T/jsonld"; then
        pass "script_in_metadata_is_inert_with_badge_$badge"
    else
        fail "script_in_metadata_is_inert_with_badge_$badge" "exit $rc, <script: $before in, $after out; JSON-LD valid: $valid" \
            "$(head -c 300 "$T/jsonld")"
    fi
    run 30 --strip "$T/evil.out.html"
    cmp -s "$T/out" "$T/evil.html" && pass "script_in_metadata_strips_back_with_badge_$badge" ||
        fail "script_in_metadata_strips_back_with_badge_$badge" "$(cmp "$T/out" "$T/evil.html" 2>&1)"
done
run 30 --report "$T/evil.html"
if [ "$rc" -eq 0 ] && grep -q 'alert(1)' "$T/out" &&
    { ! command -v python3 >/dev/null 2>&1 || python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$T/out"; }; then
    pass "script_in_metadata_report_is_valid_json"
else
    fail "script_in_metadata_report_is_valid_json" "exit $rc" "$(head -c 300 "$T/out")"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
