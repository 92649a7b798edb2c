# Sourced by the browser tests: sets PY to a python3 that has selenium, or
# exits 77 (skipped) when that, chromium or chromedriver is missing (Debian:
# chromium chromium-driver python3-selenium).  NAME: the test, for the message.
for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import selenium' 2>/dev/null; then
        PY=$py
        break
    fi
done
if [ -z "${PY:-}" ] || ! command -v chromium >/dev/null 2>&1 ||
    ! command -v chromedriver >/dev/null 2>&1; then
    echo "${NAME:-browser test}: needs chromium, chromedriver and python3-selenium: skipped"
    exit 77
fi
unset LD_PRELOAD # a sanitizer build's preload is for the Lua hosts, never the browser
