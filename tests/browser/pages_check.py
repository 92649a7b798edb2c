#!/usr/bin/env python3
"""Annotated HTML pages build the same document in the browser as the pages
their authors wrote, apart from what spoilerguard inserted.

usage: pages_check.py PATH/TO/spoilerguard CORPUS_DIR WORK_DIR [PAGE...]

Every HTML page of realposts, and every seed review made into a page (one
<p> per paragraph), and every PAGE given, is annotated with default options (html-span) and with
--style html-details.  Both the input and the output are opened in headless
Chromium with scripts off; in the output's document every element that
carries data-spoilerguard is taken out: the warning, badge, JSON-LD, toggle,
summary, style and script elements whole, the marks and their content spans
and details unwrapped (their children stay where they were).  What is left
must be the input's document, node for node.  Every sentence the report
flags must be marked, and its text found inside the hidden part of a mark.
Prints one line per page and "N passed, N failed"; exits 1 on a failure.
"""
import glob, html, json, os, re, subprocess, sys
import sg_browser

WHOLE = ("warning", "badge", "jsonld", "summary", "toggle", "style", "script")

# The document as a string, with spoilerguard's elements out (see above).
SERIALIZE = """
const whole = new Set(arguments[0]);
const root = document.documentElement.cloneNode(true);
// the hidden text, in document order: content spans, or details without
// their summary
let hidden = '';
for (const e of document.querySelectorAll('[data-spoilerguard=content], details[data-spoilerguard]')) {
  for (const c of e.childNodes)
    if (!(c.getAttribute && c.getAttribute('data-spoilerguard') === 'summary'))
      hidden += c.textContent;
  hidden += ' ';
}
for (const e of Array.from(root.querySelectorAll('[data-spoilerguard]'))) {
  const v = e.getAttribute('data-spoilerguard').split(' ')[0];
  if (whole.has(v)) { e.remove(); continue; }
  const p = e.parentNode;
  if (!p) continue;
  while (e.firstChild) p.insertBefore(e.firstChild, e);
  e.remove();
}
root.normalize();
return [root.outerHTML, hidden.replace(/\\s+/g, ' ')];
"""


def seed_page(path, out):
    text = open(path, encoding="utf-8").read()
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    with open(out, "w", encoding="utf-8") as f:
        f.write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head>\n"
                "<body><article>\n" % html.escape(paras[0]))
        f.write("<h1>%s</h1>\n" % html.escape(paras[0]))
        for p in paras[1:]:
            f.write("<p>%s</p>\n" % html.escape(p))
        f.write("</article></body></html>\n")


def main():
    sg, corpus, work = sys.argv[1], sys.argv[2], sys.argv[3]
    pages = sorted(glob.glob(os.path.join(corpus, "realposts/files/*.html")))
    for s in sorted(glob.glob(os.path.join(corpus, "seeds/*.txt"))):
        out = os.path.join(work, os.path.basename(s)[:-4] + ".html")
        seed_page(s, out)
        pages.append(out)
    pages += sys.argv[4:]
    if not pages:
        print("pages_check: no pages under %s" % corpus)
        sys.exit(1)
    d = sg_browser.browser("--blink-settings=scriptEnabled=false,imagesEnabled=false")
    d.set_page_load_timeout(30)
    passed = failed = 0
    try:
        for page in pages:
            name = os.path.basename(page)
            d.get("file://" + os.path.abspath(page))
            want, _ = d.execute_script(SERIALIZE, list(WHOLE))
            for style in ("html-span", "html-details"):
                out = os.path.join(work, "out-" + style + "-" + name)
                r = subprocess.run([sg, "--from", "html", "--style", style, "-o", out, page],
                                   capture_output=True)
                rep = subprocess.run([sg, "--from", "html", "--report", page], capture_output=True)
                problems = []
                if r.returncode != 0 or rep.returncode != 0:
                    problems.append("spoilerguard exited %d, %d: %s" % (r.returncode, rep.returncode,
                                                                       (r.stderr + rep.stderr)[:200]))
                else:
                    flags = json.loads(rep.stdout).get("spoilers", [])
                    d.get("file://" + os.path.abspath(out))
                    got, hidden = d.execute_script(SERIALIZE, list(WHOLE))
                    if got != want:
                        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                                 min(len(got), len(want)))
                        problems.append("the page differs at %d:\n    want %r\n    got  %r"
                                        % (i, want[max(0, i - 80):i + 120], got[max(0, i - 80):i + 120]))
                    for f in flags:
                        # the flag's source text as the page shows it
                        t = " ".join(html.unescape(re.sub(r"<[^>]*>", "", f["text"])).split())
                        if t not in hidden:
                            problems.append("flag not hidden on the page: %r" % t[:80])
                print("%s %s %s%s" % ("FAIL" if problems else "ok  ", style, name,
                                      "".join("\n  " + p for p in problems)))
                passed += not problems
                failed += bool(problems)
    finally:
        d.quit()
    sg_browser.tally(passed, failed)


if __name__ == "__main__":
    main()
