#!/bin/sh
# --style md-obsidian: each block holding a flagged sentence in a collapsed
# callout, the warning and the badge in callouts of their own, all signed in
# the callouts' metadata.  Obsidian has no renderer on Debian: the test reads
# the Markdown's structure, strips it back and runs it twice, and has cmark
# and pandoc render it (a callout is a quote to them) to check that the
# author's document is unchanged inside.
#
# usage: sh tests/cli/test_obsidian.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
SG=${1:?usage: test_obsidian.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
ROOT=${3:-.}
CHECK="$ROOT/tests/cli/obsidian_check.py"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. "$ROOT/tests/cli/testlib.sh"

cat > "$T/review.md" <<'MD'
---
title: "Lanterns over the Quay"
rating: 4
---

# Lanterns over the Quay

The harbour town is painted in grey and gold, and the score hums along
quietly. Petra Vale runs the ferry with her uncle Anselm.

## The story
Halfway through, Anselm is shot by the smugglers he once worked for. The
camera stays on the water, *patient* as ever, and the [score](https://example.org/score) swells.

The middle hour drags a little, and the humour is gentle.

> It turns out that the quiet lodger was her father all along.

## Verdict

- The photography is lovely.
- The ending is devastating: Petra dies saving the town.

One more thing, written with a tab:

-	A tabbed item where the ferry sinks and Petra dies in the end.

See it on a big screen.
MD

if ! "$SG" --style md-obsidian "$T/review.md" > "$T/out.md" 2> "$T/err"; then
    bad "obsidian_output" "$(cat "$T/err")"
    finish
    exit 1
fi
"$SG" --report "$T/review.md" > "$T/report.json"

# strip gives the input back and a second run inserts nothing, LF and CRLF
sed 's/$/\r/' "$T/review.md" > "$T/crlf.md"
"$SG" --style md-obsidian "$T/crlf.md" > "$T/crlf.out.md"
for v in review:out crlf:crlf.out; do
    in=${v%%:*} out=${v#*:}
    if "$SG" --strip --from markdown "$T/$out.md" | cmp -s - "$T/$in.md"; then
        ok "strip_gives_the_input_back ($in)"
    else
        bad "strip_gives_the_input_back ($in)" "$("$SG" --strip --from markdown "$T/$out.md" | diff "$T/$in.md" - | head -10)"
    fi
    if "$SG" --style md-obsidian --from markdown "$T/$out.md" | cmp -s - "$T/$out.md"; then
        ok "second_run_inserts_nothing ($in)"
    else
        bad "second_run_inserts_nothing ($in)" "$("$SG" --style md-obsidian --from markdown "$T/$out.md" | diff "$T/$out.md" - | head -10)"
    fi
done
if python3 -c 'import sys; d = open(sys.argv[1], "rb").read()
sys.exit(0 if b"|sg-" in d and d.count(b"\n") == d.count(b"\r\n") else 1)' "$T/crlf.out.md"; then
    ok "crlf_input_gets_crlf_callouts"
else
    bad "crlf_input_gets_crlf_callouts" "$(od -c "$T/crlf.out.md" | head -5)"
fi

# the structure Obsidian reads
if python3 "$CHECK" structure "$T/review.md" "$T/out.md" "$T/report.json" > "$T/structure.txt" 2>&1; then
    ok "callouts_hold_the_flagged_blocks_and_nothing_else_is_inserted ($(cat "$T/structure.txt"))"
else
    bad "callouts_hold_the_flagged_blocks_and_nothing_else_is_inserted" "$(cat "$T/structure.txt")" "$(cat "$T/out.md")"
fi

# CommonMark renderers read a callout as a quote around the author's blocks
body() { sed '1,/^---$/{/^---$/!d;};1,/^---$/d' "$1"; }
if command -v cmark > /dev/null 2>&1; then
    body "$T/review.md" | cmark > "$T/in.cmark.html"
    body "$T/out.md" | cmark > "$T/out.cmark.html"
    if python3 "$CHECK" render "$T/in.cmark.html" "$T/out.cmark.html" > "$T/render.txt" 2>&1; then
        ok "cmark_renders_callouts_as_quotes_around_the_unchanged_document ($(cat "$T/render.txt"))"
    else
        bad "cmark_renders_callouts_as_quotes_around_the_unchanged_document" "$(cat "$T/render.txt")"
    fi
else
    echo "skip cmark: not installed"
fi
if command -v pandoc > /dev/null 2>&1; then
    for from in commonmark markdown; do
        pandoc -f $from -t html "$T/review.md" -o "$T/in.$from.html"
        pandoc -f $from -t html "$T/out.md" -o "$T/out.$from.html"
        if python3 "$CHECK" render "$T/in.$from.html" "$T/out.$from.html" > "$T/render.txt" 2>&1; then
            ok "pandoc_$from""_renders_callouts_as_quotes_around_the_unchanged_document"
        else
            bad "pandoc_$from""_renders_callouts_as_quotes_around_the_unchanged_document" "$(cat "$T/render.txt")"
        fi
    done
else
    echo "skip pandoc: not installed"
fi

# a callout is Markdown for Obsidian: HTML input is refused, by name
printf '<p>In the end, Tom dies.</p>\n' > "$T/page.html"
"$SG" --style md-obsidian "$T/page.html" > /dev/null 2> "$T/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "md-obsidian" "$T/err"; then
    ok "html_input_is_refused_for_md_obsidian"
else
    bad "html_input_is_refused_for_md_obsidian" "exit $rc" "$(cat "$T/err")"
fi

finish
