#!/usr/bin/env python3
"""Score the CLI's reports on the seed reviews against seeds/labels.json.

usage: seeds_check.py PATH/TO/spoilerguard CORPUS_DIR

The semantics are those of labels.json's "about": every 'must' sentence is
flagged with its kind and at least its severity; a flag is one sentence (its
span holds the named text, stays inside one paragraph, is at most 700 bytes);
no flag falls on a sentence outside 'must' and 'may'; the review's own rating
is reported ('text' inside it, 'value' and 'scale' equal where given, none
when null) and no score of another work ('not_rating') is taken.
Prints one line per problem and "N passed, N failed"; exits 1 on a problem.
"""
import json
import os
import subprocess
import sys

MAX_FLAG = 700
SEVERITY = {"minor": 0, "major": 1}


def report(exe, path, fmt):
    r = subprocess.run([exe, "--from", fmt, "--report", path], capture_output=True, timeout=120)
    if r.returncode not in (0, 1):
        raise RuntimeError("%s exited %d: %s" % (exe, r.returncode, r.stderr.decode(errors="replace")))
    return json.loads(r.stdout)


def spans_of(raw, text):
    """Every byte span where `text` occurs in `raw`."""
    needle, out, at = text.encode(), [], raw.find(text.encode())
    while at >= 0:
        out.append((at, at + len(needle)))
        at = raw.find(needle, at + 1)
    return out


def one_sentence(raw, f):
    s, e = f["start"], f["end"]
    return 0 <= s < e <= len(raw) and e - s <= MAX_FLAG and b"\n\n" not in raw[s:e].strip()


def check_file(exe, corpus, name, gold):
    problems = []
    path = os.path.join(corpus, "seeds", name)
    raw = open(path, "rb").read()
    rep = report(exe, path, gold.get("format", "plain"))
    flags = rep.get("spoilers", [])
    for f in flags:
        if not one_sentence(raw, f):
            problems.append("SPAN   %s: a flag of %d bytes at %d is not one sentence" % (name, f["end"] - f["start"], f["start"]))
    flags = [f for f in flags if one_sentence(raw, f)]
    allowed = []
    for m in gold["must"]:
        spans = spans_of(raw, m["text"])
        if not spans:
            problems.append("LABEL  %s: must text not in the file: %s" % (name, m["text"]))
            continue
        allowed += spans
        hits = [f for f in flags for a, b in spans if f["start"] <= a and b <= f["end"] and f["kind"] == m["kind"]]
        if not hits:
            problems.append("MISSED %s: %s (%s %s)" % (name, m["text"], m["kind"], m["severity"]))
        elif max(SEVERITY.get(f["severity"], 0) for f in hits) < SEVERITY[m["severity"]]:
            problems.append("WEAK   %s: %s should be %s" % (name, m["text"], m["severity"]))
    for t in gold["may"]:
        allowed += spans_of(raw, t)
    for f in flags:
        if not any(f["start"] <= a and b <= f["end"] for a, b in allowed):
            text = raw[f["start"]:f["end"]].decode(errors="replace")
            problems.append("FALSE  %s: %s %s by %s: %s" % (name, f["kind"], f["severity"], f["rule"], text[:100]))
    want, got = gold["rating"], rep.get("rating")
    if want is None:
        if got:
            problems.append("RATING %s: none given, reported %r" % (name, got.get("text")))
    else:
        said = " ".join(str(got.get(k) or "") for k in ("text", "verdict")).lower() if got else ""
        if not got or want["text"].lower() not in said:
            problems.append("RATING %s: want %s, got %r" % (name, want["text"], got and got.get("text")))
        elif want.get("value") is not None and (got.get("value"), got.get("scale")) != (want["value"], want["scale"]):
            problems.append("RATING %s: want %s/%s, got %s/%s" % (name, want["value"], want["scale"], got.get("value"), got.get("scale")))
    if got and got.get("text") in gold.get("not_rating", []):
        problems.append("RATING %s: took another work's score %s" % (name, got.get("text")))
    return problems


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    exe, corpus = sys.argv[1], sys.argv[2]
    labels = json.load(open(os.path.join(corpus, "seeds", "labels.json"), encoding="utf-8"))["files"]
    passed = failed = 0
    for name in sorted(labels):
        problems = check_file(exe, corpus, name, labels[name])
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("     " + p)
        else:
            passed += 1
            print("ok   %s" % name)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
