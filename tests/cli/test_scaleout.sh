#!/bin/sh
# Scale-out: a JSON Lines batch split by GNU parallel (`parallel --pipe -N 500
# spoilerguard --jsonl`, the form README gives for many cores and many hosts)
# yields the same set of report lines as one process, and so does --jobs.
#
# usage: sh tests/cli/test_scaleout.sh BUILD/spoilerguard [CORPUS_DIR] [PROJECT_ROOT]
# Prints "N passed, N failed"; exits 77 (skip) without GNU parallel or the
# corpus.

LC_ALL=C
export LC_ALL

SG=${1:?usage: test_scaleout.sh PATH/TO/spoilerguard [CORPUS_DIR] [PROJECT_ROOT]}
CORPUS=${2:-../shared/corpus}
CSV="$CORPUS/tvtropes/train.balanced.csv"

case $SG in /*) ;; *) SG="$(pwd)/$SG" ;; esac
if ! command -v parallel >/dev/null 2>&1 || ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
    echo "skip: GNU parallel is not installed"
    exit 77
fi
if [ ! -f "$CSV" ]; then
    echo "skip: no corpus at $CORPUS (tvtropes/train.balanced.csv)"
    exit 77
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/sg-scaleout.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }

# 1,600 short articles of five TV Tropes records each (the CSV line as text),
# so -N 500 gives four chunks, the last one short.
tail -n +2 "$CSV" | tr -d '\r' | tr '\t' ' ' | sed 's/\\/\\\\/g; s/"/\\"/g' |
    awk '{ text = text (n ? " " : "") $0; n++
           if (n == 5) { printf "{\"id\":\"t%d\",\"text\":\"%s\"}\n", ++id, text; n = 0; text = "" }
           if (id == 1600) exit }' >"$T/batch.jsonl"
lines=$(wc -l <"$T/batch.jsonl" | tr -d ' ')
if [ "$lines" -ne 1600 ]; then
    fail "the batch has 1600 articles" "it has $lines"
fi

"$SG" --jsonl <"$T/batch.jsonl" >"$T/one.jsonl" 2>"$T/one.err"
rc=$?
if [ $rc -eq 0 ] && [ "$(wc -l <"$T/one.jsonl" | tr -d ' ')" -eq "$lines" ]; then
    pass "one process writes one report line per article"
else
    fail "one process writes one report line per article" "exit $rc, $(wc -l <"$T/one.jsonl") lines" \
        "stderr: $(head -c 300 "$T/one.err")"
fi

parallel --will-cite --pipe -N 500 "$SG" --jsonl <"$T/batch.jsonl" >"$T/par.jsonl" 2>"$T/par.err"
rc=$?
sort "$T/one.jsonl" >"$T/one.sorted"
sort "$T/par.jsonl" >"$T/par.sorted"
if [ $rc -eq 0 ] && cmp -s "$T/one.sorted" "$T/par.sorted"; then
    pass "parallel --pipe -N 500 yields the same set of lines as one process"
else
    fail "parallel --pipe -N 500 yields the same set of lines as one process" "exit $rc" \
        "$(diff "$T/one.sorted" "$T/par.sorted" | head -c 600)" "stderr: $(head -c 300 "$T/par.err")"
fi

# with --keep-order the output is the input's order too
parallel --will-cite --keep-order --pipe -N 500 "$SG" --jsonl <"$T/batch.jsonl" >"$T/park.jsonl" 2>/dev/null
if cmp -s "$T/one.jsonl" "$T/park.jsonl"; then
    pass "parallel --keep-order --pipe keeps the input's order"
else
    fail "parallel --keep-order --pipe keeps the input's order" \
        "first difference: $(cmp "$T/one.jsonl" "$T/park.jsonl" 2>&1 | head -c 200)"
fi

# two jobs per chunk as well: threads inside, processes outside
parallel --will-cite --pipe -N 500 -j 2 "$SG" --jsonl --jobs 2 <"$T/batch.jsonl" 2>/dev/null | sort >"$T/both.sorted"
if cmp -s "$T/one.sorted" "$T/both.sorted"; then
    pass "parallel -j 2 with --jobs 2 inside yields the same set of lines"
else
    fail "parallel -j 2 with --jobs 2 inside yields the same set of lines" \
        "$(diff "$T/one.sorted" "$T/both.sorted" | head -c 600)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
