#!/usr/bin/env python3
"""Stages flow one way: no source file calls into, or includes a header of, a
later stage or a host.

usage: check_layers.py NM OBJECT_OR_FOLDER...   (a folder: the *.o under it)

Each of the library's sources is in the folder of its stage,
plugin/<stage>/sg_*.c, in the order an article goes through them (README,
"How an article is read"); an object's stage is its folder's name:

  0 base      buffers, UTF-8 and ASCII helpers, JSON, character references
  1 read      the document, the readers, boilerplate, author controls and
              finding inserted chunks again (so a second run reads the text
              without them)
  2 detect    sentences, rules and their prefilter, the scorer, characters,
              context, ratings, metadata, the dialect an article wants
  3 render    the annotated text and the report
  4 api       the engine: the public calls that run the stages in order,
              and the hooks they call at each stage
  5 host      the CLI and the Lua binding

From the objects' symbol tables (`nm`), every function or object a file
uses that another file defines is an edge; an edge to a later stage fails.
Within a stage too calls go one way: a file that reaches itself through
the files it calls (sg_read.c calls the readers, which call sg_doc.c, which
calls no reader) fails, but for the groups in TANGLED.
Prints each such edge or cycle and "N passed, N failed".
"""
import os, re, subprocess, sys

STAGES = ["base", "read", "detect", "render", "api", "host"]
STAGE = {}  # source -> stage, from the folder each object was built from

# Files that still call each other (each group a cycle of calls).
TANGLED = [{"sg_engine", "sg_hooks"},
           {"sg_render", "sg_render_marks", "sg_render_md", "sg_render_place"},
           {"sg_gates", "sg_gate_parse"}]


def source_of(obj):
    """plugin/sg_x.c.o (any folder) -> sg_x"""
    base = os.path.basename(obj)
    for ext in (".c.o", ".o"):
        if base.endswith(ext):
            return base[: -len(ext)]
    return base


def symbols(nm, obj):
    out = subprocess.run([nm, "-P", obj], capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        f = line.split()
        if len(f) < 2:
            continue
        name, kind = f[0], f[1]
        if kind == "U":
            used.add(name)
        elif kind in "TDBRC":
            defined.add(name)
    return defined, used


def cycles(graph):
    """The groups of two or more files that reach each other (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def include_edges():
    """Each `#include "x.h"` of a plugin/<stage>/ file that names a header in
    a later stage's folder (headers in plugin/ itself are shared by all)."""
    plugin = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "plugin")
    home = {}
    for st in STAGES:
        d = os.path.join(plugin, st)
        for f in os.listdir(d) if os.path.isdir(d) else []:
            if f.endswith(".h"):
                home[f] = st
    bad = []
    for st in STAGES:
        d = os.path.join(plugin, st)
        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if not f.endswith((".c", ".h")):
                continue
            for line in open(os.path.join(d, f), encoding="utf-8", errors="replace"):
                m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
                if m and m.group(1) in home and \
                        STAGES.index(home[m.group(1)]) > STAGES.index(st):
                    bad.append("%s/%s (%s) includes %s (%s)" % (st, f, st, m.group(1),
                                                                home[m.group(1)]))
    return bad


def main():
    nm, objs = sys.argv[1], []
    for a in sys.argv[2:]:
        if os.path.isdir(a):
            for root, _, files in sorted(os.walk(a)):
                objs += sorted(os.path.join(root, f) for f in files if f.endswith(".o"))
        else:
            objs.append(a)
    if not objs:
        print("check_layers: no objects given")
        sys.exit(1)
    where, uses, unknown = {}, {}, []
    for o in objs:
        src = source_of(o)
        stage = os.path.basename(os.path.dirname(o))
        if stage not in STAGES:
            unknown.append(src)
            continue
        STAGE[src] = stage
        d, u = symbols(nm, o)
        for s in d:
            where[s] = src
        uses[src] = u
    bad, graph = 0, {}
    for src in sorted(uses):
        rank = STAGES.index(STAGE[src])
        for s in sorted(uses[src]):
            to = where.get(s)
            if to and to != src:
                graph.setdefault(src, set()).add(to)
            if to and STAGES.index(STAGE[to]) > rank:
                print("FAIL %s (%s) calls %s in %s (%s)" % (src, STAGE[src], s, to, STAGE[to]))
                bad += 1
    ncycles = 0
    for group in cycles(graph):
        if group in TANGLED:
            continue
        print("FAIL %s call each other" % ", ".join(sorted(group)))
        ncycles += 1
    for edge in include_edges():
        print("FAIL " + edge)
        bad += 1
    for src in unknown:
        print("FAIL %s: built from no stage folder (sources go in plugin/<stage>/; an "
              "object left by an older layout goes with a clean build folder)" % src)
        bad += 1
    print("%d files checked, %d edges to a later stage, %d cycles" % (len(uses), bad, ncycles))
    bad += ncycles
    print("%d passed, %d failed" % (0 if bad else 1, 1 if bad else 0))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
