#!/usr/bin/python3
"""Fit the context model (plugin/detect/sg_context_model.c) on labelled review posts.

usage: tools/sg_train_context.py BUILD_DIR [--corpus DIR] [--split tune]
                                 [--out-c plugin/detect/sg_context_model.c]

Runs BUILD_DIR/sg-context-features over the posts of the split (features of
plugin/detect/sg_context.c, the built-in sentence scorer's probability among them:
that scorer learnt on TV Tropes and never saw the posts), labels each
sentence (1: it holds a labelled spoiler; debatable: it overlaps a text where
hiding is defensible either way, flagging it is no error, and it counts as
MAY_WEIGHT of a spoiler in the fit; 0: the rest), and fits a logistic
regression with L2 by Newton's method.  The flag threshold is chosen on
predictions for blogs held out whole (group folds): the lowest probability
whose held-out false flags stay within FALSE_PER_MUST per major spoiler of
the split, with at most CLEAN_SHARE of the spoiler-free posts flagged.
Reads DIR/realposts/labels.json (default ../shared/corpus); needs
python3-numpy.  Prints the held-out figures it chose by and the weights.
"""
import json, os, subprocess, sys, zlib
import numpy as np

L2 = 1.0
MAY_WEIGHT = 0.0      # a debatable sentence weighs this much in the fit (0: left out; on
                      # the tune posts leaving them out ranks held-out blogs best)
FOLDS = 8
FALSE_PER_MUST = 15 / 80  # held-out false flags allowed per major spoiler, at the thresholds
RULE_SURE = 0.5       # a rule hit this confident takes the lower bar (SG_CONTEXT_RULE_SURE)
CLEAN_SHARE = 0.27     # the share of spoiler-free posts that may carry one


