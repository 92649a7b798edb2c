#!/usr/bin/env python3
"""The CommonMark spec's examples, annotated, render as they did.

usage: commonmark_check.py PATH/TO/spoilerguard CORPUS_DIR MAX_DIFFERENT

For each example of commonmark/spec.txt, a spoiler sentence is added at the
end of each non-blank line; the text is annotated in Markdown's usual style,
md-html (--from markdown --style md-html: some examples hold "[[foo]]",
which --style auto takes for Obsidian's links) and both are rendered with
`cmark --unsafe`.  From the
annotated render, what spoilerguard inserted is taken out: every piece is
signed by a comment that cmark passes through, <!--sg:R-->PIECE<!--/sg-->
or PIECE<!--sg:RN--> (N bytes before it), and the warning and the assets are
block chunks of that form.  What is left must be the input's render, up to
blank lines.  Prints the examples that differ and "N passed, N failed";
fails when more than MAX_DIFFERENT differ (a ceiling to lower as the
renderer learns the cases that still differ, and never to raise).
"""
import re, subprocess, sys

SENT = " In the end, the hero dies and the villain turns out to be her father."
OPEN = re.compile(r"<!--sg:([a-z])(\d*)-->")


def render(md):
    return subprocess.run(["cmark", "--unsafe"], input=md.encode(), capture_output=True,
                          check=True).stdout.decode("utf-8", "replace")


def unsign(html):
    """The render without what spoilerguard inserted."""
    out, i = [], 0
    while True:
        m = OPEN.search(html, i)
        if not m:
            out.append(html[i:])
            break
        if m.group(2):  # PIECE<!--sg:RN-->: the N bytes before are ours
            n = int(m.group(2))
            kept = html[i:m.start()]
            out.append(kept[:len(kept) - n] if n <= len(kept) else "")
            i = m.end()
            continue
        out.append(html[i:m.start()])
        end = html.find("<!--/sg-->", m.end())
        if end < 0:
            out.append(html[m.start():])
            break
        i = end + len("<!--/sg-->")
    text = "".join(out)
    return "\n".join(l for l in text.split("\n") if l.strip())


def main():
    sg, corpus, most = sys.argv[1], sys.argv[2], int(sys.argv[3])
    spec = open(corpus + "/commonmark/spec.txt", encoding="utf-8").read()
    examples = re.findall(r"^`{32} example\n(.*?)^\.\n", spec, re.M | re.S)
    differ, unmarked = [], 0
    for k, md in enumerate(examples, 1):
        md = md.replace("\u2192", "\t")
        md = "\n".join(l + SENT if l.strip() else l for l in md.split("\n"))
        r = subprocess.run([sg, "--from", "markdown", "--style", "md-html"], input=md.encode(),
                           capture_output=True)
        if r.returncode != 0:
            differ.append(k)
            print("example %d: spoilerguard exited %d: %s" % (k, r.returncode, r.stderr[:200]))
            continue
        want = "\n".join(l for l in render(md).split("\n") if l.strip())
        got = unsign(render(r.stdout.decode("utf-8", "replace")))
        if got != want:
            differ.append(k)
            print("example %d renders differently:\n  want %r\n  got  %r" % (k, want[:200], got[:200]))
    print("%d of %d examples render differently once annotated (at most %d allowed)"
          % (len(differ), len(examples), most))
    ok = len(differ) <= most
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
