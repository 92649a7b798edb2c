#!/usr/bin/env python3
"""Checks on md-obsidian output, for tests/cli/test_obsidian.sh.

usage: obsidian_check.py structure INPUT.md OUTPUT.md REPORT.json
       obsidian_check.py render INPUT.html OUTPUT.html
structure: every line spoilerguard inserted is part of a callout Obsidian
reads ("> [!TYPE|sg-RN]"), each marked callout is collapsed, has its title
apart and holds the flagged sentences; nothing else is inserted (no comment,
no HTML, no invisible character).  render: a CommonMark renderer shows the
author's document unchanged inside the callouts, which are quotes.
Prints what is wrong (or a summary) and exits 1 on a failure.
"""
import json
import re
import sys

HEAD = re.compile(r"^(\n?)> \[!(\w+)\|sg-([owb])(\d+)(g?)\](-?) (.*)\n")


def words(s):
    return " ".join(s.split())


def check_structure(inp, out, report_path):
    src = open(inp, encoding="utf-8").read()
    text = open(out, encoding="utf-8").read()
    report = json.load(open(report_path))
    fails = []
    for bad, what in (("<!--", "an HTML comment"), ("%%", "an Obsidian comment"), ("<", "HTML"),
                      ("\u2060", "an invisible character"), ("\u2063", "an invisible character")):
        if bad in text and bad not in src:
            fails.append("the output holds %s" % what)
    lines = text.split("\n")
    callouts, kept, i = [], [], 0
    while i < len(lines):
        m = HEAD.match(lines[i] + "\n")
        if not m:
            kept.append(lines[i])
            i += 1
            continue
        typ, role, n, gap, fold, title = m.group(2), m.group(3), int(m.group(4)), m.group(5), m.group(6), m.group(7)
        if gap and (not kept or kept[-1] != ""):
            fails.append("line %d: 'g' but no empty line before it" % (i + 1))
        if gap:
            kept.pop()
        i += 1
        if role == "o":
            if typ != "warning" or fold != "-" or not title.startswith("Spoiler ("):
                fails.append("line %d: a mark that is no collapsed warning callout: %r" % (i, lines[i - 1]))
            if i >= len(lines) or lines[i] != ">":
                fails.append("line %d: the title is not apart from the block" % (i + 1))
            i += 1
            body = lines[i:i + n]
            if len(body) != n or any(not (b == ">" or b.startswith("> ") or (b.startswith(">") and not b[1:].strip()))
                                     for b in body):
                fails.append("line %d: not %d quoted lines after the title: %r" % (i, n, body))
            author = [b[2:] if b.startswith("> ") else b[1:] for b in body]
            callouts.append((title, "\n".join(author)))
            kept.extend(author)
            i += n
        else:
            body = lines[i:i + n]
            if i + n >= len(lines) or lines[i + n] != "":
                fails.append("line %d: a warning or badge callout without its empty line" % i)
            callouts.append((role + ":" + title, "\n".join(b[2:] for b in body)))
            i += n + 1
    if "\n".join(kept) != src:
        fails.append("the author's lines are not the input's, in order")
    marks = [c for c in callouts if not c[0].startswith(("w:", "b:"))]
    warns = [c for c in callouts if c[0].startswith("w:")]
    if len(warns) != 1 or not warns[0][0].startswith("w:Spoiler warning: "):
        fails.append("not one warning callout: %r" % [c[0] for c in callouts])
    elif callouts.index(warns[0]) > callouts.index(marks[0]) if marks else True:
        fails.append("the warning is not before the first marked callout")
    flagged = [f for f in report["spoilers"] if not f["marked"]]
    inside = [words(body) for _, body in marks]
    for f in flagged:
        if "tabbed" in f["text"]:
            if any(words(f["text"]) in b for b in inside):
                fails.append("a block led by a tab went in a callout: %r" % f["text"][:60])
        elif not any(words(f["text"]) in b for b in inside):
            fails.append("a flagged sentence is in no callout: %r" % f["text"][:60])
    for c in marks:
        kinds = sorted({f["kind"] for f in flagged if words(f["text"]) in words(c[1])})
        if sorted(re.match(r"Spoiler \((.*)\)$", c[0]).group(1).split(", ")) != kinds:
            fails.append("callout %r does not name the kinds of its sentences %r" % (c[0], kinds))
    return fails, "%d callouts: %s" % (len(callouts), ", ".join(c[0] for c in callouts))


def check_render(inp, out):
    a = open(inp, encoding="utf-8").read()
    b = open(out, encoding="utf-8").read()
    fails = []
    # the warning's and the badge's quotes are wholly inserted
    inserted = re.findall(r"<blockquote>\s*<p>\[!\w+\|sg-[wb]\d+g?\][^<]*</p>\s*</blockquote>", b)
    b2 = b
    for q in inserted:
        b2 = b2.replace(q, "", 1)
    # a mark's title is a paragraph of its own at the top of its quote
    titles = re.findall(r"<blockquote>\s*<p>\[!warning\|sg-o\d+g?\]- Spoiler \([^)<]*\)</p>", b2)
    if len(b2.split("<blockquote>")) - len(a.split("<blockquote>")) != len(titles):
        fails.append("%d quotes more than the input, for %d marked callouts"
                     % (len(b2.split("<blockquote>")) - len(a.split("<blockquote>")), len(titles)))
    for t in titles:
        b2 = b2.replace(t, "<blockquote>", 1)
    strip = lambda h: words(re.sub(r"</?blockquote>", "", h))
    if strip(b2) != strip(a):
        x, y = strip(a), strip(b2)
        k = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
        fails.append("the author's document differs inside the quotes at %d: %r / %r"
                     % (k, x[k - 40:k + 80], y[k - 40:k + 80]))
    return fails, "%d callouts rendered as quotes, %d inserted quotes" % (len(titles), len(inserted))


def main():
    what = sys.argv[1]
    fails, summary = {"structure": check_structure, "render": check_render}[what](*sys.argv[2:])
    print("\n".join(fails) if fails else summary)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
