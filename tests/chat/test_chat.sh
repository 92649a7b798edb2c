#!/bin/sh
# Discord and Reddit as their own renderers show a marked post: every seed and
# every realposts Markdown post through --style md-discord and md-reddit,
# rendered by discord-markdown and by snudown-js (Reddit's snudown), checked by
# chat_check.py.
#
# usage: sh tests/chat/test_chat.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without node or the two renderers
# (npm install -g snudown-js@4.1.0 discord-markdown@2.5.1).
SG=${1:?usage: test_chat.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:?corpus dir}
ROOT=${3:-.}
if ! command -v node >/dev/null 2>&1; then
    echo "test_chat: skipped: no node (Debian: nodejs)"
    exit 77
fi
if [ -z "${NODE_PATH:-}" ] && command -v npm >/dev/null 2>&1; then
    NODE_PATH=$(npm root -g)
    export NODE_PATH
fi
if ! node -e 'require("snudown-js"); require("discord-markdown")' 2>/dev/null; then
    echo "test_chat: skipped: the renderers are not installed" \
         "(npm install -g snudown-js@4.1.0 discord-markdown@2.5.1)"
    exit 77
fi
if [ ! -d "$CORPUS/realposts/files" ]; then
    echo "test_chat: skipped: no corpus at $CORPUS (realposts/files)"
    exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
# what Reddit reads unlike CommonMark: a list straight after a paragraph's
# line is still the paragraph; ">!" opening a line, with a "<" before its
# "!<", is a spoiler block quote; a spoiler ends at a line's end; an
# underscore inside a word opens emphasis
cat >"$T/awkward.md" <<'MD'
# Harbour Lights

The film is slow, handsome and patient, and the score is lovely.

My notes, which are full of spoilers:
* Mara runs a bar by the docks with her brother Tom.
* In the final scene, Mara shoots her brother Tom on the pier.

In the end, Tom dies in the fire, and the town (all < 300 souls) never learns why.
It turns out that the stranger with the map was the son of Tom all along.

> In the end, the hero dies and the villain turns out to be her father.

The middle hour drags a little. In the final scene, Mara shoots her brother
Tom on the pier and walks into the sea.

In {{ this_book }} the quiet lodger is kind. In the end, the lodger dies
when _she_ asks him to, and the town never learns why.
MD
python3 "$ROOT/tests/chat/chat_check.py" "$SG" node "$T/awkward.md" \
    "$CORPUS"/seeds/*.txt "$CORPUS"/realposts/files/*.md
