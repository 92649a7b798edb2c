#!/bin/sh
# cmake --install to a prefix of one's own: pkg-config's file points there,
# a C program builds with what it says, the command line runs, and pandoc
# runs the installed filter, which finds its binding there, with no Lua path
# pointing into the build; Neovim loads the plugin from the installed pack.
#
# usage: SG_BUILD=BUILD sh tests/cli/test_install.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
SG=${1:?usage: test_install.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
ROOT=${3:-.}
BUILD=${SG_BUILD:-$(dirname "$SG")}
. "$ROOT/tests/cli/testlib.sh"
for tool in cmake pkg-config cc; do
    command -v $tool > /dev/null 2>&1 || { echo "test_install: no $tool: skipped"; exit 77; }
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
X="$T/prefix"

if ! cmake --install "$BUILD" --prefix "$X" > "$T/install.log" 2>&1; then
    bad "install_to_a_prefix" "$(tail -n 20 "$T/install.log")"
    finish
    exit 1
fi
ok "install_to_a_prefix"

# pkg-config's file names the prefix given at install time
pc=$(find "$X" -name spoilerguard.pc | head -n 1)
export PKG_CONFIG_PATH="${pc%/*}"
prefix=$(pkg-config --variable=prefix spoilerguard)
if [ -n "$pc" ] && [ "$prefix" = "$X" ]; then
    ok "pc_file_names_the_install_prefix"
else
    bad "pc_file_names_the_install_prefix" "file: $pc" "prefix=$prefix"
fi
libdir=$(pkg-config --variable=libdir spoilerguard)
cat > "$T/use.c" <<'C'
#include <spoilerguard.h>
#include <stdio.h>
int main(void)
{
    sg_error err;
    sg_engine *e = sg_engine_new(&err);
    printf("%s %d\n", SG_VERSION, e && sg_engine_rule_count(e) > 0);
    sg_engine_free(e);
    return 0;
}
C
# a sanitizer build's library wants its runtime in the program too
san=""
[ -n "${SG_HOST_PRELOAD:-}" ] && san="-fsanitize=address,undefined"
# shellcheck disable=SC2046
if cc $san "$T/use.c" $(pkg-config --cflags --libs spoilerguard) -o "$T/use" 2> "$T/cc.err" &&
    [ "$(LD_LIBRARY_PATH="$libdir" ASAN_OPTIONS=detect_leaks=0 "$T/use")" = "$(sed -n 's/^#define SG_VERSION "\(.*\)"/\1/p' "$ROOT/include/spoilerguard.h") 1" ]; then
    ok "a_program_builds_and_runs_with_what_pkg_config_says"
else
    bad "a_program_builds_and_runs_with_what_pkg_config_says" "$(head -c 600 "$T/cc.err")"
fi

# the installed command line finds its library beside it, wherever it is
mv "$X" "$T/moved"
X="$T/moved"
if env -u LD_LIBRARY_PATH ASAN_OPTIONS=detect_leaks=0 "$X/bin/spoilerguard" --version > "$T/v" 2>&1; then
    ok "installed_command_line_runs_after_a_move ($(cat "$T/v"))"
else
    bad "installed_command_line_runs_after_a_move" "$(cat "$T/v")"
fi

# the installed pandoc filter loads the installed binding
if command -v pandoc > /dev/null 2>&1; then
    printf '# A review\n\nThe film is slow and lovely. In the final act, Okju dies in her mentor'"'"'s arms.\n' > "$T/review.md"
    for v in 5.4 5.3; do
        filter="$X/share/lua/$v/spoilerguard/pandoc.lua"
        env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 -u LUA_PATH_5_3 -u LUA_CPATH_5_3 \
            -u SPOILERGUARD_BUILD LD_PRELOAD="${SG_HOST_PRELOAD:-}" ASAN_OPTIONS=detect_leaks=0 \
            pandoc --lua-filter "$filter" -t html "$T/review.md" -o "$T/out.html" 2> "$T/err"
        if grep -q 'data-spoilerguard="content"' "$T/out.html" 2> /dev/null; then
            ok "installed_filter_finds_its_binding (share/lua/$v)"
        else
            bad "installed_filter_finds_its_binding (share/lua/$v)" "$(head -c 600 "$T/err")"
        fi
    done
else
    echo "skip the installed filter: no pandoc"
fi

# Neovim loads the plugin and its LuaJIT binding from the installed pack
pack="$X/share/nvim/site/pack/spoilerguard/start/spoilerguard"
if command -v nvim > /dev/null 2>&1 && [ -d "$pack/build/luajit" ]; then
    LD_PRELOAD="${SG_HOST_PRELOAD:-}" ASAN_OPTIONS=detect_leaks=0 nvim --headless -u NONE -i NONE \
        --cmd "set rtp^=$pack" \
        -c 'lua local sg, err = require("spoilerguard.nvim").load(); io.stdout:write(sg and "binding loaded" or ("error " .. tostring(err)), "\n")' \
        -c 'qa!' > "$T/nvim.txt" 2>&1
    if grep -q "^binding loaded" "$T/nvim.txt"; then
        ok "neovim_loads_the_installed_plugin"
    else
        bad "neovim_loads_the_installed_plugin" "$(head -c 600 "$T/nvim.txt")"
    fi
else
    echo "skip Neovim: not installed, or no LuaJIT binding built"
fi
finish
