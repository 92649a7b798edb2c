#!/bin/sh
# The command line contract (DESIGN.md, "Stable interfaces"): options, exit
# codes, atomic -o, JSON Lines batches with broken lines, --jobs keeping the
# order, --strip round trips, --check and --diagnostics.
#
# usage: sh tests/cli/test_cli.sh BUILD/spoilerguard [CORPUS_DIR] [PROJECT_ROOT]
# Prints "N passed, N failed"; exits 1 when a test failed.  Tests that need
# the corpus are skipped, saying so, when it is absent.

LC_ALL=C
export LC_ALL

SG=${1:?usage: test_cli.sh PATH/TO/spoilerguard [CORPUS_DIR] [PROJECT_ROOT]}
CORPUS=${2:-../shared/corpus}
ROOT=${3:-.}
SEEDS="$CORPUS/seeds"

case $SG in /*) ;; *) SG="$(pwd)/$SG" ;; esac
if [ ! -x "$SG" ]; then
    echo "test_cli: $SG is not an executable" >&2
    exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/sg-cli-test.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM

passed=0
failed=0
skipped=0

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; shift; for line in "$@"; do echo "     $line"; done; }
skip() { skipped=$((skipped + 1)); echo "skip $1: $2"; }

# run NAME ARGS... : runs the CLI with stdout in $T/out, stderr in $T/err and
# the exit status in $rc; standard input comes from the caller.
run() {
    "$SG" "$@" >"$T/out" 2>"$T/err"
    rc=$?
}

# expect_rc NAME WANT : the last run exited WANT.
expect_rc() {
    if [ "$rc" -eq "$2" ]; then
        pass "$1"
    else
        fail "$1" "exit $rc, want $2" "stderr: $(head -c 400 "$T/err")"
    fi
}

# expect_line NAME N REGEX: line N of the last run's output matches REGEX.
expect_line() {
    if sed -n "${2}p" "$T/out" | grep -q -e "$3"; then
        pass "$1"
    else
        fail "$1" "line $2: $(sed -n "${2}p" "$T/out" | head -c 300)"
    fi
}

have_seeds() { [ -f "$SEEDS/labels.json" ]; }

# json_escape: stdin lines -> JSON string contents (tabs, quotes, backslashes;
# carriage returns dropped); bytes above 0x7f pass through as they are.
json_escape() {
    tr -d '\r' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g'
}

# A spoiler-heavy text that is the same on every machine.
cat >"$T/plain.txt" <<'EOF'
Ballerina (2023) review

Jang Ok-ju (Jeon Jong-seo) is a bodyguard who hunts the man who drove her friend to suicide. In the end, Ok-ju kills Choi and dies in the fire.

The twist is that her friend's killer was her own brother all along.

Rating: 7/10
EOF
printf 'Nothing happens here. The camera work is lovely.\n' >"$T/calm.txt"

# expect_refused NAME WHAT TEXT : the last run wrote nothing, and its message
# on standard error names WHAT (the input) and holds TEXT.
expect_refused() {
    if grep -q -e "$2" "$T/err" && grep -q -e "$3" "$T/err" && [ ! -s "$T/out" ]; then
        pass "$1"
    else
        fail "$1" "stderr: $(head -c 400 "$T/err")"
    fi
}

# ---- help, version, usage errors -------------------------------------------

run --help </dev/null
expect_rc "help_exits_zero" 0
missing=""
for opt in --from --report --jsonl --diagnostics --strip --style --badge --assets --rules \
           --trust-rules --check --min-severity --min-confidence --explain --jobs \
           --max-input --max-depth -o --help --version; do
    grep -q -e "^ *${opt}[ ,=]" "$T/out" || missing="$missing $opt"
done
if [ -z "$missing" ]; then pass "help_lists_every_option"; else fail "help_lists_every_option" "missing:$missing"; fi
examples=$(grep -c "^ *spoilerguard " "$T/out")
if [ "$examples" -ge 18 ]; then pass "help_gives_an_example_per_option"; else fail "help_gives_an_example_per_option" "$examples examples"; fi
default_conf=$(sed -n 's/^#define SG_DEFAULT_MIN_CONFIDENCE \([0-9.]*\).*/\1/p' "$ROOT/include/spoilerguard.h" 2>/dev/null)
if [ -n "$default_conf" ] && grep -q "default $default_conf" "$T/out"; then
    pass "help_documents_default_min_confidence"
elif [ -z "$default_conf" ]; then
    skip "help_documents_default_min_confidence" "no include/spoilerguard.h under $ROOT"
else
    fail "help_documents_default_min_confidence" "no 'default $default_conf' in --help"
fi

run --version </dev/null
expect_rc "version_exits_zero" 0
if grep -q '^spoilerguard [0-9][0-9.]*' "$T/out"; then pass "version_names_program_and_number"; else fail "version_names_program_and_number" "$(cat "$T/out")"; fi

run --no-such-option "$T/plain.txt"
expect_rc "unknown_option_exits_2" 2
if grep -q -e "--no-such-option" "$T/err" && [ ! -s "$T/out" ]; then
    pass "unknown_option_is_named_on_stderr"
else
    fail "unknown_option_is_named_on_stderr" "stderr: $(cat "$T/err")"
fi

for bad in "--from bogus" "--style nope" "--badge nope" "--min-severity huge" \
           "--min-confidence 2" "--min-confidence x" "--jobs 0" "--jobs many" \
           "--max-input abc" "--max-input 0" "--max-depth 0" "--max-depth deep" \
           "--max-depth 99999999999" "--report --strip" "--jsonl --diagnostics"; do
    # shellcheck disable=SC2086
    run $bad "$T/plain.txt"
    if [ "$rc" -eq 2 ] && [ -s "$T/err" ] && [ ! -s "$T/out" ]; then
        pass "bad_usage_exits_2 ($bad)"
    else
        fail "bad_usage_exits_2 ($bad)" "exit $rc" "stderr: $(cat "$T/err")"
    fi
done
run "$T/plain.txt" --from
expect_rc "option_missing_its_value_exits_2" 2

