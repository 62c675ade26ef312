"""Long lists split into pages (the default content with 60 papers per page): all papers as one page\nin each order, archive months and topics in pages, and accessibility of the pager."""
import json

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By


def cards(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#main .paper-card")


def test_all_papers_are_one_page_in_each_order(browser, paged_base_url, paged_site, console):
    papers = json.loads((paged_site / "papers.json").read_text())
    browser.get(paged_base_url + "papers/index.html")
    assert len(cards(browser)) == 60
    # No sorting in the browser (it would only sort one page) and no numbered pages: the archive
    # continues the list month by month, in the same order.
    assert not browser.find_elements(By.CSS_SELECTOR, "select[data-sort-lists]")
    assert not browser.find_elements(By.CSS_SELECTOR, "nav.pagination")
    dates = [c.find_element(By.CSS_SELECTOR, "time").get_attribute("datetime") for c in cards(browser) if c.find_elements(By.CSS_SELECTOR, "time")]
    assert dates == sorted(dates, reverse=True) and dates[0] == max(p.get("published", "") for p in papers)
    assert f"{len(papers)} papers, the 60 newest first." in browser.find_element(By.CSS_SELECTOR, "p.lead").text
    browser.find_element(By.CSS_SELECTOR, "p.lead a[href$='archive/index.html']").click()
    assert browser.current_url.endswith("archive/index.html")
    browser.back()

    # The most upvoted: one page of them (not a second list of every paper), most upvoted first.
    browser.find_element(By.LINK_TEXT, "Most upvoted first").click()
    assert browser.current_url.endswith("papers/upvotes/index.html")
    upvotes = [upvote_count(c) for c in cards(browser)]
    assert len(upvotes) == min(60, len(papers))
    assert upvotes == sorted(upvotes, reverse=True) and upvotes[0] > 0
    assert not browser.find_elements(By.CSS_SELECTOR, "nav.pagination")
    every = sorted((p.get("upvotes") or 0 for p in papers), reverse=True)
    assert upvotes == every[:len(upvotes)]
    browser.find_element(By.LINK_TEXT, "Newest first").click()
    assert browser.current_url.endswith("papers/index.html")


def upvote_count(card):
    """A card's upvotes as it shows them (`▲ 12`), 0 when it shows none."""
    shown = card.find_elements(By.CSS_SELECTOR, ".upvotes")
    return int("".join(ch for ch in shown[0].text if ch.isdigit())) if shown else 0


def test_archive_months_and_topic_pages_are_split(browser, paged_base_url, paged_site, console):
    browser.get(paged_base_url + "archive/index.html")
    browser.find_element(By.LINK_TEXT, "Undated").click()
    assert browser.current_url.endswith("archive/undated/index.html")
    # Archive months and issues list each paper's title and date, not its card.
    assert len(browser.find_elements(By.CSS_SELECTOR, "#main .paper-items li a")) == 60
    biggest = max(json.loads((paged_site / "topics.json").read_text()), key=lambda t: t["primary_size"])
    assert biggest["primary_size"] > 60
    browser.get(paged_base_url + f"topics/{biggest['slug']}/page/2/index.html")
    assert cards(browser)
    assert browser.find_element(By.CSS_SELECTOR, "h1").text == biggest["name"]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_paginated_pages_have_no_axe_violations(browser, paged_base_url, console, dark):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    try:
        for path in ["papers/index.html", "papers/upvotes/index.html", "archive/undated/page/2/index.html"]:
            browser.get(paged_base_url + path)
            axe = Axe(browser)
            axe.inject()
            results = axe.run()
            problems = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]
            assert not problems, f"{path}: {problems}"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
