#!/usr/bin/env python3
"""Opens every page of a built site in headless Chromium and checks the DOM after scripts ran.

The hostile fixture's payloads call alert() and then mark the document with `data-pwned`, so any
payload that runs leaves a mark in the dumped DOM. Also fails on any element the page gained that
could run script: an on* handler, a <script> without src, a javascript:/data: link, or an
embedding element. Before the site, a canary page that does run an injected handler must be
caught, so the check is known to be able to fail. Standard library only.

Usage: browser_check.py SITE_DIR [CHROMIUM]
"""
import html.parser
import os
import pathlib
import signal
import subprocess
import sys
import tempfile

FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "svg", "math", "img", "textarea", "base", "style", "noscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href"}


class Inspector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name == "data-pwned":
                self.problems.append(f"a payload ran: <{tag} data-pwned>")
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            squashed = "".join(value.split()).lower()
            if name in URL_ATTRIBUTES and squashed.startswith(("javascript:", "vbscript:", "data:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not dict(attrs).get("src"):
            self.problems.append("an inline <script>")
        if tag == "script" and dict(attrs).get("src") and not dict(attrs)["src"].endswith(("assets/search.js", "assets/sort.js")):
            self.problems.append(f"a script that is not the theme's: {dict(attrs)['src']!r}")
        # The theme's own search form is the one form a page may hold.
        if tag == "form" and dict(attrs).get("class") == "site-search":
            return
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"an injected <{tag}>")


def rendered_dom(chromium, page):
    """The page's DOM after its scripts ran, or None when it never finished loading: headless
    Chromium waits forever on an alert(), so a page that hangs has opened a dialog."""
    process = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--allow-file-access-from-files", "--virtual-time-budget=2000", "--dump-dom", page.resolve().as_uri()],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None
    if process.returncode != 0 or "<html" not in out:
        sys.exit(f"browser-check: chromium failed on {page}: {err[-500:]}")
    return out


def problems(chromium, page):
    dom = rendered_dom(chromium, page)
    if dom is None:
        return ["a payload ran: the page never finished loading (a script dialog is open)"]
    inspector = Inspector()
    inspector.feed(dom)
    return inspector.problems


def main():
    site = pathlib.Path(sys.argv[1])
    chromium = sys.argv[2] if len(sys.argv) > 2 else "chromium"
    with tempfile.TemporaryDirectory() as scratch:
        canary = pathlib.Path(scratch) / "canary.html"
        canary.write_text("<!DOCTYPE html><html><body><p>canary</p>"
                          "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','1')\"></body></html>")
        if not any("payload ran" in p for p in problems(chromium, canary)):
            sys.exit("browser-check: the canary's injected handler was not caught; the check cannot be trusted")
    pages = sorted(site.rglob("*.html"))
    if not pages:
        sys.exit(f"browser-check: no pages under {site}")
    failed = 0
    for page in pages:
        found = problems(chromium, page)
        for problem in found:
            print(f"{page.relative_to(site)}: {problem}")
        failed += bool(found)
    if failed:
        sys.exit(f"browser-check: {failed} of {len(pages)} pages failed")
    print(f"browser-check: {len(pages)} pages opened in headless Chromium: no payload ran, no injected element or handler")


if __name__ == "__main__":
    main()
