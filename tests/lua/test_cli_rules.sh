#!/bin/sh
# User rule files on the command line: sandbox, instruction budget, memory
# cap, and errors that name the file, line and rule.
#   SG_ROOT=. SG_BUILD=build sh tests/lua/test_cli_rules.sh
#   or: sh tests/lua/test_cli_rules.sh ROOT BUILD
ROOT=${1:-${SG_ROOT:-.}}
BUILD=${2:-${SG_BUILD:-$ROOT/build}}
CLI=${SG_CLI:-$BUILD/spoilerguard}
passed=0
failed=0

if [ ! -x "$CLI" ]; then
    echo "FAIL no command line at $CLI"
    echo "0 passed, 1 failed"
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/sg-cli-rules.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }

# run NAME: runs the CLI with the remaining arguments on $TMP/review.txt,
# leaving the exit code in $rc, stdout in $TMP/out, stderr in $TMP/err.
run() {
    timeout 60 "$CLI" "$@" < "$TMP/review.txt" > "$TMP/out" 2> "$TMP/err"
    rc=$?
}

# expect NAME CODE [TEXT-IN-STDERR...]
expect() {
    name=$1 code=$2
    shift 2
    if [ "$rc" != "$code" ]; then
        bad "$name" "exit $rc, want $code" "stderr: $(head -c 600 "$TMP/err")"
        return
    fi
    for want in "$@"; do
        if ! grep -qF -- "$want" "$TMP/err"; then
            bad "$name" "stderr lacks: $want" "stderr: $(head -c 600 "$TMP/err")"
            return
        fi
    done
    ok "$name"
}

cat > "$TMP/review.txt" <<'EOF'
Okju is a contract killer who wants out.

In the final act, Okju dies in her mentor's arms.

The action scenes are superb. Rating: 7/10
EOF

# ---- a good rule file: its rule flags, its hook runs ------------------------
cat > "$TMP/good.lua" <<'EOF'
on("flag", function(f)
  if f.rule == "user.mentor" then return { severity = "major" } end
end)
return {
  { id = "user.contract", kind = "plot", pattern = [[\bcontract killer\b]] },
  { id = "user.mentor", kind = "twist",
    match = function(s) return s.text:find("mentor", 1, true) ~= nil end },
}
EOF
run --report --rules "$TMP/good.lua"
if [ "$rc" = 0 ] && grep -q '"rule": *"user.mentor"' "$TMP/out" &&
   grep -q '"rule": *"user.contract"' "$TMP/out"; then
    ok "rule_file_rules_flag_sentences"
else
    bad "rule_file_rules_flag_sentences" "exit $rc" "$(head -c 600 "$TMP/out")" "$(head -c 300 "$TMP/err")"
fi

# ---- the sandbox -------------------------------------------------------------
cat > "$TMP/os.lua" <<'EOF'
return {
  { id = "user.shell", kind = "plot",
    match = function(s) os.execute("true") return false end },
}
EOF
run --report --rules "$TMP/os.lua"
expect "os_execute_fails_without_trust_rules" 2 "user.shell" "os.lua"

grep -q -e "--trust-rules" "$TMP/err" && ok "a_rule_reaching_for_os_is_told_of_trust_rules" ||
    bad "a_rule_reaching_for_os_is_told_of_trust_rules" "$(head -c 300 "$TMP/err")"
printf 'local t = io.open("/etc/hostname")\nreturn {}\n' > "$TMP/io.lua"
run --report --rules "$TMP/io.lua"
expect "a_file_reaching_for_io_names_its_line_and_trust_rules" 2 "io.lua:1" "without io unless --trust-rules"

run --report --trust-rules --rules "$TMP/os.lua"
expect "os_execute_works_with_trust_rules" 0

for lib in io require load dofile loadfile debug package collectgarbage; do
    cat > "$TMP/lib.lua" <<EOF
assert($lib == nil, "$lib is reachable")
return {}
EOF
    run --report --rules "$TMP/lib.lua"
    expect "sandbox_hides_$lib" 0
done

cat > "$TMP/trusted.lua" <<'EOF'
assert(io and os and require and load, "trusted files see the libraries")
return {}
EOF
run --report --trust-rules --rules "$TMP/trusted.lua"
expect "trust_rules_gives_the_libraries" 0

# ---- the instruction budget -------------------------------------------------
cat > "$TMP/loop.lua" <<'EOF'
return {
  { id = "user.loop", kind = "plot",
    match = function(s) while true do end end },
}
EOF
run --report --rules "$TMP/loop.lua"
expect "endless_rule_stops_with_exit_2_naming_rule_and_file" 2 "user.loop" "loop.lua:2" "instruction budget"

