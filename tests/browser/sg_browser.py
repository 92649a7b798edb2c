"""What the browser tests share: headless Chromium and the closing tally."""
import sys, tempfile
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def browser(*extra):
    """Debian's headless Chromium under chromedriver; extra: more flags."""
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--user-data-dir=" + tempfile.mkdtemp()) + extra:
        o.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def tally(passed, failed):
    """Prints "N passed, N failed" and exits 1 on a failure."""
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)
