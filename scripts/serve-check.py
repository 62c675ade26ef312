#!/usr/bin/env python3
"""Drives `gazette serve` from headless Chromium through chromedriver's WebDriver protocol (no Selenium):
a page reloads by itself after an edit, a broken edit is shown over the page, fixing it clears that.

Usage: scripts/serve-check.py PATH/TO/gazette   (run by `make serve-check`)."""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    sys.exit(f"serve-check: FAILED: {what} within {seconds} s")


def main():
    gazette = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="gazette-serve-check-")
    shutil.copytree(os.path.join(ROOT, "Tests/Fixtures/Site/content"), os.path.join(work, "content"))
    shutil.copytree(os.path.join(ROOT, "templates"), os.path.join(work, "templates"))
    site_port, driver_port = free_port(), free_port()
    server = subprocess.Popen([gazette, "serve", "--port", str(site_port)], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = subprocess.Popen(["chromedriver", f"--port={driver_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{driver_port}"

    def call(method, path, body=None):
        request = urllib.request.Request(base + path, method=method, headers={"Content-Type": "application/json"},
                                         data=None if body is None else json.dumps(body).encode())
        return json.loads(urllib.request.urlopen(request, timeout=30).read())["value"]

    def reachable(url):
        try:
            urllib.request.urlopen(url, timeout=1)
            return True
        except Exception:
            return False

    try:
        wait_for(lambda: reachable(f"http://127.0.0.1:{site_port}/"), 60, "gazette serve answers")
        wait_for(lambda: reachable(base + "/status"), 30, "chromedriver answers")
        chrome = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        options = {"args": ["--headless=new", "--no-sandbox", "--disable-gpu"]}
        if chrome:
            options["binary"] = chrome
        session = call("POST", "/session", {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}})["sessionId"]
        title = lambda: call("GET", f"/session/{session}/title")
        overlay = lambda: call("POST", f"/session/{session}/execute/sync",
                               {"script": "var b = document.getElementById('gazette-build-error'); return b ? b.textContent : null", "args": []})
        call("POST", f"/session/{session}/url", {"url": f"http://127.0.0.1:{site_port}/"})
        assert "Fixture Digest" in title(), title()
        config = os.path.join(work, "content/site.yml")
        original = open(config).read()
        started = time.time()
        open(config, "w").write(original.replace("Fixture Digest", "Reloaded Digest"))
        wait_for(lambda: "Reloaded Digest" in title(), 30, "the page reloads after an edit")
        print(f"serve-check: page reloaded {time.time() - started:.2f} s after the edit")
        open(config, "a").write("bogus_key: 1\n")
        message = wait_for(overlay, 30, "a broken edit is shown over the page")
        assert "site.yml:" in message and "bogus_key" in message, message
        print("serve-check: broken edit shown:", message.splitlines()[-1])
        open(config, "w").write(original.replace("Fixture Digest", "Fixed Digest"))
        wait_for(lambda: "Fixed Digest" in title() and overlay() is None, 30, "fixing the edit reloads and clears the error")
        print("serve-check: passed")
        call("DELETE", f"/session/{session}")
    finally:
        server.terminate()
        driver.terminate()
        server.wait()
        driver.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
