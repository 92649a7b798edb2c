#!/bin/sh
# The CommonMark spec's 655 examples, each line given a spoiler sentence,
# annotated and rendered with cmark: the render is the input's plus what
# spoilerguard inserted, and the sentence is marked wherever it shows as
# text (tests/corpus/commonmark_check.py); the same, with no exception, for
# the realposts Markdown posts and the seeds read as Markdown.  At most
# SG_CM_MAX examples may still differ (none).  At most
# SG_CM_UNMARKED leave the sentence unmarked: text the check takes for
# visible that a browser does not show (inside a tag left open, a doctype,
# a comment, a style element never closed), and text after </script> on its
# line.
#
# usage: sh tests/corpus/test_commonmark.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without the spec, cmark or python3.
SG=${1:?usage: test_commonmark.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:-../shared/corpus}
ROOT=${3:-.}
SG_CM_MAX=0
SG_CM_MAX_PLAIN=1
SG_CM_UNMARKED=7
if [ ! -f "$CORPUS/commonmark/spec.txt" ]; then
    echo "test_commonmark: no spec at $CORPUS/commonmark/spec.txt: skipped"
    exit 77
fi
if ! command -v cmark >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1; then
    echo "test_commonmark: needs cmark and python3: skipped"
    exit 77
fi
python3 "$ROOT/tests/corpus/commonmark_check.py" "$SG" "$CORPUS" "$SG_CM_MAX" "$SG_CM_UNMARKED" ||
    exit 1
# --style plain: the visible marks, warning line and badge, with no comment
# and no HTML.  One example may differ: a <textarea> block over blank lines,
# which md4c reads as paragraphs and cmark as one raw HTML block (the marks
# inside it are Markdown's escaped form, which raw HTML shows as written).
echo "--- the same with --style plain"
exec python3 "$ROOT/tests/corpus/commonmark_check.py" "$SG" "$CORPUS" "$SG_CM_MAX_PLAIN" \
    "$SG_CM_UNMARKED" plain