run "$T/does-not-exist.txt"
expect_rc "missing_file_exits_2" 2
if grep -q "does-not-exist.txt" "$T/err"; then pass "missing_file_is_named_on_stderr"; else fail "missing_file_is_named_on_stderr" "$(cat "$T/err")"; fi

run --rules "$T/no-rules.lua" "$T/plain.txt"
expect_rc "missing_rule_file_exits_2" 2
if grep -q "no-rules.lua" "$T/err"; then pass "missing_rule_file_is_named_on_stderr"; else fail "missing_rule_file_is_named_on_stderr" "$(cat "$T/err")"; fi

# ---- reading: stdin, formats, odd bytes, size limit --------------------------

run <"$T/plain.txt"
expect_rc "article_from_stdin_exits_0" 0
if [ -s "$T/out" ]; then pass "article_from_stdin_is_written"; else fail "article_from_stdin_is_written" "empty output"; fi

run - <"$T/plain.txt"
cp "$T/out" "$T/dash.out"
run <"$T/plain.txt"
if cmp -s "$T/out" "$T/dash.out"; then pass "dash_reads_stdin"; else fail "dash_reads_stdin"; fi

run --report "$T/plain.txt" "$T/calm.txt"
expect_rc "report_of_two_files_exits_0" 0
lines=$(wc -l <"$T/out")
if [ "$lines" -eq 2 ] && [ "$(grep -c '^{"format":"plain","style":"plain","meta":{.*"spoilers":\[.*\]}$' "$T/out")" -eq 2 ]; then
    pass "report_is_one_object_per_file"
else
    fail "report_is_one_object_per_file" "$lines lines" "$(head -c 300 "$T/out")"
fi

cp "$T/calm.txt" "$T/calm.md"
cp "$T/calm.txt" "$T/calm.html"
run --report "$T/calm.md"
grep -q '^{"format":"markdown"' "$T/out" && md=1 || md=0
run --report "$T/calm.html"
grep -q '^{"format":"html"' "$T/out" && html=1 || html=0
run --report --from plain "$T/calm.html"
grep -q '^{"format":"plain"' "$T/out" && forced=1 || forced=0
printf '<html><body><p>Nothing happens here.</p></body></html>\n' | "$SG" --report >"$T/out" 2>"$T/err"
grep -q '^{"format":"html"' "$T/out" && sniffed=1 || sniffed=0
if [ "$md$html$forced$sniffed" = 1111 ]; then
    pass "format_by_from_then_extension_then_content"
else
    fail "format_by_from_then_extension_then_content" "md=$md html=$html --from=$forced content=$sniffed"
fi

printf 'She dies\000 at the end.\377\376 In the end \342\200 he kills her.' >"$T/odd.txt"
run --report "$T/odd.txt"
expect_rc "nul_and_invalid_utf8_input_is_processed" 0
if grep -q '^{"format":' "$T/out"; then pass "nul_and_invalid_utf8_report_is_written"; else fail "nul_and_invalid_utf8_report_is_written"; fi

head -c 5000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
run --max-input 4096 "$T/big.txt"
expect_rc "max_input_refuses_larger_file" 2
expect_refused "max_input_message_names_file_and_limit" "big.txt" "max-input"
run --max-input 4K <"$T/big.txt"
expect_rc "max_input_refuses_larger_stdin" 2
run --max-input 5000 "$T/big.txt"
expect_rc "max_input_accepts_input_at_the_limit" 0

awk 'BEGIN { for (i = 0; i < 40; i++) printf "<div>"; print "<p>The hero dies in the end.</p>" }' >"$T/nest40.html"
run --max-depth 20 "$T/nest40.html"
expect_rc "max_depth_refuses_deeper_html" 2
expect_refused "max_depth_message_names_file_and_limit" "nest40.html" "nested deeper than 20"
run --max-depth 41 --report "$T/nest40.html"
expect_rc "max_depth_accepts_html_within_the_limit" 0
{
    printf '{"id": "ok", "text": "A quiet film."}\n'
    printf '{"id": "nest", "from": "html", "text": "'; tr -d '\n' <"$T/nest40.html"; printf '"}\n'
} >"$T/nest.jsonl"
run --jsonl --max-depth 20 <"$T/nest.jsonl"
if [ "$rc" -eq 2 ] && sed -n 1p "$T/out" | grep -q '"id":"ok","format"' &&
    sed -n 2p "$T/out" | grep -q '^{"id":"nest","line":2,"error":"text line 1: HTML nested deeper than 20 elements"}$' &&
    grep -q "<stdin>: line 2: text line 1: HTML nested deeper than 20" "$T/err"; then
    pass "max_depth_in_a_batch_fails_that_line_naming_batch_and_text_lines"
else
    fail "max_depth_in_a_batch_fails_that_line_naming_batch_and_text_lines" "exit $rc" "$(cat "$T/out" "$T/err")"
fi
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "<div>"; print "<p>The hero dies in the end.</p>" }' >"$T/nest2000.html"
run "$T/nest2000.html"
expect_rc "default_max_depth_refuses_2000_deep_html" 2
run --max-depth 4096 "$T/nest2000.html"
if [ "$rc" -eq 0 ] && grep -q "The hero dies" "$T/out"; then
    cp "$T/out" "$T/nest2000.marked.html"
    run --strip "$T/nest2000.marked.html"
    if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/nest2000.html"; then
        pass "max_depth_raised_reads_2000_deep_html_and_strips_back"
    else
        fail "max_depth_raised_reads_2000_deep_html_and_strips_back" "strip exit $rc"
    fi
else
    fail "max_depth_raised_reads_2000_deep_html_and_strips_back" "exit $rc" "$(cat "$T/err")"
fi

# ---- -o: atomic replacement ----------------------------------------------------

"$SG" "$T/plain.txt" >"$T/expected.out" 2>/dev/null
run -o "$T/result.txt" "$T/plain.txt"
expect_rc "output_file_exits_0" 0
if cmp -s "$T/result.txt" "$T/expected.out" && [ ! -s "$T/out" ]; then
    pass "output_file_holds_what_stdout_would"
