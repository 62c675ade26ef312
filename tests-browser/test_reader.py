"""A reader's walk through the built digest in headless Chromium."""
import html
import json
import re
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SCREENSHOTS


def wait(browser, seconds=10):
    return WebDriverWait(browser, seconds)


def papers(site):
    """papers.json, each paper with its abstract as plain text from its page (the export leaves the
    abstracts to the pages)."""
    records = json.loads((site / "papers.json").read_text())
    for record in records:
        page = (site / "papers" / record["id"] / "index.html").read_text()
        found = re.search(r'<div class="abstract">(.*?)</div>', page, re.S)
        record["abstract"] = html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else None
    return records


def hit_titles(browser):
    wait(browser).until(EC.visibility_of_element_located((By.ID, "search-results")))
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .search-summary"))
    # Read in one script call: the list is rebuilt as results arrive, so held elements go stale.
    return browser.execute_script("return Array.from(document.querySelectorAll('#search-results .hit-title'), e => e.textContent)")


def test_search_ranks_title_matches_first_and_shows_topic_and_date(browser, base_url, site, console):
    # A word that is in some titles and in other papers' abstracts only.
    records = papers(site)
    word = "benchmark"
    in_title = [p for p in records if word in p["title"].lower()]
    only_abstract = [p for p in records if word not in p["title"].lower() and word in (p["abstract"] or "").lower()]
    assert in_title and only_abstract, "the default content has both kinds"
    browser.get(base_url + "index.html")
    box = browser.find_element(By.ID, "search-input")
    box.send_keys(word)
    titles = hit_titles(browser)
    assert titles, "hits are listed"
    # Hits are ranked: every title match before any abstract-only match.
    kinds = [word in t.lower() for t in titles]
    assert kinds == sorted(kinds, reverse=True), titles
    assert kinds[0]
    meta = browser.find_elements(By.CSS_SELECTOR, "#search-results .hit-meta")[0].text
    assert re.search(r"[A-Z][a-z]{2} \d{1,2}, \d{4}", meta), meta  # the date
    assert " · " in meta  # topic · date


def test_search_matches_word_prefixes_and_every_word(browser, base_url, site, console):
    records = papers(site)
    target = next(p for p in records if "retrieval" in p["title"].lower() and not set("$\\{}") & set(p["title"]))
    browser.get(base_url + "topics/index.html")
    browser.find_element(By.ID, "search-input").send_keys("retriev")
    titles = hit_titles(browser)
    assert any("retriev" in t.lower() for t in titles)
    # Two distinctive title words find the paper first.
    words = [w for w in re.findall(r"[A-Za-z]{6,}", target["title"])][:2]
    box = browser.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys(" ".join(w[:5] for w in words))
    wait(browser).until(lambda b: target["title"] in hit_titles(b))


def test_short_words_match_exactly_and_load_one_shard(browser, base_url, site, console):
    browser.get(base_url + "index.html")
    browser.find_element(By.ID, "search-input").send_keys("co")
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-results .search-summary"))
    shards = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/search/t-'))")
    assert len(shards) <= 1, shards
    titles = hit_titles(browser)
    assert titles, "the default content has papers with the word co (co-create, co-occurrence)"
    # Exact: every hit holds the word "co" itself, not just words starting with it ("compositional").
    by_title = {p["title"]: p for p in papers(site)}
    for title in titles:
        record = by_title.get(title)
        if record:
            text = (record["title"] + " " + (record["abstract"] or "")).lower()
            assert re.search(r"(^|[^a-z0-9])co([^a-z0-9]|$)", text), title


def test_long_queries_search_the_first_words_and_say_which_were_left_out(browser, base_url, site, console):
    manifest = json.loads((site / "search/manifest.json").read_text())
    limit = manifest["max_words"]
    first = ["language", "models", "language", "reasoning", "tasks", "large", "training"]  # "language" twice
    browser.get(base_url + "index.html")
    box = browser.find_element(By.ID, "search-input")
    box.send_keys(" ".join(first + ["zzyzx", "qwerty"]))
    note = f"Searched the first {limit} words; left out: zzyzx qwerty."

    def summary(b):
        return b.find_element(By.CSS_SELECTOR, "#search-results .search-summary").text

    # Waits for the whole query's results (typing shows a few partial queries' first).
    wait(browser).until(lambda b: note in summary(b))
    assert "Use more words" not in summary(browser), "no advice to add words to a query that had some left out"
    long_hits = hit_titles(browser)
    assert long_hits, "the default content has papers with all six words"
    # The same hits as the first words alone: the words left out do not change the results.
    box.clear()
    box.send_keys(" ".join(first))
    wait(browser).until(lambda b: "left out" not in summary(b) and hit_titles(b) == long_hits)
    indexes = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/search/t-') || n.includes('/search/p-'))")
    assert not any("/t-zz" in n or "/t-qw" in n for n in indexes), indexes


