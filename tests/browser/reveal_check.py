#!/usr/bin/env python3
"""Open spoilerguard's HTML output in headless Chromium and check that every
spoiler is hidden until the reader shows it, by click and by keyboard.

usage: reveal_check.py SHOT_DIR details=PAGE [epub=PAGE] NAME=PAGE...
(details is html-details' page and epub the pandoc filter's EPUB chapter,
both of closed <details>; every other NAME is a page of buttons: html-span,
or md-html through a Markdown renderer)
Prints one line per check and "N passed, N failed"; exits 1 on a failure.
Screenshots go to SHOT_DIR/reveal-*.png.
"""
import os, sys
import sg_browser
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

SPOILERS = ("shoots", "walks into the sea", "was the son of Tom")
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    print("%s %s%s" % ("ok  " if ok else "FAIL", name, ("  (" + detail + ")") if detail and not ok else ""))
    passed += bool(ok)
    failed += not ok


def browser():
    return sg_browser.browser("--window-size=880,470")


def visible_text(d):
    return d.find_element(By.TAG_NAME, "body").text


def check_buttons(d, name, page, shots):
    """A page whose spoilers are buttons: hidden, shown by click and keys."""
    d.get("file://" + os.path.abspath(page))
    text = visible_text(d)
    check(name + ": the page shows the review", "Mara Quinn runs a bar" in text, text[:80])
    for s in SPOILERS:
        check(name + ": hidden before: " + s, s not in text)
    buttons = d.find_elements(By.CSS_SELECTOR, "[data-spoilerguard=toggle]")
    check(name + ": a button per spoiler sentence", len(buttons) >= 2, str(len(buttons)))
    check(name + ": buttons say they are collapsed",
          all(b.get_attribute("aria-expanded") == "false" for b in buttons))
    check(name + ": buttons are real buttons, named", all(b.tag_name == "button" and "Spoiler" in b.text
                                                         for b in buttons))
    d.save_screenshot(os.path.join(shots, "reveal-%s-before.png" % name.replace("+", "-")))
    # by mouse
    shoot = [b for b in buttons if "shoots" in b.find_element(By.XPATH, "..").get_attribute("textContent")]
    check(name + ": the ending's button is found", len(shoot) == 1)
    if shoot:
        shoot[0].click()
        text = visible_text(d)
        check(name + ": shown after a click", "shoots" in text and "walks into the sea" in text, text[:200])
        check(name + ": the button says it is expanded", shoot[0].get_attribute("aria-expanded") == "true")
        link = d.find_elements(By.CSS_SELECTOR, "[data-spoilerguard=content] a[href='https://example.org/tom']")
        check(name + ": a link inside a spoiler stays a link", len(link) == 1 and link[0].is_displayed())
        check(name + ": other spoilers stay hidden", "was the son of Tom" not in text)
        d.save_screenshot(os.path.join(shots, "reveal-%s-after.png" % name.replace("+", "-")))
        shoot[0].click()
        check(name + ": hidden again after a second click", "shoots" not in visible_text(d))
    # a sentence split around <em>: one button shows every piece
    son = [b for b in buttons if "turns out" in b.find_element(By.XPATH, "..").get_attribute("textContent")]
    check(name + ": the twist's button is found", len(son) == 1)
    if son:
        son[0].click()
        text = visible_text(d)
        check(name + ": every piece of a split sentence shows", "the stranger with the map" in text
              and "was the son of Tom" in text, text[-200:])
    # by keyboard: Tab to the first button, Enter shows, Space hides
    d.get("file://" + os.path.abspath(page))
    d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(20):
        if d.switch_to.active_element.get_attribute("data-spoilerguard") == "toggle":
            break
        d.switch_to.active_element.send_keys(Keys.TAB)
    el = d.switch_to.active_element
    check(name + ": Tab reaches a spoiler's button", el.get_attribute("data-spoilerguard") == "toggle")
    before = visible_text(d)
    el.send_keys(Keys.ENTER)
    after = visible_text(d)
    check(name + ": Enter shows the spoiler", len(after) > len(before) and el.get_attribute("aria-expanded") == "true")
    el.send_keys(Keys.SPACE)
    check(name + ": Space hides it again", visible_text(d) == before and el.get_attribute("aria-expanded") == "false")


def check_details(d, name, page, shots):
    """A page whose flagged blocks are closed <details>: hidden, shown by a
    click, closed by Enter."""
    d.get("file://" + os.path.abspath(page))
    text = visible_text(d)
    check(name + ": the page shows the review", "Mara Quinn runs a bar" in text, text[:80])
    for s in SPOILERS:
        check(name + ": hidden before: " + s, s not in text)
    d.save_screenshot(os.path.join(shots, "reveal-%s-before.png" % name))
    sums = d.find_elements(By.CSS_SELECTOR, "summary[data-spoilerguard=summary]")
    check(name + ": flagged blocks behind a summary", len(sums) >= 1, str(len(sums)))
    check(name + ": each summary names what it hides", all(s.text.startswith("Spoiler (") for s in sums))
    if sums:
        sums[0].click()
        check(name + ": shown after a click", "shoots" in visible_text(d))
        d.save_screenshot(os.path.join(shots, "reveal-%s-after.png" % name))
        sums[0].send_keys(Keys.ENTER)
        check(name + ": Enter closes it", "shoots" not in visible_text(d))


def main():
    shots = sys.argv[1]
    pages = dict(a.split("=", 1) for a in sys.argv[2:])
    # pages of <details>: html-details, and the pandoc filter's EPUB chapter
    details = {n: pages.pop(n) for n in ("details", "epub") if n in pages}
    d = browser()
    try:
        for name, page in pages.items():
            check_buttons(d, name, page, shots)
        for name, page in details.items():
            check_details(d, name, page, shots)
    finally:
        d.quit()
    sg_browser.tally(passed, failed)


if __name__ == "__main__":
    main()