else
    fail "output_file_holds_what_stdout_would"
fi
printf 'previous content\n' >"$T/kept.txt"
run -o "$T/kept.txt" "$T/plain.txt" "$T/does-not-exist.txt"
expect_rc "output_file_with_a_failing_input_exits_2" 2
if [ "$(cat "$T/kept.txt")" = "previous content" ]; then
    pass "output_file_is_not_replaced_when_an_input_fails"
else
    fail "output_file_is_not_replaced_when_an_input_fails" "$(head -c 200 "$T/kept.txt")"
fi
run -o "$T/new.txt" "$T/does-not-exist.txt"
if [ ! -e "$T/new.txt" ]; then pass "output_file_is_not_created_when_the_input_fails"; else fail "output_file_is_not_created_when_the_input_fails"; fi
leftovers=$(find "$T" -name '.*.sg-*' | wc -l)
if [ "$leftovers" -eq 0 ]; then pass "output_leaves_no_temporary_files"; else fail "output_leaves_no_temporary_files" "$(find "$T" -name '.*.sg-*')"; fi
cp "$T/plain.txt" "$T/inplace.txt"
run -o "$T/inplace.txt" "$T/inplace.txt"
if [ "$rc" -eq 0 ] && cmp -s "$T/inplace.txt" "$T/expected.out"; then
    pass "output_file_may_be_the_input"
else
    fail "output_file_may_be_the_input" "exit $rc"
fi
chmod 640 "$T/result.txt"
run -o "$T/result.txt" "$T/plain.txt"
# shellcheck disable=SC2012
mode=$(ls -l "$T/result.txt" | cut -c1-10)
if [ "$mode" = "-rw-r-----" ]; then pass "output_file_keeps_its_permissions"; else fail "output_file_keeps_its_permissions" "$mode"; fi

# ---- --strip -----------------------------------------------------------------------

run --strip "$T/plain.txt" "$T/calm.txt"
cat "$T/plain.txt" "$T/calm.txt" >"$T/both.txt"
if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/both.txt"; then
    pass "strip_of_unmarked_files_is_their_concatenation"
else
    fail "strip_of_unmarked_files_is_their_concatenation" "exit $rc"
fi

