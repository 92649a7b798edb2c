#!/usr/bin/env python3
"""Detection figures for the record: the shared evaluation (seeds and TV Tropes
dev1+dev2), then the flags by kind, severity and rule, at the default
thresholds.

usage: eval_kinds.py PATH/TO/spoilerguard CORPUS_DIR OUT.txt

Per kind and per rule: how many sentences carry such a flag and how many of
them are labelled spoilers (precision), on dev (measured, never fitted) and
on train (where rules are examined; the learned scorer was fitted there, so
its train figures flatter it).  A figure file, not a test: nothing here
fails on a threshold.
"""
import collections
import csv
import json
import os
import subprocess
import sys


def rows_of(corpus, names):
    rows = []
    for n in names:
        path = os.path.join(corpus, "tvtropes", n + ".balanced.csv")
        with open(path, encoding="utf-8", errors="replace") as fh:
            rows += [(r["sentence"], r["spoiler"] == "True") for r in csv.DictReader(fh)]
    return rows


def reports(exe, rows):
    data = "".join(json.dumps({"id": str(i), "text": s, "from": "plain"}) + "\n" for i, (s, _) in enumerate(rows))
    r = subprocess.run([exe, "--jsonl", "--jobs", "2"], input=data.encode(), capture_output=True, timeout=1200)
    got = {}
    for line in r.stdout.decode().splitlines():
        o = json.loads(line)
        got[str(o.get("id"))] = o.get("spoilers") or []
    return [got.get(str(i), []) for i in range(len(rows))]


def table(title, counts, total_pos):
    out = [title, "  %-22s %6s %9s %7s" % ("", "flags", "precision", "recall")]
    for key in sorted(counts, key=lambda k: (-counts[k][0], k)):
        n, tp = counts[key]
        out.append("  %-22s %6d %9.3f %7.3f" % (key, n, tp / n if n else 0.0, tp / total_pos if total_pos else 0.0))
    return out


def split_figures(name, rows, reps):
    pos = sum(1 for _, y in rows if y)
    by_kind, by_sev, by_rule = (collections.defaultdict(lambda: [0, 0]) for _ in range(3))
    tp = fp = 0
    for (_, y), flags in zip(rows, reps):
        if flags:
            tp += y
            fp += not y
        for key, bucket in ((lambda f: f["kind"], by_kind),
                            (lambda f: "%s %s" % (f["kind"], f["severity"]), by_sev),
                            (lambda f: f["rule"], by_rule)):
            for k in {key(f) for f in flags}:
                bucket[k][0] += 1
                bucket[k][1] += y
    fn = pos - tp
    n = len(rows)
    out = ["tvtropes %s: n=%d accuracy %.3f precision %.3f recall %.3f (flagged %d)"
           % (name, n, (n - fp - fn) / n, tp / (tp + fp) if tp + fp else 0.0, tp / pos if pos else 0.0, tp + fp)]
    out += table("  by kind (%s)" % name, by_kind, pos)
    out += table("  by kind and severity (%s)" % name, by_sev, pos)
    out += table("  by rule (%s)" % name, by_rule, pos)
    return out


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    exe, corpus, out_path = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    lines = []
    if not os.path.isdir(os.path.join(corpus, "tvtropes")):
        text = "no corpus at %s (tvtropes/): no figures\n" % corpus
        with open(out_path, "w", encoding="utf-8") as fh:
            fh.write(text)
        sys.stdout.write(text)
        return
    shared = os.path.join(corpus, "..", "tools", "eval.py")
    if os.path.exists(shared):
        r = subprocess.run([sys.executable, shared, exe], capture_output=True, timeout=1200)
        lines += ["== shared/tools/eval.py (seeds, TV Tropes dev1+dev2)"]
        lines += r.stdout.decode(errors="replace").splitlines()
    else:
        lines += ["== shared/tools/eval.py not found beside %s: skipped" % corpus]
    for name, files in (("dev", ["dev1", "dev2"]), ("train", ["train"])):
        rows = rows_of(corpus, files)
        lines += ["", "== %s (%s)" % (name, "+".join(files))]
        lines += split_figures(name, rows, reports(exe, rows))
    text = "\n".join(lines) + "\n"
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(text)
    sys.stdout.write(text)
    print("written to %s" % out_path)


if __name__ == "__main__":
    main()
