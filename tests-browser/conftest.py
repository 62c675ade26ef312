"""Shared fixtures: the built site (GAZETTE_SITE), served on 127.0.0.1 at a free port, and a
headless Chromium that records console messages."""
import functools
import http.server
import os
import pathlib
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SCREENSHOTS = pathlib.Path(os.environ.get("GAZETTE_SCREENSHOTS", pathlib.Path(__file__).parent / "screenshots"))


@pytest.fixture(scope="session")
def site():
    path = os.environ.get("GAZETTE_SITE")
    assert path and os.path.isfile(os.path.join(path, "index.html")), "set GAZETTE_SITE to a built site (tests-browser/run.sh does)"
    return pathlib.Path(path)


def serve(site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="session")
def base_url(site):
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def paged_site():
    """The default content built with 60 papers per page (GAZETTE_PAGED_SITE)."""
    path = os.environ.get("GAZETTE_PAGED_SITE")
    assert path and os.path.isfile(os.path.join(path, "archive", "undated", "page", "2", "index.html")), "set GAZETTE_PAGED_SITE (tests-browser/run.sh does)"
    return pathlib.Path(path)


@pytest.fixture(scope="session")
def paged_base_url(paged_site):
    server = serve(paged_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session", params=["site", "paged_site"])
def any_site(request):
    """Each built site in turn: the default one and the paginated one."""
    return request.getfixturevalue(request.param)


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(arg)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_js():
    driver = make_driver(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture
def console(browser):
    """Fails the test on any console error the browser logged while it ran."""
    browser.get_log("browser")  # drop what earlier tests left
    yield
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, f"console errors: {errors}"