def test_search_hits_link_to_their_papers(browser, base_url, site, console):
    # search.js makes most paths from the title's slug: each hit must lead to the page of its paper.
    for query in ["language", "diffusion video", "co", "retriev"]:
        browser.get(base_url + "index.html")
        browser.find_element(By.ID, "search-input").send_keys(query)
        hit_titles(browser)
        hits = browser.execute_script(
            "return Array.from(document.querySelectorAll('#search-results a.search-hit'), a => [a.querySelector('.hit-title').textContent, a.href])")
        assert hits, query
        for title, href in hits:
            page = site / urllib.parse.urlparse(href).path.lstrip("/")
            assert page.is_file(), (query, title, href)
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.read_text(), re.S).group(1)
            assert html.unescape(re.sub(r"<[^>]+>", "", heading)).strip() == title, (query, href)


def test_search_is_usable_with_the_keyboard(browser, base_url, console):
    browser.get(base_url + "index.html")
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("language")
    titles = hit_titles(browser)
    assert len(titles) >= 2
    box.send_keys(Keys.ARROW_DOWN)
    first = browser.switch_to.active_element
    assert first.get_attribute("class") == "search-hit"
    first.send_keys(Keys.ARROW_DOWN)
    second = browser.switch_to.active_element
    assert second.text.split("\n")[0] == titles[1]
    second.send_keys(Keys.ESCAPE)
    assert browser.switch_to.active_element.get_attribute("id") == "search-input"
    assert not browser.find_element(By.ID, "search-results").is_displayed()
    # Enter opens the best hit.
    box.send_keys(Keys.ENTER)
    wait(browser).until(lambda b: "/papers/" in b.current_url and b.current_url.endswith("/index.html") and "papers/index.html" not in b.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == titles[0]


def test_search_query_in_the_address_shows_results(browser, base_url, console):
    browser.get(base_url + "papers/index.html?q=diffusion")
    assert hit_titles(browser)
    assert browser.find_element(By.ID, "search-input").get_attribute("value") == "diffusion"


def test_without_javascript_the_search_box_leads_to_all_papers(browser_without_js, base_url, site):
    browser = browser_without_js
    browser.get(base_url + "topics/index.html")
    box = browser.find_element(By.ID, "search-input")
    box.send_keys("diffusion")
    box.send_keys(Keys.ENTER)
    wait(browser).until(lambda b: "papers/index.html?q=diffusion" in b.current_url)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".paper-card")) == len(papers(site))
    # Sort controls need the script, so they stay hidden; the list is newest first.
    assert not browser.find_element(By.CSS_SELECTOR, ".list-controls").is_displayed()
    # Cards carry no sort attributes: the date is the card's <time>.
    dates = [(e.find_elements(By.CSS_SELECTOR, "time") or [None])[0] for e in browser.find_elements(By.CSS_SELECTOR, ".paper-card")]
    dates = [t.get_attribute("datetime") if t else "" for t in dates]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_walk_home_topic_paper_related_and_back(browser, base_url, console):
    browser.get(base_url + "index.html")
    topic_link = browser.find_element(By.CSS_SELECTOR, ".topic-tile a")
    topic_name = topic_link.find_element(By.CSS_SELECTOR, ".topic-name").text
    topic_link.click()
    wait(browser).until(lambda b: b.find_element(By.TAG_NAME, "h1").text == topic_name)
    topic_url = browser.current_url
    # The topic page links its feed.
    feeds = browser.find_elements(By.CSS_SELECTOR, 'link[rel="alternate"][type="application/atom+xml"]')
    assert len(feeds) == 2
    paper_link = browser.find_element(By.CSS_SELECTOR, "#primary-list .paper-card h3 a")
    paper_title = paper_link.text
    paper_link.click()
    wait(browser).until(lambda b: b.find_element(By.TAG_NAME, "h1").text == paper_title)
    paper_url = browser.current_url
    # Its topics, related papers, neighbours in the topic and issues are linked.
    assert browser.find_elements(By.CSS_SELECTOR, ".membership-list a")
    assert browser.find_elements(By.CSS_SELECTOR, 'a[href*="dumps/"]')
    assert browser.find_element(By.CSS_SELECTOR, ".pager").text.startswith("More in")
    browser.find_element(By.CSS_SELECTOR, '.pager a[rel="next"]').click()
    wait(browser).until(lambda b: b.current_url != paper_url)
    assert browser.find_element(By.CSS_SELECTOR, '.pager a[rel="prev"]').get_attribute("href") == paper_url
    browser.back()
    wait(browser).until(lambda b: b.current_url == paper_url)
    related = browser.find_element(By.CSS_SELECTOR, 'section[aria-labelledby="related"] .related-list a')
    related_title = related.text
    related.click()
    wait(browser).until(lambda b: b.find_element(By.TAG_NAME, "h1").text == related_title)
    browser.back()
    wait(browser).until(lambda b: b.current_url == paper_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == paper_title
    browser.back()
    wait(browser).until(lambda b: b.current_url == topic_url)


def card_values(browser, list_id, attribute):
    # sort.js sets the data-* values from what each card shows when the page loads.
    return [e.get_attribute(attribute) for e in browser.find_elements(By.CSS_SELECTOR, f"#{list_id} .paper-card") if e.is_displayed()]


def test_all_papers_sort_and_filter(browser, base_url, site, console):
    browser.get(base_url + "papers/index.html")
    order = Select(browser.find_element(By.ID, "sort-order"))
    order.select_by_value("upvotes")
    upvotes = [int(v) for v in card_values(browser, "paper-list", "data-upvotes")]
    assert upvotes == sorted(upvotes, reverse=True) and upvotes[0] > upvotes[-1]
    order.select_by_value("title")
    titles = card_values(browser, "paper-list", "data-title")
    assert titles == sorted(titles)
    order.select_by_value("date")
    dated = [d for d in card_values(browser, "paper-list", "data-date") if d]
    assert dated == sorted(dated, reverse=True)
    topics = json.loads((site / "topics.json").read_text())
    topic = topics[0]
    Select(browser.find_element(By.ID, "topic-filter")).select_by_value(topic["slug"])
    shown = card_values(browser, "paper-list", "data-topic")
    assert len(shown) == topic["primary_size"] and set(shown) == {topic["slug"]}
    assert urllib.parse.urlparse(browser.current_url).query == f"sort=date&topic={topic['slug']}"
    # The choice survives a reload through the address.
    browser.refresh()
    assert len(card_values(browser, "paper-list", "data-topic")) == topic["primary_size"]


def test_topic_page_sorts_both_lists(browser, base_url, site, console):
    topic = json.loads((site / "topics.json").read_text())[0]
    browser.get(base_url + f"topics/{topic['slug']}/index.html")
    before = card_values(browser, "primary-list", "data-title")
    order = Select(browser.find_element(By.ID, "sort-order"))
    order.select_by_value("upvotes")
    upvotes = [int(v) for v in card_values(browser, "primary-list", "data-upvotes")]
    assert upvotes == sorted(upvotes, reverse=True)
    order.select_by_value("title")
    assert card_values(browser, "primary-list", "data-title") == sorted(before)
    order.select_by_value("rank")
    assert card_values(browser, "primary-list", "data-title") == before


def test_screenshots_at_phone_and_desktop_widths(browser, base_url, site, console):
    topic = json.loads((site / "topics.json").read_text())[0]
    paper = papers(site)[0]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {"home": "index.html", "topic": f"topics/{topic['slug']}/index.html", "paper": f"papers/{paper['id']}/index.html"}
    for width in (320, 390, 1280):
        browser.set_window_size(width, 900)
        for name, path in pages.items():
            browser.get(base_url + path)
            # Nothing is wider than the window: no sideways scrolling on a phone.
            overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px"
            assert browser.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
        browser.get(base_url + "index.html")
        browser.find_element(By.ID, "search-input").send_keys("reasoning bench")
        assert hit_titles(browser)
        assert browser.save_screenshot(str(SCREENSHOTS / f"search-{width}.png"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    browser.get(base_url + pages["paper"])
    assert browser.save_screenshot(str(SCREENSHOTS / "paper-dark-1280.png"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.set_window_size(1280, 900)
