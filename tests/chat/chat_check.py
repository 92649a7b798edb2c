#!/usr/bin/env python3
"""Discord and Reddit as their renderers show them.

usage: chat_check.py SPOILERGUARD NODE FILE...

Each FILE is marked with --style md-discord and md-reddit, and the input and
the output are rendered as Discord (discord-markdown) and Reddit (snudown-js,
Reddit's own snudown) render a message or a post.  On the rendered page:

  - each mark spoilerguard inserted is one spoiler box, the box starts with
    the mark's label ("death: "), and the sentence's words are inside it;
  - no mark syntax (`||`, `>!`, `!<`) shows as text that the input's page
    did not show already;
  - with the boxes' labels, the warning line and the badge taken away, the
    page's text is the input page's text: the marks changed nothing else.

Prints one line per failure and "N passed, N failed"; exits 1 on a failure.
"""
import html
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BOX = {"discord": 'class="d-spoiler"', "reddit": 'class="md-spoiler-text"'}
STYLE = {"discord": "md-discord", "reddit": "md-reddit"}
OPEN = {"discord": "||", "reddit": ">!"}
LABEL = re.compile(r"^((?:death|ending|twist|fate|identity|plot|relationship|[a-z]+)"
                   r"(?:, [a-z]+)*): ")
WARNING = re.compile(r"⚠ Spoiler warning \([^)]*\): \d+ passages? (?:is|are) marked below\.")
BADGE = re.compile(r"\[Rating · [^\]\n]*\]")


def render(node, dialect, texts):
    out = subprocess.run([node, os.path.join(HERE, "chat_render.js"), dialect],
                         input=json.dumps(texts), capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("chat_check: the %s renderer failed: %s" % (dialect, out.stderr.strip()))
    return json.loads(out.stdout)


def text_of(h):
    """A page's text: tags gone, references decoded, white space as one space."""
    h = re.sub(r"<br\s*/?>", " ", h)
    h = re.sub(r"<[^>]+>", " ", h)
    return " ".join(html.unescape(h).split())


def boxes(h, cls):
    """The spoiler boxes of a rendered page: the HTML inside each, in order,
    and the page with each box's opening tag replaced by a marker."""
    found, out, i = [], [], 0
    tag = re.compile(r"<(/?)span\b[^>]*>")
    while True:
        j = h.find("<span " + cls, i)
        if j < 0:
            out.append(h[i:])
            break
        out.append(h[i:j])
        start = h.index(">", j) + 1
        depth, k = 1, start
        for m in tag.finditer(h, start):
            depth += -1 if m.group(1) else 1
            if depth == 0:
                k = m.start()
                break
        else:
            k = len(h)
        found.append(h[start:k])
        out.append("\x00" + h[start:k])
        i = k + len("</span>")
    return found, "".join(out)


def words(s):
    return re.findall(r"[A-Za-z0-9]+", s)


def main():
    sg, node, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    passed = failed = 0
    for dialect in ("discord", "reddit"):
        inputs, outputs, reports = [], [], []
        for f in files:
            src = open(f, encoding="utf-8", errors="replace").read()
            args = [sg, "--style", STYLE[dialect], "--from", "markdown", f]
            out = subprocess.run(args, capture_output=True, text=True, errors="replace")
            rep = subprocess.run(args[:1] + ["--report"] + args[1:], capture_output=True,
                                 text=True, errors="replace")
            if out.returncode != 0 or rep.returncode != 0:
                print("FAIL %s %s: exit %d: %s" % (dialect, f, out.returncode, out.stderr.strip()))
                failed += 1
                continue
            inputs.append(src)
            outputs.append(out.stdout)
            reports.append((f, json.loads(rep.stdout.splitlines()[0])))
        pages_in = render(node, dialect, inputs)
        pages_out = render(node, dialect, outputs)
        for (f, report), src, out, p_in, p_out in zip(reports, inputs, outputs, pages_in,
                                                      pages_out):
            problems = []
            marked = [s for s in report["spoilers"] if s.get("marked")]
            inserted = out.count(OPEN[dialect]) - src.count(OPEN[dialect])
            if dialect == "discord":
                inserted //= 2  # "||" opens and closes a mark
            found, flat = boxes(p_out, BOX[dialect])
            found_in, _ = boxes(p_in, BOX[dialect])
            ours = len(found) - len(found_in)
            if ours != inserted:
                problems.append("%d marks inserted, %d spoiler boxes on the page" %
                                (inserted, ours))
            box_words = set()
            for b in found:
                t = text_of(b)
                box_words.update(words(t))
            for s in marked:
                missing = [w for w in words(s["text"]) if w not in box_words]
                if missing:
                    problems.append("a marked sentence's words outside any box: %s (%s)" %
                                    (" ".join(missing[:5]), s["text"][:60]))
            for syntax in ("||", ">!", "!<"):
                a, b = text_of(p_in).count(syntax), text_of(p_out).count(syntax)
                if b > a:
                    problems.append("%r shows as text %d times (input: %d)" % (syntax, b, a))
            # the page without what was inserted is the input's page (white
            # space aside: a mark may stand between a word and its comma)
            page = text_of(flat.replace("\x00", " "))
            if found and len(found) > len(found_in):
                for b in found:
                    t = text_of(b)
                    m = LABEL.match(t)
                    if m:
                        page = page.replace(t, t[m.end():], 1)
            page = "".join(BADGE.sub(" ", WARNING.sub(" ", page)).split())
            if page != "".join(text_of(p_in).split()):
                a, b = "".join(text_of(p_in).split()), page
                k = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]),
                         min(len(a), len(b)))
                problems.append("the page's text differs at %d: input %r, output %r" %
                                (k, a[max(0, k - 30):k + 40], b[max(0, k - 30):k + 40]))
            if problems:
                failed += 1
                for p in problems:
                    print("FAIL %s %s: %s" % (dialect, os.path.basename(f), p))
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
