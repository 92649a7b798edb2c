#!/usr/bin/env python3
"""Checks on what the pandoc filter wrote, for tests/lua/test_pandoc.sh.

usage: pandoc_check.py docx REVIEW.docx
       pandoc_check.py epub REVIEW.epub
       pandoc_check.py agree CLI_REPORT.json CLI_OUTPUT.md FILTER_OUTPUT.html
docx and epub read the test's review (a death the filter can cut out of its
paragraph, a twist it cannot); agree compares the command line and the filter
on one article.  Prints what is wrong (or a summary) and exits 1 on a failure.
"""
import html
import json
import re
import sys
import xml.dom.minidom as minidom
import zipfile


def runs(para):
    """(character style, text) of each run of a docx paragraph"""
    out = []
    for r in re.findall(r"<w:r>.*?</w:r>", para, re.S):
        st = re.search(r'<w:rStyle w:val="([^"]*)"', r)
        out.append((st.group(1) if st else "", "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", r))))
    return out


def text(para):
    return "".join(t for _, t in runs(para))


def pstyle(para):
    m = re.search(r'<w:pStyle w:val="([^"]*)"', para)
    return m.group(1) if m else ""


def check_docx(path):
    z = zipfile.ZipFile(path)
    doc = z.read("word/document.xml").decode()
    styles = z.read("word/styles.xml").decode()
    paras = re.findall(r"<w:p>.*?</w:p>", doc, re.S)
    fails = []
    warn = [i for i, p in enumerate(paras) if pstyle(p) == "SpoilerWarning"]
    first = [i for i, p in enumerate(paras) if any(s == "Spoiler" for s, _ in runs(p))]
    if not warn or not first or warn[0] >= first[0]:
        fails.append("the warning (paragraph style Spoiler Warning) is not before the first spoiler: "
                     "%r %r" % (warn, first))
    elif not text(paras[warn[0]]).startswith("Spoiler warning: "):
        fails.append("the warning says: " + text(paras[warn[0]]))
    death = [p for p in paras if "Okju dies" in text(p)]
    if len(death) != 1:
        fails.append("no one paragraph holds the death")
    else:
        rs = runs(death[0])
        spoiler = "".join(t for s, t in rs if s == "Spoiler")
        label = [i for i, (s, _) in enumerate(rs) if s == "SpoilerLabel"]
        styled = [i for i, (s, _) in enumerate(rs) if s == "Spoiler"]
        if spoiler.strip() != "In the final act, Okju dies in her mentor\u2019s arms.":
            fails.append("the text in character style Spoiler is %r" % spoiler)
        if not label or not styled or label[-1] > styled[0] or rs[label[-1]][1] != "Spoiler (death):":
            fails.append("no label 'Spoiler (death):' before the sentence: %r" % rs)
        if any(s for s, t in rs if "contract killer" in t or "superb" in t):
            fails.append("an unflagged sentence is styled: %r" % rs)
    twist = [p for p in paras if "was the killer" in text(p)]
    if len(twist) != 1 or not text(twist[0]).startswith("Spoiler (twist): ") or \
            not any(s == "Spoiler" and "was the killer" in t for s, t in runs(twist[0])):
        fails.append("the block that cannot be cut is not labelled and styled whole: %r"
                     % [text(p) for p in twist])
    ids = re.findall(r'w:styleId="([^"]*)"', styles)
    for want in ("Spoiler", "SpoilerLabel", "SpoilerWarning"):
        if ids.count(want) != 1:
            fails.append("style %s is defined %d times" % (want, ids.count(want)))
    return fails, "%d paragraphs" % len(paras)


def check_epub(path):
    z = zipfile.ZipFile(path)
    fails = []
    body = ""
    for n in z.namelist():
        if re.match(r"EPUB/text/ch\d+\.xhtml$", n):
            x = z.read(n).decode()
            try:
                minidom.parseString(x)
            except Exception as e:  # what the XML parser says is the message
                fails.append("%s is not well-formed XHTML: %s" % (n, e))
            body += x
    details = re.findall(r"<details[^>]*>\s*<summary[^>]*>([^<]*)</summary>(.*?)</details>", body, re.S)
    if [s for s, _ in details] != ["Spoiler (death)", "Spoiler (twist)"]:
        fails.append("the <details> summaries are %r" % [s for s, _ in details])
    inside = " ".join(c for _, c in details)
    outside = re.sub(r"<details.*?</details>", "", body, flags=re.S)
    for s in ("Okju dies", "was the killer"):
        if s not in inside or s in outside:
            fails.append("not behind a <details>: " + s)
    if "The score is loud" not in outside:
        fails.append("an unflagged block went behind a <details>")
    if "<script" in body or "<button" in body:
        fails.append("a script or a button in EPUB, which e-readers do not run")
    if not re.search(r"<strong>Spoiler warning:</strong>.*?<details", body, re.S):
        fails.append("no warning before the first <details>")
    return fails, "%d <details>" % len(details)


def words(s):
    s = html.unescape(re.sub(r"<[^>]*>", "", s))
    return " ".join(s.replace("\u2019", "'").split())


def check_agree(report_path, cli_md_path, page_path):
    report = json.load(open(report_path))
    cli_md = open(cli_md_path).read()
    page = open(page_path).read()
    cli = sorted({words(f["text"]) for f in report["spoilers"] if not f["marked"]})
    filt = sorted(words(m) for m in re.findall(
        r'<span data-spoilerguard="content" hidden="">(.*?)</span></span>', page, re.S))
    fails = []
    if not cli:
        fails.append("the command line marks nothing: the article needs spoilers")
    if cli != filt:
        fails.append("marked by the command line: %r\nmarked by the filter: %r" % (cli, filt))
    w = re.search(r"\*\*(Spoiler warning:)\*\* ([^\n<]*)", cli_md)
    fw = re.search(r'class="spoiler-warning"[^>]*>\s*<p><strong>(.*?)</strong> (.*?)</p>', page, re.S)
    cw = w and (w.group(1), " ".join(w.group(2).split()))
    ffw = fw and (fw.group(1), " ".join(fw.group(2).split()))
    if not cw or cw != ffw:
        fails.append("the warnings differ: command line %r, filter %r" % (cw, ffw))
    cb = re.search(r'class="sg-rating"[^>]*aria-label="([^"]*)"', cli_md)
    fb = re.search(r'class="sg-rating"[^>]*aria-label="([^"]*)"', page)
    if not cb or not fb or cb.group(1) != fb.group(1):
        fails.append("the badges differ: command line %r, filter %r" % (cb and cb.group(1), fb and fb.group(1)))
    return fails, "%d sentences, warning %r, badge %r" % (len(cli), ffw and ffw[1], fb and fb.group(1))


def main():
    what = sys.argv[1]
    fails, summary = {"docx": check_docx, "epub": check_epub, "agree": check_agree}[what](*sys.argv[2:])
    print("\n".join(fails) if fails else summary)
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
