#!/bin/sh
# The benchmark's input builder and runner work: a small JSON Lines batch
# built from the corpus goes through `spoilerguard --jsonl` with one report
# line per article, and sg-bench-run reports the child's time and memory.
#
# usage: sh tests/bench/test_smoke.sh SPOILERGUARD CORPUS_DIR BENCH_BIN_DIR
LC_ALL=C
export LC_ALL
SG=${1:?usage: test_smoke.sh SPOILERGUARD CORPUS_DIR BENCH_BIN_DIR}
CORPUS=${2:?corpus dir}
BIN=${3:?bench bin dir}
if [ ! -f "$CORPUS/tvtropes/train.balanced.csv" ]; then
    echo "skip: no corpus at $CORPUS (tvtropes/train.balanced.csv)"
    exit 77
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/sg-bench-smoke.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS DETAIL
    if [ "$2" -eq 0 ]; then
        passed=$((passed + 1))
        echo "ok   $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1: $3"
    fi
}

"$BIN/sg-bench-corpus" "$CORPUS" articles 40 "$T/a.jsonl"
check "the builder writes 40 articles" "$([ "$(wc -l <"$T/a.jsonl")" -eq 40 ]; echo $?)" \
    "$(wc -l <"$T/a.jsonl") lines"
"$BIN/sg-bench-run" -i "$T/a.jsonl" -o "$T/r.jsonl" -- "$SG" --jsonl 2>"$T/run.err"
rc=$?
check "spoilerguard --jsonl reads the built batch" "$rc" "exit $rc: $(head -c 300 "$T/run.err")"
check "one report line per article" "$([ "$(wc -l <"$T/r.jsonl")" -eq 40 ]; echo $?)" \
    "$(wc -l <"$T/r.jsonl") report lines"
check "every report carries its article's id" \
    "$([ "$(grep -c '"id":"a0000[0-9][0-9]"' "$T/r.jsonl")" -eq 40 ]; echo $?)" \
    "$(head -c 300 "$T/r.jsonl")"
check "sg-bench-run reports time and peak memory" \
    "$(grep -q '^wall=[0-9.]* cpu=[0-9.]* maxrss_kib=[1-9][0-9]* status=0$' "$T/run.err"; echo $?)" \
    "$(cat "$T/run.err")"
"$BIN/sg-bench-corpus" "$CORPUS" deep 3000 "$T/deep.html"
"$BIN/sg-bench-run" -o /dev/null -- "$SG" "$T/deep.html" 2>"$T/deep.err"
rc=$?
check "HTML nested past the limit is refused (exit 2)" "$([ $rc -eq 2 ]; echo $?)" "exit $rc"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
