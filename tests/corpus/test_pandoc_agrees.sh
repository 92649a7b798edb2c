#!/bin/sh
# The pandoc filter marks the sentences the command line marks, on every real
# Markdown post of the corpus: pandoc reads each post as CommonMark (as the
# command line does, with md4c) and the filter's count of flagged sentences
# must be the command line's.  A post pandoc itself cannot read (its front
# matter is no YAML pandoc accepts) is left out and counted.
#
# usage: sh tests/corpus/test_pandoc_agrees.sh BUILD/spoilerguard CORPUS_DIR PROJECT_ROOT
# Exits 77 (skipped) without the corpus, pandoc or python3.
SG=${1:?usage: test_pandoc_agrees.sh PATH/TO/spoilerguard CORPUS_DIR PROJECT_ROOT}
CORPUS=${2:-../shared/corpus}
ROOT=${3:-.}
if [ ! -d "$CORPUS/realposts/files" ]; then
    echo "test_pandoc_agrees: no posts at $CORPUS/realposts/files: skipped"
    exit 77
fi
for tool in pandoc python3; do
    command -v $tool >/dev/null 2>&1 || { echo "test_pandoc_agrees: no $tool: skipped"; exit 77; }
done
# the filter loads the binding of this build (a sanitizer build's needs its
# runtime preloaded into pandoc)
export SPOILERGUARD_BUILD="${SG_BUILD:-$(dirname "$SG")}"
exec python3 - "$SG" "$CORPUS/realposts/files" "$ROOT/lua/spoilerguard/pandoc.lua" <<'PY'
import glob, json, os, subprocess, sys, tempfile
sg, files, flt = sys.argv[1:4]
tpl = tempfile.NamedTemporaryFile("w", suffix=".tpl", delete=False)
tpl.write("$spoilerguard_spoilers$\n")
tpl.close()
host = dict(os.environ)
if os.environ.get("SG_HOST_PRELOAD"):
    host.update(LD_PRELOAD=os.environ["SG_HOST_PRELOAD"], ASAN_OPTIONS="detect_leaks=0")
same = differ = unread = 0
for path in sorted(glob.glob(os.path.join(files, "*.md"))):
    rep = json.loads(subprocess.run([sg, "--report", "--from", "markdown", path],
                                    capture_output=True, check=True).stdout)
    cli = len({(f["start"], f["end"]) for f in rep["spoilers"] if not f["marked"]})
    p = subprocess.run(["pandoc", "-f", "commonmark_x", "-t", "plain", "--template", tpl.name,
                        "-L", flt, path], capture_output=True, text=True, env=host)
    if p.returncode != 0:
        if "spoilerguard" in p.stderr:
            print("FAIL %s: the filter failed: %s" % (os.path.basename(path), p.stderr.strip()[:300]))
            differ += 1
        else:
            unread += 1  # pandoc's own reader refused the post
        continue
    filt = int(p.stdout.strip() or "0")
    if filt == cli:
        same += 1
    else:
        differ += 1
        print("FAIL %s: the command line marks %d sentences, the filter %d"
              % (os.path.basename(path), cli, filt))
os.unlink(tpl.name)
print("%d posts marked alike, %d not, %d pandoc could not read" % (same, differ, unread))
sys.exit(1 if differ or not same else 0)
PY
