#!/bin/sh
# Real review posts against an editor's labels (realposts/labels.json), scored
# as ../shared/tools/eval.py scores them: the `tune` posts must keep at least
# the figures below (a guard against a change that loses what the context
# model and the rules find, or floods posts with false flags).  The `check`
# posts are only reported, never held to a figure.
#
# usage: sh tests/corpus/test_realposts.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) when the corpus, its scorer or python3 is absent.
SG=${1:?usage: test_realposts.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:-../shared/corpus}
EVAL="$CORPUS/../tools/eval.py"
if [ ! -f "$CORPUS/realposts/labels.json" ] || [ ! -f "$EVAL" ]; then
    echo "test_realposts: no labelled posts at $CORPUS/realposts or no $EVAL: skipped"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "test_realposts: python3 not found: skipped"
    exit 77
fi
exec python3 - "$SG" "$CORPUS" "$EVAL" <<'PY'
import importlib.util, json, os, sys
sg, corpus, path = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("sg_eval", path)
ev = importlib.util.module_from_spec(spec); spec.loader.exec_module(ev)
d = os.path.join(corpus, "realposts")
posts = json.load(open(os.path.join(d, "labels.json")))
# floors for the tune posts: major spoilers flagged, flagged as major; ceilings
# for false flags and spoiler-free posts with one
FLOOR = {"hit": 0.36, "major": 0.30}
CEIL = {"false": 0.55, "clean_flagged": 0.20}
passed = failed = 0
for split in ("tune", "check"):
    some = [p for p in posts if p.get("split") == split]
    c = ev.score_posts(sg, some, d)
    print("realposts %s: %s" % (split, ev.summary(c)))
    if split != "tune":
        continue
    checks = [("major spoilers flagged", c["hit"] / c["must"], ">=", FLOOR["hit"]),
              ("flagged as major", c["major"] / c["must"], ">=", FLOOR["major"]),
              ("false flags per post", c["false"] / c["posts"], "<=", CEIL["false"]),
              ("spoiler-free posts with a false flag", c["clean_flagged"] / max(1, c["clean"]), "<=", CEIL["clean_flagged"]),
              ("posts refused", c["errors"], "<=", 0)]
    for name, got, op, want in checks:
        ok = got >= want if op == ">=" else got <= want
        print("  %s %s: %.3f (want %s %.3f)" % ("ok  " if ok else "FAIL", name, got, op, want))
        passed += ok; failed += not ok
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