strip_roundtrip() { # NAME FILE [OPTIONS...]
    name=$1 file=$2
    shift 2
    if ! "$SG" "$@" "$file" >"$T/marked" 2>"$T/err"; then
        fail "$name" "render failed: $(head -c 300 "$T/err")"
        return
    fi
    ext=${file##*.}
    cp "$T/marked" "$T/marked.$ext"
    if ! "$SG" --strip "$T/marked.$ext" >"$T/stripped" 2>"$T/err"; then
        fail "$name" "strip failed: $(head -c 300 "$T/err")"
        return
    fi
    if cmp -s "$T/stripped" "$file"; then
        pass "$name"
    else
        fail "$name" "strip(render(x)) differs from x: $(cmp "$T/stripped" "$file" 2>&1)"
    fi
}
strip_roundtrip "strip_restores_plain_input" "$T/plain.txt"
if have_seeds; then
    for seed in "$SEEDS"/*.txt; do
        strip_roundtrip "strip_restores_seed_byte_for_byte ($(basename "$seed"))" "$seed"
    done
    seed=$SEEDS/ballerina-411mania.txt
    for style in plain md-discord md-reddit md-pandoc md-html; do
        cp "$seed" "$T/seed.md"
        strip_roundtrip "strip_restores_markdown_seed (--style $style)" "$T/seed.md" --style "$style"
    done
    cp "$seed" "$T/seed.txt"
    "$SG" "$T/seed.txt" >"$T/once.txt" 2>/dev/null
    "$SG" "$T/once.txt" >"$T/twice.txt" 2>/dev/null
    if cmp -s "$T/once.txt" "$T/twice.txt"; then pass "second_run_inserts_nothing"; else fail "second_run_inserts_nothing"; fi
else
    skip "strip_restores_seed_byte_for_byte" "no corpus at $CORPUS"
fi

# ---- plain text, Discord, Reddit: visible marks, edited copies, look-alikes -------------

printf 'Harbour Lights review\n\nThe film is slow and handsome, and the score is lovely.\n\nIn the final scene, Mara dies on the pier.\n\nThe twist is that the stranger was her son all along.\n\nRating: 2/5\n' >"$T/vis.txt"
"$SG" "$T/vis.txt" >"$T/vis.out.txt" 2>"$T/err"
if grep -q '^\[spoiler: death[a-z, ]*\] In the final scene, Mara dies on the pier\. \[/spoiler\]$' "$T/vis.out.txt" &&
    grep -q '^⚠ Spoiler warning ([a-z, ]*): 2 passages are marked below\.$' "$T/vis.out.txt" &&
    grep -q '^\[Rating · ★★☆☆☆ 2/5\]$' "$T/vis.out.txt"; then
    pass "plain_marks_warning_and_badge_are_visible_text"
else
    fail "plain_marks_warning_and_badge_are_visible_text" "$(cat "$T/vis.out.txt")"
fi

# expect_strip_edit NAME EDITED WANT NOTE [remarks]: --strip of EDITED gives
# WANT and says NOTE on standard error ("" for nothing), exit status 0; a
# second run on the edited copy inserts nothing, or (remarks: a passage is no
# longer marked) marks it again, and strips back to what EDITED strips to.
expect_strip_edit() {
    name=$1 edited=$2 want=$3 note=$4 again=${5:-same}
    run --strip "$edited"
    if [ "$rc" -ne 0 ] || ! cmp -s "$T/out" "$want"; then
        fail "$name" "exit $rc" "$(cmp "$T/out" "$want" 2>&1)" "$(head -c 300 "$T/out")"
        return
    elif [ -n "$note" ] && ! grep -q -e "$note" "$T/err"; then
        fail "$name" "no \"$note\" on stderr: $(head -c 300 "$T/err")"
        return
    elif [ -z "$note" ] && [ -s "$T/err" ]; then
        fail "$name" "stderr: $(head -c 300 "$T/err")"
        return
    fi
    "$SG" "$edited" >"$T/again.txt" 2>/dev/null
    "$SG" --strip "$T/again.txt" >"$T/again.back" 2>/dev/null
    if [ "$again" = same ] && ! cmp -s "$T/again.txt" "$edited"; then
        fail "$name" "a second run changed the edited copy: $(cmp "$T/again.txt" "$edited" 2>&1)"
    elif [ "$again" != same ] && { cmp -s "$T/again.txt" "$edited" || ! cmp -s "$T/again.back" "$want"; }; then
        fail "$name" "a second run did not mark the passage again, or does not strip back"
    else
        pass "$name"
    fi
}
# the warning line (and its blank line) deleted: what is left is still exact
sed '/^⚠ /,+1d' "$T/vis.out.txt" >"$T/nowarn.txt"
expect_strip_edit "strip_of_a_copy_without_its_warning_is_exact" "$T/nowarn.txt" "$T/vis.txt" ""
# one mark's closing piece deleted: that mark stays, and stderr says where
sed '/spoiler: twist/s| \[/spoiler\]$||' "$T/vis.out.txt" >"$T/half.txt"
sed 's|^The twist|[spoiler: twist] The twist|' "$T/vis.txt" >"$T/half.want"
expect_strip_edit "strip_leaves_a_half_deleted_mark_and_says_where" "$T/half.txt" "$T/half.want" \
    'half.txt: line 9: "\[spoiler: twist\]" opens a marked passage that does not close'
# a mark's opening piece deleted: its closing piece cannot be told from text
sed 's|^\[spoiler: twist\] ||' "$T/vis.out.txt" >"$T/open.txt"
sed 's|^\(The twist.*\)$|\1 [/spoiler]|' "$T/vis.txt" >"$T/open.want"
expect_strip_edit "strip_counts_the_marks_the_warning_promised" "$T/open.txt" "$T/open.want" \
    'counts 2 marked passages but 1 is whole' remarks

# a run on an output the author went on writing marks the new spoiler, and the
# warning then counts it too, so that strip still proves every mark its own
cp "$T/vis.out.txt" "$T/more.txt"
printf '\nLater, Tom kills the stranger in the final scene.\n' >>"$T/more.txt"
cp "$T/vis.txt" "$T/more.want"
printf '\nLater, Tom kills the stranger in the final scene.\n' >>"$T/more.want"
"$SG" "$T/more.txt" >"$T/more.out" 2>/dev/null
run --strip "$T/more.out"
if grep -q '^⚠ Spoiler warning ([a-z, ]*): 3 passages are marked below\.$' "$T/more.out" &&
    grep -q '^\[spoiler: [a-z, ]*\] Later, Tom kills' "$T/more.out" && cmp -s "$T/out" "$T/more.want" &&
    [ ! -s "$T/err" ]; then
    pass "a_run_after_more_writing_counts_the_new_mark_in_the_warning"
else
    fail "a_run_after_more_writing_counts_the_new_mark_in_the_warning" "$(head -c 600 "$T/more.out")" "$(cat "$T/err")"
fi

# marks the author typed are the author's: kept by strip and by a second run
printf 'Harbour Lights review\n\n[SPOILER] In the final scene, Mara dies on the pier. [/SPOILER]\n\nThe twist is that ||the stranger was her son all along||.\n\n[spoiler]Then Tom kills the stranger.[/spoiler] And >!her brother dies!< too.\n\nRating: 2/5\n' >"$T/look.txt"
for style in plain md-discord md-reddit; do
    cp "$T/look.txt" "$T/look.$style.txt"
    run --strip "$T/look.txt"
    if [ "$rc" -eq 0 ] && cmp -s "$T/out" "$T/look.txt" && [ ! -s "$T/err" ]; then
        "$SG" --style "$style" "$T/look.txt" >"$T/look.out" 2>/dev/null
        "$SG" --style "$style" "$T/look.out" >"$T/look.again" 2>/dev/null
        "$SG" --strip "$T/look.out" >"$T/look.back" 2>/dev/null
        if cmp -s "$T/look.back" "$T/look.txt" && cmp -s "$T/look.out" "$T/look.again" &&
            [ "$(grep -c '\[SPOILER\] In the final\|||the stranger\|\[spoiler\]Then\|>!her brother' "$T/look.out")" -eq 3 ]; then
            pass "authors_look_alike_marks_stay_theirs (--style $style)"
        else
            fail "authors_look_alike_marks_stay_theirs (--style $style)" "$(head -c 600 "$T/look.out")"
        fi
    else
        fail "authors_look_alike_marks_stay_theirs (--style $style)" "strip changed the author's text: $(head -c 300 "$T/err")"
    fi
done

# a rating the author wrote in brackets is the author's: read, and kept by strip
printf 'Harbour Lights review\n[Rating: 4/5]\n\nThe film is slow and handsome.\n' >"$T/brackets.txt"
run --report "$T/brackets.txt"
if grep -q '"rating":{"text":"4/5"' "$T/out" && "$SG" --strip "$T/brackets.txt" 2>/dev/null | cmp -s - "$T/brackets.txt"; then
    pass "an_authors_bracketed_rating_is_read_and_kept"
else
    fail "an_authors_bracketed_rating_is_read_and_kept" "$(head -c 300 "$T/out")"
fi

# the badge an earlier run inserted is never read as the review's rating
rating_of() { # FILE [OPTIONS...]: the report's rating, its offsets left out
    f=$1
    shift
    "$SG" --report "$@" "$f" 2>/dev/null | sed -n 's/.*"rating":\({[^}]*}\).*/\1/p' |
        sed 's/"start":[0-9]*,"end":[0-9]*//'
}
for r in '2/5' '10/10' '5 out of 5' 'Recommended'; do
    for style in plain md-discord md-reddit; do
        ext=txt
        [ "$style" = plain ] || ext=md
        printf 'Harbour Lights review\n\nThe film is slow and handsome.\n\nIn the final scene, Mara dies on the pier.\n\nVerdict: %s\n' "$r" >"$T/rated.$ext"
        "$SG" --style "$style" "$T/rated.$ext" >"$T/rated.out.$ext" 2>/dev/null
        before=$(rating_of "$T/rated.$ext" --style "$style")
        after=$(rating_of "$T/rated.out.$ext" --style "$style")
        if grep -q 'Rating · ' "$T/rated.out.$ext" && [ -n "$before" ] && [ "$before" = "$after" ]; then
            pass "second_run_reads_the_reviews_rating_not_the_badge ($r, $style)"
        else
            fail "second_run_reads_the_reviews_rating_not_the_badge ($r, $style)" "input: $before" "output: $after"
        fi
    done
