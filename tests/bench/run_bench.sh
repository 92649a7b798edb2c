#!/bin/sh
# The performance benchmark: throughput against grep, growth with input size,
# pathological inputs, peak memory, --jobs and GNU parallel.  It prints every
# figure and writes them to RESULTS as well.  It times, it does not judge
# pass/fail except where a result must be identical (--jobs, parallel, the
# prefilter); goals are printed next to the figures.
#
# usage: sh tests/bench/run_bench.sh SPOILERGUARD CORPUS_DIR BENCH_BIN_DIR DATA_DIR RESULTS [quick]
#   BENCH_BIN_DIR holds sg-bench-corpus, sg-bench-run and sg-bench-engine;
#   DATA_DIR is where the generated inputs go (the build directory, never the
#   source tree).  "quick" uses 1/8 of the sizes.

LC_ALL=C
export LC_ALL

SG=${1:?usage: run_bench.sh SPOILERGUARD CORPUS_DIR BENCH_BIN_DIR DATA_DIR RESULTS [quick]}
CORPUS=${2:?corpus dir}
BIN=${3:?bench bin dir}
DATA=${4:?data dir}
RESULTS=${5:?results file}
QUICK=${6:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

MB=1048576
if [ "$QUICK" = quick ]; then
    BIG=$((8 * MB)) MID=$((1 * MB)) SMALL=$((MB / 8)) ARTICLES=2500 FEW=250
else
    BIG=$((64 * MB)) MID=$((8 * MB)) SMALL=$((1 * MB)) ARTICLES=20000 FEW=2000
fi

if [ ! -f "$CORPUS/tvtropes/train.balanced.csv" ]; then
    echo "bench: no corpus at $CORPUS (tvtropes/train.balanced.csv): nothing to measure" >&2
    exit 77
fi
mkdir -p "$DATA" || exit 2
: >"$RESULTS" || exit 2

say() { echo "$*" | tee -a "$RESULTS"; }

# run LABEL IN OUT CMD...: runs CMD with stdin IN and stdout OUT; sets
# WALL, CPU, RSS_KIB and STATUS.
run() {
    label=$1 in=$2 out=$3
    shift 3
    "$BIN/sg-bench-run" -i "$in" -o "$out" -- "$@" 2>"$DATA/run.err"
    line=$(grep '^wall=' "$DATA/run.err" | tail -n 1)
    WALL=$(echo "$line" | sed 's/.*wall=\([0-9.]*\).*/\1/')
    CPU=$(echo "$line" | sed 's/.*cpu=\([0-9.]*\).*/\1/')
    RSS_KIB=$(echo "$line" | sed 's/.*maxrss_kib=\([0-9]*\).*/\1/')
    STATUS=$(echo "$line" | sed 's/.*status=\([0-9]*\).*/\1/')
    if [ -z "$line" ]; then
        WALL=0 CPU=0 RSS_KIB=0 STATUS=127
        sed 's/^/    /' "$DATA/run.err" | tee -a "$RESULTS"
    fi
}

# best3 LABEL IN OUT CMD...: run three times, keep the fastest (grep takes
# tens of milliseconds: one run is mostly noise on a busy machine)
best3() {
    b_wall= b_cpu=
    for b_i in 1 2 3; do
        run "$@"
        if [ -z "$b_wall" ] || [ "$(awk "BEGIN { print ($WALL < $b_wall) }")" = 1 ]; then
            b_wall=$WALL b_cpu=$CPU
        fi
    done
    WALL=$b_wall CPU=$b_cpu
}

calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
size_of() { wc -c <"$1" | tr -d ' '; }

build() { # build FILE MODE SIZE
    if [ ! -s "$DATA/$1" ]; then
        "$BIN/sg-bench-corpus" "$CORPUS" "$2" "$3" "$DATA/$1" || exit 2
    fi
}

say "spoilerguard benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc 2>/dev/null || echo '?') cores)"
say "binary: $SG"
say "inputs are built from $CORPUS into $DATA"
say ""

# ---- inputs -------------------------------------------------------------------
build "articles-big.jsonl" jsonl "$BIG"
build "articles-mid.jsonl" jsonl "$MID"
build "articles-small.jsonl" jsonl "$SMALL"
build "big.txt" plain "$BIG"
build "mid.txt" plain "$MID"
build "small.txt" plain "$SMALL"
build "batch-many.jsonl" articles "$ARTICLES"
build "batch-few.jsonl" articles "$FEW"
build "sentence-small.txt" sentence "$((MID / 8))"
build "sentence-big.txt" sentence "$((MID / 2))"
build "line-small.txt" line "$((MID / 4))"
build "line-big.txt" line "$((MID * 5 / 2))"
build "deep.html" deep 200000
build "flags-small.txt" flags 10000
build "flags-big.txt" flags 80000
build "names-small.txt" names 4000
build "names-big.txt" names 32000

PATTERN='\b(?:kill(?:s|ed|ing)?|murder(?:s|ed)?|die[sd]?|dying|dead|death|suicide|took (?:her|his|their) own life|dispatched|final (?:fate|scene|showdown|confrontation)|third act|in the end|twist|turns? out|reveal(?:s|ed)?|finale|ending)\b'

# ---- throughput -----------------------------------------------------------------
say "== Throughput (goal: spoilerguard >= 0.5 x grep's MB/s) =="
F="$DATA/big.txt"
J="$DATA/articles-big.jsonl"
FMB=$(calc "$(size_of "$F") / $MB")
JMB=$(calc "$(size_of "$J") / $MB")
if grep -P '' /dev/null 2>/dev/null; [ $? -le 1 ]; then
    best3 grep /dev/null "$DATA/grep.out" sh -c "grep -ciP '$PATTERN' '$F' | cat"
    GREP_MBS=$(calc "$FMB / $WALL")
    say "grep -ciP CUES big.txt | cat          ${FMB} MB  ${WALL} s  ${GREP_MBS} MB/s  ($(cat "$DATA/grep.out") matching lines; best of 3)"
    best3 grep /dev/null "$DATA/grep.out" sh -c "grep -ciP '$PATTERN' '$J' | cat"
    GREPJ_MBS=$(calc "$JMB / $WALL")
    say "grep -ciP CUES articles.jsonl | cat    ${JMB} MB  ${WALL} s  ${GREPJ_MBS} MB/s  (best of 3)"
else
    GREP_MBS=0 GREPJ_MBS=0
    say "grep has no -P here: no grep figures"
fi
run jsonl "$J" "$DATA/jobs1.jsonl" "$SG" --jsonl
J1_WALL=$WALL
J1_MBS=$(calc "$JMB / $WALL")
say "spoilerguard --jsonl articles.jsonl    ${JMB} MB  ${WALL} s (cpu ${CPU} s)  ${J1_MBS} MB/s  status ${STATUS}  lines $(wc -l <"$DATA/jobs1.jsonl" | tr -d ' ')"
run annotate /dev/null "$DATA/big.out.txt" "$SG" "$F"
A_MBS=$(calc "$FMB / $WALL")
A_WALL=$WALL
A_RSS=$RSS_KIB
say "spoilerguard big.txt (annotate)        ${FMB} MB  ${WALL} s (cpu ${CPU} s)  ${A_MBS} MB/s  status ${STATUS}"
if [ "$GREP_MBS" != 0 ]; then
    say "ratio --jsonl / grep (same jsonl):   $(calc "$J1_MBS / $GREPJ_MBS")"
    say "ratio --jsonl / grep (plain file):   $(calc "$J1_MBS / $GREP_MBS")"
    say "ratio annotate / grep:               $(calc "$A_MBS / $GREP_MBS")"
fi
say ""

# ---- the engine alone, prefilter on and off ------------------------------------------
say "== Rules prefilter (the analysis alone, same process) =="
"$BIN/sg-bench-engine" "$DATA/mid.txt" | tee -a "$RESULTS"
[ $? -eq 0 ] || say "PREFILTER CHANGED A FLAG"
say ""

# ---- growth -------------------------------------------------------------------------
say "== Growth (goal: time per MB flat from 1 to 64 MB) =="
for kind in jsonl plain; do
    first=
    for size in small mid big; do
        if [ $kind = jsonl ]; then
            f="$DATA/articles-$size.jsonl"
            run "$kind-$size" "$f" /dev/null "$SG" --jsonl
        else
            f="$DATA/$size.txt"
            run "$kind-$size" /dev/null /dev/null "$SG" "$f"
        fi
        mb=$(calc "$(size_of "$f") / $MB")
        per=$(calc "$CPU / $mb")
        [ -n "$first" ] || first=$per
        say "  $kind $(printf '%6s' "$mb") MB: ${WALL} s wall, ${CPU} s cpu, ${per} cpu s/MB (x$(calc "$per / $first") of the smallest), ${RSS_KIB} KiB peak"
    done
done
pair() { # pair LABEL SMALLFILE BIGFILE UNIT: per-unit cost of both
    run "$1" /dev/null /dev/null "$SG" "$2"
    a=$CPU s1=$STATUS
    run "$1" /dev/null /dev/null "$SG" "$3"
    b=$CPU s2=$STATUS
    ma=$(calc "$(size_of "$2") / $MB") mb=$(calc "$(size_of "$3") / $MB")
    say "  $1: ${ma} MB ${a} s (status $s1), ${mb} MB ${b} s (status $s2); cpu s/MB $(calc "$a / $ma") -> $(calc "$b / $mb") (x$(calc "($b / $mb) / ($a / $ma)"))"
}
pair "one long sentence" "$DATA/sentence-small.txt" "$DATA/sentence-big.txt"
pair "one long line    " "$DATA/line-small.txt" "$DATA/line-big.txt"
pair "many flags       " "$DATA/flags-small.txt" "$DATA/flags-big.txt"
pair "many characters  " "$DATA/names-small.txt" "$DATA/names-big.txt"
run deep /dev/null /dev/null "$SG" "$DATA/deep.html"
say "  deep HTML (200000 nested divs, $(calc "$(size_of "$DATA/deep.html") / $MB") MB): ${WALL} s, exit ${STATUS} (want 2: refused)"
say ""

# ---- memory ---------------------------------------------------------------------------
say "== Memory (goal: --jsonl peak RSS <= 32 MiB whatever the batch; one article: small constant x size) =="
run few "$DATA/batch-few.jsonl" /dev/null "$SG" --jsonl
few_rss=$RSS_KIB
run many "$DATA/batch-many.jsonl" /dev/null "$SG" --jsonl
many_rss=$RSS_KIB
say "  --jsonl $FEW articles: $(calc "$few_rss / 1024") MiB peak;  $ARTICLES articles: $(calc "$many_rss / 1024") MiB peak ($( [ "$many_rss" -le 32768 ] && echo within || echo OVER) 32 MiB)"
run jobs2mem "$DATA/batch-many.jsonl" /dev/null "$SG" --jsonl --jobs 2
say "  --jsonl --jobs 2 $ARTICLES articles: $(calc "$RSS_KIB / 1024") MiB peak"
for f in mid.txt big.txt; do
    if [ "$f" = big.txt ] && [ -n "$A_RSS" ]; then
        rss=$A_RSS
    else
        run one /dev/null /dev/null "$SG" "$DATA/$f"
        rss=$RSS_KIB
    fi
    bytes=$(size_of "$DATA/$f")
    say "  one article of $(calc "$bytes / $MB") MB (annotate): $(calc "$rss / 1024") MiB peak, RSS/size $(calc "$rss * 1024 / $bytes")"
done
say ""

# ---- parallel -------------------------------------------------------------------------
say "== --jobs (batch: articles in parallel, order kept; one article: its sentences) =="
run jobs2 "$J" "$DATA/jobs2.jsonl" "$SG" --jsonl --jobs 2
say "  --jobs 1: ${J1_WALL} s;  --jobs 2: ${WALL} s;  speed-up $(calc "$J1_WALL / $WALL")x"
if cmp -s "$DATA/jobs1.jsonl" "$DATA/jobs2.jsonl"; then
    say "  output of --jobs 2 is byte-identical to --jobs 1"
else
    say "  OUTPUT DIFFERS between --jobs 1 and --jobs 2"
fi
run annotate2 /dev/null "$DATA/big.out2.txt" "$SG" --jobs 2 "$F"
say "  one article of ${FMB} MB (annotate): --jobs 1: ${A_WALL} s;  --jobs 2: ${WALL} s;  speed-up $(calc "$A_WALL / $WALL")x;  $(calc "$FMB / $WALL") MB/s"
if [ "$GREP_MBS" != 0 ]; then
    say "  ratio annotate --jobs 2 / grep:    $(calc "$FMB / $WALL / $GREP_MBS")"
fi
if cmp -s "$DATA/big.out.txt" "$DATA/big.out2.txt"; then
    say "  output of --jobs 2 is byte-identical to --jobs 1"
else
    say "  OUTPUT DIFFERS between --jobs 1 and --jobs 2 (one article)"
fi
say ""

say "== GNU parallel --pipe (scale-out form) =="
if command -v parallel >/dev/null 2>&1; then
    M="$DATA/articles-mid.jsonl"
    run one "$M" "$DATA/one.jsonl" "$SG" --jsonl
    one_wall=$WALL
    run par "$M" "$DATA/par.jsonl" parallel --will-cite --pipe -N 500 "$SG" --jsonl
    say "  one process: ${one_wall} s;  parallel --pipe -N 500: ${WALL} s"
    if [ "$(sort "$DATA/one.jsonl" | cksum)" = "$(sort "$DATA/par.jsonl" | cksum)" ]; then
        say "  same set of lines as one process ($(wc -l <"$DATA/par.jsonl" | tr -d ' ') lines)"
    else
        say "  LINES DIFFER from one process"
    fi
else
    say "  GNU parallel is not installed: skipped"
fi
say ""
say "== Neovim (goal: :SpoilerCheck on 10,000 lines under 50 ms) =="
if command -v nvim >/dev/null 2>&1; then
    say "$(cd "$ROOT" && SG_CORPUS="$CORPUS" nvim --headless -u NONE -i NONE \
        -c "luafile tests/bench/nvim_check_time.lua" 2>&1 | tr -d '\r')"
else
    say "  nvim is not installed: skipped"
fi
say ""
say "results written to $RESULTS"