cat > "$TMP/loopload.lua" <<'EOF'
while true do end
EOF
run --report --rules "$TMP/loopload.lua"
expect "endless_rule_file_stops_while_loading" 2 "loopload.lua" "instruction budget"

cat > "$TMP/looppcall.lua" <<'EOF'
on("flag", function()
  while true do pcall(function() while true do end end) end
end)
return { { id = "user.any", kind = "plot", pattern = "Okju" } }
EOF
run --report --rules "$TMP/looppcall.lua"
expect "budget_stop_cannot_be_swallowed_by_pcall" 2 "hook 'flag'" "looppcall.lua:1" "instruction budget"

# ---- the memory cap -----------------------------------------------------------
cat > "$TMP/hoard.lua" <<'EOF'
local keep = {}
return {
  { id = "user.hoard", kind = "plot",
    match = function(s)
      for i = 1, 1e9 do keep[i] = ("x"):rep(4096) .. i end
    end },
}
EOF
run --report --rules "$TMP/hoard.lua"
expect "hoarding_rule_stops_at_the_memory_cap" 2 "user.hoard" "hoard.lua:3" "memory cap"

cat > "$TMP/huge.lua" <<'EOF'
local s = ("x"):rep(1 << 30)
return {}
EOF
run --report --rules "$TMP/huge.lua"
expect "huge_allocation_while_loading_stops" 2 "huge.lua" "memory cap"

