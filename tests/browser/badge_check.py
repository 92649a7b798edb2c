#!/usr/bin/env python3
"""Look at spoilerguard's rating badges as a reader does: each form (text,
html, svg, image) after a review's title, opened in headless Chromium.

usage: badge_check.py SPOILERGUARD SHOT_DIR
Checks what the page shows (the number beside the stars, a grade or verdict
as words), that every text of the SVG and image badges lies inside its box,
and, counting the gold pixels each star of a drawn badge paints, that a half
star is drawn half filled and nothing is rounded up.  Writes badges.png (the
gallery) to SHOT_DIR.  Prints one line per check and "N passed, N failed";
exits 1 on a failure, 77 without chromium, chromedriver or selenium.
"""
import base64, os, re, shutil, subprocess, sys, tempfile

try:
    from selenium.webdriver.common.by import By
    import reveal_check as rc  # the browser and the check lines the reveal test uses
except ImportError:
    print("badge_check: needs python3-selenium: skipped")
    sys.exit(77)

if not all(os.access(p, os.X_OK) for p in ("/usr/bin/chromium", "/usr/bin/chromedriver")):
    print("badge_check: needs chromium and chromedriver: skipped")
    sys.exit(77)
check = rc.check

# (rating line in the review, what the badge says, each star drawn: 8 full,
# 4 half, 0 empty, the first always full; None for a grade or verdict)
RATINGS = [
    ("Rating: 4.5/5", "4.5/5", [8, 8, 8, 8, 4]),
    ("Rating: 9/10", "9/10", [8, 8, 8, 8, 4]),
    ("Rating: 3.5/5", "3.5/5", [8, 8, 8, 4, 0]),
    ("Rating: 7/10", "7/10", [8, 8, 8, 4, 0]),
    ("Ballerina: 2.5 stars (out of 4)", "2.5/4", [8, 8, 4, 0]),
    ("Grade: A-", "Grade: A-", None),
    ("Verdict: Highly recommended", "Verdict: Highly recommended", None),
]
FORMS = ("text", "html", "svg", "image")
def badge_heading(sg, tmp, rating, form):
    """The review's <h1> with the badge spoilerguard puts after its title."""
    page = os.path.join(tmp, "in.html")
    with open(page, "w") as f:
        f.write("<!doctype html><html><head><meta charset=\"utf-8\"><title>T</title></head><body>"
                "<article><h1>Harbour Lights</h1><p>The film is slow, handsome and patient.</p>"
                "<p>%s</p></article></body></html>" % rating)
    out = subprocess.run([sg, "--assets", "none", "--badge", form, page], capture_output=True,
                         check=True).stdout.decode()
    m = re.search(r"<h1>.*?</h1>", out, re.S)
    return m.group(0) if m else ""


# Paint an SVG (its markup) into a canvas and count, per 16-pixel star slot
# from x0, the pixels of the star colour in its left and its right half;
# callback gets [[left, right] per slot], width.
PAINT = """
const [svg, x0, slots, rgb, done] = arguments;
const img = new Image();
img.onload = () => {
  const c = document.createElement('canvas');
  c.width = img.width; c.height = img.height;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const d = g.getImageData(0, 0, c.width, c.height).data;
  const counts = [];
  for (let s = 0; s < slots; s++) {
    const n = [0, 0];
    for (let y = 0; y < c.height; y++)
      for (let x = x0 + 16 * s; x < x0 + 16 * s + 16 && x < c.width; x++) {
        const i = 4 * (y * c.width + x);
        if (d[i + 3] > 128 && Math.abs(d[i] - rgb[0]) < 40 && Math.abs(d[i + 1] - rgb[1]) < 40 &&
            Math.abs(d[i + 2] - rgb[2]) < 40) n[x < x0 + 16 * s + 8 ? 0 : 1]++;
      }
    counts.push(n);
  }
  done([counts, c.width]);
};
img.onerror = () => done(null);
img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
"""

# Every <text> of an SVG document, laid out: [x, right edge] and the width.
TEXTS = """
const svg = document.querySelector('svg');
return [svg.width.baseVal.value,
        Array.from(svg.querySelectorAll('text')).map(t => {
          const b = t.getBBox(); return [t.textContent, b.x, b.x + b.width]; }),
        Array.from(svg.querySelectorAll('path')).map(p => {
          const b = p.getBBox(), m = p.getCTM(); return b.x + b.width + m.e; })];
"""


