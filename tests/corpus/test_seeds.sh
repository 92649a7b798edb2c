#!/bin/sh
# The seed reviews against their labels (seeds/labels.json): every sentence
# that must be flagged is, with its kind and severity; no other sentence is;
# the review's own rating is found.
#
# usage: sh tests/corpus/test_seeds.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) when the corpus or python3 is absent.
SG=${1:?usage: test_seeds.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:-../shared/corpus}
ROOT=${3:-.}
if [ ! -f "$CORPUS/seeds/labels.json" ]; then
    echo "test_seeds: no corpus at $CORPUS/seeds (labels.json): skipped"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "test_seeds: python3 not found: skipped"
    exit 77
fi
exec python3 "$ROOT/tests/corpus/seeds_check.py" "$SG" "$CORPUS"