cat > "$TMP/leak.lua" <<'EOF'
local keep = {}
return {
  { id = "user.leak", kind = "plot",
    match = function(s)
      keep[#keep + 1] = ("x"):rep(30 << 20) .. #keep
    end },
}
EOF
printf '{"id":%d,"text":"Okju dies."}\n' 1 2 3 4 5 6 > "$TMP/batch.jsonl"
timeout 60 "$CLI" --jsonl --rules "$TMP/leak.lua" < "$TMP/batch.jsonl" > "$TMP/out" 2> "$TMP/err"
rc=$?
if [ "$rc" = 2 ] && grep -q "between articles" "$TMP/out"; then
    ok "memory_kept_across_articles_counts_against_the_cap"
else
    bad "memory_kept_across_articles_counts_against_the_cap" "exit $rc" "$(head -c 600 "$TMP/out")"
fi

cat > "$TMP/gc.lua" <<'EOF'
setmetatable({}, { __gc = function() while true do end end })
return {}
EOF
run --report --rules "$TMP/gc.lua"
expect "finalizers_are_refused_in_the_sandbox" 2 "gc.lua:1" "__gc"

# ---- errors that name file and line ------------------------------------------
printf 'return {\n  { id = "a", kind = "death", pattern = "x" },\n  oops oops\n}\n' > "$TMP/syntax.lua"
run --report --rules "$TMP/syntax.lua"
expect "syntax_error_names_file_and_line" 2 "syntax.lua:3"

printf 'return {\n  { id = "ok.one", kind = "death", pattern = "fine" },\n  { id = "bad.pattern", kind = "twist", pattern = "(unclosed" },\n}\n' > "$TMP/pattern.lua"
run --report --rules "$TMP/pattern.lua"
expect "invalid_pattern_names_rule_id_and_file" 2 "bad.pattern" "pattern.lua:3"

cat > "$TMP/hookerr.lua" <<'EOF'
on("flag", function(f)
  error("refused " .. f.rule)
end)
return { { id = "user.any", kind = "plot", pattern = "Okju" } }
EOF
run --report --rules "$TMP/hookerr.lua"
expect "failing_hook_names_hook_file_and_line" 2 "hook 'flag' failed" "hookerr.lua:2" "refused user.any"

# ---- a failing hook in a batch: that line's error object, the batch goes on ---
cat > "$TMP/batchhook.lua" <<'EOF'
on("flag", function(f)
  if f.text:find("secret", 1, true) then error("refused " .. f.rule) end
end)
return { { id = "user.okju", kind = "plot", pattern = "Okju" } }
EOF
printf '{"id":1,"text":"Okju dies in the end."}\n{"id":"two","text":"The secret: Okju lives."}\n{"id":3,"text":"Okju wins."}\n' > "$TMP/hookbatch.jsonl"
for jobs in 1 2; do
    timeout 60 "$CLI" --jsonl --jobs "$jobs" --rules "$TMP/batchhook.lua" < "$TMP/hookbatch.jsonl" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q "line 2: hook 'flag' failed" "$TMP/err" &&
        python3 - "$TMP/out" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
ok = len(lines) == 3
ok = ok and lines[0]["id"] == 1 and any(f["rule"] == "user.okju" for f in lines[0]["spoilers"])
err = lines[1].get("error", "")
ok = ok and lines[1]["id"] == "two" and lines[1]["line"] == 2 and set(lines[1]) == {"id", "line", "error"}
ok = ok and "hook 'flag' failed" in err and "batchhook.lua:2" in err and "refused user.okju" in err
ok = ok and lines[2]["id"] == 3 and any(f["rule"] == "user.okju" for f in lines[2]["spoilers"])
sys.exit(0 if ok else 1)
PY
    then
        ok "failing_hook_in_a_batch_answers_its_line_with_an_error_and_goes_on (--jobs $jobs)"
    else
        bad "failing_hook_in_a_batch_answers_its_line_with_an_error_and_goes_on (--jobs $jobs)" "exit $rc" "$(head -c 900 "$TMP/out")" "$(head -c 300 "$TMP/err")"
    fi
done

printf 'return 42\n' > "$TMP/notlist.lua"
run --report --rules "$TMP/notlist.lua"
expect "rule_file_returning_a_number_is_refused" 2 "notlist.lua" "list of rules"

run --report --rules "$TMP/missing.lua"
expect "missing_rule_file_is_named" 2 "missing.lua"

# ---- publish, warning and badge hooks reach the output -------------------------
cat > "$TMP/publish.lua" <<'EOF'
on("publish", function(out) return out .. "\n-- checked --\n" end)
return { { id = "user.dies", kind = "death", pattern = [[\bdies\b]] } }
EOF
run --from plain --rules "$TMP/publish.lua"
if [ "$rc" = 0 ] && tail -n 1 "$TMP/out" | grep -q -- "-- checked --"; then
    ok "publish_hook_replaces_the_output"
else
    bad "publish_hook_replaces_the_output" "exit $rc" "$(tail -c 300 "$TMP/out")" "$(head -c 300 "$TMP/err")"
fi

cat > "$TMP/warn.lua" <<'EOF'
on("warning", function() return "HOUSE WARNING" end)
return { { id = "user.dies", kind = "death", pattern = [[\bdies\b]] } }
EOF
run --from plain --rules "$TMP/warn.lua"
if [ "$rc" = 0 ] && grep -q "HOUSE WARNING" "$TMP/out"; then
    "$CLI" --strip --from plain < "$TMP/out" > "$TMP/stripped" 2>/dev/null
    if cmp -s "$TMP/stripped" "$TMP/review.txt"; then
        ok "warning_hook_markup_is_inserted_and_stripped"
    else
        bad "warning_hook_markup_is_inserted_and_stripped" "strip did not give the input back"
    fi
else
    bad "warning_hook_markup_is_inserted_and_stripped" "exit $rc" "$(head -c 300 "$TMP/out")" "$(head -c 300 "$TMP/err")"
fi

# ---- the example rule files load and act -----------------------------------------
EX="$ROOT/examples/rules"
if [ -f "$EX/plot-summary.lua" ]; then
    printf '# Review\n\n## Plot summary\n\nIn the end, Okju dies in her mentor'"'"'s arms.\n\n## Verdict\n\nIn the end, Okju dies in her mentor'"'"'s arms.\n' > "$TMP/review.md"
    timeout 60 "$CLI" --report --from markdown --rules "$EX/plot-summary.lua" < "$TMP/review.md" > "$TMP/out" 2> "$TMP/err"
    rc=$?
    n=$(grep -o '"rule"' "$TMP/out" | wc -l)
    if [ "$rc" = 0 ] && grep -q '"spoilers"' "$TMP/out"; then
        # the flags in the Plot summary section are vetoed; the later ones stay
        if python3 - "$TMP/out" "$TMP/review.md" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
text = open(sys.argv[2], "rb").read()
cut = text.index(b"## Verdict")
inside = [f for f in r["spoilers"] if f["start"] < cut]
outside = [f for f in r["spoilers"] if f["start"] > cut]
sys.exit(0 if not inside and outside else 1)
PY
        then ok "example_plot_summary_rule_vetoes_flags_in_that_section"
        else bad "example_plot_summary_rule_vetoes_flags_in_that_section" "$n flags" "$(head -c 600 "$TMP/out")"
        fi
    else
        bad "example_plot_summary_rule_vetoes_flags_in_that_section" "exit $rc" "$(head -c 300 "$TMP/err")"
    fi
fi
if [ -f "$EX/ballerina-characters.lua" ]; then
    run --report --rules "$EX/ballerina-characters.lua"
    expect "example_character_rules_load" 0
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
