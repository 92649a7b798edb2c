#!/usr/bin/env python3
"""The library scores; it does not train.

usage: check_scorer_only.py NM LIBRARY TRAINER_OBJECT_OR_FOLDER...   (a folder: its *.o)

The trainer (tools/sg_train_data.c, tools/sg_train_fit.c: labelled data
readers, AdaGrad, dense weights, the model writers) is built into sg-train and
the tests only.  A symbol of the trainer in the library is a failure when it is
  - a function or object a trainer object defines and exports (read from the
    trainer's own objects, so the list follows the trainer as it changes), or
  - named like the trainer's families (TRAINER_PREFIXES), statics included.
The library's full symbol table is read (`nm`, hidden and static symbols
included); a stripped library falls back to its dynamic symbols (`nm -D`).
Prints each such symbol and "N passed, N failed".
"""
import os, subprocess, sys

TRAINER_PREFIXES = ("sg_train", "sg_dataset_", "sg_dense_", "sg_jl_", "sg_avg_",
                    "sg_featbuf_", "sg_model_from_dense", "sg_model_save",
                    "sg_model_write_c")


def defined(nm, path, dynamic=False, exported_only=False):
    args = [nm, "-P"] + (["-D"] if dynamic else []) + [path]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode != 0:
        return None
    names = set()
    for line in run.stdout.splitlines():
        f = line.split()
        if len(f) < 2 or f[1] in ("U", "w", "v"):
            continue
        if exported_only and not f[1].isupper():
            continue
        names.add(f[0].split("@")[0])
    return names


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(2)
    nm, lib, objs = sys.argv[1], sys.argv[2], []
    for a in sys.argv[3:]:
        objs += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".o")) \
            if os.path.isdir(a) else [a]
    trainer = set()
    for o in objs:
        trainer |= defined(nm, o, exported_only=True) or set()
    if not trainer:
        print("check_scorer_only: no trainer symbols read from %s" % " ".join(objs))
        sys.exit(1)
    have = defined(nm, lib)
    if not have:  # stripped: only the dynamic table is left
        have = defined(nm, lib, dynamic=True)
    if have is None:
        print("check_scorer_only: cannot read %s" % lib)
        sys.exit(1)
    bad = sorted(s for s in have if s in trainer or s.startswith(TRAINER_PREFIXES))
    for s in bad:
        print("FAIL %s defines %s, which belongs to the trainer" % (os.path.basename(lib), s))
    print("%d library symbols checked against %d trainer symbols, %d in the library"
          % (len(have), len(trainer), len(bad)))
    print("%d passed, %d failed" % (0 if bad else 1, 1 if bad else 0))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
