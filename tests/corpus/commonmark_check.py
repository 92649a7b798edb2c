#!/usr/bin/env python3
"""The CommonMark spec's examples, annotated, render as they did.

usage: commonmark_check.py PATH/TO/spoilerguard CORPUS_DIR MAX_DIFFERENT MAX_UNMARKED [plain]

For each example of commonmark/spec.txt, a spoiler sentence is added at the
end of each non-blank line; the text is annotated in Markdown's usual style,
md-html (--from markdown --style md-html: some examples hold "[[foo]]",
which --style auto takes for Obsidian's links) and both are rendered with
`cmark --unsafe`.  From the
annotated render, what spoilerguard inserted is taken out: every piece is
signed by a comment that cmark passes through, <!--sg:R-->PIECE<!--/sg-->
or PIECE<!--sg:RN--> (N bytes before it), and the warning and the assets are
block chunks of that form.  What is left must be the input's render, up to
blank lines, and where the sentence shows as text (not in code, a tag or
alt text) it must be marked.  The realposts Markdown posts and the seeds,
read as Markdown, are held to the same, with none allowed to differ.
With "plain", the text is annotated with --style plain instead, whose
marks, warning and badge are visible text in an exact form
("\\[spoiler: death\\] ... \\[/spoiler\\]", "⚠ Spoiler warning ...",
"\\[Rating · ...\\]"): those are taken out of the render as text, and no
comment or HTML may be inserted.
Prints the examples that differ and "N passed, N failed";
fails when more than MAX_DIFFERENT examples render differently or more than
MAX_UNMARKED leave their sentence unmarked (ceilings to lower as the
renderer learns the cases that remain, and never to raise).
"""
import os, re, subprocess, sys

SENT = " In the end, the hero dies and the villain turns out to be her father."
OPEN = re.compile(r"<!--sg:([a-z])(\d*)-->")
OPEN_MARK = re.compile(r"<!--sg:[on]\d*-->")


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
        if m.group(2):  # PIECE<!--sg:RN-->: the N bytes (not characters) before are ours
            n = int(m.group(2))
            kept = html[i:m.start()].encode()
            out.append(kept[:len(kept) - n].decode("utf-8", "replace") if n <= len(kept) else "")
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


VISIBLE = re.compile(r"<p>\u26a0 Spoiler warning \([^)\n]*\): \d+ passages? (?:is|are) marked below\.</p>\n"
                     r"|\[spoiler: [^\]\n]*\] | \[/spoiler\]"
                     r"|(?<=>)\[Rating \u00b7 [^\]\n]*\] | \[Rating \u00b7 [^\]\n]*\]")


def unsign_visible(html):
    """The render without the visible pieces spoilerguard inserted."""
    text = VISIBLE.sub("", html)
    return "\n".join(l for l in text.split("\n") if l.strip())


CODE = re.compile(r"<pre[ >].*?</pre>|<code>.*?</code>|<[^>]*>", re.S)


def in_text(html):
    """Whether the spoiler sentence shows in the render as text: outside code,
    code blocks, tags and their attributes (an image's alt text)."""
    return "the hero dies" in CODE.sub(" ", html)


UNMARKED = "the sentence is text on the page but is not marked"


def compare(sg, md, style="md-html"):
    """None when md, annotated, renders as md did and its sentence outside
    code is marked; else what differs (UNMARKED for the latter)."""
    r = subprocess.run([sg, "--from", "markdown", "--style", style], input=md.encode(),
                       capture_output=True)
    if r.returncode != 0:
        return "spoilerguard exited %d: %s" % (r.returncode, r.stderr[:200])
    out = r.stdout.decode("utf-8", "replace")
    plain = render(md)
    want = "\n".join(l for l in plain.split("\n") if l.strip())
    if style == "plain":
        if out.count("<!--") != md.count("<!--") or out.count("<span") != md.count("<span"):
            return "a comment or HTML was inserted"
        got, marked = unsign_visible(render(out)), "[spoiler: " in out
    else:
        got, marked = unsign(render(out)), OPEN_MARK.search(out)
    if got != want:
        return "renders differently:\n  want %r\n  got  %r" % (want[:200], got[:200])
    if in_text(plain) and not marked:
        return UNMARKED
    return None


def posts(corpus):
    """The realposts Markdown files and the seeds, read as Markdown."""
    for d, pat in (("realposts/files", ".md"), ("seeds", ".txt")):
        path = os.path.join(corpus, d)
        for f in sorted(os.listdir(path)) if os.path.isdir(path) else []:
            if f.endswith(pat):
                yield os.path.join(path, f)


def main():
    sg, corpus, most, most_unmarked = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    style = "plain" if sys.argv[5:] == ["plain"] else "md-html"
    spec = open(corpus + "/commonmark/spec.txt", encoding="utf-8").read()
    examples = re.findall(r"^`{32} example\n(.*?)^\.\n", spec, re.M | re.S)
    differ, unmarked = [], []
    for k, md in enumerate(examples, 1):
        md = md.replace("\u2192", "\t")
        md = "\n".join(l + SENT if l.strip() else l for l in md.split("\n"))
        why = compare(sg, md, style)
        if why:
            (unmarked if why == UNMARKED else differ).append(k)
            print("example %d: %s" % (k, why))
    print("%d of %d examples render differently once annotated (at most %d allowed)"
          % (len(differ), len(examples), most))
    print("%d of %d examples show the sentence unmarked (at most %d allowed)"
          % (len(unmarked), len(examples), most_unmarked))
    bad = 0
    for f in posts(corpus):
        why = compare(sg, open(f, encoding="utf-8", errors="replace", newline="").read(), style)
        if why:
            bad += 1
            print("%s: %s" % (f, why))
    print("%d of the realposts Markdown posts and seeds render differently (none allowed)" % bad)
    ok = len(differ) <= most and len(unmarked) <= most_unmarked and bad == 0
    print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
