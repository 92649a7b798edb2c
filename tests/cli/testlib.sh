# Helpers for the shell tests: `. tests/cli/testlib.sh`, then
#   ok NAME             a check passed
#   bad NAME LINE...    a check failed, with what shows why
#   finish              the count, and the exit status (1 on a failure)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; shift; for l in "$@"; do echo "     $l"; done; }
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
}