def features(build, corpus, posts, model=None):
    d = os.path.join(corpus, "realposts")
    args = [os.path.join(build, "sg-context-features"), "--sentences"]
    if model:
        args += ["--model", model]
    for p in posts:
        args += [p["format"], os.path.join(d, p["file"])]
    out = subprocess.run(args, capture_output=True, check=True).stdout.decode().splitlines()
    names = out[0].split("\t")[3:-2]
    byfile = {}
    for line in out[1:]:
        f = line.split("\t")
        byfile.setdefault(f[0], []).append((int(f[1]), int(f[2]), [float(v) for v in f[3:-2]], f[-2], f[-1]))
    data = []
    for p in posts:
        path = os.path.join(d, p["file"])
        raw = open(path, "rb").read()
        must = []
        for m in p["must"]:
            t = m["text"].encode(); at = raw.index(t)
            must.append((at, at + len(t), m["severity"] == "major"))
        may = []
        for t in p.get("may", []):
            t = t.encode(); at = raw.find(t)
            while at >= 0:
                may.append((at, at + len(t))); at = raw.find(t, at + 1)
        for s, e, x, heading, text in byfile.get(path, []):
            hit = [mj for a, b, mj in must if s <= (a + b) // 2 < e]
            over = any(s < b and a < e for a, b, _ in must) or any(s < b and a < e for a, b in may)
            y = 1 if hit else 2 if over else 0  # 2: debatable, flagging it is no error
            data.append(dict(blog=p["repo"], post=p["n"], x=x, y=y, major=any(hit), text=text,
                             heading=heading, start=s))
    return names, data


def fold_of(blog):
    return zlib.crc32(blog.encode()) % FOLDS


def seed_needs(build, corpus, names, w):
    """(p, rule hit, wanted) of the seed reviews' sentences: every one holding
    a 'must' text must be flagged (wanted 1), and none that holds no 'must'
    or 'may' text may be (wanted 0); the seeds are read as plain text."""
    d = os.path.join(corpus, "seeds")
    labels = json.load(open(os.path.join(d, "labels.json")))["files"]
    out = []
    for name, gold in labels.items():
        path = os.path.join(d, name)
        raw = open(path, "rb").read()
        rows = subprocess.run([os.path.join(build, "sg-context-features"), "plain", path],
                              capture_output=True, check=True).stdout.decode().splitlines()[1:]
        must = []
        for m in gold["must"]:
            t = m["text"].encode(); at = raw.index(t); must.append((at, at + len(t)))
        may = []
        for t in gold["may"]:
            t = t.encode(); at = raw.find(t)
            while at >= 0:
                may.append((at, at + len(t))); at = raw.find(t, at + 1)
        for line in rows:
            f = line.split("\t"); s, e = int(f[1]), int(f[2])
            x = np.array([float(v) for v in f[3:]])
            p, rule = 1 / (1 + np.exp(-(x @ w))), x[names.index("rule")] >= RULE_SURE
            if any(s <= a and b <= e for a, b in must):
                out.append((p, rule, 1))
            elif not any(s < b and a < e for a, b in must + may):
                out.append((p, rule, 0))
    return out


def fit(X, y, sw, l2=L2, iters=100):
    w = np.zeros(X.shape[1])
    reg = l2 * np.r_[0, np.ones(len(w) - 1)]
    for _ in range(iters):  # Newton's method: few features, exact and fast
        p = 1 / (1 + np.exp(-(X @ w)))
        g = X.T @ (sw * (p - y)) + reg * w
        H = (X * (sw * p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main():
    a = sys.argv[1:]
    if not a:
        sys.exit(__doc__)
    build = a[0]
    opt = lambda k, d=None: a[a.index(k) + 1] if k in a else d
    corpus = opt("--corpus", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpus"))
    split, out_c = opt("--split", "tune"), opt("--out-c")
    posts = [p for p in json.load(open(os.path.join(corpus, "realposts", "labels.json"))) if p["split"] == split]
    names, base = features(build, corpus, posts)
    rows = base
    X = np.array([r["x"] for r in rows]); y = np.array([r["y"] for r in rows], float)
    sw = np.where(y == 2, MAY_WEIGHT, 1.0); y = np.minimum(y, 1)
    blogs = np.array([fold_of(r["blog"]) for r in rows])
    print("%d sentences, %d spoilers, %d debatable" % (len(rows), sum(r["y"] == 1 for r in rows), sum(r["y"] == 2 for r in rows)))
    # held out by blog: how the model does on posts of a blog it never saw
    cv = np.zeros(len(y))
    for k in range(FOLDS):
        tr = blogs != k
        if (~tr).any():
            cv[~tr] = 1 / (1 + np.exp(-(X[~tr] @ fit(X[tr], y[tr], sw[tr]))))
    majors = sum(1 for p in posts for m in p["must"] if m["severity"] == "major")
    clean = {p["n"] for p in posts if not p["must"]}
    post = np.array([r["post"] for r in rows]); ismajor = np.array([r["major"] for r in rows])
    false_ = y == 0
    rule = X[:, names.index("rule")] >= RULE_SURE
    w = fit(X, y, sw)
    seed_p = seed_needs(build, corpus, names, w)
    best = None  # (hits, -false, threshold, rule threshold)
    print("threshold  rule-threshold  major-hits  false  clean-posts-flagged")
    for t in np.arange(0.30, 0.90, 0.025):
        for tr in np.arange(0.20, t + 1e-9, 0.025):
            f = (cv >= t) | (rule & (cv >= tr))
            hits = int((f & ismajor).sum()); nf = int((f & false_).sum())
            cf = len({post[i] for i in np.where(f & false_)[0] if post[i] in clean})
            if abs(tr - t) < 1e-9 or abs(tr - round(t * 0.6 / 0.025) * 0.025) < 1e-9:
                print("  %.3f     %.3f     %3d/%d     %3d    %d/%d" % (t, tr, hits, majors, nf, cf, len(clean)))
            seeds_ok = all((p >= t or (r and p >= tr)) == bool(want) for p, r, want in seed_p)
            if seeds_ok and nf <= FALSE_PER_MUST * majors and cf <= CLEAN_SHARE * len(clean):
                cand = (hits, -nf, t, tr)
                if best is None or cand[:2] > best[:2]:
                    best = cand
    if best is None:
        sys.exit("no pair of thresholds flags every seed 'must' sentence and no other within the false-flag budget "
                 "(FALSE_PER_MUST %.3f, CLEAN_SHARE %.2f): nothing written" % (FALSE_PER_MUST, CLEAN_SHARE))
    print("chosen: threshold %.3f, with a rule hit %.3f: %d major spoilers held out, %d false flags"
          % (best[2], best[3], best[0], -best[1]))
    for n, v in zip(names, w):
        print("  %-14s %+.3f" % (n, v))
    if out_c:
        with open(out_c, "w") as f:
            f.write("/* Generated by tools/sg_train_context.py from the %s split of the labelled\n"
                    " * review posts (%d posts, %d sentences): do not edit.  The features are\n"
                    " * plugin/detect/sg_context.c's; see tools/README-model.md. */\n"
                    % (split, len(posts), len(rows)))
            f.write('#include "sg_internal.h"\n\nconst double sg_context_weights[SG_CTX_NFEAT] = {\n')
            for n, v in zip(names, w):
                f.write("    %.6f, /* %s */\n" % (v, n))
            f.write("};\nconst double sg_context_threshold = %.4f;\n" % best[2])
            f.write("const double sg_context_rule_threshold = %.4f;\n" % best[3])


if __name__ == "__main__":
    main()