done

# ---- --check, --diagnostics, --explain ------------------------------------------------

# check_consistency NAME FILE: --check, --diagnostics and --report agree.
check_consistency() {
    name=$1 file=$2
    "$SG" --report "$file" >"$T/rep" 2>/dev/null
    majors=$(grep -o '"severity":"major","rule":"[^"]*","confidence":[0-9.]*,"evidence":{"start":[0-9]*,"end":[0-9]*},"marked":false' "$T/rep" | wc -l)
    unmarked=$(grep -o '"marked":false' "$T/rep" | wc -l)
    want=0
    [ "$majors" -gt 0 ] && want=1
    run --check "$file"
    if [ "$rc" -eq "$want" ] && [ ! -s "$T/out" ]; then
        pass "check_exit_matches_unmarked_majors ($name: $majors)"
    else
        fail "check_exit_matches_unmarked_majors ($name: $majors)" "exit $rc, want $want; stdout $(wc -c <"$T/out") bytes"
    fi
    if [ "$want" -eq 1 ]; then
        if grep -q "$(basename "$file").*unmarked major spoiler" "$T/err"; then pass "check_summary_on_stderr ($name)"; else fail "check_summary_on_stderr ($name)" "$(cat "$T/err")"; fi
    fi
    run --check --diagnostics "$file"
    warnings=$(grep -c ': warning: ' "$T/out")
    total=$(wc -l <"$T/out")
    if [ "$rc" -eq "$want" ] && [ "$warnings" -eq "$majors" ] && [ "$total" -eq "$unmarked" ]; then
        pass "diagnostics_list_every_unmarked_flag ($name: $total)"
    else
        fail "diagnostics_list_every_unmarked_flag ($name)" "exit $rc, $warnings warnings for $majors majors, $total lines for $unmarked unmarked"
    fi
    bad=$(grep -v -E '^.+:[0-9]+:[0-9]+: (warning|note): [A-Za-z_.-]+: .* \([^,()]+, [01]\.[0-9]{3}\)$' "$T/out" | head -n 3)
    if [ -z "$bad" ]; then pass "diagnostics_format ($name)"; else fail "diagnostics_format ($name)" "$bad"; fi
    # The first diagnostic points at the first unmarked flag's start.
    start=$(sed -n 's/.*"spoilers":\[//p' "$T/rep" | grep -o '{"start":[0-9]*,[^{]*{[^}]*},"marked":false' | head -n 1 | sed 's/{"start":\([0-9]*\),.*/\1/')
    if [ -n "$start" ]; then
        nl=$(head -c "$start" "$file" | tr -cd '\n' | wc -c)
        if [ "$start" -eq 0 ] || [ "$(head -c "$start" "$file" | tail -c 1 | od -An -tx1 | tr -d ' \n')" = 0a ]; then
            col=1
        else
            col=$(( $(head -c "$start" "$file" | tail -n 1 | wc -c) + 1 ))
        fi
        where=$(head -n 1 "$T/out" | sed 's/^.*:\([0-9]*\):\([0-9]*\): [wn][ao][rt].*/\1:\2/')
        if [ "$where" = "$((nl + 1)):$col" ]; then
            pass "diagnostics_line_and_byte_column ($name)"
        else
            fail "diagnostics_line_and_byte_column ($name)" "got $where, want $((nl + 1)):$col"
        fi
    fi
    # What spoilerguard marked no longer fails the check.
    ext=${file##*.}
    "$SG" "$file" >"$T/fixed.$ext" 2>/dev/null
    run --check "$T/fixed.$ext"
    if [ "$rc" -eq 0 ]; then pass "check_passes_once_marked ($name)"; else fail "check_passes_once_marked ($name)" "exit $rc: $(head -c 300 "$T/err")"; fi
}
check_consistency plain "$T/plain.txt"
if have_seeds; then
    for seed in "$SEEDS"/*.txt; do
        check_consistency "$(basename "$seed")" "$seed"
    done
fi

run --check "$T/calm.txt"
expect_rc "check_of_calm_text_exits_0" 0

"$SG" --diagnostics <"$T/plain.txt" >"$T/out" 2>"$T/err"
if [ ! -s "$T/out" ] || grep -q '^<stdin>:[0-9]*:[0-9]*: ' "$T/out"; then
    pass "diagnostics_name_stdin"
else
    fail "diagnostics_name_stdin" "$(head -n 1 "$T/out")"
fi

run --report --min-severity major "$T/plain.txt"
if [ "$rc" -eq 0 ] && ! grep -q '"severity":"minor"' "$T/out"; then pass "min_severity_major_drops_minor_flags"; else fail "min_severity_major_drops_minor_flags"; fi
run --report --min-confidence 1 "$T/plain.txt"
if [ "$rc" -eq 0 ] && [ "$(grep -o '"confidence":0\.[0-9]*' "$T/out" | wc -l)" -eq 0 ]; then
    pass "min_confidence_one_keeps_only_certain_flags"
else
    fail "min_confidence_one_keeps_only_certain_flags"
fi

run --explain "$T/plain.txt"
expect_rc "explain_exits_0" 0
nflags=$("$SG" --report "$T/plain.txt" 2>/dev/null | grep -o '"rule":' | wc -l)
nrules=$(grep -c '^    rule: ' "$T/out")
if [ "$nrules" -eq "$nflags" ] && { [ "$nflags" -eq 0 ] || { grep -q '^    model: ' "$T/out" && grep -q '^    cue: ' "$T/out" && grep -q '^    character: ' "$T/out"; }; }; then
    pass "explain_gives_rule_cue_character_and_model_per_flag ($nflags)"
else
    fail "explain_gives_rule_cue_character_and_model_per_flag" "$nrules explanations for $nflags flags"
fi
run --explain --report "$T/plain.txt"
if grep -q '^{"format"' "$T/out" && ! grep -q '^    rule: ' "$T/out"; then
    pass "explain_goes_to_stderr_beside_a_report"
else
    fail "explain_goes_to_stderr_beside_a_report"
fi

# ---- --jsonl ----------------------------------------------------------------------------

{
    printf '{"id": "a", "text": "In the end, the hero dies."}\n'
    printf '\n'
    printf '{"id": 42, "text": "A quiet film about a lighthouse.", "from": "plain"}\n'
    printf '{"id": "broken", "text": "no closing brace"\n'
    printf '{"id": "untexted"}\n'
    printf '   \n'
    printf '{"text": "<p>Her <b>brother</b> was the killer.</p>", "from": "html", "extra": [1, {"x": null}]}\n'
    printf 'not json at all\n'
    printf '{"id": "fmt", "text": "x", "from": "docx"}\n'
    printf '{"id": "\\u00e9\\ud83d\\ude00", "text": "caf\\u00e9 \\ud83d\\ude00 ends."}\n'
} >"$T/batch.jsonl"
run --jsonl <"$T/batch.jsonl"
expect_rc "jsonl_with_broken_lines_exits_2" 2
if [ "$(wc -l <"$T/out")" -eq 8 ]; then pass "jsonl_answers_every_non_blank_line"; else fail "jsonl_answers_every_non_blank_line" "$(wc -l <"$T/out") lines"; fi
expect_line "jsonl_string_id_comes_first" 1 '^{"id":"a","format":"plain",.*"spoilers":\['
expect_line "jsonl_number_id_stays_a_number" 2 '^{"id":42,"format":"plain",'
expect_line "jsonl_bad_json_gets_an_error_with_line_and_column" 3 '^{"id":"broken","line":4,"error":"expected .*column [0-9]*"}$'
expect_line "jsonl_missing_text_gets_an_error" 4 '^{"id":"untexted","line":5,"error":"missing \\"text\\""}$'
expect_line "jsonl_from_html_and_unknown_keys" 5 '^{"id":null,"format":"html",'
expect_line "jsonl_non_json_line_gets_null_id" 6 '^{"id":null,"line":8,"error":"'
expect_line "jsonl_unknown_from_gets_an_error" 7 '^{"id":"fmt","line":9,"error":".*from'
expect_line "jsonl_unicode_escapes_decode_to_utf8" 8 "^{\"id\":\"$(printf '\303\251\360\237\230\200')\",\"format\":\"plain\""
if grep -q '<stdin>: line 4: ' "$T/err" && grep -q '<stdin>: line 5: missing "text"' "$T/err"; then
    pass "jsonl_errors_name_input_and_line_on_stderr"
else
    fail "jsonl_errors_name_input_and_line_on_stderr" "$(cat "$T/err")"
fi

grep -v -e broken -e untexted -e 'not json' -e docx "$T/batch.jsonl" >"$T/good.jsonl"
run --jsonl "$T/good.jsonl"
expect_rc "jsonl_of_good_lines_from_a_file_exits_0" 0

printf '{"id":"big","text":"%s"}\n{"id":"small","text":"fine."}\n' "$(head -c 3000 /dev/zero | tr '\0' 'a')" >"$T/sizes.jsonl"
run --jsonl --max-input 1K "$T/sizes.jsonl"
if [ "$rc" -eq 2 ] && sed -n 1p "$T/out" | grep -q '^{"id":"big","line":1,"error":".*max-input' &&
   sed -n 2p "$T/out" | grep -q '^{"id":"small","format"'; then
    pass "jsonl_refuses_a_large_text_and_goes_on"
else
    fail "jsonl_refuses_a_large_text_and_goes_on" "exit $rc" "$(head -c 300 "$T/out")"
fi
# A line is read whole up to six bytes per allowed text byte (escapes) plus
# 64 KiB of JSON around it; past that it is skipped unread.
printf '{"id":"huge","text":"%s"}\n{"id":"small","text":"fine."}\n' "$(head -c 70000 /dev/zero | tr '\0' 'a')" >"$T/sizes.jsonl"
run --jsonl --max-input 100 "$T/sizes.jsonl"
if [ "$rc" -eq 2 ] && sed -n 1p "$T/out" | grep -q '^{"id":null,"line":1,"error":"line longer than' &&
   sed -n 2p "$T/out" | grep -q '^{"id":"small","format"'; then
    pass "jsonl_refuses_an_overlong_line_and_goes_on"
else
    fail "jsonl_refuses_an_overlong_line_and_goes_on" "exit $rc" "$(head -c 300 "$T/out")"
fi

# A larger batch: --jobs keeps the input order and the output identical.
: >"$T/many.jsonl"
if have_seeds; then
    for seed in "$SEEDS"/*.txt; do
        base=$(basename "$seed" .txt)
        json_escape <"$seed" | grep -v '^ *$' |
            awk -v b="$base" '{ printf "{\"id\":\"%s-%d\",\"text\":\"%s\",\"from\":\"plain\"}\n", b, NR, $0 }'
    done >>"$T/many.jsonl"
fi
i=0
while [ "$i" -lt 150 ]; do
    printf '{"id":%d,"text":"Line %d: in the end, Mara dies and the twist is her sister was the killer all along."}\n' "$i" "$i"
    printf '{"id":"calm-%d","text":"Scene %d is beautifully shot."}\n' "$i" "$i"
    i=$((i + 1))
done >>"$T/many.jsonl"
total=$(wc -l <"$T/many.jsonl")
"$SG" --jsonl --jobs 1 <"$T/many.jsonl" >"$T/jobs1" 2>"$T/err1"
rc1=$?
"$SG" --jsonl --jobs 2 <"$T/many.jsonl" >"$T/jobs2" 2>"$T/err2"
rc2=$?
"$SG" --jsonl --jobs 3 <"$T/many.jsonl" >"$T/jobs3" 2>"$T/err3"
rc3=$?
if [ "$rc1$rc2$rc3" = 000 ] && [ "$(wc -l <"$T/jobs1")" -eq "$total" ]; then
    pass "jsonl_batch_of_$total exits 0"
else
    fail "jsonl_batch_of_$total exits 0" "exits $rc1 $rc2 $rc3, $(wc -l <"$T/jobs1") lines" "$(head -c 300 "$T/err1")"
fi
if cmp -s "$T/jobs1" "$T/jobs2" && cmp -s "$T/jobs1" "$T/jobs3"; then
    pass "jobs_2_and_3_match_jobs_1_byte_for_byte"
else
    fail "jobs_2_and_3_match_jobs_1_byte_for_byte" "$(cmp "$T/jobs1" "$T/jobs2" 2>&1)"
fi
sed -E 's/^\{"id":("[^"]*"|[0-9]*),.*/\1/' "$T/jobs2" >"$T/ids.out"
sed -E 's/^\{"id":("[^"]*"|[0-9]*),.*/\1/' "$T/many.jsonl" >"$T/ids.in"
if cmp -s "$T/ids.in" "$T/ids.out"; then pass "jobs_keep_input_order"; else fail "jobs_keep_input_order" "$(cmp "$T/ids.in" "$T/ids.out" 2>&1)"; fi
# One large article: --jobs splits its sentences across threads and the
# output is the one thread's, byte for byte.
i=0
while [ "$i" -lt 6000 ]; do
    printf 'Part %d: in the end, Mara dies and the twist is her sister was the killer. The score is lovely.\n\n' "$i"
    i=$((i + 1))
done >"$T/large.txt"
"$SG" --jobs 1 "$T/large.txt" >"$T/large1" 2>/dev/null
rc1=$?
"$SG" --jobs 3 "$T/large.txt" >"$T/large3" 2>/dev/null
rc3=$?
"$SG" --jobs 1 --report "$T/large.txt" >"$T/large1r" 2>/dev/null
"$SG" --jobs 3 --report "$T/large.txt" >"$T/large3r" 2>/dev/null
if [ "$rc1$rc3" = 00 ] && [ "$(grep -c '\[spoiler: ' "$T/large1")" -ge 6000 ] &&
   cmp -s "$T/large1" "$T/large3" && cmp -s "$T/large1r" "$T/large3r"; then
    pass "jobs_on_one_large_article_match_one_thread"
else
    fail "jobs_on_one_large_article_match_one_thread" "exits $rc1 $rc3" "$(cmp "$T/large1" "$T/large3" 2>&1)"
fi
cat "$T/batch.jsonl" "$T/many.jsonl" >"$T/mixed.jsonl"
"$SG" --jsonl --jobs 1 <"$T/mixed.jsonl" >"$T/mixed1" 2>/dev/null
rc1=$?
"$SG" --jsonl --jobs 4 <"$T/mixed.jsonl" >"$T/mixed4" 2>/dev/null
rc4=$?
if [ "$rc1$rc4" = 22 ] && cmp -s "$T/mixed1" "$T/mixed4"; then
    pass "jobs_keep_order_with_broken_lines"
else
    fail "jobs_keep_order_with_broken_lines" "exits $rc1 $rc4"
fi
run --jsonl --jobs 2 -o "$T/batch.out" <"$T/mixed.jsonl"
if [ "$rc" -eq 2 ] && cmp -s "$T/batch.out" "$T/mixed1"; then
    pass "jsonl_output_file_is_complete_despite_broken_lines"
else
    fail "jsonl_output_file_is_complete_despite_broken_lines" "exit $rc"
fi
run --jsonl --check <"$T/good.jsonl"
if [ ! -s "$T/out" ] && { [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; }; then
    pass "jsonl_check_prints_nothing_on_stdout"
else
    fail "jsonl_check_prints_nothing_on_stdout" "exit $rc"
fi

# ---- --rules: user rule files and hooks ---------------------------------------------

cat >"$T/house.lua" <<'EOF'
on("flag", function(flag, doc)
  if doc.text:find("BOOM", 1, true) then error("boom in hook") end
  return flag
end)
return {
  { id = "house.twin", kind = "twist", severity = "major", patterns = { [[\bsecret twin\b]] } },
}
EOF
printf 'The hero has a secret twin.\n' >"$T/twin.txt"
printf 'BOOM. The hero has a secret twin.\n' >"$T/boom.txt"
run --rules "$T/house.lua" --report "$T/twin.txt"
if grep -q "needs Lua" "$T/err"; then
    skip "rules" "this build has no Lua 5.4"
else
    if [ "$rc" -eq 0 ] && grep -q '"rule":"house.twin"' "$T/out"; then
        pass "rules_file_adds_a_rule"
    else
        fail "rules_file_adds_a_rule" "exit $rc: $(head -c 300 "$T/err")"
    fi
    run --rules "$T/house.lua" "$T/boom.txt"
    if [ "$rc" -eq 2 ] && [ ! -s "$T/out" ] && grep -q "boom.txt: .*flag.*house.lua:2: boom in hook" "$T/err"; then
        pass "failing_hook_exits_2_naming_input_hook_file_and_line"
    else
        fail "failing_hook_exits_2_naming_input_hook_file_and_line" "exit $rc: $(cat "$T/err")"
    fi
    {
        printf '{"id":"one","text":"The hero has a secret twin."}\n'
        printf '{"id":"two","text":"BOOM: the hero has a secret twin."}\n'
        printf '{"id":"three","text":"Nothing here."}\n'
    } >"$T/hooks.jsonl"
    run --rules "$T/house.lua" --jsonl --jobs 2 "$T/hooks.jsonl"
    if [ "$rc" -eq 2 ] && [ "$(wc -l <"$T/out")" -eq 3 ] &&
       sed -n 2p "$T/out" | grep -q '^{"id":"two","line":2,"error":".*house.lua:2: boom in hook"}$' &&
       sed -n 3p "$T/out" | grep -q '^{"id":"three","format"'; then
        pass "failing_hook_in_a_batch_fails_its_line_only"
    else
        fail "failing_hook_in_a_batch_fails_its_line_only" "exit $rc" "$(cat "$T/out" "$T/err" | head -c 600)"
    fi
    printf 'return {\n  { id = "broken", kind = "twist", patterns = { "(" } },\n}\n' >"$T/badrule.lua"
    run --rules "$T/badrule.lua" "$T/twin.txt"
    if [ "$rc" -eq 2 ] && [ ! -s "$T/out" ] && grep -q "badrule.lua" "$T/err" && grep -q "broken" "$T/err"; then
        pass "invalid_rule_pattern_exits_2_naming_file_and_rule"
    else
        fail "invalid_rule_pattern_exits_2_naming_file_and_rule" "exit $rc: $(cat "$T/err")"
    fi
    printf 'local x = = 1\n' >"$T/syntax.lua"
    run --rules "$T/syntax.lua" "$T/twin.txt"
    if [ "$rc" -eq 2 ] && grep -q "syntax.lua:1:" "$T/err"; then
        pass "rule_file_syntax_error_names_file_and_line"
    else
        fail "rule_file_syntax_error_names_file_and_line" "exit $rc: $(cat "$T/err")"
    fi
    printf 'os.exit(3)\n' >"$T/untrusted.lua"
    run --rules "$T/untrusted.lua" "$T/twin.txt"
    if [ "$rc" -eq 2 ] && grep -q "untrusted.lua" "$T/err"; then
        pass "untrusted_rule_file_has_no_os"
    else
        fail "untrusted_rule_file_has_no_os" "exit $rc: $(cat "$T/err")"
    fi
fi

# ---- HTML spoilers behind a button: the CSS and script once per page --------

cat >"$T/page.html" <<'EOF'
<!doctype html><html><head><title>Harbour Lights review</title></head><body><article>
<p>The score is lovely.</p><p>In the final scene, Mara shoots Tom and walks into the sea.</p>
</article></body></html>
EOF
run "$T/page.html"
cp "$T/out" "$T/page.out.html"
if [ "$rc" -eq 0 ] && [ "$(grep -o '<style data-spoilerguard="style">' "$T/out" | wc -l)" -eq 1 ] &&
    [ "$(grep -o '<script data-spoilerguard="script">' "$T/out" | wc -l)" -eq 1 ] &&
    grep -q 'aria-expanded="false">Spoiler (' "$T/out" &&
    sed 's/<\/head>.*//' "$T/out" | grep -q 'data-spoilerguard="script"'; then
    pass "html_spoilers_are_buttons_with_css_and_script_once_in_the_head"
else
    fail "html_spoilers_are_buttons_with_css_and_script_once_in_the_head" "exit $rc" "$(head -c 300 "$T/out")"
fi
run "$T/page.out.html"
cmp -s "$T/out" "$T/page.out.html" && pass "a_second_run_adds_no_second_css_or_script" ||
    fail "a_second_run_adds_no_second_css_or_script" "$(cmp "$T/out" "$T/page.out.html" 2>&1)"
strip_roundtrip "strip_removes_the_css_and_script" "$T/page.html"
run --assets none "$T/page.html"
if [ "$rc" -eq 0 ] && ! grep -q 'data-spoilerguard="s[ct][yr]' "$T/out" &&
    grep -q 'data-spoilerguard="toggle"' "$T/out"; then
    pass "assets_none_leaves_the_css_and_script_to_the_site"
else
    fail "assets_none_leaves_the_css_and_script_to_the_site" "exit $rc" "$(head -c 300 "$T/out")"
fi
run --assets sometimes "$T/page.html"
expect_rc "assets_refuses_an_unknown_way" 2

# ---- Hugo: the shipped shortcode around each sentence -------------------------
printf '# Harbour Lights\n\nThe score is lovely.\n\nIn the final scene, Mara shoots Tom and walks into the sea.\n' >"$T/hugo.md"
run --style hugo "$T/hugo.md"
if [ "$rc" -eq 0 ] && grep -q '{{< spoiler kind="' "$T/out" && grep -q '{{< /spoiler >}}' "$T/out" &&
    ! grep -q '<span' "$T/out"; then
    pass "style_hugo_wraps_sentences_in_the_shortcode"
else
    fail "style_hugo_wraps_sentences_in_the_shortcode" "exit $rc" "$(head -c 300 "$T/out")"
fi
strip_roundtrip "strip_removes_the_hugo_shortcodes" "$T/hugo.md" --style md-hugo
run --style md-hugo "$T/page.html"
expect_rc "style_hugo_refuses_html_input" 2

# ---- a platform's name is short for its dialect -------------------------------
for pair in discord:md-discord:hugo.md reddit:md-reddit:hugo.md pandoc:md-pandoc:hugo.md \
    obsidian:md-obsidian:hugo.md details:html-details:page.html; do
    short=${pair%%:*} rest=${pair#*:}
    long=${rest%%:*} file=${rest#*:}
    run --style "$long" "$T/$file"
    cp "$T/out" "$T/style.long"
    run --style "$short" "$T/$file"
    if [ "$rc" -eq 0 ] && [ -s "$T/out" ] && cmp -s "$T/out" "$T/style.long"; then
        pass "style_${short}_is_$long"
    else
        fail "style_${short}_is_$long" "exit $rc" "$(head -c 300 "$T/err")"
    fi
done
run --style discord "$T/hugo.md"
if grep -q '||.*||' "$T/out"; then
    pass "style_discord_marks_with_discord_bars"
else
    fail "style_discord_marks_with_discord_bars" "$(head -c 300 "$T/out")"
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