def check_stars(d, name, svg, x0, rgb, want):
    """Each star's halves painted full or only outlined, as `want` says."""
    # alone in an image, the root's page margin would shift what it paints
    svg = re.sub(r' style="[^"]*"', "", svg, count=1)
    got = d.execute_async_script(PAINT, svg, x0, len(want), rgb)
    if not got:
        check(name + ": the badge paints", False)
        return
    halves = got[0]
    # measured against the first star, a full one: a filled half paints at
    # least most of what its half does, an outlined half well under it
    top = [halves[0][k] or 1 for k in (0, 1)]
    frac = [(h[0] / top[0], h[1] / top[1]) for h in halves]
    filled = [(w >= 4, w == 8) for w in want]
    ok = all((f > 0.8) == fill for fr, fl in zip(frac, filled) for f, fill in zip(fr, fl))
    check(name + ": stars painted as " + "".join({8: "★", 4: "½", 0: "☆"}[w] for w in want), ok,
          " ".join("%.2f|%.2f" % f for f in frac))


def check_layout(d, name, path):
    """An SVG document opened on its own: every text inside its box, after the stars."""
    d.get("file://" + path)
    width, texts, paths = d.execute_script(TEXTS)
    stars_end = max(paths) if paths else 0
    for text, left, right in texts:
        inside = -0.5 <= left and right <= width + 0.5
        check("%s: '%s' lies inside the badge" % (name, text), inside,
              "%.1f..%.1f of %.1f" % (left, right, width))
    if texts and paths:
        check(name + ": the number starts after the stars", texts[-1][1] >= stars_end - 0.5,
              "%.1f < %.1f" % (texts[-1][1], stars_end))


def main():
    sg, shots = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp()
    rows = []
    for rating, says, stars in RATINGS:
        rows.append((rating, says, stars, {f: badge_heading(sg, tmp, rating, f) for f in FORMS}))
    gallery = os.path.join(tmp, "badges.html")
    with open(gallery, "w") as f:
        f.write("<!doctype html><html><head><meta charset=\"utf-8\"><style>html{overflow:hidden} body{font:15px sans-serif;"
                "margin:10px} td{padding:3px 8px;border-bottom:1px solid #ddd} h1{font-size:17px;"
                "margin:0}</style></head><body><table><tr><th>the review says</th>%s</tr>" %
                "".join("<th>--badge %s</th>" % form for form in FORMS))
        for i, (rating, _, _, heads) in enumerate(rows):
            f.write("<tr><td>%s</td>%s</tr>" % (rating, "".join(
                "<td id=\"r%d-%s\">%s</td>" % (i, form, heads[form]) for form in FORMS)))
        f.write("</table></body></html>")
    d = rc.browser()
    d.set_window_size(1040, 650)
    try:
        d.get("file://" + gallery)
        for i, (rating, says, stars, heads) in enumerate(rows):
            for form in FORMS:
                check("%s, %s: a badge after the title" % (rating, form),
                      "sg-rating" in heads[form], heads[form][:80])
            # what a reader reads beside the title
            for form in ("text", "html"):
                seen = d.find_element(By.ID, "r%d-%s" % (i, form)).text
                want = says
                if stars:
                    want = "".join("★" if w == 8 else "½" if w == 4 else "☆" for w in stars) + " " + says
                check("%s, %s: shows '%s'" % (rating, form, want), want in seen, seen)
            if not stars:
                check(rating + ": no stars in any form",
                      not any("★" in heads[f] or "<path" in heads[f] for f in FORMS))
            # the SVG badge: painted stars, the number inside the box
            m = re.search(r"<svg.*?</svg>", heads["svg"], re.S)
            if m:
                svg = m.group(0)
                if stars:
                    check_stars(d, rating + ", svg", svg, 0, (0xf5, 0xb3, 0x01), stars)
                path = os.path.join(tmp, "inline-%d.svg" % i)
                with open(path, "w") as f:
                    f.write(svg)
                check_layout(d, rating + ", svg", path)
                d.get("file://" + gallery)
            # the image badge: decoded, painted, laid out
            m = re.search(r"base64,([A-Za-z0-9+/=]+)", heads["image"])
            if m:
                svg = base64.b64decode(m.group(1)).decode()
                lw = float(re.search(r'<rect width="(\d+)"', svg).group(1))
                if stars:
                    check_stars(d, rating + ", image", svg, lw + 6, (0xff, 0xff, 0xff), stars)
                path = os.path.join(tmp, "image-%d.svg" % i)
                with open(path, "w") as f:
                    f.write(svg)
                check_layout(d, rating + ", image", path)
                d.get("file://" + gallery)
        d.get("file://" + gallery)
        d.save_screenshot(os.path.join(shots, "badges.png"))
    finally:
        d.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    rc.sg_browser.tally(rc.passed, rc.failed)


if __name__ == "__main__":
    main()
